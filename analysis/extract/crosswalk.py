"""The indicator crosswalk: indicator phrases as written (全市生产总值, 区级财政收入, 居民消费价格
涨幅) mapped to canonical indicators with their measures and direction of better, read from
``analysis/data/indicators.tsv`` (one row per pattern, with its source).

A phrase maps to the indicator whose ``pattern`` (a regular expression) matches at the
**end** of the phrase, the longest match winning and file order breaking ties: Chinese noun
phrases end in their head, so 全社会研发经费支出相当于全市生产总值的比例 is a ratio (rd_share),
not GDP. A match right after 人均, 单位, 每 or 万元 is refused (人均地区生产总值 is not GDP).
Footnote marks ([2], as in the statistical bulletins) are dropped first.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .._internal.data_files import read_tsv_table
from ..paths import DATA_DIR, display_path

__all__ = ["INDICATORS_FILE", "MEASURES", "read_crosswalk", "canonical_indicator", "canonical_indicators"]

INDICATORS_FILE = DATA_DIR / "indicators.tsv"
MEASURES = ("change", "level", "share/rate")
_REFUSED_BEFORE = re.compile(r"(?:人均|单位|每|万元)$")
_FOOTNOTE = re.compile(r"\[\d+\]|［\d+］")


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def read_crosswalk(path: Path = INDICATORS_FILE) -> pd.DataFrame:
    """The crosswalk, one row per pattern (file order): pattern, indicator, label_zh, measures
    (a tuple of MEASURES), direction ('higher' or 'lower' is better), source; a ValueError
    names the file and line of a bad row."""
    table = read_tsv_table(path, ["pattern", "indicator", "label_zh", "measures", "direction", "source"], {
        "measures": (lambda v: all(m in MEASURES for m in v.split()), f"must be among {', '.join(MEASURES)}"),
        "direction": (lambda v: v in ("higher", "lower"), "must be 'higher' or 'lower'"),
    }).reset_index()
    for line_no, pattern in enumerate(table["pattern"], 2):
        if not _compiles(pattern):
            raise ValueError(f"{display_path(path)} line {line_no}: pattern {pattern!r} is not a regular expression")
    for indicator, rows in table.groupby("indicator", sort=False):
        if rows["direction"].nunique() > 1:
            raise ValueError(f"{display_path(path)}: indicator {indicator!r} has two directions")
    table["measures"] = [tuple(v.split()) for v in table["measures"]]
    return table


@lru_cache(maxsize=8)
def _compiled(path: Path) -> tuple[tuple[re.Pattern, str, tuple[str, ...], str], ...]:
    table = read_crosswalk(path)
    return tuple((re.compile(rf"(?:{p})$"), i, m, d) for p, i, m, d in
                 zip(table["pattern"], table["indicator"], table["measures"], table["direction"]))


def canonical_indicator(phrase: str, measure: str = "", path: Path = INDICATORS_FILE) -> tuple[str, str]:
    """(indicator, direction) of ``phrase`` (module docstring), or ('', '') when no pattern
    matches; with ``measure``, only rows listing it count."""
    phrase = _FOOTNOTE.sub("", phrase)
    best: tuple[int, str, str] = (0, "", "")
    for pattern, indicator, measures, direction in _compiled(path):
        if measure and measure not in measures:
            continue
        match = pattern.search(phrase)
        if match and not _REFUSED_BEFORE.search(phrase[:match.start()]) and len(match.group(0)) > best[0]:
            best = (len(match.group(0)), indicator, direction)
    return best[1], best[2]


def canonical_indicators(phrases: Sequence[str], measures: Sequence[str], path: Path = INDICATORS_FILE
                         ) -> pd.DataFrame:
    """:func:`canonical_indicator` of each phrase and measure: columns indicator, direction."""
    found = [canonical_indicator(p, m, path) for p, m in zip(phrases, measures)]
    return pd.DataFrame(found, columns=["indicator", "direction"], dtype=object)
