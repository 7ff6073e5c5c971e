"""Places: the project gazetteer of district, area and landmark names
(``analysis/data/places.tsv``), and the rule that tells a place name from policy vocabulary:
a term is a place name when the gazetteer or the list of China's administrative divisions
(:func:`analysis.documents.divisions.division_names`) holds it. A part-of-speech tag alone
never makes a place (jieba tags 城市, 深度, 宜居 and 美丽 as place names)."""
from __future__ import annotations

import functools
from pathlib import Path

from .._internal.data_files import read_tsv
from ..documents.divisions import division_names
from ..paths import DATA_DIR

__all__ = ["PLACES_FILE", "place_names", "is_place"]

PLACES_FILE = DATA_DIR / "places.tsv"


@functools.lru_cache(maxsize=None)
def place_names(path: Path = PLACES_FILE) -> frozenset[str]:
    """The project gazetteer: district, area and landmark names, for figures that show
    place names apart from policy vocabulary (jieba tags some of them as person names)."""
    return frozenset(row["name"].strip() for row in read_tsv(path, ["name", "kind"]))


def is_place(term: str) -> bool:
    """A place name: in the project gazetteer or among the names of China's divisions."""
    return term in place_names() or term in division_names()
