"""Benchmark: ``python -m analysis benchmark`` (or ``make benchmark``) runs this and prints, for this machine,

* raw ``jieba.lcut`` throughput on the raw texts of a corpus ``copies`` times the seeds
  (copies with distinct doc_ids), in characters per second;
* the package's load + clean + paragraphs + tokenize + count throughput on the same
  corpus in one process, and its ratio to raw jieba (target ≥ 0.9);
* the speed-up of segmenting in parallel processes once they are started (target ≥ 1.7 on
  2 cores), and what starting them costs;
* the speed-up of a warm token cache over segmentation (target ≥ 10);
* the seconds per file of ``add`` as the manifest grows from 10 to 1,000 documents (target
  ≤ 0.1 s per file, flat);
* peak memory (maximum resident set size) of the one-process run at several corpus
  sizes, to show how it grows;
* the time of segmentation on a Dask LocalCluster with as many workers, against the
  forked-process path, and what starting the cluster costs;
* the time to execute each notebook against a floor notebook that only imports the same
  libraries and initialises jieba (target: notebooks 00–03 in total ≤ 2.0 × the floor), and how much of it
  is spent writing figure files (``save_figure``: PNG, SVG and CSV);
* the notebooks run cold on ``copies`` × the seeds (and a tenth of that) with 2
  segmentation processes, against raw jieba on the same corpus (target: notebooks 00–03
  ≤ 2.5 ×) and against what their kernels' start alone costs, and
  the bytes of figures and tables they write (target: growth at most linear);
* at real size, on about 1,200 synthetic work reports of 300 prefecture-level cities
  (about 20 million characters; :func:`real_size`): ``prepare`` with 2 workers, cold,
  against raw ``jieba.lcut`` in one process (target ≤ 1.0 ×), its peak memory (target
  ≤ 1.5 GiB), ``check`` (target ≤ 10 s and 1 GiB), and each notebook with a warm token
  cache and 2 workers (target ≤ 3 min each, ≤ 10 min for all);
* beyond one machine, on 10,000 synthetic reports (about 180 million characters): the token
  partitions written by the worker processes, with each worker's peak memory (target
  ≤ 2 GiB), and word counts per place × year and keyness of two groups run out of core
  by DuckDB over them, with their time and memory (:func:`out_of_core`).

The programs it runs live in ``tools/benchmark/``; notebooks are run by papermill with
their parameters set for the scaled corpus (:func:`scaled_parameters`).

It prints figures and never fails on a target: the machines are shared and noisy, so
timing is measured here, not asserted in tests. Times are the best of ``repeat`` runs;
raw jieba and the package are run in alternation, so a slow spell of the machine does
not fall on one side of the ratio only.
"""
from __future__ import annotations

import csv
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from analysis import paths
from analysis.paths import MANIFEST, NOTEBOOKS_DIR, ROOT
from tools.notebook_execution import KERNEL_NAME


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


PROGRAMS = ROOT / "tools" / "benchmark"
"""The benchmark's programs, run as separate processes: pipeline.py, segment.py,
raw_jieba.py, and floor.py and time_figures.py (the cells of the floor notebook and the
cell that times figure writing)."""


def _python(program: str, *args: str) -> list[float]:
    """The figures ``tools/benchmark/<program>`` prints, run with this Python."""
    result = subprocess.run([sys.executable, str(PROGRAMS / program), *args], capture_output=True, text=True,
                            check=True, cwd=ROOT)
    return [float(x) for x in result.stdout.split()]


def _best(repeat: int, *programs: tuple[str, list[str]]) -> list[list[float]]:
    """For each (program, args), its fastest of ``repeat`` runs (by the first figure
    printed); several programs are run in turn (first, second, first, …)."""
    runs: list[list[list[float]]] = [[] for _ in programs]
    for _ in range(repeat):
        for results, (program, args) in zip(runs, programs):
            results.append(_python(program, *args))
    return [min(results, key=lambda r: r[0]) for results in runs]


def _cells(program: str) -> list[str]:
    """The code cells of a cell file in tools/benchmark: blocks separated by '# ---' lines,
    each without the comment lines that open it."""
    cells = []
    for block in (PROGRAMS / program).read_text(encoding="utf-8").split("\n# ---\n"):
        lines = block.strip("\n").split("\n")
        while lines and lines[0].startswith("#"):
            lines.pop(0)
        cells.append("\n".join(lines).strip("\n"))
    return cells


