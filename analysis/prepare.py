"""Prepare: the one call a notebook starts from — the corpus, its paragraphs and its
annotated token table, for a selection of documents."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .documents.corpus import load_corpus, select_documents
from ._internal.memory import release_freed_memory
from ._internal.parallel import start_workers
from .paths import MANIFEST
from .plots.style import use_project_style
from .documents.structure import paragraphs
from .segmentation.token_table import annotate_tokens, corpus_tokens

__all__ = ["Prepared", "prepare"]


@dataclass(frozen=True)
class Prepared:
    """What an analysis starts from: ``corpus`` (:func:`analysis.documents.corpus.load_corpus`, the
    selected documents in the order asked for), ``paras`` (:func:`analysis.documents.structure.paragraphs`)
    and ``tokens`` (:func:`analysis.segmentation.token_table.corpus_tokens` annotated with each token's
    paragraph kind, part, section and the document's district, year and genre)."""

    corpus: pd.DataFrame
    paras: pd.DataFrame
    tokens: pd.DataFrame

    def __iter__(self):
        """``corpus, paras, tokens = prepare(...)``."""
        return iter((self.corpus, self.paras, self.tokens))


def prepare(doc_ids: list[str] | None = None, manifest: Path | str = MANIFEST, workers: int | None = 1,
            client=None) -> Prepared:
    """Load ``manifest``, keep ``doc_ids`` (every document when None; an unknown doc_id is a
    ValueError naming it), split paragraphs and segment them (cached; in ``workers``
    processes, or on the Dask cluster of ``client``). Worker processes are started first
    (:func:`analysis._internal.parallel.start_workers`), so their start-up overlaps with loading.
    Freed memory goes back to the operating system between the steps
    (:func:`analysis._internal.memory.release_freed_memory`). The project's figure style
    (:func:`analysis.plots.style.use_project_style`: the CJK font) is applied first, so a new
    notebook's own matplotlib figures render Chinese."""
    use_project_style()                       # any figure a notebook then draws renders Chinese
    if client is None:
        mapper = None
        start_workers(workers)
    else:   # heavy optional import: dask.distributed (0.6 s) loads only when a cluster is asked for
        from .segmentation.cluster import cluster_mapper

        mapper = cluster_mapper(client)
    corpus = select_documents(load_corpus(manifest), doc_ids)
    paras = paragraphs(corpus)
    release_freed_memory()                    # loading's small objects, before the token table grows
    tokens = corpus_tokens(paras, workers=workers, mapper=mapper)
    release_freed_memory()
    tokens = annotate_tokens(tokens, paras, corpus)
    return Prepared(corpus, paras, tokens)
