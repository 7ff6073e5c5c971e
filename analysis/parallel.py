"""Parallel map over forked worker processes, shared by segmentation and topic fitting.

Workers are forked, so they inherit what this process has already built (the jieba
tokenizer and lexicon, the documents) instead of importing and initialising it again,
and start in milliseconds. Results come back in the order of the inputs, so a parallel
run returns exactly what a serial one does.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

__all__ = ["resolve_workers", "ordered_map"]

T = TypeVar("T")
R = TypeVar("R")


def resolve_workers(workers: int | None) -> int:
    """The number of processes to use: ``workers``, or every core when None."""
    if workers is None:
        return os.cpu_count() or 1
    if workers < 1:
        raise ValueError(f"workers must be at least 1 (or None for every core), not {workers}")
    return workers


def ordered_map(function: Callable[[T], R], items: Sequence[T], workers: int | None = 1,
                chunks_per_worker: int = 8) -> Iterator[R]:
    """``function`` over ``items``, results in input order: in this process when one
    worker is asked for (or there is at most one item), else in that many forked
    processes, items sent in chunks of about len(items) / (workers × chunks_per_worker)."""
    workers = resolve_workers(workers)
    if workers == 1 or len(items) <= 1:
        yield from map(function, items)
        return
    chunksize = max(1, len(items) // (workers * chunks_per_worker))
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        yield from pool.map(function, items, chunksize=chunksize)
