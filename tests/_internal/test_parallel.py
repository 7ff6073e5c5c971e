"""The parallel map: input order, same results as serial, clear errors, never a fork of this process."""
import multiprocessing
import os
import sys
import threading
import time
import warnings
from concurrent.futures import ProcessPoolExecutor

import pytest

from analysis._internal.parallel import START_METHOD, ordered_map, resolve_workers


def _square_and_pid(x):
    return x * x, os.getpid()


@pytest.mark.slow
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


def _fork_warnings(run) -> list[str]:
    """The fork-with-threads warnings raised while ``run()`` works beside a live thread."""
    thread = threading.Thread(target=time.sleep, args=(0.5,))
    thread.start()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run()
    thread.join()
    return [str(w.message) for w in caught if "use of fork()" in str(w.message)]


@pytest.mark.slow
def test_workers_are_never_forked_from_this_threaded_process():
    assert START_METHOD in {"forkserver", "spawn"}
    assert _fork_warnings(lambda: list(ordered_map(_square_and_pid, list(range(8)), workers=2))) == []


@pytest.mark.skipif(sys.version_info < (3, 12), reason="Python warns about fork with threads from 3.12 on")
def test_the_check_above_can_fail_a_plain_fork_warns():
    def forked():
        with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
            list(pool.map(abs, range(4)))
    with warnings.catch_warnings():              # keep this deliberate fork out of the session check
        warnings.simplefilter("ignore")
        assert _fork_warnings(forked)


def _marker_and_pid(_):
    return os.environ.get("ANALYSIS_TEST_INITIALIZED"), os.getpid()


def _mark_initialized():
    os.environ["ANALYSIS_TEST_INITIALIZED"] = str(os.getpid())


def test_initializer_runs_once_in_each_worker():
    results = list(ordered_map(_marker_and_pid, list(range(16)), workers=2, initializer=_mark_initialized))
    assert all(marker == str(pid) for marker, pid in results)


def test_start_workers_only_for_more_than_one_worker_on_a_forkserver():
    from analysis._internal.parallel import start_workers
    assert start_workers(1) is False
    assert start_workers(2) is (START_METHOD == "forkserver")
    assert start_workers(2) is (START_METHOD == "forkserver")          # again: nothing new, no error
    assert [r for r, _ in ordered_map(_square_and_pid, [1, 2, 3], workers=2)] == [1, 4, 9]
