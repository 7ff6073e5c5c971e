"""Benchmark: ``python -m analysis benchmark`` (or ``make benchmark``) prints, for this machine,

* raw ``jieba.lcut`` throughput on the raw texts of a corpus ``copies`` times the seeds
  (copies with distinct doc_ids), in characters per second;
* the package's load + clean + paragraphs + tokenize + count throughput on the same
  corpus in one process, and its ratio to raw jieba (target ≥ 0.9);
* the speed-up of segmenting in parallel processes (target ≥ 1.7 on 2 cores);
* the speed-up of a warm token cache over segmentation (target ≥ 10);
* peak memory (maximum resident set size) of the one-process run at several corpus
  sizes, to show how it grows;
* the time to execute each notebook against a floor notebook that only imports the same
  libraries and initialises jieba (target: total ≤ 1.5 × the floor, per notebook), and
  how much of it is spent writing figure files (``save_figure``: PNG, SVG and CSV).

It prints figures and never fails on a target: the machines are shared and noisy, so
timing is measured here, not asserted in tests. Times are the best of ``repeat`` runs;
raw jieba and the package are run in alternation, so a slow spell of the machine does
not fall on one side of the ratio only.
"""
from __future__ import annotations

import csv
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from .notebook_execution import execute
from .paths import MANIFEST, NOTEBOOKS_DIR, ROOT


def build_corpus(folder: Path, copies: int, manifest: Path = MANIFEST) -> Path:
    """Write ``copies`` copies of every document of ``manifest`` into ``folder`` (distinct
    doc_ids and file names) with their manifest; return the new manifest's path."""
    with manifest.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    out_rows = []
    for i in range(copies):
        for row in rows:
            name = f"c{i:04d}_{row['file']}"
            shutil.copyfile(manifest.parent / row["file"], folder / name)
            out_rows.append({**row, "doc_id": f"{row['doc_id']}-c{i:04d}", "file": name})
    out = folder / "manifest.csv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(out_rows)
    return out


_PIPELINE = """
import sys, time, resource
import analysis
from analysis import stats, stopwords, tokens
tokens.TOKEN_CACHE_DIR = __import__("pathlib").Path(sys.argv[2])
tokens.tokenizer(); stopwords.stopwords()
start = time.perf_counter()
corpus = analysis.load_corpus(sys.argv[1])
paras = analysis.paragraphs(corpus)
table = tokens.corpus_tokens(paras, cache=sys.argv[3] == "cache", workers=int(sys.argv[4]))
counts = stats.term_frequencies(table)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(table))
"""

_SEGMENT_ONLY = """
import sys, time
import analysis
from analysis import stopwords, tokens
tokens.TOKEN_CACHE_DIR = __import__("pathlib").Path(sys.argv[2])
tokens.tokenizer(); stopwords.stopwords()
paras = analysis.paragraphs(analysis.load_corpus(sys.argv[1]))
start = time.perf_counter()
tokens.corpus_tokens(paras, cache=sys.argv[3] == "cache", workers=int(sys.argv[4]))
print(time.perf_counter() - start)
"""

_RAW_JIEBA = """
import sys, time, csv, pathlib
import jieba, logging
jieba.setLogLevel(logging.WARNING)
jieba.initialize()
manifest = pathlib.Path(sys.argv[1])
texts = [(manifest.parent / row["file"]).read_text(encoding="utf-8")
         for row in csv.DictReader(manifest.open(encoding="utf-8"))]
start = time.perf_counter()
for text in texts:
    jieba.lcut(text)
print(time.perf_counter() - start, sum(len(t) for t in texts))
"""


def _python(code: str, *args: str) -> list[float]:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                            cwd=ROOT)
    return [float(x) for x in result.stdout.split()]


def _best(repeat: int, *programs: tuple[str, list[str]]) -> list[list[float]]:
    """For each (code, args) program, its fastest of ``repeat`` runs (by the first figure
    printed); several programs are run in turn (first, second, first, …)."""
    runs: list[list[list[float]]] = [[] for _ in programs]
    for _ in range(repeat):
        for results, (code, args) in zip(runs, programs):
            results.append(_python(code, *args))
    return [min(results, key=lambda r: r[0]) for results in runs]


_TIME_FIGURES = """
import time as _time, analysis as _analysis
_figure_seconds = [0.0]
def _timed_save_figure(*args, _save=_analysis.save_figure, **kwargs):
    start = _time.perf_counter()
    try:
        return _save(*args, **kwargs)
    finally:
        _figure_seconds[0] += _time.perf_counter() - start
_analysis.save_figure = _timed_save_figure
"""


