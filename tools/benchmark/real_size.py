"""Benchmark program: a corpus of real size (about 1,200 work reports, 20 million characters).

Usage:
  python real_size.py write FOLDER REPORTS           write REPORTS synthetic reports and their manifest
  python real_size.py prepare FOLDER WORKERS CACHE   analysis.prepare on them (CACHE: warm, or cold to empty
                                                     the token cache FOLDER/cache/tokens first)
  python real_size.py check FOLDER                   python -m analysis check on them, its output discarded

A synthetic report is one seed report's body and the start of another's under a new title and
meeting line, for one of 300 prefecture-level divisions of China (analysis.documents.read_divisions,
in code order) and a year from 2016 (each place has REPORTS / 300 consecutive years), so that
place names, years and genres are what a real corpus has. Each step prints its figures on one line:
write prints documents and characters; prepare prints seconds, this process's peak RSS (MiB),
the largest worker's peak RSS (MiB) and tokens; check prints seconds, peak RSS (MiB) and its exit code.
"""
import contextlib
import csv
import io
import os
import resource
import shutil
import sys
import time
from pathlib import Path

PLACES = 300
SECOND_BODY_CHARS = 9000
"""Characters of the second body, so that a report has about 18,000 (1,200 reports: 21 million)."""
FIRST_YEAR = 2016


def _peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def places() -> list[tuple[str, str]]:
    """(district id, Chinese name) of the first PLACES prefecture-level divisions."""
    from analysis.documents import read_divisions

    table = read_divisions()
    chosen = table[table["level"] == "prefecture"].head(PLACES)
    return [(f"cn{code}", name) for code, name in zip(chosen["code"], chosen["full_name_zh"])]


def doc_id(place: str, year: int) -> str:
    return f"{place}-{year}-wr"


def write(folder: Path, reports: int) -> None:
    from analysis.paths import MANIFEST

    import pandas as pd

    table = pd.read_csv(MANIFEST, dtype=str)
    texts = [(MANIFEST.parent / name).read_text(encoding="utf-8") for name in table["file"]]
    bodies = [text[text.index("各位代表"):] if "各位代表" in text else text for text in texts]
    (folder / "corpus").mkdir(parents=True)
    rows, chars = [], 0
    chosen = places()
    for i in range(reports):
        place, (district, name), year = i % PLACES, chosen[i % PLACES], FIRST_YEAR + i // PLACES
        title = f"{year}年{name}人民政府工作报告"
        text = (f"{title}\n——{year}年1月10日在{name}第十五届人民代表大会第{year - 2014}次会议上\n"
                + bodies[i % len(bodies)] + "\n" + bodies[(i + place + 1) % len(bodies)][:SECOND_BODY_CHARS])
        file = f"{district}-{year}.txt"
        (folder / "corpus" / file).write_text(text, encoding="utf-8")
        chars += len(text)
        rows.append({"doc_id": doc_id(district, year), "file": file, "district": district, "district_zh": name,
                     "date": f"{year}-01-10", "year": str(year), "genre": "work_report", "title": title,
                     "scope": "whole"})
    with (folder / "corpus" / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(reports, chars)


def prepare(folder: Path, workers: int, cache: str) -> None:
    os.environ["ANALYSIS_CACHE_DIR"] = str(folder / "cache")          # read when the package is imported
    if cache == "cold":
        shutil.rmtree(folder / "cache" / "tokens", ignore_errors=True)
    import analysis

    start = time.perf_counter()
    _, _, tokens = analysis.prepare(manifest=folder / "corpus" / "manifest.csv", workers=workers)
    seconds = time.perf_counter() - start
    print(seconds, _peak_mib(), _peak_mib(resource.RUSAGE_CHILDREN), len(tokens))


def check(folder: Path) -> None:
    from analysis.__main__ import main

    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(["check", "--manifest", str(folder / "corpus" / "manifest.csv")])
    print(time.perf_counter() - start, _peak_mib(), code)


if __name__ == "__main__":
    step, folder = sys.argv[1], Path(sys.argv[2])
    if step == "write":
        write(folder, int(sys.argv[3]))
    elif step == "prepare":
        prepare(folder, int(sys.argv[3]), sys.argv[4])
    else:
        check(folder)
