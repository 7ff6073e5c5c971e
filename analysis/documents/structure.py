"""Structure: parts, sections, numbered items, paragraphs and sentences of cleaned texts.

Chinese policy documents mark their structure with numbered headings at the start
of a line (after cleaning, punctuation is full-width):

* part      ``一、2017年工作回顾`` — Chinese numeral and 、
* section   ``（一）坚定不移稳增长促转型…`` — Chinese numeral in full-width parentheses
* item      ``1.“十三五”时期长宁发展取得显著成就。`` — Arabic numeral and a full stop

A paragraph is one line of the cleaned text. A part is a *review* when its heading
contains 回顾, a *plan* when it contains 任务, 工作安排 or 工作要求, and *other*
otherwise; lines before a document's first part heading are its *front* matter.
Material appended after the report proper (analysis.documents.appended) is kept apart and is
of part kind *appended* when asked for.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

import pandas as pd

from .cleaning import SENTENCE_END

__all__ = [
    "chinese_numeral",
    "context",
    "paragraphs",
    "split_sentences",
    "sentences",
    "sentence_numbers",
    "outline",
    "structure_summary",
    "PARAGRAPH_COLUMNS",
    "HEADING_MARKER",
    "reports_missing_parts",
]

_NUMERAL = "一二三四五六七八九十"
_DIGIT_VALUES = {c: i for i, c in enumerate(_NUMERAL[:9], 1)}
_NUMERAL_FORM = re.compile(r"([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)")
_PART = re.compile(rf"^([{_NUMERAL}]+)、(.+)$")
_SECTION = re.compile(rf"^（([{_NUMERAL}]+)）(.+)$")
_ITEM = re.compile(r"^(\d{1,3})\.(?!\d)(.+)$")
HEADING_MARKER = re.compile(rf"([{_NUMERAL}]{{1,3}})、|（([{_NUMERAL}]{{1,3}})）|(\d{{1,3}})\.(?!\d)")
"""The marker a numbered heading starts with: part (group 1, 一、), section (group 2,
（一）) or item (group 3, 1.); used to find headings inside run-together text."""
_SENTENCE = re.compile(r"[^。！？]*[。！？]+[”’」』）]*|[^。！？]+$")
_REVIEW = re.compile(r"回顾")
_PLAN = re.compile(r"任务|工作安排|工作要求")

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


def _part_kind(title: str) -> str:
    if _REVIEW.search(title):
        return "review"
    if _PLAN.search(title):
        return "plan"
    return "other"


def _document_paragraphs(doc_id: str, text: str) -> list[dict]:
    lines = [line for line in text.split("\n") if line]
    has_parts = any(_PART.match(line) for line in lines)
    part = {"part_no": pd.NA, "part_title": pd.NA, "part_kind": "front" if has_parts else pd.NA}
    section = {"section_no": pd.NA, "section_title": pd.NA}
    item = {"item_no": pd.NA, "item_title": pd.NA}
    rows = []
    for para_no, line in enumerate(lines, 1):
        kind = "text"
        if m := _PART.match(line):
            kind, title = "part_heading", _title(m.group(2))
            part = {"part_no": chinese_numeral(m.group(1)), "part_title": title, "part_kind": _part_kind(title)}
            section = {"section_no": pd.NA, "section_title": pd.NA}
            item = {"item_no": pd.NA, "item_title": pd.NA}
        elif m := _SECTION.match(line):
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
    for doc_id, text, extra in zip(corpus["doc_id"], corpus["text"],
                                   corpus["appended"] if appended else [""] * len(corpus)):
        document = _document_paragraphs(doc_id, text)
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


def reports_missing_parts(corpus: pd.DataFrame, summary: pd.DataFrame) -> pd.DataFrame:
    """The work reports (genre work_report) with no review part or no plan part, which
    every review/plan comparison leaves out: doc_id, missing ("review", "plan" or
    "review and plan") and the manifest's scope. ``summary`` is :func:`structure_summary`'s table."""
    table = summary.merge(corpus[["doc_id", "genre", "scope"]], on="doc_id")
    table = table[(table["genre"] == "work_report") & ((table["review_parts"] == 0) | (table["plan_parts"] == 0))]
    missing = [" and ".join(kind for kind, count in (("review", r), ("plan", p)) if count == 0)
               for r, p in zip(table["review_parts"], table["plan_parts"])]
    return pd.DataFrame({"doc_id": table["doc_id"].to_list(), "missing": missing, "scope": table["scope"].to_list()})
