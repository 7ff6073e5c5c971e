"""Cluster: segmentation and counting on a Dask cluster (``dask.distributed``).

The same code runs on a ``LocalCluster`` and on a cluster of many machines: pass a
``distributed.Client`` connected to it (``Client("tcp://scheduler:8786")``). Each worker
builds the project's private tokenizer and lexicon once, when it joins
(:class:`SegmentationSetup`), so that every worker segments exactly as this process
does; tasks are one document each and the results come back in document order, so the
token table is identical to a local run. Dask is used as it is: no distribution layer
of the project's own. On one machine the local process pool (analysis._internal.parallel) stays
the default.
"""
from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
from distributed import Client, WorkerPlugin

from .stop_words import stopwords
from .token_table import segment_paragraphs
from .tokens import tokenizer

__all__ = ["SegmentationSetup", "map_in_order", "cluster_mapper", "word_counts"]


class SegmentationSetup(WorkerPlugin):
    """Run on every worker as it starts: build the project tokenizer (jieba with the
    lexicon) and the stop-word set, so that tasks only segment."""

    name = "analysis-segmentation-setup"

    def setup(self, worker) -> None:
        tokenizer()
        stopwords()


def map_in_order(client: Client, function: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    """``function`` over ``items`` on the cluster's workers (set up by SegmentationSetup,
    registered once per cluster), results in the order of ``items``. The items are
    scattered to the workers first, so the task graph stays small whatever their size."""
    client.register_plugin(SegmentationSetup())
    data = client.scatter(list(items))
    futures = client.map(function, data, pure=False)
    return client.gather(futures)


def cluster_mapper(client: Client) -> Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]:
    """``mapper(function, items)`` = :func:`map_in_order` on ``client``'s cluster: what
    :func:`analysis.segmentation.token_table.corpus_tokens` takes as its ``mapper``."""
    return functools.partial(map_in_order, client)


def _document_word_counts(paragraphs: list[tuple[int, str]]) -> dict[str, int]:
    """term -> count over the word tokens of one document (segmented on the worker)."""
    table = segment_paragraphs(paragraphs)
    words = table.filter(table["is_word"])["token"].to_pylist()
    return dict(Counter(words))


def word_counts(paragraph_table: pd.DataFrame, client: Client) -> dict[str, int]:
    """term -> count over the word tokens of every paragraph, segmented and counted per
    document on the workers and summed here (equal to ``stats.word_counts`` of the local
    token table), terms in sorted order."""
    documents = [list(zip(group["para_no"].tolist(), group["text"].tolist()))
                 for _, group in paragraph_table.groupby("doc_id", sort=False)]
    total: Counter[str] = Counter()
    for counts in map_in_order(client, _document_word_counts, documents):
        total.update(counts)
    return dict(sorted(total.items()))
