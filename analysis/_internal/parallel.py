"""Parallel map over worker processes, shared by segmentation and topic fitting.

Workers are never forked from this (multi-threaded) process: BLAS, Arrow and the
Jupyter kernel start threads, and forking a threaded process can deadlock the child
(Python 3.12+ warns; macOS does not fork by default for that reason). On Linux the
workers come from a *forkserver*: a small single-threaded server process, started once
per session with the package imported and the project tokenizer built
(:mod:`analysis._internal.worker_preload`), forks each worker, so a worker starts in milliseconds
without importing or building anything again. :func:`start_workers` starts that server
ahead of time, so its start-up overlaps with the caller's own work. Elsewhere
(macOS, Windows) workers are *spawned*. What a worker needs beyond the imports (the
jieba tokenizer, say) is built once per worker by an ``initializer``. Results come back
in the order of the inputs, so a parallel run returns exactly what a serial one does.
"""
from __future__ import annotations

import multiprocessing
from multiprocessing import forkserver
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

__all__ = ["START_METHOD", "resolve_workers", "start_workers", "ordered_map"]

T = TypeVar("T")
R = TypeVar("R")

START_METHOD = "forkserver" if sys.platform.startswith("linux") else "spawn"
"""How worker processes start: forkserver on Linux, spawn elsewhere; never fork."""

_PRELOAD = ["analysis._internal.worker_preload"]
"""Modules the forkserver imports once, so that the workers it forks have them."""


def resolve_workers(workers: int | None) -> int:
    """The number of processes to use: ``workers``, or every core when None."""
    if workers is None:
        return os.cpu_count() or 1
    if workers < 1:
        raise ValueError(f"workers must be at least 1 (or None for every core), not {workers}")
    return workers


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context(START_METHOD)
    if START_METHOD == "forkserver":
        context.set_forkserver_preload(_PRELOAD)
    return context


def start_workers(workers: int | None) -> bool:
    """Start the forkserver now when ``workers`` (None = every core) is more than one and
    workers come from a forkserver (Linux); True if it was asked to start or already runs.
    It imports the package and builds the tokenizer in its own process, in parallel with
    the caller, so the first :func:`ordered_map` later forks its workers without waiting
    for that. Calling it again does nothing."""
    if resolve_workers(workers) == 1 or START_METHOD != "forkserver":
        return False
    _context()
    forkserver.ensure_running()
    return True


def ordered_map(function: Callable[[T], R], items: Sequence[T], workers: int | None = 1,
                chunks_per_worker: int = 8, initializer: Callable[[], object] | None = None) -> Iterator[R]:
    """``function`` over ``items``, results in input order: in this process when one
    worker is asked for (or there is at most one item), else in that many worker processes
    (START_METHOD), each running ``initializer`` once first; items are sent in chunks of
    about len(items) / (workers × chunks_per_worker). ``function``, ``initializer`` and the
    items must be picklable (module-level functions, no lambdas)."""
    workers = resolve_workers(workers)
    if workers == 1 or len(items) <= 1:
        yield from map(function, items)
        return
    chunksize = max(1, len(items) // (workers * chunks_per_worker))
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=initializer) as pool:
        yield from pool.map(function, items, chunksize=chunksize)
