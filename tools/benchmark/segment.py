"""Benchmark program: segmentation only (corpus_tokens), locally or on a Dask LocalCluster.

Usage: python segment.py MANIFEST CACHE_DIR cache|nocache WORKERS [dask]
Prints: seconds of segmentation (with dask: and seconds to start the cluster).
"""
import sys
import time
from pathlib import Path

import analysis
from analysis import stopwords, tokens

if __name__ == "__main__":
    tokens.TOKEN_CACHE_DIR = Path(sys.argv[2])
    tokens.tokenizer()
    stopwords.stopwords()
    paras = analysis.paragraphs(analysis.load_corpus(sys.argv[1]))
    cache, workers = sys.argv[3] == "cache", int(sys.argv[4])
    if len(sys.argv) > 5 and sys.argv[5] == "dask":
        from distributed import Client, LocalCluster

        started = time.perf_counter()
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            tokens.corpus_tokens(paras.head(1), cache=False, client=client)     # workers set up
            ready = time.perf_counter()
            tokens.corpus_tokens(paras, cache=cache, client=client)
            print(time.perf_counter() - ready, ready - started)
    else:
        start = time.perf_counter()
        tokens.corpus_tokens(paras, cache=cache, workers=workers)
        print(time.perf_counter() - start)
