"""Benchmark program: the cost of ``add`` per file as the corpus grows.

Usage: python intake.py FOLDER TOTAL BATCH
Writes TOTAL synthetic Markdown work reports (a seed report's text under a new front-matter
title and meeting line, one place per batch) and adds them BATCH files per call to one
manifest in FOLDER. Prints, for each call, the documents listed before it and the seconds
per file of that call.
"""
import sys
import time
from pathlib import Path

from analysis.documents.intake import add_documents
from analysis.paths import SEEDS_DIR

SEED = (SEEDS_DIR / "004_8b03acbbd24002e3.txt").read_text(encoding="utf-8")
BODY = SEED[SEED.index("各位代表"):]


def report(place: int, year: int) -> str:
    return (f"---\ntitle: {year}年示范{place}区政府工作报告\n---\n\n# 政府工作报告\n\n"
            f"——{year}年1月10日在示范{place}区第十六届人民代表大会第三次会议上\n\n" + BODY)


if __name__ == "__main__":
    folder, total, batch = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    incoming = folder / "incoming"
    incoming.mkdir(parents=True, exist_ok=True)
    manifest = folder / "corpus" / "manifest.csv"
    listed = 0
    for place in range(total // batch):
        files = []
        for k in range(batch):
            path = incoming / f"bench-{place:04d}-{2000 + k}.md"
            path.write_text(report(place, 2000 + k), encoding="utf-8")
            files.append(path)
        start = time.perf_counter()
        add_documents(files, f"bench-{place:04d}", district_zh=f"示范{place}区", manifest=manifest)
        print(listed, (time.perf_counter() - start) / batch, flush=True)
        listed += batch
