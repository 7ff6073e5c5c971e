"""Corpus loading: the manifest, the raw texts, and the cleaned corpus table.

A document is one UTF-8 text file in ``seeds/`` plus one row of
``seeds/manifest.csv``. Every problem found in the manifest or the files is
collected and reported at once, each naming the file (and manifest line) and the
problem; nothing is skipped.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .appended import appended_start
from .cleaning import AUDIT_COLUMNS, clean_text, find_spam, normalise_text
from .districts import read_districts
from .formats import DocumentFormatError, ExtractedDocument, decode_text, read_document
from .genres import genre_labels
from ..paths import MANIFEST, display_path
from .heading_split import split_heading_lines
from .resplit import resplit_run_together

__all__ = [
    "CorpusError",
    "REQUIRED_COLUMNS",
    "OPTIONAL_COLUMNS",
    "manifest_problems",
    "read_manifest",
    "read_raw_text",
    "read_document_file",
    "PreparedText",
    "prepare_text",
    "load_corpus",
    "cleaning_audit",
    "cleaning_summary",
    "document_labels",
    "marked_doc_ids",
    "is_excerpt",
    "is_rewritten",
    "TEXT_QUALITIES",
    "DATE_PRECISIONS",
    "YEAR_ONLY_POSITION",
    "place_documents", "select_documents",
    "decimal_years",
]

REQUIRED_COLUMNS = ["doc_id", "file", "district", "date", "year", "genre", "title", "scope"]
OPTIONAL_COLUMNS = ["district_zh", "speaker", "publisher", "source", "url", "date_precision", "date_note",
                    "quality_note", "text_quality", "text_sha256"]
DATE_PRECISIONS = ("day", "year")
"""Values of the manifest's optional date_precision column: a full date (YYYY-MM-DD, the
default when empty) or a year-only date (YYYY) for a text that names its year but no day."""
YEAR_ONLY_POSITION = (7, 1)
"""(month, day) at which a year-only date is placed in the loaded ``date`` column, the
middle of its year, so that time axes can draw it; ``date_precision`` marks it."""
TEXT_QUALITIES = ("original", "rewritten")
"""Values of the manifest's optional text_quality column: the text as published (the
default when empty), or a machine-rewritten copy whose words are not the original's."""
_DOC_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_ONLY = re.compile(r"^\d{4}$")


