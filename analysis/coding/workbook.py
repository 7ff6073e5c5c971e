"""The coding workbook: what a coder sees and fills in, written and read back checked.

Sheets (:func:`write_workbook`):

* ``coder``: the coder id (cell B1) and how to fill the workbook;
* ``codebook``: the coding rules (``data/blind_codebook.md``) and each field's definition
  (theme and instrument labels in Chinese and English; no keyword of any dictionary);
* ``sentences``: sample_id, document, before, sentence, after, one column per field
  (``theme.<id>``, ``instrument.<id>``: 1 = the sentence is about it, 0 = it is not), note;
* ``numbers``: sample_id, document, sentence (the number marked 【…】), number, then
  ``quantity`` (1 = a measured amount, 0 = a year, date, ordinal, name or code), ``unit``
  (the unit written with it, '' when none), ``kind`` (target, achieved or other; '' when
  quantity is 0), note.

Nothing shows a dictionary hit, the extractor's output or the part of the report.
"""
from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment

from ..paths import DATA_DIR, display_path
from .blind_sample import body_sentences

__all__ = ["SENTENCE_SHEET", "NUMBER_SHEET", "KINDS", "BLIND_CODEBOOK", "CodedWorkbook", "sentence_fields",
           "sentence_rows", "number_rows", "write_workbook", "read_workbook"]

SENTENCE_SHEET = "sentences"
NUMBER_SHEET = "numbers"
KINDS = ("target", "achieved", "other")
"""Kinds of a quantity: a goal set for the future, a result reported, or neither (a
baseline, a comparison, a standard)."""
BLIND_CODEBOOK = DATA_DIR / "blind_codebook.md"
_FIXED_TIME = datetime.datetime(2026, 1, 1)     # the workbook's created/modified metadata, not the clock


def sentence_fields(dictionaries: dict[str, Sequence]) -> list[str]:
    """``<dictionary singular>.<entry id>`` for every entry: theme.economy, instrument.funding …"""
    return [f"{name.rstrip('s')}.{entry.id}" for name, entries in dictionaries.items() for entry in entries]


def _labels(corpus: pd.DataFrame) -> dict[str, str]:
    return {d: f"{t} ({str(date)[:4]})" for d, t, date in zip(corpus["doc_id"], corpus["title"], corpus["date"])}


