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
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .cleaning import clean_text, find_spam, normalise_text
from .paths import MANIFEST, display_path

__all__ = [
    "CorpusError",
    "REQUIRED_COLUMNS",
    "OPTIONAL_COLUMNS",
    "manifest_problems",
    "read_manifest",
    "read_raw_text",
    "load_corpus",
    "cleaning_audit",
    "cleaning_summary",
    "GENRE_LABELS",
    "document_labels",
    "marked_doc_ids",
    "is_excerpt",
    "is_rewritten",
    "TEXT_QUALITIES",
    "select_documents",
    "decimal_years",
]

REQUIRED_COLUMNS = ["doc_id", "file", "district", "date", "year", "genre", "title", "scope"]
OPTIONAL_COLUMNS = ["district_zh", "speaker", "source", "date_note", "quality_note", "text_quality"]
TEXT_QUALITIES = ("original", "rewritten")
"""Values of the manifest's optional text_quality column: the text as published (the
default when empty), or a machine-rewritten copy whose words are not the original's."""
_DOC_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class CorpusError(ValueError):
    """A problem with the manifest or a document file; the message names the file."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def _decode(path: Path, data: bytes) -> tuple[str | None, str | None]:
    """(text, None) for valid UTF-8 (BOM allowed, CRLF read as LF), else (None, problem)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        byte = data[exc.start:exc.start + 1].hex()
        return None, (f"{display_path(path)}: not valid UTF-8 (byte 0x{byte} at offset {exc.start}); "
                      "save it as UTF-8 (it may be GBK or GB18030)")
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def read_raw_text(path: Path | str) -> str:
    """The raw text of one document file: UTF-8 (a BOM is dropped), line ends read as LF.

    Raises CorpusError if the file is missing, not UTF-8, or empty (only white space).
    """
    path = Path(path)
    if not path.is_file():
        raise CorpusError([f"{display_path(path)}: file not found"])
    text, problem = _decode(path, path.read_bytes())
    if problem:
        raise CorpusError([problem])
    if not text.strip():
        raise CorpusError([f"{display_path(path)}: file is empty"])
    return text


def manifest_problems(manifest: Path | str = MANIFEST) -> list[str]:
    """Every problem in ``manifest`` and the files it names, as messages; [] when all is well.

    Checks: the manifest exists and is UTF-8; the required columns are present; each
    row has a value in every required column; doc_id is unique and made of lower-case
    letters, digits and hyphens; date is an ISO date (YYYY-MM-DD) and year is its
    year; each file is named once and is an existing, non-empty UTF-8 text file.
    """
    return _inspect(Path(manifest))[0]


def _inspect(manifest: Path) -> tuple[list[str], dict[str, str]]:
    """(problems, raw texts by file name): each file is read once, for both."""
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
    texts: dict[str, str] = {}
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
        parsed = None
        if date:
            try:
                if not _ISO_DATE.match(date):
                    raise ValueError
                parsed = dt.date.fromisoformat(date)
            except ValueError:
                problems.append(f"{at}: date {date!r} is not an ISO date (YYYY-MM-DD)")
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
            try:
                texts[name] = read_raw_text(manifest.parent / name)
            except CorpusError as exc:
                problems.extend(f"{at}: {p}" for p in exc.problems)
    return problems, texts


def read_manifest(manifest: Path | str = MANIFEST) -> pd.DataFrame:
    """The validated manifest: one row per document, every column as text except
    ``date`` (datetime64) and ``year`` (int). Raises CorpusError listing every problem."""
    return _validated(Path(manifest))[0]


def _validated(manifest: Path) -> tuple[pd.DataFrame, dict[str, str]]:
    problems, texts = _inspect(manifest)
    if problems:
        raise CorpusError(problems)
    text, _ = _decode(manifest, manifest.read_bytes())
    table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    table = table.apply(lambda column: column.str.strip())
    for column in OPTIONAL_COLUMNS:
        if column not in table:
            table[column] = ""
    table["text_quality"] = table["text_quality"].replace("", "original")
    table["date"] = pd.to_datetime(table["date"], format="%Y-%m-%d")
    table["year"] = table["year"].astype(int)
    return table, texts