class CorpusError(ValueError):
    """A problem with the manifest or a document file; the message names the file."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def _decode(path: Path, data: bytes) -> tuple[str | None, str | None]:
    """(text, None) for a valid UTF-8 text file (see analysis.documents.formats.decode_text), else (None, problem)."""
    try:
        return decode_text(path, data), None
    except DocumentFormatError as exc:
        return None, str(exc)


def read_document_file(path: Path | str) -> ExtractedDocument:
    """One document file read in its format (analysis.documents.formats.read_document).

    Raises CorpusError naming the file if it is missing, of an unsupported type,
    unreadable in its format, or empty."""
    try:
        return read_document(path)
    except DocumentFormatError as exc:
        raise CorpusError([str(exc)]) from None


def read_raw_text(path: Path | str) -> str:
    """The raw text of one document file: a text file as read (UTF-8, a BOM dropped, line
    ends read as LF); any other format as the plain text its markup leaves.

    Raises CorpusError if the file is missing, unreadable in its format, or empty.
    """
    return read_document_file(path).text


def manifest_problems(manifest: Path | str = MANIFEST, read_files: Collection[str] | None = None) -> list[str]:
    """Every problem in ``manifest`` and the files it names, as messages; [] when all is well.

    Checks: the manifest exists and is UTF-8; the required columns are present; each
    row has a value in every required column; doc_id is unique and made of lower-case
    letters, digits and hyphens; date is an ISO date (YYYY-MM-DD), or a year (YYYY)
    when date_precision is "year", and year is its year; each file is named once and is an existing, non-empty document in a supported
    format (analysis.documents.formats), a text file UTF-8 with no control characters.
    With ``read_files``, only the files of that collection are read; every other listed
    file must exist (``add`` reads only the files it adds, so its cost per file does not
    grow with the corpus; ``check`` and loading read them all).
    """
    return _inspect(Path(manifest), read_files)[0]


def _inspect(manifest: Path, read_files: Collection[str] | None = None
             ) -> tuple[list[str], dict[str, ExtractedDocument]]:
    """(problems, documents by file name): each file is read once, for both; with
    ``read_files``, only those are read and the others checked to exist."""
    where = display_path(manifest)
    if not manifest.is_file():
        return [f"{where}: manifest not found"], {}
    text, problem = _decode(manifest, manifest.read_bytes())
    if problem:
        return [problem], {}
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        return [f"{where}: missing required column(s): {', '.join(missing)}"], {}
    problems: list[str] = []
    texts: dict[str, ExtractedDocument] = {}
    seen_ids: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    rows = list(reader)
    if not rows:
        return [f"{where}: no documents listed"], {}
    for line_no, row in enumerate(rows, 2):
        at = f"{where} line {line_no}"
        if None in row:
            problems.append(f"{at}: more fields than columns")
        empty = [c for c in REQUIRED_COLUMNS if not (row.get(c) or "").strip()]
        if empty:
            problems.append(f"{at}: empty required field(s): {', '.join(empty)}")
        doc_id = (row.get("doc_id") or "").strip()
        if doc_id:
            if not _DOC_ID.match(doc_id):
                problems.append(f"{at}: doc_id {doc_id!r} must be lower-case letters, digits and hyphens")
            if doc_id in seen_ids:
                problems.append(f"{at}: duplicate doc_id {doc_id!r} (first on line {seen_ids[doc_id]})")
            seen_ids.setdefault(doc_id, line_no)
        date = (row.get("date") or "").strip()
        precision = (row.get("date_precision") or "").strip()
        parsed = None
        if precision and precision not in DATE_PRECISIONS:
            problems.append(f"{at}: date_precision {precision!r} is not one of {', '.join(DATE_PRECISIONS)}")
        elif date and precision == "year":
            if _YEAR_ONLY.match(date):
                parsed = dt.date(int(date), *YEAR_ONLY_POSITION)
            else:
                problems.append(f"{at}: date {date!r} has date_precision year: write the year only (YYYY)")
        elif date:
            try:
                if not _ISO_DATE.match(date):
                    raise ValueError
                parsed = dt.date.fromisoformat(date)
            except ValueError:
                hint = "; a year-only date needs date_precision year" if _YEAR_ONLY.match(date) else ""
                problems.append(f"{at}: date {date!r} is not an ISO date (YYYY-MM-DD){hint}")
        year = (row.get("year") or "").strip()
        if year and (not year.isdigit() or (parsed and int(year) != parsed.year)):
            problems.append(f"{at}: year {year!r} does not match date {date!r}")
        quality = (row.get("text_quality") or "").strip()
        if quality and quality not in TEXT_QUALITIES:
            problems.append(f"{at}: text_quality {quality!r} is not one of {', '.join(TEXT_QUALITIES)}")
        name = (row.get("file") or "").strip()
        if name:
            if name in seen_files:
                problems.append(f"{at}: file {name!r} is already listed on line {seen_files[name]}")
            seen_files.setdefault(name, line_no)
            if read_files is not None and name not in read_files:
                if not (manifest.parent / name).is_file():
                    problems.append(f"{at}: {display_path(manifest.parent / name)}: file not found")
                continue
            try:
                texts[name] = read_document_file(manifest.parent / name)
            except CorpusError as exc:
                problems.extend(f"{at}: {p}" for p in exc.problems)
    return problems, texts


def read_manifest(manifest: Path | str = MANIFEST, read_files: Collection[str] | None = None) -> pd.DataFrame:
    """The validated manifest: one row per document, every column as text except
    ``date`` (datetime64; a year-only date at YEAR_ONLY_POSITION, with date_precision
    "year") and ``year`` (int). Raises CorpusError listing every problem. ``read_files``
    as in :func:`manifest_problems` (``()``: no file is read, each must exist)."""
    return _validated(Path(manifest), read_files)[0]


def _validated(manifest: Path, read_files: Collection[str] | None = None
               ) -> tuple[pd.DataFrame, dict[str, ExtractedDocument]]:
    problems, texts = _inspect(manifest, read_files)
    if problems:
        raise CorpusError(problems)
    text, _ = _decode(manifest, manifest.read_bytes())
    table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    table = table.apply(lambda column: column.str.strip())
    for column in OPTIONAL_COLUMNS:
        if column not in table:
            table[column] = ""
    table["text_quality"] = table["text_quality"].replace("", "original")
    table["date_precision"] = table["date_precision"].replace("", "day")
    year_only = table["date_precision"] == "year"
    month, day = YEAR_ONLY_POSITION
    table.loc[year_only, "date"] = table.loc[year_only, "date"] + f"-{month:02d}-{day:02d}"
    table["date"] = pd.to_datetime(table["date"], format="%Y-%m-%d")
    table["year"] = table["year"].astype(int)
    return table, texts


@dataclass(frozen=True)
class PreparedText:
    """A document's text as counted, the appended material set apart from it, and the
    audit rows of every step (markup, chrome, re-split, appended)."""

    text: str
    appended: str
    audit_rows: tuple[dict, ...]


def prepare_text(document: ExtractedDocument) -> PreparedText:
    """The steps from a document's plain text to the text that is counted:

    1. :func:`analysis.documents.cleaning.clean_text` (normalisation, page chrome in the edge zones);
    2. :func:`analysis.documents.resplit.resplit_run_together` (a run-together line cut at its headings,
       audited as action "resplit", rule "run_together_headings");
    3. :func:`analysis.documents.heading_split.split_heading_lines` (a heading line with running text
       cut after its heading sentence, audited as action "split_heading", rule
       "heading_with_running_text");
    4. :func:`analysis.documents.appended.appended_start` (glossaries, notes, attachments and revision
       lists after the report proper set apart: zone "appended", action "set_apart").

    The audit starts with the markup rows of the file's format. Line numbers are those
    of the plain text (for .txt and Markdown, the file's own lines)."""
    cleaned = clean_text(document.text)
    rows = list(document.markup_rows) + list(cleaned.audit_rows)
    cleaned_lines = cleaned.text.split("\n") if cleaned.text else []
    lines, resplit = resplit_run_together(cleaned_lines)
    numbers: list[int] = []
    cut = {index: (pieces, headings) for index, pieces, headings in resplit}
    for index, line_no in enumerate(cleaned.line_numbers):
        pieces, headings = cut.get(index, (1, None))
        numbers.extend([line_no] * pieces)
        if headings:
            shown = " ".join(headings[:8]) + (" …" if len(headings) > 8 else "")
            rows.append({"line_no": line_no, "zone": "body", "action": "resplit", "rule": "run_together_headings",
                         "raw_line": cleaned_lines[index][:200],
                         "note": f"{pieces} paragraphs run together on one line; "
                                 f"cut before {len(headings)} heading(s): {shown}"})
    lines_before_split = lines
    lines, heading_cuts = split_heading_lines(lines)
    cut_at = dict(heading_cuts)
    split_numbers: list[int] = []
    for index, (line_no, line) in enumerate(zip(numbers, lines_before_split)):
        split_numbers.extend([line_no] * (2 if index in cut_at else 1))
        if index in cut_at:
            rows.append({"line_no": line_no, "zone": "body", "action": "split_heading", "rule": "heading_with_running_text",
                         "raw_line": line[:200],
                         "note": f"kept {cut_at[index]} as the heading; the {len(line) - len(cut_at[index])} "
                                 "characters after it are a paragraph, counted with the body"})
    numbers = split_numbers
    start = appended_start(lines)
    appended: list[str] = []
    if start is not None:
        appended = lines[start:]
        lines = lines[:start]
        heading = appended[0]
        rows += [{"line_no": line_no, "zone": "appended", "action": "set_apart", "rule": "appended_material",
                  "raw_line": line[:200], "note": f"after the report proper, under {heading}"}
                 for line_no, line in zip(numbers[start:], appended)]
    return PreparedText("\n".join(lines), "\n".join(appended), tuple(rows))


def load_corpus(manifest: Path | str = MANIFEST) -> pd.DataFrame:
    """The corpus: one row per manifest row, in manifest order.

    Columns: the manifest's (doc_id, file, district, district_zh, date, year, genre,
    title, speaker, scope, source, url, date_note, quality_note, text_quality), ``format``
    (text, markdown, html, docx, pdf), ``raw_text`` (the file as read; for a format with
    markup, the plain text it leaves), ``text`` (the report proper, as counted, by
    :func:`prepare_text`), ``appended`` (material after the report proper, not counted;
    '' when none) and ``audit_rows`` (the rows of :func:`cleaning_audit`).
    """
    table, documents = _validated(Path(manifest))
    prepared = [prepare_text(documents[name]) for name in table["file"]]
    table["format"] = [documents[name].format for name in table["file"]]
    table["raw_text"] = [documents[name].text for name in table["file"]]
    table["text"] = [p.text for p in prepared]
    table["appended"] = [p.appended for p in prepared]
    table["audit_rows"] = [p.audit_rows for p in prepared]
    return table


def cleaning_audit(corpus: pd.DataFrame) -> pd.DataFrame:
    """The audit of every document, one row per line changed: doc_id, line_no, zone
    (markup: removed or rewritten by the format's rules; head/tail: page chrome outside
    the body, removed or kept; body: a run-together line re-split; appended: set apart),
    action, rule, raw_line and note."""
    rows = [{"doc_id": doc_id, **row} for doc_id, audit in zip(corpus["doc_id"], corpus["audit_rows"])
            for row in audit]
    audit = pd.DataFrame(rows, columns=["doc_id", *AUDIT_COLUMNS])
    audit["line_no"] = audit["line_no"].astype("Int64")
    return audit


_WHITE_SPACE = re.compile(r"\s+")


def cleaning_summary(corpus: pd.DataFrame, flag_share: float = 0.2, audit: pd.DataFrame | None = None
                     ) -> pd.DataFrame:
    """Per document: characters before and after cleaning, lines removed, and the share
    removed.

    chars_raw counts the non-blank characters of the normalised raw text (for a format
    with markup, the plain text it leaves; so that white space and punctuation width do
    not count as removal), chars_clean those of the counted text, chars_appended those of
    the appended material set apart; share_removed = 1 − (chars_clean + chars_appended) /
    chars_raw, the share taken out as page chrome. ``flagged`` is True where share_removed
    exceeds ``flag_share``: an unusual share, to be inspected. lines_removed counts the
    chrome lines removed, markup_lines the source lines whose markup was removed or
    rewritten, resplit the run-together lines re-split, appended_lines the lines set apart.
    spam_raw and spam_clean count the spam phrases (:data:`analysis.documents.cleaning.SPAM_PATTERN`)
    before and after cleaning. Pass ``audit`` (from :func:`cleaning_audit`) when it is
    already at hand.
    """
    audit = cleaning_audit(corpus) if audit is None else audit

    def rows_where(mask: pd.Series) -> pd.Series:
        return audit[mask].groupby("doc_id").size()

    def visible(text: str) -> int:       # characters that are not white space (str.isspace is regex \s)
        return len(text) - sum(map(len, _WHITE_SPACE.findall(text)))

    table = pd.DataFrame({
        "doc_id": corpus["doc_id"],
        "chars_raw": [visible(normalise_text(raw)) for raw in corpus["raw_text"]],
        "chars_clean": [visible(text) for text in corpus["text"]],
        "chars_appended": [visible(text) for text in corpus["appended"]],
    })
    counts = {
        "lines_removed": rows_where(audit["zone"].isin(["head", "tail"]) & (audit["action"] == "removed")),
        "markup_lines": rows_where(audit["zone"] == "markup"),
        "resplit": rows_where(audit["action"] == "resplit"),
        "appended_lines": rows_where(audit["zone"] == "appended"),
    }
    for name, series in counts.items():
        table[name] = table["doc_id"].map(series).fillna(0).astype(int)
    kept = table["chars_clean"] + table["chars_appended"]
    table["share_removed"] = (1 - kept / table["chars_raw"]).round(4)
    table["flagged"] = table["share_removed"] > flag_share
    table["spam_raw"] = [len(find_spam(raw)) for raw in corpus["raw_text"]]
    table["spam_clean"] = [len(find_spam(text)) for text in corpus["text"]]
    return table


def is_excerpt(scope: str) -> bool:
    """True for a manifest scope that names an excerpt (``excerpt: …``)."""
    return scope.startswith("excerpt")


def is_rewritten(text_quality: str) -> bool:
    """True for a machine-rewritten text (manifest text_quality ``rewritten``)."""
    return text_quality == "rewritten"


def document_labels(corpus: pd.DataFrame) -> pd.Series:
    """doc_id -> short display label: district, year and genre in Chinese, marked （节选）
    when the scope is an excerpt and （改写）when the text is machine-rewritten
    (长宁 2018 政府工作报告; 长宁 2024 政府工作报告（节选）; 长宁 2017 新闻报道（改写）). The district's
    and genre's Chinese names come from analysis/data/districts.tsv and genres.tsv; a
    district or genre not (yet) in them shows under the manifest's district_zh or its id."""
    names_zh = read_districts()["name_zh"].to_dict()
    genres_zh = genre_labels()
    labels = [f"{names_zh.get(district) or zh or district} {year} {genres_zh.get(genre, genre)}"
              + ("（节选）" if is_excerpt(scope) else "") + ("（改写）" if is_rewritten(quality) else "")
              for zh, district, year, genre, scope, quality in zip(
                  corpus["district_zh"], corpus["district"], corpus["year"], corpus["genre"], corpus["scope"],
                  corpus["text_quality"])]
    return pd.Series(labels, index=corpus["doc_id"].to_list(), name="label")


def marked_doc_ids(corpus: pd.DataFrame) -> pd.Series:
    """doc_id -> the doc_id as tables show it: followed by " (rewritten)" for a
    machine-rewritten text and " (excerpt)" for an excerpt, so that neither is read as a
    whole original document (cn-2017-retreat (rewritten), cn-2024-wr (excerpt))."""
    marks = [doc_id + (" (rewritten)" if is_rewritten(quality) else "") + (" (excerpt)" if is_excerpt(scope) else "")
             for doc_id, quality, scope in zip(corpus["doc_id"], corpus["text_quality"], corpus["scope"])]
    return pd.Series(marks, index=corpus["doc_id"].to_list(), name="marked")


def place_documents(manifest: Path | str, places: Sequence[str]) -> list[str]:
    """The doc_ids of ``manifest`` whose district is one of ``places``, in manifest order (the
    manifest validated without reading the files). A ValueError names a place with no document."""
    table = read_manifest(manifest, read_files=())
    missing = [p for p in places if p not in set(table["district"])]
    if missing:
        raise ValueError(f"{display_path(Path(manifest))}: no document of {', '.join(missing)}; "
                         f"its places: {', '.join(dict.fromkeys(table['district']))}")
    return table.loc[table["district"].isin(list(places)), "doc_id"].to_list()


def select_documents(corpus: pd.DataFrame, doc_ids: Sequence[str] | None) -> pd.DataFrame:
    """The rows of ``corpus`` for ``doc_ids``, in that order; every document when None.
    Raises ValueError naming any doc_id that is not in the corpus."""
    if doc_ids is None:
        return corpus.reset_index(drop=True)
    unknown = [d for d in doc_ids if d not in set(corpus["doc_id"])]
    if unknown:
        raise ValueError(f"doc_id(s) not in the corpus: {', '.join(unknown)}; "
                         f"known: {', '.join(corpus['doc_id'])}")
    return corpus.set_index("doc_id").loc[list(doc_ids)].reset_index()


def decimal_years(dates: pd.Series) -> pd.Series:
    """Dates as decimal years: year + (day of year − 1) / days in that year (2018-01-10 -> 2018.0247)."""
    days = np.where(dates.dt.is_leap_year, 366, 365)
    return dates.dt.year + (dates.dt.day_of_year - 1) / days