def _execute(path: Path, parameters: dict | None = None, time_figures: bool = False) -> tuple[float, float]:
    """Seconds to execute the notebook at ``path`` with papermill (``parameters`` injected;
    in its folder) and, with ``time_figures``, the seconds spent in ``analysis.save_figure``."""
    import logging

    import papermill

    logging.getLogger("papermill").setLevel(logging.ERROR)      # it cannot parse commented parameter lines; harmless

    notebook = nbformat.read(path, as_version=4)
    if time_figures:
        notebook.cells.insert(0, nbformat.v4.new_code_cell(_cells("time_figures.py")[0]))
        notebook.cells.append(nbformat.v4.new_code_cell("print(_figure_seconds[0])"))
    with tempfile.TemporaryDirectory() as tmp:
        source, output = Path(tmp) / path.name, Path(tmp) / f"out-{path.name}"
        nbformat.write(notebook, source)
        start = time.perf_counter()
        papermill.execute_notebook(str(source), str(output), parameters=parameters or {}, cwd=str(NOTEBOOKS_DIR),
                                   engine_name="encrypted",
                                   kernel_name=KERNEL_NAME, progress_bar=False, log_output=False)
        seconds = time.perf_counter() - start
        if not time_figures:
            return seconds, 0.0
        executed = nbformat.read(output, as_version=4)
        return seconds, float(executed.cells[-1].outputs[0]["text"])


