"""Benchmark program: raw jieba.lcut over the document files of a manifest, one process.

Usage: python raw_jieba.py MANIFEST
Prints: seconds, characters.
"""
import csv
import logging
import pathlib
import sys
import time

import jieba

jieba.setLogLevel(logging.WARNING)
jieba.initialize()
manifest = pathlib.Path(sys.argv[1])
with manifest.open(encoding="utf-8") as handle:
    texts = [(manifest.parent / row["file"]).read_text(encoding="utf-8") for row in csv.DictReader(handle)]
start = time.perf_counter()
for text in texts:
    jieba.lcut(text)
print(time.perf_counter() - start, sum(len(t) for t in texts))
