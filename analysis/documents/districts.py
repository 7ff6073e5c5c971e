"""Districts: the places a corpus covers, as data (``analysis/data/districts.tsv``).

One row per value of the manifest's ``district`` column: its Chinese and English names,
administrative level and the colour every figure gives it. Beyond that file, every
division of China (:mod:`analysis.documents.divisions`) is a place with the id ``cn`` + its
six-digit code (cn330100 is 杭州市), its full Chinese name for both names (the list has no
checked romanisation, so no English name is guessed), its level, and a colour drawn from a
fixed palette by the id (:func:`place_colour`). A row in districts.tsv gives a place an id,
an English name and a colour of its own; ``python -m analysis check`` reports a manifest
district that is neither.
"""
from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .._internal.data_files import read_tsv_table
from .divisions import read_divisions
from .genres import read_genres
from ..paths import DATA_DIR, display_path

__all__ = ["DISTRICTS_FILE", "LEVELS", "PALETTE", "read_districts", "place_colour", "resolve_place",
           "district_colours", "district_names", "missing_districts", "PairLabels", "pair_labels", "pair_designs"]

DISTRICTS_FILE = DATA_DIR / "districts.tsv"
LEVELS = ("municipality", "district", "county", "city", "province", "national")
"""Administrative levels a row may name."""
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


PALETTE = ("#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3", "#8C8C8C",
           "#CCB974", "#64B5CD", "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B",
           "#E377C2", "#7F7F7F", "#BCBD22", "#17BECF")
"""The colours given to places without a colour of their own (seaborn deep, then matplotlib tab10)."""
_DIVISION_LEVELS = {"province": "province", "prefecture": "city", "county": "county"}


def place_colour(place: str) -> str:
    """The colour of a place without one of its own: PALETTE[sha256(id) mod 20], so that a
    place keeps its colour whatever else the corpus holds."""
    return PALETTE[int(hashlib.sha256(place.encode("utf-8")).hexdigest(), 16) % len(PALETTE)]


def _district_file(path: Path) -> pd.DataFrame:
    return read_tsv_table(path, ["district", "name_zh", "name_en", "level", "colour"], {
        "level": (lambda value: value in LEVELS, f"is not one of {', '.join(LEVELS)}"),
        "colour": (lambda value: bool(_COLOUR.match(value)), "is not #RRGGBB"),
    })


def read_districts(path: Path = DISTRICTS_FILE) -> pd.DataFrame:
    """The places table, indexed by district id: name_zh, name_en, level, colour. The rows of
    the districts file come first; then every division of China as ``cn`` + code (module
    docstring). A ValueError names the file and line of a row with an empty value, an
    unknown level or a colour that is not #RRGGBB."""
    table = _district_file(Path(path))
    return pd.concat([table, _division_places().rename_axis(table.index.name)])


@functools.lru_cache(maxsize=None)
def _division_places() -> pd.DataFrame:
    divisions = read_divisions()
    ids = "cn" + divisions["code"]
    return pd.DataFrame({"name_zh": divisions["full_name_zh"].to_numpy(), "name_en": divisions["full_name_zh"].to_numpy(),
                         "level": divisions["level"].map(_DIVISION_LEVELS).to_numpy(),
                         "colour": [place_colour(i) for i in ids]}, index=pd.Index(ids))


def resolve_place(place: str, path: Path = DISTRICTS_FILE) -> tuple[str, str]:
    """(district id, Chinese name) of ``place``: a district id of the districts file, a
    ``cn`` + code id, or a Chinese name: a districts-file name_zh (长宁 or 长宁区), else a
    division's name (浙江, 浙江省, 杭州市, 西湖区). A ValueError says when the name is
    unknown or names several divisions (朝阳区), listing their ids."""
    own, divisions_by_id = _district_file(Path(path)), _division_places()
    for table in (own, divisions_by_id):
        if place in table.index:
            return place, table.at[place, "name_zh"]
    short = place[:-1] if len(place) > 2 and place.endswith(("区", "县", "市")) else place
    named = [d for d, zh in zip(own.index, own["name_zh"]) if zh in (place, short)]
    if len(named) == 1:
        return named[0], own.at[named[0], "name_zh"]
    divisions = read_divisions()
    matches = divisions[(divisions["full_name_zh"] == place) | (divisions["name_zh"] == place)]
    if len(matches) == 1:
        return "cn" + matches["code"].iloc[0], matches["full_name_zh"].iloc[0]
    if len(matches) > 1:
        options = ", ".join(f"cn{c} ({n}, in {divisions_by_id.at['cn' + p, 'name_zh'] if p else 'China'})"
                            for c, n, p in zip(matches["code"], matches["full_name_zh"], matches["parent"]))
        raise ValueError(f"--district {place!r} names {len(matches)} divisions: {options}; pass one of their ids")
    raise ValueError(f"--district {place!r}: not a district id of {display_path(path)} and not the name of a "
                     "division of China; give a Latin id (and a row in that file) or a Chinese name such as 杭州市")


def district_colours(path: Path = DISTRICTS_FILE) -> dict[str, str]:
    """district id -> colour (#RRGGBB)."""
    return read_districts(path)["colour"].to_dict()


def _display(zh: str, en: str) -> str:
    """长宁 Changning; the Chinese name alone when there is no other (杭州市)."""
    return zh if en == zh else f"{zh} {en}"


def district_names(path: Path = DISTRICTS_FILE) -> dict[str, str]:
    """district id -> display name, Chinese then English (长宁 Changning; 杭州市 for a division)."""
    table = read_districts(path)
    return {d: _display(zh, en) for d, zh, en in zip(table.index, table["name_zh"], table["name_en"])}


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
        names=tuple(_display(r["name_zh"], r["name_en"]) for r in rows),
        colours=tuple(r["colour"] for r in rows),
        short_zh=tuple(f"{r['name_zh']} {y}" for r, y in zip(rows, years)),
        short_en=tuple(f"{r['name_en']} {y}" for r, y in zip(rows, years)),
        years=years,
        report_labels={d: f"{_display(r['name_zh'], r['name_en'])} {y}" for d, r, y in zip(reports, rows, years)},
        genre_zh=labels.at[genre, "label_zh"] if known else "文件",
        genre_en=labels.at[genre, "label_en"] + "s" if known else "documents",
    )


def pair_designs(corpus: pd.DataFrame, places: tuple[str, str], reports: tuple[str, str]) -> dict[str, tuple[str, str]]:
    """The designs of a two-place comparison, as pandas queries on the token table (target,
    reference): *main*, the two reports; *same year*, when the second report is a year later,
    the first report's plan against the second's review (both about the same calendar
    year); *sensitivity*, every document of each place. A ValueError names a report that is
    not in the corpus."""
    documents = corpus.set_index("doc_id")
    for doc_id in reports:
        if doc_id not in documents.index:
            raise ValueError(f"report {doc_id!r} is not in the corpus")
    first, second = reports
    designs = {"main": (f"doc_id == {first!r}", f"doc_id == {second!r}")}
    if int(documents.at[second, "year"]) == int(documents.at[first, "year"]) + 1:
        designs["same year"] = (f"doc_id == {first!r} and part_kind == 'plan'",
                                f"doc_id == {second!r} and part_kind == 'review'")
    designs["sensitivity"] = (f"district == {places[0]!r}", f"district == {places[1]!r}")
    return designs

