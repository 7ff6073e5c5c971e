"""Structure: parts, sections, numbered items, paragraphs and sentences of cleaned texts.

Chinese policy documents mark their structure with numbered headings at the start
of a line (after cleaning, punctuation is full-width):

* part      ``一、2017年工作回顾`` — Chinese numeral and 、 (or a full stop, 一．)
* section   ``（一）坚定不移稳增长促转型…`` — Chinese numeral in full-width parentheses
* item      ``1.“十三五”时期长宁发展取得显著成就。`` — Arabic numeral and a full stop

A paragraph is one line of the cleaned text. A part's kind (*review*, *plan* or *other*)
comes from its heading by the rules of ``data/part_headings.tsv`` (:func:`read_part_headings`):
the first row whose pattern the heading matches, among the rows for the document's genre,
gives the kind. In a work report, a part whose heading no row matches and that follows a
review part is a *plan* part (a report reviews the past year first, then turns to the year
ahead under headings of its own subjects); any other part no row matches is *other*. Patterns may name the document's year
(``{year}``) and the year before (``{last_year}``), so that 2021年主要工作 reviews in a 2022
report and plans in a 2021 one. In a document without numbered part headings, a short line
that a row marked ``unnumbered`` matches starts a part. A 一、 line that ends in ；is a list
item, not a heading. Lines before a document's first part heading are its *front* matter.
Material appended after the report proper (analysis.documents.appended) is kept apart and is
of part kind *appended* when asked for.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .._internal.data_files import read_tsv
from ..paths import DATA_DIR, display_path
from .cleaning import SENTENCE_END

__all__ = [
    "chinese_numeral",
    "context",
    "paragraphs",
    "split_sentences",
    "sentences",
    "sentence_numbers",
    "first_sentence_with",
    "outline",
    "structure_summary",
    "PARAGRAPH_COLUMNS",
    "HEADING_MARKER",
    "reports_missing_parts",
    "PART_HEADINGS_FILE",
    "PART_KINDS",
    "PartHeadingRule",
    "read_part_headings",
    "part_kind",
    "part_headings",
    "first_headings",
]

_NUMERAL = "一二三四五六七八九十"
_DIGIT_VALUES = {c: i for i, c in enumerate(_NUMERAL[:9], 1)}
_NUMERAL_FORM = re.compile(r"([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)")
_PART = re.compile(rf"^([{_NUMERAL}]+)[、．.](.+)$")
_SECTION = re.compile(rf"^（([{_NUMERAL}]+)）(.+)$")
_ITEM = re.compile(r"^(\d{1,3})\.(?!\d)(.+)$")
HEADING_MARKER = re.compile(rf"([{_NUMERAL}]{{1,3}})、|（([{_NUMERAL}]{{1,3}})）|(\d{{1,3}})\.(?!\d)")
"""The marker a numbered heading starts with: part (group 1, 一、), section (group 2,
（一）) or item (group 3, 1.); used to find headings inside run-together text."""
_SENTENCE = re.compile(r"[^。！？]*[。！？]+[”’」』）]*|[^。！？]+$")
PART_HEADINGS_FILE = DATA_DIR / "part_headings.tsv"
"""Part-heading rules: pattern, kind, genres, unnumbered, example, seen_in (one row per rule)."""
PART_KINDS = ("review", "plan", "other")


@dataclass(frozen=True)
class PartHeadingRule:
    """One row of the part-heading file: ``pattern`` (a regular expression searched in the
    heading's title, ``{year}`` and ``{last_year}`` standing for the document's year and
    the year before) gives ``kind`` to documents of ``genres`` (``*`` for every genre);
    ``unnumbered`` rules also start a part at a short unnumbered line. A year may be followed
    by a space (1995 年, as PDF copies print it). ``line`` is the file's line, named in the
    heading table."""

    pattern: str
    kind: str
    genres: tuple[str, ...]
    unnumbered: bool
    line: int

    def applies(self, genre: str | None) -> bool:
        return "*" in self.genres or genre is None or genre in self.genres

    def search(self, title: str, year: int | None) -> bool:
        if "{" in self.pattern:
            if year is None:
                return False
            pattern = self.pattern.replace("{last_year}", f"{year - 1} ?").replace("{year}", f"{year} ?")
        else:
            pattern = self.pattern
        return re.search(pattern, title) is not None


@functools.lru_cache(maxsize=None)
def read_part_headings(path: Path = PART_HEADINGS_FILE) -> tuple[PartHeadingRule, ...]:
    """The part-heading rules in file order, checked: a kind of PART_KINDS, unnumbered yes or
    no, a pattern that compiles. A ValueError names the file and line."""
    rows = read_tsv(Path(path), ["pattern", "kind", "genres", "unnumbered", "example", "seen_in"])
    rules = []
    for line, row in enumerate(rows, 2):
        where = f"{display_path(path)} line {line}"
        if row["kind"] not in PART_KINDS:
            raise ValueError(f"{where}: kind {row['kind']!r} is not one of {', '.join(PART_KINDS)}")
        if row["unnumbered"] not in ("yes", "no"):
            raise ValueError(f"{where}: unnumbered must be yes or no, not {row['unnumbered']!r}")
        try:
            re.compile(row["pattern"].replace("{last_year}", "2000").replace("{year}", "2001"))
        except re.error as error:
            raise ValueError(f"{where}: pattern {row['pattern']!r} is not a regular expression ({error})") from None
        rules.append(PartHeadingRule(row["pattern"], row["kind"], tuple(g.strip() for g in row["genres"].split(",")),
                                     row["unnumbered"] == "yes", line))
    return tuple(rules)


def _matching_rule(title: str, year: int | None, genre: str | None,
                   rules: Sequence[PartHeadingRule]) -> PartHeadingRule | None:
    return next((rule for rule in rules if rule.applies(genre) and rule.search(title, year)), None)


def part_kind(title: str, year: int | None = None, genre: str | None = None) -> str:
    """The kind of a part headed ``title`` in a document of ``year`` and ``genre``: that of the
    first matching rule of :func:`read_part_headings`, else "other"."""
    rule = _matching_rule(title, year, genre, read_part_headings())
    return rule.kind if rule else "other"

PARAGRAPH_COLUMNS = [
    "doc_id", "para_no", "kind",
    "part_no", "part_title", "part_kind",
    "section_no", "section_title",
    "item_no", "item_title",
    "text", "n_chars",
]


def chinese_numeral(numeral: str) -> int:
    """The value of a Chinese numeral from 一 (1) to 九十九 (99); ValueError otherwise."""
    match = _NUMERAL_FORM.fullmatch(numeral)
    if not numeral or not match or (match.group(1) and not match.group(2) and match.group(3)):
        raise ValueError(f"not a Chinese numeral from 一 to 九十九: {numeral!r}")
    tens, ten, units = match.groups()
    if not ten:
        return _DIGIT_VALUES[units or tens]
    return _DIGIT_VALUES.get(tens, 1) * 10 + _DIGIT_VALUES.get(units, 0)


def _title(rest: str) -> str:
    """A heading's title: the text up to its first sentence end, without it."""
    return SENTENCE_END.split(rest, maxsplit=1)[0]


