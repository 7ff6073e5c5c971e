"""Benchmark program: segmentation only (corpus_tokens), locally or on a Dask LocalCluster.

Usage: python segment.py MANIFEST CACHE_DIR cache|nocache WORKERS [dask]
Prints: seconds of segmentation; with more than one worker, also the seconds to start the
workers beforehand (the forkserver, or with dask the cluster), which the first figure leaves out.
"""
import sys
import time
from pathlib import Path

import analysis
from analysis._internal import parallel
from analysis.segmentation import stop_words, token_table, tokens

if __name__ == "__main__":
    token_table.TOKEN_CACHE_DIR = Path(sys.argv[2])
    tokens.tokenizer()
    stop_words.stopwords()
    paras = analysis.paragraphs(analysis.load_corpus(sys.argv[1]))
    cache, workers = sys.argv[3] == "cache", int(sys.argv[4])
    if len(sys.argv) > 5 and sys.argv[5] == "dask":
        from distributed import Client, LocalCluster

        from analysis.segmentation.cluster import cluster_mapper

        started = time.perf_counter()
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            token_table.corpus_tokens(paras.head(1), cache=False, mapper=cluster_mapper(client))     # workers set up
            ready = time.perf_counter()
            token_table.corpus_tokens(paras, cache=cache, mapper=cluster_mapper(client))
            print(time.perf_counter() - ready, ready - started)
    elif workers > 1:
        started = time.perf_counter()
        parallel.start_workers(workers)
        list(parallel.ordered_map(abs, [1, 2], workers))          # the worker server has loaded and forks
        ready = time.perf_counter()
        token_table.corpus_tokens(paras, cache=cache, workers=workers)
        print(time.perf_counter() - ready, ready - started)
    else:
        start = time.perf_counter()
        token_table.corpus_tokens(paras, cache=cache, workers=workers)
        print(time.perf_counter() - start)
