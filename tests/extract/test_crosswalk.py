"""The indicator crosswalk: phrases to canonical indicators by the pattern matching at the
phrase's end, and a bad data file named by line."""
import pytest

from analysis.extract import crosswalk


@pytest.mark.parametrize("phrase, measure, expected", [
    ("全市生产总值", "change", ("gdp", "higher")),
    ("全社会研发经费支出相当于全市生产总值的比例", "share/rate", ("rd_share", "higher")),   # the head is 比例
    ("人均地区生产总值", "level", ("", "")),                                               # per head is refused
    ("区级一般公共预算收入", "change", ("fiscal_revenue", "higher")),
    ("区级财政收入", "change", ("fiscal_revenue", "higher")),
    ("居民消费价格涨幅", "share/rate", ("cpi", "lower")),
    ("居民消费价格", "change", ("cpi", "lower")),
    ("进出口总额", "change", ("foreign_trade", "higher")),                                  # longest match wins
    ("出口总额", "change", ("exports", "higher")),
    ("国内生产总值[2]", "level", ("gdp", "higher")),                                        # a bulletin's footnote mark
    ("民营经济", "change", ("", "")),
    ("城镇登记失业率", "level", ("", "")),                                                  # a rate is no level
    # the seeds' two missed matches of the targets issue
    ("新增公共绿地", "level", ("public_green_space", "higher")),
    ("新辟公共绿地", "level", ("public_green_space", "higher")),
    ("兰州新区地区生产总值", "change", ("", "")),                                          # another place's GDP
    ("城镇固定资产投资", "change", ("urban_fixed_asset_investment", "higher")),
    # growth written as a speed, investment without 全, new jobs with 新增 dropped
    ("生产总值增速", "change", ("gdp", "higher")),
    ("社会固定资产投资", "level", ("fixed_asset_investment", "higher")),
    ("城镇就业", "level", ("new_urban_jobs", "higher")),
    ("城镇就业人员", "level", ("", "")),
])
def test_canonical_indicator(phrase, measure, expected):
    assert crosswalk.canonical_indicator(phrase, measure) == expected


def test_the_shipped_file_reads_and_every_indicator_has_one_direction():
    table = crosswalk.read_crosswalk()
    assert {"gdp", "cpi", "fiscal_revenue", "unemployment_registered"} <= set(table["indicator"])
    assert table.groupby("indicator")["direction"].nunique().max() == 1


@pytest.mark.parametrize("row, problem", [
    ("(生产总值\tgdp\t生产总值\tchange\thigher\tx", "is not a regular expression"),
    ("生产总值\tgdp\t生产总值\tgrowth\thigher\tx", "must be among"),
    ("生产总值\tgdp\t生产总值\tchange\tup\tx", "must be 'higher' or 'lower'"),
])
def test_a_bad_row_is_named_by_file_and_line(tmp_path, row, problem):
    path = tmp_path / "indicators.tsv"
    path.write_text("pattern\tindicator\tlabel_zh\tmeasures\tdirection\tsource\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"indicators.tsv line 2: .*{problem}"):
        crosswalk.read_crosswalk(path)