def _is_part_heading(line: str) -> bool:
    """A 一、 line, unless it ends in ；(an enumerated list item inside the text)."""
    return bool(_PART.match(line)) and not line.rstrip().endswith(("；", ";"))


def _unnumbered_part(line: str, year: int | None, genre: str | None, rules: Sequence[PartHeadingRule]) -> bool:
    """A short line (at most 30 characters, no sentence end, not the report's title nor its
    meeting line) that one of the ``unnumbered`` ``rules`` matches."""
    if len(line) > 30 or SENTENCE_END.search(line) or "报告" in line or line.startswith("——"):
        return False
    return _matching_rule(line, year, genre, rules) is not None


def _document_paragraphs(doc_id: str, text: str, year: int | None = None, genre: str | None = None) -> list[dict]:
    """The paragraphs of one document. Its parts are its 一、 headings, unless an unnumbered
    part heading (:func:`_unnumbered_part`) comes before the first of them: then the
    unnumbered headings are the parts, and 一、 and （一） headings are its sections. Among
    numbered parts, an unnumbered plan heading that follows a review part starts a part too
    (一、2009年工作回顾 … 2010年工作部署)."""
    lines = [line for line in text.split("\n") if line]
    numbered = [i for i, line in enumerate(lines) if _is_part_heading(line)]
    unnumbered_rules = [rule for rule in read_part_headings() if rule.unnumbered]
    unnumbered = [i for i, line in enumerate(lines) if _unnumbered_part(line, year, genre, unnumbered_rules)]
    by_wording = bool(unnumbered) and (not numbered or unnumbered[0] < numbered[0])
    starts = set(unnumbered) if by_wording else set()
    unnumbered_plans = set() if by_wording else {
        i for i in unnumbered if not _PART.match(lines[i]) and not _SECTION.match(lines[i])
        and _matching_rule(lines[i], year, genre, unnumbered_rules).kind == "plan"}
    has_parts = bool(numbered) or by_wording
    part_count, reviewed = 0, False
    part = {"part_no": pd.NA, "part_title": pd.NA, "part_kind": "front" if has_parts else pd.NA}
    section = {"section_no": pd.NA, "section_title": pd.NA}
    item = {"item_no": pd.NA, "item_title": pd.NA}
    rows = []
    for para_no, line in enumerate(lines, 1):
        kind = "text"
        unnumbered_start = para_no - 1 in starts or para_no - 1 in unnumbered_plans and part["part_kind"] == "review"
        if unnumbered_start or not by_wording and (m := _PART.match(line)) and _is_part_heading(line):
            part_count += 1
            if unnumbered_start:
                kind, title, number = "part_heading", line, part_count
            else:
                kind, title, number = "part_heading", _title(m.group(2)), chinese_numeral(m.group(1))
            rule = _matching_rule(title, year, genre, read_part_headings())
            if rule is not None:
                kind_of_part = rule.kind
            elif genre in (None, "work_report") and reviewed:
                kind_of_part = "plan"
            else:
                kind_of_part = "other"
            reviewed = reviewed or kind_of_part == "review"
            part = {"part_no": number, "part_title": title, "part_kind": kind_of_part}
            section = {"section_no": pd.NA, "section_title": pd.NA}
            item = {"item_no": pd.NA, "item_title": pd.NA}
        elif m := (by_wording and _PART.match(line)) or _SECTION.match(line):   # 一、 is a section under unnumbered parts
            kind = "section_heading"
            section = {"section_no": chinese_numeral(m.group(1)), "section_title": _title(m.group(2))}
            item = {"item_no": pd.NA, "item_title": pd.NA}
        elif m := _ITEM.match(line):
            kind = "item_heading"
            item = {"item_no": int(m.group(1)), "item_title": _title(m.group(2))}
        elif not SENTENCE_END.search(line) and len(line) <= 40:
            kind = "subheading"
        rows.append({"doc_id": doc_id, "para_no": para_no, "kind": kind, **part, **section, **item,
                     "text": line, "n_chars": len(line)})
    return rows


