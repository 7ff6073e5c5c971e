"""Comparative analysis of Chinese local-government policy texts.

The package is laid out by pipeline stage, one subpackage each, in the order the data
flows (a module imports only from its own stage, earlier stages, ``paths`` and the private
``_internal``; ``tests/test_architecture.py`` holds this and that no import cycle exists):

1. ``documents``: formats, intake, manifest and loading, cleaning, structure, places and
   genres as data, corpus checks;
2. ``segmentation``: lexicon, stop words, jieba segmenter, token table, part of speech,
   gazetteer, Dask cluster;
3. ``textstats``: frequencies, keywords, collocations, keyness, trajectories, similarity,
   intervals and paragraph-level tests;
4. ``dictionaries``: themes, policy instruments, directive markers, campaigns, and their
   validation against coded samples;
5. ``extract``: concordance, formulaic expressions, quantities, targets;
6. ``models``: topic models;
7. ``plots``: style and saving, figures, views that scale;
8. ``outputs``: findings, export, term explorer.

At the top level: ``paths`` (every path), ``prepare`` (corpus, paragraphs and tokens in one
call) and ``__main__`` (the command line). ``_internal`` holds private helpers (data files,
rounding and ranking, worker processes). Tooling (benchmark, notebook execution, report)
lives in ``tools/``, outside the package.

**The public API rule.** A notebook (or any code outside the package) uses the package in
two ways only: the names in ``analysis.__all__`` (``analysis.prepare``), and the stage
subpackages with the names in each one's ``__all__`` (``from analysis import textstats``
then ``textstats.keyness``). It never imports a module path (``from analysis.textstats.comparison
import …``) and never uses a name that starts with ``_``. ``tests/test_public_api.py``
enforces this on every notebook.
"""
from . import paths
from ._internal.parallel import start_workers
from ._internal.rounding import sorted_by
from .documents.corpus import (
    CorpusError,
    decimal_years,
    document_labels,
    load_corpus,
    marked_doc_ids,
    read_manifest,
    select_documents,
)
from .documents.formats import read_document
from .documents.intake import add_documents
from .documents.structure import paragraphs, sentences
from .plots.style import save_figure, save_table, set_figure_folder, use_project_style
from .prepare import Prepared, prepare
from .segmentation.lexicon import read_lexicon
from .segmentation.token_table import annotate_tokens, corpus_tokens
from .segmentation.tokens import is_word, tokenize

STAGES = ("documents", "segmentation", "textstats", "dictionaries", "extract", "coding", "models", "plots", "outputs")
"""The stage subpackages, in pipeline order (``from analysis import textstats``)."""

__all__ = [
    "STAGES", "paths",
    "Prepared", "prepare",
    "CorpusError", "read_manifest", "load_corpus", "select_documents", "document_labels", "marked_doc_ids",
    "decimal_years", "read_document", "add_documents",
    "paragraphs", "sentences",
    "read_lexicon", "tokenize", "is_word", "corpus_tokens", "annotate_tokens",
    "use_project_style", "set_figure_folder", "save_figure", "save_table",
    "sorted_by", "start_workers",
]
