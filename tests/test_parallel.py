"""The forked parallel map: input order, same results as serial, clear errors."""
import os

import pytest

from analysis.parallel import ordered_map, resolve_workers


def _square_and_pid(x):
    return x * x, os.getpid()


def test_ordered_map_keeps_input_order_and_uses_other_processes():
    items = list(range(40))
    results = list(ordered_map(_square_and_pid, items, workers=2))
    assert [r for r, _ in results] == [x * x for x in items]
    assert {pid for _, pid in results} != {os.getpid()}


def test_ordered_map_runs_in_this_process_with_one_worker():
    assert {pid for _, pid in ordered_map(_square_and_pid, [1, 2, 3], workers=1)} == {os.getpid()}


def test_resolve_workers():
    assert resolve_workers(None) == (os.cpu_count() or 1)
    assert resolve_workers(3) == 3
    with pytest.raises(ValueError, match="at least 1"):
        resolve_workers(0)
