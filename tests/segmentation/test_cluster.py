"""Segmentation and counting on Dask: a LocalCluster of 2 worker processes gives the token
table and the word counts of a local run, exactly."""
import pandas as pd
import pytest

import analysis
from analysis.segmentation import cluster
from analysis import textstats


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local, \
            Client(local) as connected:
        yield connected


@pytest.mark.slow
def test_token_table_on_dask_equals_the_local_run(client, paras):
    local = analysis.corpus_tokens(paras, cache=False)
    on_dask = analysis.corpus_tokens(paras, cache=False, mapper=cluster.cluster_mapper(client))
    pd.testing.assert_frame_equal(on_dask, local)
    # every worker built the project tokenizer once, when it joined (SegmentationSetup)
    built = client.run(lambda: __import__("analysis.segmentation.tokens").segmentation.tokens._tokenizer.cache_info().currsize)
    assert len(built) == 2 and set(built.values()) == {1}


@pytest.mark.slow
def test_word_counts_on_dask_equal_the_local_counts(client, paras):
    local = textstats.word_counts(analysis.corpus_tokens(paras, cache=False))
    assert cluster.word_counts(paras, client) == local
