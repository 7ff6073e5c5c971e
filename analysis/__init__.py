"""Comparative analysis of Chinese local-government policy texts.

One module per job, each named for it:

* getting documents in: ``paths`` (every path), ``formats`` (.txt, Markdown, HTML, DOCX
  and PDF read as plain text, markup audited), ``intake`` (adding documents), ``corpus``
  (manifest and loading), ``cleaning`` (normalisation and page chrome), ``resplit``
  (run-together text cut at its headings), ``appended`` (notes after the report set apart),
  ``structure`` (parts, sections, paragraphs, sentences), ``districts`` and ``genres``
  (names, colours and markers from data files), ``data_files`` (reading them);
* words: ``lexicon`` (the policy-term lexicon), ``stopwords``, ``tokens`` (jieba
  segmentation and the token table), ``part_of_speech``, ``places`` (the gazetteer),
  ``prepare`` (corpus, paragraphs and tokens in one call), ``cluster`` (segmentation and
  counting on a Dask cluster);
* analyses: ``stats`` (frequencies, keywords, collocations, keyness, trajectories),
  ``kwic`` (concordance and dispersion), ``formulaic`` (formulaic expressions),
  ``indicators`` (quantities: results and targets with their units and qualifiers),
  ``directives`` (modal and obligation markers per 1,000 words), ``instruments`` (policy
  instruments: supply, demand, environment side), ``targets`` (targets side by side,
  against the next report's outcomes, and how hedged),
  ``campaigns``, ``themes`` (dictionary-based attention with bootstrap intervals),
  ``uncertainty`` (intervals, paragraph-level tests, power), ``validation`` (the
  dictionary's coded sample), ``topics`` (NMF check), ``findings`` (claims with their
  evidence);
* output: ``plotting`` (style, figures, saving), ``views`` (figures that scale),
  ``precision`` (CSV precision, rank keys), ``figure_comparison``, ``notebook_execution``.

**The public API rule.** A notebook (or any code outside the package) uses the package
in two ways only: the names in ``analysis.__all__`` (``analysis.load_corpus``), and the
modules of :data:`STAGE_MODULES` with the names in each module's ``__all__``
(``from analysis import stats`` then ``stats.keyness``). It never imports from a module
path (``from analysis.stats import …``) and never uses a name that starts with ``_``.
``tests/test_public_api.py`` enforces this on every notebook.
"""
from .cleaning import clean_text, find_spam, normalise_text
from .corpus import (
    CorpusError,
    cleaning_audit,
    cleaning_summary,
    decimal_years,
    document_labels,
    load_corpus,
    manifest_problems,
    marked_doc_ids,
    read_manifest,
    select_documents,
)
from .formats import read_document
from .prepare import Prepared, prepare
from .intake import add_documents
from .plotting import (
    plot_comparison_cloud,
    plot_dispersion,
    plot_document_sizes,
    plot_grouped_rates,
    plot_expression_overlap,
    plot_heatmap,
    plot_keyness,
    plot_slope_chart,
    plot_term_scatter,
    plot_theme_timeline,
    plot_topic_stability,
    plot_top_terms,
    plot_wordclouds,
    save_figure,
    use_project_style,
)
from .stats import document_sizes
from .structure import outline, paragraphs, sentences, split_sentences, structure_summary
from .formulaic import quoted_terms
from .lexicon import read_lexicon
from .tokens import annotate_tokens, corpus_tokens, is_word, tokenize

STAGE_MODULES = (
    "appended", "campaigns", "cleaning", "cluster", "corpus", "data_files", "directives", "districts", "explorer", "export", "figure_comparison", "findings",
    "formats", "formulaic", "genres", "indicators", "instruments", "intake", "kwic", "lexicon", "notebook_execution", "part_of_speech", "paths",
    "parallel", "places", "plotting", "precision", "prepare", "report", "resplit", "stats", "stopwords", "structure", "targets", "themes", "tokens",
    "topics", "uncertainty", "validation", "views",
)
"""The modules code outside the package may import (``from analysis import stats``)."""

__all__ = [
    "STAGE_MODULES", "Prepared", "prepare",
    "clean_text", "find_spam", "normalise_text",
    "CorpusError", "cleaning_audit", "cleaning_summary", "decimal_years", "document_labels", "load_corpus",
    "manifest_problems", "marked_doc_ids", "read_manifest", "select_documents",
    "read_document", "add_documents",
    "plot_comparison_cloud", "plot_dispersion", "plot_document_sizes", "plot_grouped_rates", "plot_heatmap",
    "plot_expression_overlap", "plot_keyness", "plot_term_scatter",
    "plot_slope_chart", "plot_theme_timeline", "plot_topic_stability", "plot_top_terms", "plot_wordclouds",
    "save_figure", "use_project_style",
    "document_sizes",
    "outline", "paragraphs", "sentences", "split_sentences", "structure_summary",
    "annotate_tokens", "corpus_tokens", "is_word", "quoted_terms", "read_lexicon", "tokenize",
]