def context(paragraph: str, start: int, end: int, window: int) -> tuple[str, str, str]:
    """(left, match, right): the ``window`` characters before ``paragraph[start:end]``, the
    match and the ``window`` characters after it, cut at the paragraph's edges."""
    return paragraph[max(0, start - window):start], paragraph[start:end], paragraph[end:end + window]


def paragraphs(corpus: pd.DataFrame, appended: bool = False) -> pd.DataFrame:
    """One row per paragraph (non-empty line) of every document's counted ``text``.

    Columns: doc_id, para_no (1-based within the document), kind (part_heading,
    section_heading, item_heading, subheading — a short line with no sentence end —
    or text), the enclosing part (part_no, part_title, part_kind), section
    (section_no, section_title) and numbered item (item_no, item_title), the
    paragraph text and its length in characters. Missing levels are NA.

    With ``appended=True`` the material after the report proper (the corpus's
    ``appended`` column) follows each document's paragraphs, para_no continuing, with
    part_kind "appended" and kind "appended_heading" for its first line. It is left
    out by default, so that it is never counted as the report's words.
    """
    rows = []
    years = [None if pd.isna(y) else int(y) for y in corpus["year"]] if "year" in corpus else [None] * len(corpus)
    genres = [None if pd.isna(g) else g for g in corpus["genre"]] if "genre" in corpus else [None] * len(corpus)
    for doc_id, text, extra, year, genre in zip(corpus["doc_id"], corpus["text"],
                                                corpus["appended"] if appended else [""] * len(corpus), years, genres):
        document = _document_paragraphs(doc_id, text, year, genre)
        rows += document
        for offset, line in enumerate((line for line in extra.split("\n") if line), len(document) + 1):
            rows.append({"doc_id": doc_id, "para_no": offset,
                         "kind": "appended_heading" if offset == len(document) + 1 else "text",
                         "part_no": pd.NA, "part_title": pd.NA, "part_kind": "appended",
                         "section_no": pd.NA, "section_title": pd.NA, "item_no": pd.NA, "item_title": pd.NA,
                         "text": line, "n_chars": len(line)})
    table = pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)
    for column in ("part_no", "section_no", "item_no"):
        table[column] = table[column].astype("Int64")
    return table


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph: each ends after its run of 。！？ and any closing quote or
    bracket; a trailing piece without an end is a sentence too. ``''.join`` gives back ``text``."""
    return _SENTENCE.findall(text)


def sentences(paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: doc_id, para_no, sent_no (1-based within the paragraph), text."""
    rows = [
        {"doc_id": doc_id, "para_no": para_no, "sent_no": sent_no, "text": sentence}
        for doc_id, para_no, text in zip(paragraph_table["doc_id"], paragraph_table["para_no"],
                                         paragraph_table["text"])
        for sent_no, sentence in enumerate(split_sentences(text), 1)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "para_no", "sent_no", "text"])


