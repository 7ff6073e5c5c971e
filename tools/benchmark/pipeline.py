"""Benchmark program: load + clean + paragraphs + tokenize + count in one process.

Usage: python pipeline.py MANIFEST CACHE_DIR cache|nocache WORKERS
Prints: seconds, peak resident memory (KiB), number of tokens.
"""
import resource
import sys
import time
from pathlib import Path

import analysis
from analysis.segmentation import stop_words, token_table, tokens
from analysis import textstats

if __name__ == "__main__":
    token_table.TOKEN_CACHE_DIR = Path(sys.argv[2])
    tokens.tokenizer()
    stop_words.stopwords()
    start = time.perf_counter()
    corpus = analysis.load_corpus(sys.argv[1])
    paras = analysis.paragraphs(corpus)
    table = token_table.corpus_tokens(paras, cache=sys.argv[3] == "cache", workers=int(sys.argv[4]))
    counts = textstats.term_frequencies(table)
    print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(table))