def sentence_rows(key: pd.DataFrame, paragraph_table: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """The sentences sheet's text columns for a sentence key."""
    table = body_sentences(paragraph_table).astype({"doc_id": str})
    shown = key.merge(table, on=["doc_id", "para_no", "sent_no"], how="left", validate="one_to_one")
    if shown["text"].isna().any():
        raise ValueError(f"sentence key: {int(shown['text'].isna().sum())} sentence(s) not in the corpus")
    return pd.DataFrame({"sample_id": shown["sample_id"], "document": shown["doc_id"].map(_labels(corpus)),
                         "before": shown["before"], "sentence": shown["text"], "after": shown["after"]})


def number_rows(key: pd.DataFrame, paragraph_table: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """The numbers sheet's text columns for a number key (the number marked 【…】)."""
    table = body_sentences(paragraph_table).astype({"doc_id": str})
    shown = key.merge(table, on=["doc_id", "para_no", "sent_no"], how="left", validate="many_to_one")
    marked = [t[:s] + "【" + t[s:e] + "】" + t[e:] for t, s, e in zip(shown["text"], shown["start"], shown["end"])]
    return pd.DataFrame({"sample_id": shown["sample_id"], "document": shown["doc_id"].map(_labels(corpus)),
                         "sentence": marked, "number": shown["number"]})


def _codebook_lines(dictionaries: dict[str, Sequence]) -> list[tuple[str, str]]:
    lines = [("", line) for line in BLIND_CODEBOOK.read_text(encoding="utf-8").splitlines()]
    lines.append(("", ""))
    for name, entries in dictionaries.items():
        for entry in entries:
            lines.append((f"{name.rstrip('s')}.{entry.id}", f"{entry.zh} — {entry.en}"))
    return lines


def write_workbook(path: Path | str, coder: str, sentences: pd.DataFrame, numbers: pd.DataFrame,
                   dictionaries: dict[str, Sequence]) -> Path:
    """Write a blank coding workbook for ``coder`` (sheets in the module docstring)."""
    path = Path(path)
    fields = sentence_fields(dictionaries)
    book = Workbook()
    book.properties.created = book.properties.modified = _FIXED_TIME
    sheet = book.active
    sheet.title = "coder"
    sheet.append(["coder_id", coder])
    sheet.append(["how", "Fill every field of the sentences and numbers sheets (see the codebook sheet); "
                         "do not change sample_id or the text columns. Code alone, without looking at "
                         "any dictionary, extractor output or another coder's workbook."])
    sheet = book.create_sheet("codebook")
    sheet.append(["field", "definition"])
    for row in _codebook_lines(dictionaries):
        sheet.append(list(row))
    sheet = book.create_sheet(SENTENCE_SHEET)
    sheet.append([*sentences.columns, *fields, "note"])
    for row in sentences.itertuples(index=False):
        sheet.append([*row, *[None] * len(fields), None])
    sheet = book.create_sheet(NUMBER_SHEET)
    sheet.append([*numbers.columns, "quantity", "unit", "kind", "note"])
    for row in numbers.itertuples(index=False):
        sheet.append([*row, None, None, None, None])
    for name in (SENTENCE_SHEET, NUMBER_SHEET):
        for cell in book[name][1]:
            cell.alignment = Alignment(wrap_text=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


@dataclass(frozen=True)
class CodedWorkbook:
    """One coder's codes: ``sentences`` (sample_id + one int column per field) and
    ``numbers`` (sample_id, quantity int, unit str, kind str), read from ``path``."""
    path: Path
    coder: str
    sentences: pd.DataFrame
    numbers: pd.DataFrame


def _sheet(book: dict, path: Path, name: str, columns: Sequence[str]) -> pd.DataFrame:
    if name not in book:
        raise ValueError(f"{display_path(path)}: no sheet {name!r}")
    table = book[name]
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{display_path(path)}, sheet {name}: missing column(s) {', '.join(missing)}")
    return table


def _binary(value: str, where: str, field: str) -> int:
    text = value.strip()
    if text.endswith(".0"):
        text = text[:-2]
    if text not in ("0", "1"):
        raise ValueError(f"{where}: {field} is {value!r}, not 0 or 1")
    return int(text)


def read_workbook(path: Path | str, sentence_ids: Sequence[str], number_ids: Sequence[str],
                  fields: Sequence[str]) -> CodedWorkbook:
    """A coder's workbook, checked: the coder id, every sample_id of the keys once, every
    field 0 or 1, quantity 0 or 1, kind one of KINDS when quantity is 1 and empty when it is
    0. Errors name the file, the sheet, the row (as the spreadsheet numbers it) and the field."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{display_path(path)}: no such workbook")
    try:
        book = pd.read_excel(path, sheet_name=None, dtype=str, header=None, keep_default_na=False)
    except Exception as exc:     # openpyxl raises several types for a file that is not a workbook
        raise ValueError(f"{display_path(path)}: not a readable .xlsx workbook ({exc})") from exc
    coder_sheet = book.get("coder")
    if coder_sheet is None or coder_sheet.shape[1] < 2 or coder_sheet.iloc[0, 0] != "coder_id" \
            or not str(coder_sheet.iloc[0, 1]).strip():
        raise ValueError(f"{display_path(path)}, sheet coder: cell B1 must hold the coder id (A1: coder_id)")
    coder = str(coder_sheet.iloc[0, 1]).strip()
    tables = {}
    for name, table in book.items():
        table = table.copy()
        table.columns = [str(c).strip() for c in table.iloc[0]] if len(table) else []
        tables[name] = table.iloc[1:].reset_index(drop=True)
    out = {}
    for name, ids, columns in ((SENTENCE_SHEET, sentence_ids, ["sample_id", *fields]),
                               (NUMBER_SHEET, number_ids, ["sample_id", "quantity", "unit", "kind"])):
        table = _sheet(tables, path, name, columns)
        seen = table["sample_id"].str.strip().to_list()
        for row, sample_id in enumerate(seen, 2):
            if sample_id not in set(ids):
                raise ValueError(f"{display_path(path)}, sheet {name}, row {row}: sample_id {sample_id!r} is not in the sample")
        duplicated = sorted({s for s in seen if seen.count(s) > 1})
        if duplicated:
            raise ValueError(f"{display_path(path)}, sheet {name}: sample_id(s) listed twice: {', '.join(duplicated)}")
        absent = [s for s in ids if s not in set(seen)]
        if absent:
            raise ValueError(f"{display_path(path)}, sheet {name}: {len(absent)} sample_id(s) missing, "
                             f"first {absent[0]}")
        codes = {"sample_id": seen}
        if name == SENTENCE_SHEET:
            for field in fields:
                codes[field] = [_binary(v, f"{display_path(path)}, sheet {name}, row {r}", field)
                                for r, v in enumerate(table[field], 2)]
        else:
            quantity, kinds = [], []
            for r, (q, kind) in enumerate(zip(table["quantity"], table["kind"]), 2):
                where = f"{display_path(path)}, sheet {name}, row {r}"
                quantity.append(_binary(q, where, "quantity"))
                kind = kind.strip()
                if quantity[-1] == 1 and kind not in KINDS:
                    raise ValueError(f"{where}: kind is {kind!r}, not one of {', '.join(KINDS)}")
                if quantity[-1] == 0 and kind:
                    raise ValueError(f"{where}: kind is {kind!r} but quantity is 0 (leave kind empty)")
                kinds.append(kind)
            codes.update(quantity=quantity, unit=[u.strip() for u in table["unit"]], kind=kinds)
        out[name] = pd.DataFrame(codes).sort_values("sample_id", kind="mergesort").reset_index(drop=True)
    return CodedWorkbook(path, coder, out[SENTENCE_SHEET], out[NUMBER_SHEET])
