"""Genres: the kinds of document a corpus holds, as data (``analysis/data/genres.tsv``).

One row per value of the manifest's ``genre`` column: its Chinese label, its English
label (a countable noun: titles make the plural by adding "s") and the matplotlib
marker figures draw it with. A new genre is a row in that file;
``python -m analysis check`` reports a manifest genre that has no row.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .._internal.data_files import read_tsv_table
from ..paths import DATA_DIR

__all__ = ["GENRES_FILE", "MARKERS", "read_genres", "genre_labels", "genre_markers", "missing_genres"]

GENRES_FILE = DATA_DIR / "genres.tsv"
MARKERS = ("o", "s", "^", "v", "D", "P", "X", "*", "h", "<", ">")
"""Filled matplotlib markers a genre may use (they can be drawn hollow for an excerpt)."""


def read_genres(path: Path = GENRES_FILE) -> pd.DataFrame:
    """The genres table, indexed by genre id: label_zh, label_en, marker. A ValueError
    names the file and line of a row with an empty value or a marker not in MARKERS."""
    return read_tsv_table(path, ["genre", "label_zh", "label_en", "marker"], {
        "marker": (lambda value: value in MARKERS, f"is not one of {' '.join(MARKERS)}"),
    })


def genre_labels(path: Path = GENRES_FILE) -> dict[str, str]:
    """genre id -> Chinese label (work_report -> 政府工作报告)."""
    return read_genres(path)["label_zh"].to_dict()


def genre_markers(path: Path = GENRES_FILE) -> dict[str, str]:
    """genre id -> matplotlib marker."""
    return read_genres(path)["marker"].to_dict()


def missing_genres(genres: pd.Series | list[str], path: Path = GENRES_FILE) -> list[str]:
    """The genre ids among ``genres`` that have no row in the genres file, sorted."""
    return sorted(set(genres) - set(read_genres(path).index))