def scaled_parameters(path: Path, manifest: Path, figures: Path, workers: int, suffix: str) -> dict:
    """A notebook's parameters for a corpus built by :func:`build_corpus`: its defaults with
    every seed doc_id given the copy ``suffix`` (in lists, dicts and query strings), the
    corpus ``manifest``, ``figures`` as FIGURES_DIR and ``workers`` as WORKERS."""
    notebook = nbformat.read(path, as_version=4)
    source = next(c.source for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    values: dict = {"paths": paths}
    exec(source, values)                                   # the notebook's own default values
    seeds = sorted(read_manifest_ids(MANIFEST), key=len, reverse=True)

    def renamed(value):
        if isinstance(value, str):
            for doc_id in seeds:
                value = value.replace(f"'{doc_id}'", f"'{doc_id}{suffix}'")
            return f"{value}{suffix}" if value in seeds else value
        if isinstance(value, (list, tuple)):
            return [renamed(v) for v in value]
        if isinstance(value, dict):
            return {k: renamed(v) for k, v in value.items()}
        return value

    names = [name.strip() for line in source.splitlines() if line and line[0].isupper() and "=" in line
             for name in line.split("=")[0].split(",")]
    out = {name: renamed(values[name]) for name in names if name in values
           and isinstance(values[name], (str, list, tuple, dict)) and name not in ("MANIFEST", "FIGURES_DIR")}
    return {**out, "MANIFEST": str(manifest), "FIGURES_DIR": str(figures), "WORKERS": workers}


def read_manifest_ids(manifest: Path) -> list[str]:
    with manifest.open(encoding="utf-8", newline="") as handle:
        return [row["doc_id"] for row in csv.DictReader(handle)]


def out_of_core(reports: int, workers: int) -> None:
    """Print the out-of-core figures (tools/benchmark/out_of_core.py) on ``reports`` synthetic
    reports: token partitions written by ``workers`` processes (target: ≤ 2 GiB per worker),
    word counts per place × year and keyness of two groups by DuckDB."""
    with tempfile.TemporaryDirectory() as tmp:
        documents, chars = _python("out_of_core.py", "write", tmp, str(reports))
        print(f"beyond one machine: {int(documents):,} synthetic reports, {int(chars):,} characters")
        seconds, tokens, worker_mib, main_mib = _python("out_of_core.py", "partition", tmp, str(workers))
        print(f"  token partitions, {workers} processes:  {seconds:8.1f} s for {int(tokens):,} tokens; peak memory "
              f"{worker_mib:,.0f} MiB per worker (target ≤ 2,048), {main_mib:,.0f} MiB in the main process")
        counted, rows, keyed, terms, peak = _python("out_of_core.py", "count", tmp, str(workers))
        print(f"  word counts per place × year (DuckDB, to Parquet): {counted:8.1f} s, {int(rows):,} rows")
        print(f"  keyness of two groups of places (DuckDB counts):  {keyed:8.1f} s, {int(terms):,} terms")
        print(f"  peak memory of the DuckDB process:               {peak:8,.0f} MiB")


def real_size_parameters(folder: Path, figures: Path, workers: int) -> dict[str, dict]:
    """Each notebook's parameters for the corpus tools/benchmark/real_size.py writes: the first
    place's reports as notebook 02's timeline, its last report against the second place's
    in notebooks 01–04."""
    from tools.benchmark.real_size import doc_id, places

    manifest = folder / "corpus" / "manifest.csv"
    years = sorted({int(row["year"]) for row in csv.DictReader(manifest.open(encoding="utf-8"))})
    (first, _), (second, _) = places()[:2]
    timeline = [doc_id(first, year) for year in years]
    pair = [timeline[-1], doc_id(second, years[-1])]
    common = {"MANIFEST": str(manifest), "FIGURES_DIR": str(figures), "WORKERS": workers}
    own = {
        "00": {},
        "01": {"WORK_REPORTS": pair, "COMPARE": pair},
        "02": {"TIMELINE": timeline, "REFERENCE": pair[1], "WORK_REPORTS": pair, "EXCERPT": timeline[-1],
               "EXCERPT_SECTIONS": [1], "MATCH": timeline[-2] if len(timeline) > 1 else timeline[-1],
               "MATCH_SECTIONS": [1], "SUBJECT": "第一节 the first section", "TRAJECTORY_DOCS": timeline},
        "03": {"PLACES": [first, second], "REPORTS": pair},
        "04": {"PLACES": [first, second], "REPORTS": pair},
    }
    return {path.name: {**common, **own[path.name[:2]]} for path in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
            if path.name[:2] in own}


def real_size(reports: int, workers: int, notebooks: bool) -> None:
    """Print the real-size figures (module docstring) on ``reports`` synthetic work reports."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        documents, chars = _python("real_size.py", "write", tmp, str(reports))
        print(f"real size: {int(documents):,} synthetic work reports of 300 places, {int(chars):,} characters")
        raw_seconds, _ = _python("raw_jieba.py", str(folder / "corpus" / "manifest.csv"))
        cold, peak, worker_peak, tokens = _python("real_size.py", "prepare", tmp, str(workers), "cold")
        print(f"  raw jieba.lcut, one process:     {raw_seconds:8.1f} s")
        print(f"  prepare, {workers} workers, cold cache:  {cold:8.1f} s = {cold / raw_seconds:.2f} × raw jieba "
              f"(target ≤ 1.0 ×); {int(tokens):,} tokens")
        print(f"  prepare, peak memory:            {peak:8,.0f} MiB in the main process (target ≤ 1,536); "
              f"{worker_peak:,.0f} MiB in the largest process it waited for")
        warm, peak, _, _ = _python("real_size.py", "prepare", tmp, str(workers), "warm")
        print(f"  prepare, warm cache:             {warm:8.1f} s, peak {peak:,.0f} MiB")
        seconds, peak, code = _python("real_size.py", "check", tmp)
        print(f"  check:                           {seconds:8.1f} s, peak {peak:,.0f} MiB "
              f"(target ≤ 10 s and 1,024 MiB; exit code {int(code)})")
        if not notebooks:
            return
        os.environ["ANALYSIS_CACHE_DIR"] = str(folder / "cache")            # kernels inherit it: warm
        total = 0.0
        for name, parameters in real_size_parameters(folder, folder / "figures", workers).items():
            seconds = _execute(NOTEBOOKS_DIR / name, parameters)[0]
            total += seconds
            print(f"  {name:34s} {seconds:8.1f} s  (target ≤ 180 s)")
        print(f"  {'every notebook':34s} {total:8.1f} s  (target ≤ 600 s)")
        os.environ.pop("ANALYSIS_CACHE_DIR", None)


def run(copies: int = 100, workers: int = 0, notebooks: bool = True, repeat: int = 3,
        out_of_core_reports: int = 10_000, real_size_reports: int = 1200) -> int:
    workers = workers or os.cpu_count() or 1
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "corpus").mkdir()
        manifest = build_corpus(tmp / "corpus", copies)
        cache = str(tmp / "cache")
        arguments = [str(manifest), cache]

        (raw_time, chars), single = _best(repeat, ("raw_jieba.py", [str(manifest)]),
                                          ("pipeline.py", [*arguments, "nocache", "1"]))
        print(f"corpus: {copies} × seeds = {copies * 5} documents, {int(chars):,} characters, "
              f"{int(single[2]):,} tokens")
        print(f"raw jieba.lcut:                   {chars / raw_time:12,.0f} chars/s  ({raw_time:.1f} s)")
        print(f"package, one process:             {chars / single[0]:12,.0f} chars/s  ({single[0]:.1f} s)")
        print(f"  ratio to raw jieba:             {raw_time / single[0]:12.2f}      (target ≥ 0.9)")

        seg_single = _best(repeat, ("segment.py", [*arguments, "nocache", "1"]))[0][0]
        seg_parallel, *started = _best(repeat, ("segment.py", [*arguments, "nocache", str(workers)]))[0]
        pool_start = started[0] if started else 0.0                          # one worker: nothing to start
        print(f"segmentation, 1 process:          {seg_single:12.1f} s")
        print(f"segmentation, {workers} processes:        {seg_parallel:12.1f} s  (+ {pool_start:.1f} s to start the "
              "worker server, which loads the package and builds the tokenizer)")
        print(f"  parallel speed-up:              {seg_single / seg_parallel:12.2f}      (target ≥ 1.7 on 2 cores)")
        print(f"  with the start:                 {seg_single / (seg_parallel + pool_start):12.2f}")
        seg_dask, dask_start = _best(repeat, ("segment.py", [*arguments, "nocache", str(workers), "dask"]))[0]
        print(f"segmentation, Dask LocalCluster of {workers} workers: {seg_dask:6.1f} s  "
              f"(+ {dask_start:.1f} s to start the cluster and set up its workers)")
        print(f"  Dask against the forked-process path: {seg_parallel / seg_dask:6.2f} × its speed")

        _python("segment.py", *arguments, "cache", "1")                 # fills the cache
        seg_warm = _best(repeat, ("segment.py", [*arguments, "cache", "1"]))[0][0]
        whole_warm = _best(repeat, ("pipeline.py", [*arguments, "cache", "1"]))[0][0]
        print(f"segmentation, warm cache:         {seg_warm:12.2f} s")
        print(f"  warm-cache speed-up:            {seg_single / seg_warm:12.1f}      (target ≥ 10)")
        print(f"  whole pipeline, warm vs cold:   {single[0] / whole_warm:12.1f}")

        print("peak memory (max RSS), one process, no cache:")
        for size in sorted({max(1, copies // 10), max(1, copies // 2), copies}):
            folder = tmp / f"corpus{size}"
            folder.mkdir()
            sized = build_corpus(folder, size)
            peak = _python("pipeline.py", str(sized), cache, "nocache", "1")
            print(f"  {size:4d} × seeds: {peak[1] / 1024:8.0f} MiB")

        print("add, seconds per file (10 files a call) by the documents already listed (target ≤ 0.1 s, flat):")
        figures = _python("intake.py", str(tmp / "intake"), "1000", "10")
        per_call = dict(zip(figures[0::2], figures[1::2]))
        for listed in (10, 100, 500, 990):
            print(f"  {listed:4d} listed: {per_call[float(listed)]:8.3f} s per file")

    if real_size_reports:
        real_size(real_size_reports, min(workers, 2), notebooks)
    if out_of_core_reports:
        out_of_core(out_of_core_reports, workers)
    if notebooks:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["ANALYSIS_FIGURES_DIR"] = str(Path(tmp) / "figures")    # kernels inherit it
            floor_time = _time_notebooks(Path(tmp), repeat)
        with tempfile.TemporaryDirectory() as tmp:
            _time_notebooks_at_scale(Path(tmp), copies, min(workers, 2), raw_time, floor_time)
    return 0


TARGET_NOTEBOOKS = ("00", "01", "02", "03")
"""The four notebooks the speed targets name (notebook 04 came later; it is timed beside them)."""


def _in_target(path: Path) -> bool:
    return path.name[:2] in TARGET_NOTEBOOKS


def _time_notebooks(tmp: Path, repeat: int) -> float:
    """Print each notebook's time against the floor notebook (figures go under ``tmp``), for
    the four target notebooks and for all; return the floor notebook's time."""
    floor = tmp / "floor.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in _cells("floor.py")]), floor)
    floor_time = min(_execute(floor)[0] for _ in range(repeat))
    print(f"notebooks (floor notebook: imports + jieba initialisation = {floor_time:.1f} s; "
          "token cache as left by the last run):")
    print(f"  {'':32s} {'time':>8s}  {'× floor':>7s}  {'writing figure files':>20s}")
    paths = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
    times = {}
    for path in paths:
        times[path] = _execute(path, time_figures=True)
        seconds, figure_seconds = times[path]
        print(f"  {path.name:32s} {seconds:6.1f} s  {seconds / floor_time:7.1f}  {figure_seconds:18.1f} s")
    for label, chosen, target in (("total, notebooks 00–03", [p for p in paths if _in_target(p)], "  (target ≤ 2.0 × floor)"),
                                  ("total, every notebook", paths, "")):
        total, figures = (sum(times[p][i] for p in chosen) for i in (0, 1))
        floors = floor_time * len(chosen)
        print(f"  {label:32s} {total:6.1f} s  {total / floors:7.1f}  {figures:18.1f} s{target}")
        print(f"    without writing figure files: {(total - figures) / floors:.1f} × floor")
    return floor_time


def _time_notebooks_at_scale(tmp: Path, copies: int, workers: int, raw_time: float, floor_time: float) -> None:
    """Run every notebook cold (empty token cache) on ``copies`` × the seeds and on a tenth
    of that, with ``workers`` segmentation processes, and print their times against raw
    jieba on the large corpus (target: notebooks 00–03 ≤ 2.5 ×), what their kernels' start
    alone costs (``floor_time`` per notebook), and the size of what they write (figures
    and tables must grow at most linearly with the number of documents)."""
    sizes = sorted({max(1, copies // 10), copies})
    paths = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
    print(f"notebooks at scale (cold token cache, {workers} segmentation processes):")
    written: dict[int, tuple[int, int]] = {}
    for size in sizes:
        folder = tmp / f"x{size}"
        (folder / "corpus").mkdir(parents=True)
        manifest = build_corpus(folder / "corpus", size)
        figures = folder / "figures"
        os.environ["ANALYSIS_CACHE_DIR"] = str(folder / "cache")           # kernels inherit it: cold
        times = {}
        for path in paths:
            parameters = scaled_parameters(path, manifest, figures, workers, "-c0000")
            seconds, figure_seconds = times[path] = _execute(path, parameters, time_figures=True)
            print(f"  {size:4d} × seeds  {path.name:32s} {seconds:7.1f} s  (writing figure files {figure_seconds:.1f} s)")
        four = sum(times[p][0] for p in paths if _in_target(p))
        total = sum(t for t, _ in times.values())
        if size == copies:
            starts = floor_time * len(TARGET_NOTEBOOKS)
            print(f"  {size:4d} × seeds  {'notebooks 00–03':32s} {four:7.1f} s  = {four / raw_time:.1f} × raw jieba on this "
                  f"corpus ({raw_time:.1f} s; target ≤ 2.5 ×)")
            print(f"  {size:4d} × seeds  {'  their kernels start, imports':32s} {starts:7.1f} s  = {starts / raw_time:.1f} × "
                  f"raw jieba ({len(TARGET_NOTEBOOKS)} × the floor notebook), before any work")
        images = sum(p.stat().st_size for p in figures.glob("*") if p.suffix in (".png", ".svg", ".html"))
        tables = sum(p.stat().st_size for p in figures.glob("*.csv"))
        written[size] = (images, tables)
        line = f"  {size:4d} × seeds  {'every notebook':32s} {total:7.1f} s"
        if size == copies:
            line += f"  = {total / raw_time:.1f} × raw jieba"
        print(line)
        print(f"  {size:4d} × seeds  written: figures and explorer pages {images / 1e6:.1f} MB, "
              f"tables {tables / 1e6:.1f} MB")
    if len(sizes) == 2:
        small, large = sizes
        growth = [written[large][i] / max(written[small][i], 1) for i in (0, 1)]
        print(f"  growth for {large // small} × the documents: figures × {growth[0]:.1f}, tables × {growth[1]:.1f} "
              f"(target: at most × {large // small})")
    os.environ.pop("ANALYSIS_CACHE_DIR", None)