def sentence_numbers(paragraph_table: pd.DataFrame, doc_ids: Sequence[str], para_nos: Sequence[int],
                     starts: Sequence[int]) -> list[int]:
    """For each (doc_id, para_no, start): the sentence of that paragraph (1-based,
    :func:`split_sentences`) holding character ``start``, the first whose end lies past it.
    Only the paragraphs asked about are split."""
    needed = set(zip(doc_ids, para_nos))
    ends = {(d, p): list(itertools.accumulate(len(s) for s in split_sentences(text)))
            for d, p, text in zip(*(paragraph_table[c].to_list() for c in ("doc_id", "para_no", "text")))
            if (d, p) in needed}
    return [bisect.bisect_right(ends[(d, p)], start) + 1 for d, p, start in zip(doc_ids, para_nos, starts)]


def first_sentence_with(sentence_table: pd.DataFrame, terms: Sequence[str]) -> pd.Series:
    """The first sentence (a row of :func:`sentences`, with ``term`` added) that holds the
    first of ``terms`` occurring anywhere in the table; ValueError when none occurs."""
    for term in terms:
        holding = sentence_table[sentence_table["text"].str.contains(term, regex=False)]
        if len(holding):
            row = holding.iloc[0].copy()
            row["term"] = term
            return row
    raise ValueError(f"no sentence holds any of the {len(terms)} terms")