def load_corpus(manifest: Path | str = MANIFEST) -> pd.DataFrame:
    """The corpus: one row per manifest row, in manifest order.

    Columns: the manifest's (doc_id, file, district, district_zh, date, year, genre,
    title, speaker, scope, source, date_note, quality_note, text_quality), ``raw_text`` (as read)
    and ``text`` (cleaned by :func:`analysis.cleaning.clean_text`).
    """
    table, texts = _validated(Path(manifest))
    table["raw_text"] = [texts[name] for name in table["file"]]
    table["text"] = [clean_text(raw).text for raw in table["raw_text"]]
    return table


def cleaning_audit(corpus: pd.DataFrame) -> pd.DataFrame:
    """The cleaning audit of every document: doc_id and the columns of
    :func:`analysis.cleaning.clean_text`'s audit (line_no, zone, action, rule, raw_line, note)."""
    frames = []
    for doc_id, raw in zip(corpus["doc_id"], corpus["raw_text"]):
        audit = clean_text(raw).audit
        audit.insert(0, "doc_id", doc_id)
        frames.append(audit)
    return pd.concat(frames, ignore_index=True)


def cleaning_summary(corpus: pd.DataFrame, flag_share: float = 0.2, audit: pd.DataFrame | None = None
                     ) -> pd.DataFrame:
    """Per document: characters before and after cleaning, lines removed, and the share
    removed.

    chars_raw counts the non-blank characters of the normalised raw text (so that
    white-space and punctuation width do not count as removal), chars_clean those of
    the cleaned text; share_removed = 1 − chars_clean / chars_raw. ``flagged`` is True
    where share_removed exceeds ``flag_share``: an unusual share, to be inspected.
    spam_raw and spam_clean count the spam phrases (:data:`analysis.cleaning.SPAM_PATTERN`)
    before and after cleaning. Pass ``audit`` (from :func:`cleaning_audit`) when it is
    already at hand, so the texts are not cleaned again.
    """
    audit = cleaning_audit(corpus) if audit is None else audit
    removed = audit[audit["action"] == "removed"].groupby("doc_id").size()

    def visible(text: str) -> int:
        return sum(not c.isspace() for c in text)

    table = pd.DataFrame({
        "doc_id": corpus["doc_id"],
        "chars_raw": [visible(normalise_text(raw)) for raw in corpus["raw_text"]],
        "chars_clean": [visible(text) for text in corpus["text"]],
    })
    table["lines_removed"] = table["doc_id"].map(removed).fillna(0).astype(int)
    table["share_removed"] = (1 - table["chars_clean"] / table["chars_raw"]).round(4)
    table["flagged"] = table["share_removed"] > flag_share
    table["spam_raw"] = [len(find_spam(raw)) for raw in corpus["raw_text"]]
    table["spam_clean"] = [len(find_spam(text)) for text in corpus["text"]]
    return table


GENRE_LABELS = {
    "work_report": "政府工作报告",
    "plan_proposal": "五年规划建议",
    "news_article": "新闻报道",
}
"""Chinese display names of the manifest's genres; a new genre shows under its own name."""


def is_excerpt(scope: str) -> bool:
    """True for a manifest scope that names an excerpt (``excerpt: …``)."""
    return scope.startswith("excerpt")


def is_rewritten(text_quality: str) -> bool:
    """True for a machine-rewritten text (manifest text_quality ``rewritten``)."""
    return text_quality == "rewritten"


def document_labels(corpus: pd.DataFrame) -> pd.Series:
    """doc_id -> short display label: district, year and genre in Chinese, marked （节选）
    when the scope is an excerpt and （改写）when the text is machine-rewritten
    (长宁 2018 政府工作报告; 长宁 2024 政府工作报告（节选）; 长宁 2017 新闻报道（改写）)."""
    labels = [f"{zh or district} {year} {GENRE_LABELS.get(genre, genre)}"
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
