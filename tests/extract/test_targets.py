"""Targets: the main-targets paragraph, matching by indicator, target against the next
report's outcome (on fixtures: the seeds hold no consecutive reports), hedging shares."""
import numpy as np
import pandas as pd
import pytest

import analysis
from analysis.extract import quantities as indicators, targets
from analysis import textstats


def _reports(texts: dict[str, list[str]], district="Minhang") -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(corpus, paragraph table, quantities) of work reports given as lists of paragraphs:
    a review part, then a plan part."""
    corpus = pd.DataFrame({"doc_id": list(texts), "text": ["\n".join(p) for p in texts.values()],
                           "district": district, "genre": "work_report",
                           "year": [int(d.split("-")[1]) for d in texts]})
    paras = analysis.paragraphs(corpus)
    return corpus, paras, indicators.extract_quantities(paras)


TWO_YEARS = {
    "mh-2018-wr": ["某区政府工作报告", "一、2017年工作回顾", "全年新增就业岗位2.8万个，区级一般公共预算收入增长7%。",
                   "二、2018年工作安排", "今年经济社会发展的主要预期目标是：区级一般公共预算收入增长6.5%左右，"
                   "新增就业岗位3万个，城镇登记失业人数控制在1.5万人以内。", "新增养老床位300张。"],
    "mh-2019-wr": ["某区政府工作报告", "一、2018年工作回顾", "全年新增就业岗位3.2万个，区级一般公共预算收入增长6%，"
                   "城镇登记失业人数1.4万人。", "二、2019年工作安排", "主要预期目标是：新增就业岗位3万个以上。"],
}


def test_main_targets_paragraph_and_stated_values():
    _, paras, quantities = _reports(TWO_YEARS)
    table = targets.report_targets(quantities, paras)
    first = table[table["doc_id"] == "mh-2018-wr"]
    assert first["main_paragraph"].tolist() == [True, True, True, False]
    assert first["stated"].tolist()[:3] == ["6.5% (增长, 左右)", "3万个", "1.5万人 (以内)"]
    assert (table["kind"] == "target").all()
    none = targets.report_targets(quantities[quantities["kind"] == "achieved"], paras)
    assert none.empty and none["main_paragraph"].dtype == bool and list(none[none["main_paragraph"]].columns) == list(none.columns)


def test_consecutive_reports_and_target_outcomes_with_gap_and_met():
    corpus, paras, quantities = _reports(TWO_YEARS)
    assert targets.consecutive_reports(corpus).to_dict("records") == [
        {"district": "Minhang", "target_doc": "mh-2018-wr", "outcome_doc": "mh-2019-wr"}]
    table = targets.target_outcomes(quantities, corpus).set_index("indicator")
    assert set(table.index) == {"区级一般公共预算收入", "新增就业岗位", "城镇登记失业人数"}
    revenue = table.loc["区级一般公共预算收入"]
    assert (revenue["target_value"], revenue["outcome_value"]) == (6.5, 6.0)
    assert revenue["gap"] == pytest.approx(-0.5) and not revenue["met"]
    jobs = table.loc["新增就业岗位"]
    assert jobs["gap"] == pytest.approx(2000) and jobs["met"]
    unemployed = table.loc["城镇登记失业人数"]                 # a ceiling: met at or below it
    assert unemployed["gap"] == pytest.approx(-1000) and unemployed["met"]
    assert "养老床位" not in "".join(table.index)               # no outcome given for it


def test_no_consecutive_reports_gives_an_empty_table_with_its_columns():
    corpus, _, quantities = _reports({k: v for k, v in TWO_YEARS.items() if k == "mh-2018-wr"})
    table = targets.target_outcomes(quantities, corpus)
    assert table.empty and list(table.columns)[:3] == ["district", "target_doc", "outcome_doc"]


def test_a_year_with_two_reports_takes_part_in_no_pair_and_is_named():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "district": "X", "genre": "work_report",
                           "year": [2018, 2018, 2019, 2020]})
    assert targets.consecutive_reports(corpus)[["target_doc", "outcome_doc"]].values.tolist() == [["c", "d"]]
    assert targets.repeated_reports(corpus).to_dict("records") == [{"district": "X", "year": 2018, "doc_ids": "a, b"}]


def test_matching_needs_the_same_unit_and_measure_and_prefers_equal_phrases():
    left = pd.DataFrame({"indicator": ["一般公共预算收入", "新增就业岗位", "绿地"], "base_unit": ["%", "个", "平方米"],
                         "measure": ["change", "level", "level"]})
    right = pd.DataFrame({"indicator": ["区级一般公共预算收入", "新增就业岗位", "绿地"], "base_unit": ["%", "个", "%"],
                          "measure": ["change", "level", "share/rate"]})
    assert targets.match_indicators(left, right) == [(0, 0, "one inside the other"), (1, 1, "same indicator")]


def test_side_by_side_lists_matched_pairs_then_each_side_alone():
    _, paras, quantities = _reports(TWO_YEARS)
    table = targets.targets_side_by_side(targets.report_targets(quantities, paras), "mh-2018-wr", "mh-2019-wr")
    assert table["match"].tolist() == ["same indicator", "only a", "only a", "only a"]
    assert table.loc[0, ["stated_a", "stated_b"]].tolist() == ["3万个", "3万个 (以上)"]
    assert table.loc[1:, "indicator_b"].eq("").all()


def test_numeric_density_and_hedging_shares_with_wilson_intervals():
    corpus, paras, quantities = _reports(TWO_YEARS)
    tokens = analysis.corpus_tokens(paras).merge(paras[["doc_id", "para_no", "part_kind"]], on=["doc_id", "para_no"])
    table = targets.numeric_density(quantities, tokens, paras, ["doc_id", "part_kind"])
    plan = table[(table["doc_id"] == "mh-2018-wr") & (table["part_kind"] == "plan")].iloc[0]
    words = int(tokens[(tokens["doc_id"] == "mh-2018-wr") & (tokens["part_kind"] == "plan")]["is_word"].sum())
    assert (plan["quantities"], plan["targets"], plan["hedged"], plan["floor"], plan["ceiling"]) == (4, 4, 1, 0, 1)
    assert plan["per_1000"] == pytest.approx(4 / words * 1000)
    low, high = textstats.wilson_interval(1, 4)
    assert (plan["hedged_share"], plan["hedged_ci_low"], plan["hedged_ci_high"]) == pytest.approx((0.25, low, high))
    review = table[(table["doc_id"] == "mh-2018-wr") & (table["part_kind"] == "review")].iloc[0]
    assert review["targets"] == 0 and np.isnan(review["hedged_share"])


def test_targets_by_theme_counts_each_side_and_the_matched_pairs():
    side = pd.DataFrame({"theme": ["economy", "economy", "", "urban"], "indicator_a": ["甲", "乙", "丙", ""],
                         "indicator_b": ["甲", "", "", "丁"],
                         "match": ["same indicator", "only a", "only a", "only b"]})
    table = targets.targets_by_theme(side, "a", "b").set_index(["theme", "doc_id"])
    assert table.loc[("economy", "a")].tolist() == [2, 1] and table.loc[("economy", "b")].tolist() == [1, 1]
    assert table.loc[("(none)", "a")].tolist() == [1, 0] and table.loc[("urban", "b")].tolist() == [1, 0]
