"""Freed memory returned to the operating system between the steps of a large run."""
import sys

import numpy as np
import pytest

from analysis._internal import memory


def test_release_freed_memory_changes_no_value():
    values = np.arange(1_000_000)
    kept = [str(i) for i in range(1000)]
    garbage = [[i] * 100 for i in range(10_000)]
    del garbage
    memory.release_freed_memory()
    assert values.sum() == 499_999_500_000 and kept[-1] == "999"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim exists on Linux only")
def test_glibc_trim_is_found_on_linux():
    assert memory._malloc_trim() is not None
