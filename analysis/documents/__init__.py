"""Stage 1, documents: reading files of any format, adding them to a manifest, loading and
cleaning the corpus, and parsing its structure (parts, sections, paragraphs, sentences).

Modules, in the order of the stage: ``formats``, ``corpus``, ``cleaning``, ``resplit``, ``heading_split``, ``appended``, ``structure``, ``districts``, ``divisions``, ``genres``, ``intake``, ``checks``.
Code outside the package uses the names re-exported here (``from analysis import documents``, then ``documents.NAME``).
"""
from .formats import (
    SUPPORTED_SUFFIXES, DocumentFormatError, ExtractedDocument, MarkupRule, MARKDOWN_RULES,
    decode_text, read_document, markdown_to_text, html_to_text, docx_to_text, pdf_to_text,
    reflow_pdf_lines,
)
from .corpus import (
    CorpusError, REQUIRED_COLUMNS, OPTIONAL_COLUMNS, manifest_problems, read_manifest,
    read_raw_text, read_document_file, PreparedText, prepare_text, load_corpus,
    cleaning_audit, cleaning_summary, document_labels, marked_doc_ids, is_excerpt,
    is_rewritten, TEXT_QUALITIES, DATE_PRECISIONS, YEAR_ONLY_POSITION, place_documents, select_documents, decimal_years,
)
from .cleaning import (
    ChromeRule, CHROME_RULES, SPAM_PATTERN, CleanedText, normalise_line, normalise_text,
    is_prose, clean_text, find_spam,
)
from .resplit import (
    RUN_TOGETHER_MIN_CHARS, resplit_run_together,
)
from .heading_split import (
    split_heading_lines,
)
from .appended import (
    APPENDED_HEADING, is_appended_heading, appended_start,
)
from .structure import (
    chinese_numeral, context, paragraphs, split_sentences, sentences, sentence_numbers, first_sentence_with,
    outline, structure_summary, PARAGRAPH_COLUMNS, HEADING_MARKER, reports_missing_parts,
    PART_HEADINGS_FILE, PART_KINDS, PartHeadingRule, read_part_headings, part_kind,
    part_headings, first_headings,
)
from .districts import (
    DISTRICTS_FILE, LEVELS, PALETTE, read_districts, place_colour, resolve_place,
    district_colours, district_names, missing_districts, PairLabels, pair_labels,
    pair_designs,
)
from .divisions import (
    DIVISION_LEVELS, read_divisions, division_names,
)
from .genres import (
    GENRES_FILE, MARKERS, read_genres, genre_labels, genre_markers, missing_genres,
)
from .intake import (
    AddResult, MANIFEST_COLUMNS, GENRE_CODES, SIDECAR_FIELDS, AddedDocument, meeting_dates, signature_dates,
    read_sidecar, reviewed_year, near_district, TITLE_MAX_CHARS, first_heading, content_hash, add_documents, remove_documents, manifest_rows, write_manifest,
)
from .checks import (
    CorpusCheck, corpus_problems, metadata_problems, structure_warnings, heading_lines,
)

__all__ = [
    "SUPPORTED_SUFFIXES", "DocumentFormatError", "ExtractedDocument", "MarkupRule",
    "MARKDOWN_RULES", "decode_text", "read_document", "markdown_to_text", "html_to_text",
    "docx_to_text", "pdf_to_text", "reflow_pdf_lines", "CorpusError", "REQUIRED_COLUMNS",
    "OPTIONAL_COLUMNS", "manifest_problems", "read_manifest", "read_raw_text",
    "read_document_file", "PreparedText", "prepare_text", "load_corpus", "cleaning_audit",
    "cleaning_summary", "document_labels", "marked_doc_ids", "is_excerpt", "is_rewritten",
    "TEXT_QUALITIES", "DATE_PRECISIONS", "YEAR_ONLY_POSITION", "place_documents", "select_documents", "decimal_years", "ChromeRule", "CHROME_RULES",
    "SPAM_PATTERN", "CleanedText", "normalise_line", "normalise_text", "is_prose",
    "clean_text", "find_spam", "RUN_TOGETHER_MIN_CHARS", "resplit_run_together", "split_heading_lines",
    "APPENDED_HEADING", "is_appended_heading", "appended_start", "chinese_numeral",
    "context", "paragraphs", "split_sentences", "sentences", "sentence_numbers", "first_sentence_with", "outline",
    "structure_summary", "PARAGRAPH_COLUMNS", "HEADING_MARKER", "reports_missing_parts",
    "PART_HEADINGS_FILE", "PART_KINDS", "PartHeadingRule", "read_part_headings",
    "part_kind", "part_headings", "first_headings", "DISTRICTS_FILE", "LEVELS", "PALETTE",
    "read_districts", "place_colour", "resolve_place", "district_colours", "district_names",
    "missing_districts", "PairLabels", "pair_labels", "pair_designs", "DIVISION_LEVELS",
    "read_divisions", "division_names", "GENRES_FILE", "MARKERS", "read_genres",
    "genre_labels", "genre_markers", "missing_genres", "AddResult", "SIDECAR_FIELDS", "read_sidecar", "reviewed_year", "near_district", "TITLE_MAX_CHARS", "first_heading", "content_hash", "remove_documents", "MANIFEST_COLUMNS",
    "GENRE_CODES", "AddedDocument", "meeting_dates", "signature_dates", "add_documents",
    "manifest_rows", "write_manifest", "CorpusCheck", "corpus_problems",
    "metadata_problems", "structure_warnings", "heading_lines",
]
