"""The forkserver's preload: workers start with the project tokenizer already built."""
import subprocess
import sys

import pytest

from analysis.segmentation import tokens
from analysis._internal.parallel import START_METHOD, ordered_map


def _built_tokenizers(_) -> int:
    return tokens._tokenizer.cache_info().currsize


@pytest.mark.slow
def test_importing_it_builds_the_tokenizer():
    code = ("from analysis.segmentation import tokens; before = tokens._tokenizer.cache_info().currsize; "
            "import analysis._internal.worker_preload; print(before, tokens._tokenizer.cache_info().currsize)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["0", "1"]


@pytest.mark.skipif(START_METHOD != "forkserver", reason="workers are spawned here, not forked from a preloaded server")
def test_forked_workers_have_the_tokenizer_without_an_initializer():
    assert set(ordered_map(_built_tokenizers, list(range(8)), workers=2)) == {1}