def outline(paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """The numbered headings only (parts, sections, items), in document order."""
    headings = paragraph_table[paragraph_table["kind"].isin(["part_heading", "section_heading", "item_heading"])]
    columns = ["doc_id", "para_no", "kind", "part_no", "part_kind", "section_no", "item_no"]
    out = headings[columns].copy()
    out["title"] = headings["text"].map(_heading_title)
    return out.reset_index(drop=True)


def _heading_title(line: str) -> str:
    for pattern in (_PART, _SECTION, _ITEM):
        if m := pattern.match(line):
            return _title(m.group(2))
    return line


def structure_summary(paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """Per document (in the table's order): the number of parts, review and plan parts,
    sections, numbered items, paragraphs and sentences."""
    def count(kind: str) -> pd.Series:
        return paragraph_table[paragraph_table["kind"] == kind].groupby("doc_id", sort=False).size()

    parts = paragraph_table[paragraph_table["kind"] == "part_heading"]
    order = paragraph_table["doc_id"].drop_duplicates()
    table = pd.DataFrame({"doc_id": order.to_list()})
    columns = {
        "parts": count("part_heading"),
        "review_parts": parts[parts["part_kind"] == "review"].groupby("doc_id").size(),
        "plan_parts": parts[parts["part_kind"] == "plan"].groupby("doc_id").size(),
        "sections": count("section_heading"),
        "items": count("item_heading"),
        "paragraphs": paragraph_table.groupby("doc_id").size(),
        "sentences": sentences(paragraph_table).groupby("doc_id").size(),
    }
    for name, counts in columns.items():
        table[name] = table["doc_id"].map(counts).fillna(0).astype(int)
    return table


def part_headings(paragraph_table: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """Every part heading found, in document order: doc_id, part_no, part_title, part_kind and
    rule, what gave the kind: the line of data/part_headings.tsv whose pattern matched, "after
    a review part" (a work report's part no row matches, after its review), or "" (no rule
    matched: other)."""
    heads = paragraph_table[paragraph_table["kind"] == "part_heading"]
    meta = corpus.set_index("doc_id")
    rules = read_part_headings()
    lines = []
    for doc_id, title, kind in zip(heads["doc_id"], heads["part_title"], heads["part_kind"]):
        year = meta.at[doc_id, "year"] if "year" in meta else None
        genre = meta.at[doc_id, "genre"] if "genre" in meta else None
        rule = _matching_rule(title, None if pd.isna(year) else int(year), None if pd.isna(genre) else genre, rules)
        lines.append(f"{display_path(PART_HEADINGS_FILE)} line {rule.line}" if rule
                     else "after a review part" if kind == "plan" else "")
    table = heads[["doc_id", "part_no", "part_title", "part_kind"]].assign(rule=lines)
    return table.reset_index(drop=True)


def first_headings(paragraph_table: pd.DataFrame, doc_id: str, n: int = 5) -> list[str]:
    """The first ``n`` headings of a document (part, section or unnumbered short lines after
    its front matter's salutation), to show a user what to add to data/part_headings.tsv."""
    rows = paragraph_table[(paragraph_table["doc_id"] == doc_id)
                           & paragraph_table["kind"].isin(["part_heading", "section_heading", "subheading"])]
    titles = [_heading_title(text) for text in rows["text"] if not text.endswith("：")]
    return [title if len(title) <= 40 else title[:40] + "…" for title in titles][:n]


def reports_missing_parts(corpus: pd.DataFrame, summary: pd.DataFrame) -> pd.DataFrame:
    """The work reports (genre work_report) with no review part or no plan part, which
    every review/plan comparison leaves out: doc_id, missing ("review", "plan" or
    "review and plan") and the manifest's scope. ``summary`` is :func:`structure_summary`'s table."""
    table = summary.merge(corpus[["doc_id", "genre", "scope"]], on="doc_id")
    table = table[(table["genre"] == "work_report") & ((table["review_parts"] == 0) | (table["plan_parts"] == 0))]
    missing = [" and ".join(kind for kind, count in (("review", r), ("plan", p)) if count == 0)
               for r, p in zip(table["review_parts"], table["plan_parts"])]
    return pd.DataFrame({"doc_id": table["doc_id"].to_list(), "missing": missing, "scope": table["scope"].to_list()})