def _execute(path: Path, time_figures: bool = False) -> tuple[float, float]:
    """Seconds to execute the notebook at ``path`` (in memory; its figures are written as
    usual) and, with ``time_figures``, the seconds spent in ``analysis.save_figure``."""
    notebook = nbformat.read(path, as_version=4)
    if time_figures:
        notebook.cells.insert(0, nbformat.v4.new_code_cell(_TIME_FIGURES))
        notebook.cells.append(nbformat.v4.new_code_cell("print(_figure_seconds[0])"))
    start = time.perf_counter()
    execute(notebook, NOTEBOOKS_DIR)
    seconds = time.perf_counter() - start
    return seconds, float(notebook.cells[-1].outputs[0]["text"]) if time_figures else 0.0


_FLOOR_CELLS = [
    "import numpy, pandas, scipy, sklearn, matplotlib, matplotlib.pyplot, wordcloud, adjustText, jieba, yaml",
    "import analysis\nfrom analysis import kwic, stats, themes, topics",
    "analysis.tokens.tokenizer(); analysis.use_project_style()",
]


def run(copies: int = 100, workers: int = 0, notebooks: bool = True, repeat: int = 3) -> int:
    workers = workers or os.cpu_count() or 1
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "corpus").mkdir()
        manifest = build_corpus(tmp / "corpus", copies)
        cache = str(tmp / "cache")
        arguments = [str(manifest), cache]

        (raw_time, chars), single = _best(repeat, (_RAW_JIEBA, [str(manifest)]),
                                          (_PIPELINE, [*arguments, "nocache", "1"]))
        print(f"corpus: {copies} × seeds = {copies * 5} documents, {int(chars):,} characters, "
              f"{int(single[2]):,} tokens")
        print(f"raw jieba.lcut:                   {chars / raw_time:12,.0f} chars/s  ({raw_time:.1f} s)")
        print(f"package, one process:             {chars / single[0]:12,.0f} chars/s  ({single[0]:.1f} s)")
        print(f"  ratio to raw jieba:             {raw_time / single[0]:12.2f}      (target ≥ 0.9)")

        seg_single = _best(repeat, (_SEGMENT_ONLY, [*arguments, "nocache", "1"]))[0][0]
        seg_parallel = _best(repeat, (_SEGMENT_ONLY, [*arguments, "nocache", str(workers)]))[0][0]
        print(f"segmentation, 1 process:          {seg_single:12.1f} s")
        print(f"segmentation, {workers} processes:        {seg_parallel:12.1f} s")
        print(f"  parallel speed-up:              {seg_single / seg_parallel:12.2f}      (target ≥ 1.7 on 2 cores)")

        _python(_SEGMENT_ONLY, *arguments, "cache", "1")                 # fills the cache
        seg_warm = _best(repeat, (_SEGMENT_ONLY, [*arguments, "cache", "1"]))[0][0]
        whole_warm = _best(repeat, (_PIPELINE, [*arguments, "cache", "1"]))[0][0]
        print(f"segmentation, warm cache:         {seg_warm:12.2f} s")
        print(f"  warm-cache speed-up:            {seg_single / seg_warm:12.1f}      (target ≥ 10)")
        print(f"  whole pipeline, warm vs cold:   {single[0] / whole_warm:12.1f}")

        print("peak memory (max RSS), one process, no cache:")
        for size in sorted({max(1, copies // 10), max(1, copies // 2), copies}):
            folder = tmp / f"corpus{size}"
            folder.mkdir()
            sized = build_corpus(folder, size)
            peak = _python(_PIPELINE, str(sized), cache, "nocache", "1")
            print(f"  {size:4d} × seeds: {peak[1] / 1024:8.0f} MiB")

    if notebooks:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["ANALYSIS_FIGURES_DIR"] = str(Path(tmp) / "figures")    # kernels inherit it
            _time_notebooks(Path(tmp), repeat)
    return 0


def _time_notebooks(tmp: Path, repeat: int) -> None:
    """Print each notebook's time against the floor notebook (figures go under ``tmp``)."""
    floor = tmp / "floor.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in _FLOOR_CELLS]), floor)
    floor_time = min(_execute(floor)[0] for _ in range(repeat))
    print(f"notebooks (floor notebook: imports + jieba initialisation = {floor_time:.1f} s; "
          "token cache as left by the last run):")
    print(f"  {'':32s} {'time':>8s}  {'× floor':>7s}  {'writing figure files':>20s}")
    total = figures = 0.0
    paths = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
    for path in paths:
        seconds, figure_seconds = _execute(path, time_figures=True)
        total += seconds
        figures += figure_seconds
        print(f"  {path.name:32s} {seconds:6.1f} s  {seconds / floor_time:7.1f}  {figure_seconds:18.1f} s")
    floors = floor_time * len(paths)
    print(f"  {'total':32s} {total:6.1f} s  {total / floors:7.1f}  {figures:18.1f} s   (target ≤ 2.0 × floor)")
    print(f"  total without writing figure files: {(total - figures) / floors:.1f} × floor")
