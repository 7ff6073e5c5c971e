"""Districts: the places a corpus covers, as data (``analysis/data/districts.tsv``).

One row per value of the manifest's ``district`` column: its Chinese and English names,
administrative level and the colour every figure gives it. Adding a place is a row in
that file, never a code edit; ``python -m analysis check`` reports a manifest district
that has no row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .._internal.data_files import read_tsv_table
from .genres import read_genres
from ..paths import DATA_DIR, display_path

__all__ = ["DISTRICTS_FILE", "LEVELS", "read_districts", "district_colours", "district_names", "missing_districts",
           "PairLabels", "pair_labels"]

DISTRICTS_FILE = DATA_DIR / "districts.tsv"
LEVELS = ("municipality", "district", "county", "city", "province")
"""Administrative levels a row may name."""
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def read_districts(path: Path = DISTRICTS_FILE) -> pd.DataFrame:
    """The districts table, indexed by district id: name_zh, name_en, level, colour.
    A ValueError names the file and line of a row with an empty value, an unknown level
    or a colour that is not #RRGGBB."""
    return read_tsv_table(path, ["district", "name_zh", "name_en", "level", "colour"], {
        "level": (lambda value: value in LEVELS, f"is not one of {', '.join(LEVELS)}"),
        "colour": (lambda value: bool(_COLOUR.match(value)), "is not #RRGGBB"),
    })


def district_colours(path: Path = DISTRICTS_FILE) -> dict[str, str]:
    """district id -> colour (#RRGGBB)."""
    return read_districts(path)["colour"].to_dict()


def district_names(path: Path = DISTRICTS_FILE) -> dict[str, str]:
    """district id -> display name, Chinese then English (长宁 Changning)."""
    table = read_districts(path)
    return {d: f"{zh} {en}" for d, zh, en in zip(table.index, table["name_zh"], table["name_en"])}


def missing_districts(districts: pd.Series | list[str], path: Path = DISTRICTS_FILE) -> list[str]:
    """The district ids among ``districts`` that have no row in the districts file, sorted."""
    return sorted(set(districts) - set(read_districts(path).index))


@dataclass(frozen=True)
class PairLabels:
    """Everything a two-place comparison shows, read from the data files: for each side its
    name (长宁 Changning), colour, Chinese and English short labels of its report
    (长宁 2018, Changning 2018) and year; the reports' shared genre in Chinese and in the
    English plural (政府工作报告, work reports; 文件, documents when the genres differ)."""

    names: tuple[str, str]
    colours: tuple[str, str]
    short_zh: tuple[str, str]
    short_en: tuple[str, str]
    years: tuple[int, int]
    report_labels: dict[str, str]
    genre_zh: str
    genre_en: str


def pair_labels(corpus: pd.DataFrame, places: tuple[str, str], reports: tuple[str, str],
                path: Path = DISTRICTS_FILE) -> PairLabels:
    """The labels of comparing ``places`` (district ids) through ``reports`` (one doc_id per
    place, in the same order). A ValueError names a place not in the districts file or a
    report that is not in the corpus or not from its place."""

    table = read_districts(path)
    unknown = [p for p in places if p not in table.index]
    if unknown:
        raise ValueError(f"{display_path(path)}: no row for {', '.join(unknown)}; add one (district, name_zh, "
                         "name_en, level, colour)")
    documents = corpus.set_index("doc_id")
    for place, doc_id in zip(places, reports):
        if doc_id not in documents.index:
            raise ValueError(f"report {doc_id!r} is not in the corpus")
        if documents.at[doc_id, "district"] != place:
            raise ValueError(f"report {doc_id!r} is from {documents.at[doc_id, 'district']}, not {place}")
    rows = [table.loc[p] for p in places]
    years = tuple(int(documents.at[d, "year"]) for d in reports)
    genres = {documents.at[d, "genre"] for d in reports}
    labels = read_genres()
    genre = genres.pop() if len(genres) == 1 else None
    known = genre is not None and genre in labels.index
    return PairLabels(
        names=tuple(f"{r['name_zh']} {r['name_en']}" for r in rows),
        colours=tuple(r["colour"] for r in rows),
        short_zh=tuple(f"{r['name_zh']} {y}" for r, y in zip(rows, years)),
        short_en=tuple(f"{r['name_en']} {y}" for r, y in zip(rows, years)),
        years=years,
        report_labels={d: f"{r['name_zh']} {r['name_en']} {y}" for d, r, y in zip(reports, rows, years)},
        genre_zh=labels.at[genre, "label_zh"] if known else "文件",
        genre_en=labels.at[genre, "label_en"] + "s" if known else "documents",
    )
