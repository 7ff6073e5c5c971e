"""Comparative analysis of Chinese local-government policy texts.

One module per pipeline stage: ``paths`` (every path), ``formats`` (reading .txt,
Markdown, HTML, DOCX and PDF files as plain text, markup audited), ``intake`` (adding
documents: files copied, manifest rows inferred), ``corpus`` (manifest and loading),
``cleaning`` (normalisation and chrome removal), ``resplit`` (run-together text cut
at its headings), ``appended`` (glossaries, notes and revision lists after the report
set apart), ``districts`` and ``genres`` (names, colours and markers from data files),
``structure`` (parts, sections, paragraphs, sentences), ``tokens`` (jieba with the policy lexicon, stop
words), ``stats`` (frequencies, keywords, collocations, trajectories), ``kwic``
(concordance and dispersion), ``themes`` (dictionary-based policy attention with
bootstrap intervals), ``uncertainty`` (rate intervals, differences, paragraph-level tests,
power), ``validation`` (the dictionary's coded sample), ``findings`` (claims with their
evidence), ``topics`` (NMF check on the dictionary) and ``plotting`` (style and figure
saving). The names most notebooks need are importable from the package itself.
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
from .tokens import annotate_tokens, corpus_tokens, is_word, read_lexicon, tokenize, words

__all__ = [
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
    "annotate_tokens", "corpus_tokens", "is_word", "quoted_terms", "read_lexicon", "tokenize", "words",
]
