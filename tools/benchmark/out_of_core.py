"""Benchmark program: a corpus beyond one machine's memory, counted out of core.

Usage:
  python out_of_core.py write FOLDER REPORTS      write REPORTS synthetic work reports and their manifest
  python out_of_core.py partition FOLDER WORKERS  segment them into token partitions (FOLDER/partitions)
  python out_of_core.py count FOLDER THREADS      word counts per place × year, and keyness of two groups

A synthetic report is a seed report's body and the start of another's under a new title and meeting line, for
one of 300 places and a year from 1990 (the seeds rotate, so places differ). Each step
prints its figures on one line: write prints documents and characters; partition prints
seconds, tokens, the largest worker's peak RSS (MiB) and this process's; count prints the
seconds and rows of the counts per place × year (written to Parquet by DuckDB), the seconds
and terms of the keyness table, and this process's peak RSS (MiB).
"""
import csv
import resource
import sys
import time
from pathlib import Path

import pandas as pd

from analysis import segmentation, textstats
from analysis.paths import MANIFEST

PLACES = 300
SECOND_BODY_CHARS = 9000
"""Characters of the second body, so a report has about 18,000 (10,000 reports: 180 million)."""


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bodies() -> list[str]:
    table = pd.read_csv(MANIFEST, dtype=str)
    texts = [(MANIFEST.parent / name).read_text(encoding="utf-8") for name in table["file"]]
    return [text[text.index("各位代表"):] if "各位代表" in text else text for text in texts]


def write(folder: Path, reports: int) -> None:
    bodies = _bodies()
    (folder / "corpus").mkdir(parents=True)
    rows, chars = [], 0
    for i in range(reports):
        place, year = i % PLACES, 1990 + i // PLACES
        text = (f"{year}年示范{place}市政府工作报告\n——{year}年1月10日在示范{place}市人民代表大会会议上\n"
                + bodies[i % len(bodies)] + "\n" + bodies[(i + place + 1) % len(bodies)][:SECOND_BODY_CHARS])
        name = f"place{place:03d}-{year}.txt"
        (folder / "corpus" / name).write_text(text, encoding="utf-8")
        chars += len(text)
        rows.append({"doc_id": f"place{place:03d}-{year}-wr", "file": name, "district": f"place{place:03d}",
                     "date": f"{year}-01-10", "year": str(year), "genre": "work_report",
                     "title": f"{year}年示范{place}市政府工作报告", "scope": "whole"})
    with (folder / "corpus" / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(reports, chars)


def partition(folder: Path, workers: int) -> None:
    start = time.perf_counter()
    summary = segmentation.write_token_partitions(folder / "corpus" / "manifest.csv", folder / "partitions",
                                                  batch_documents=50, workers=workers)
    print(time.perf_counter() - start, summary.tokens, summary.peak_worker_mib, _peak_mib())


def count(folder: Path, threads: int) -> None:
    connection = textstats.partition_connection(threads=threads, temp_directory=folder / "spill")
    start = time.perf_counter()
    out = textstats.partition_word_counts(folder / "partitions", out=folder / "counts.parquet", connection=connection)
    counted = time.perf_counter() - start
    rows = connection.execute(f"SELECT count(*) FROM read_parquet('{out.as_posix()}')").fetchone()[0]
    start = time.perf_counter()
    table = textstats.partition_keyness(folder / "partitions", {"district": [f"place{p:03d}" for p in range(0, PLACES, 2)]},
                                        {"district": [f"place{p:03d}" for p in range(1, PLACES, 2)]}, min_freq=5,
                                        connection=connection)
    print(counted, rows, time.perf_counter() - start, len(table), _peak_mib())


if __name__ == "__main__":
    step, folder, number = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    {"write": write, "partition": partition, "count": count}[step](folder, number)
