"""Data files: the tab-separated tables the package ships in ``analysis/data/`` (lexicon,
stop words, gazetteer, districts, genres), read with every problem named by file and line."""
from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..paths import display_path

__all__ = ["read_tsv", "read_tsv_table"]


def read_tsv(path: Path, columns: list[str]) -> list[dict[str, str]]:
    """Rows of a tab-separated data file, checked for its columns and for a non-empty,
    unique first column; a ValueError names the file and line."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{display_path(path)}: missing column(s): {', '.join(missing)}")
        rows = list(reader)
    seen: dict[str, int] = {}
    for line_no, row in enumerate(rows, 2):
        key = (row[columns[0]] or "").strip()
        if not key:
            raise ValueError(f"{display_path(path)} line {line_no}: empty {columns[0]}")
        if key in seen:
            raise ValueError(f"{display_path(path)} line {line_no}: duplicate {columns[0]} {key!r} "
                             f"(first on line {seen[key]})")
        seen[key] = line_no
    return rows


def read_tsv_table(path: Path, columns: list[str], rules: dict[str, tuple[Callable[[str], bool], str]]
                   ) -> pd.DataFrame:
    """:func:`read_tsv` as a table indexed by its first column, values stripped, every
    column of ``columns`` non-empty and each value of a column in ``rules`` passing its
    test; a ValueError names the file, the line and the rule's description."""
    rows = read_tsv(path, columns)
    for line_no, row in enumerate(rows, 2):
        at = f"{display_path(path)} line {line_no}"
        for column in columns[1:]:
            value = (row[column] or "").strip()
            if not value:
                raise ValueError(f"{at}: empty {column}")
            if column in rules and not rules[column][0](value):
                raise ValueError(f"{at}: {column} {value!r} {rules[column][1]}")
    table = pd.DataFrame(rows, columns=columns).apply(lambda column: column.str.strip())
    return table.set_index(columns[0])
