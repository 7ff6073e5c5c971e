"""The indicator crosswalk: indicator phrases as written (全市生产总值, 区级财政收入, 居民消费价格
涨幅) mapped to canonical indicators with their measures and direction of better, read from
``analysis/data/indicators.tsv`` (one row per pattern, with its source).

A phrase maps to the indicator whose ``pattern`` (a regular expression) matches at the
**end** of the phrase, the longest match winning and file order breaking ties: Chinese noun
phrases end in their head, so 全社会研发经费支出相当于全市生产总值的比例 is a ratio (rd_share),
not GDP. What stands before the match may only name the government's own level or the year
and what the year adds (全省, 我市, 区级, 全年, 地方, 实际, 新增, 建成, 供应各类 …:
``_ALLOWED_BEFORE``): 人均地区生产总值, 兰州新区地区生产总值
and 城镇固定资产投资 are not the province's GDP or total investment.
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
_ALLOWED_BEFORE = re.compile(r"(?:全省|全市|全区|全县|全州|全盟|全国|我省|我市|我区|本省|本市|本区|全年|今年|年末|年底|地方|实际|直接"
                             r"|其中|主要|全社会|省级|市级|区级|县级|本级|完成|实现|新增|新建|新开工|开工|建设|建成|竣工|改造"
                             r"|引进|筹集|供应|各类)*")
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
        if match and _ALLOWED_BEFORE.fullmatch(phrase[:match.start()]) and len(match.group(0)) > best[0]:
            best = (len(match.group(0)), indicator, direction)
    return best[1], best[2]


def canonical_indicators(phrases: Sequence[str], measures: Sequence[str], path: Path = INDICATORS_FILE
                         ) -> pd.DataFrame:
    """:func:`canonical_indicator` of each phrase and measure: columns indicator, direction."""
    found = [canonical_indicator(p, m, path) for p, m in zip(phrases, measures)]
    return pd.DataFrame(found, columns=["indicator", "direction"], dtype=object)
