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
    checked = targets.target_outcomes(quantities, corpus, paras)
    table = checked.pairs.set_index("indicator_as_written")
    assert set(table.index) == {"区级一般公共预算收入", "就业岗位", "城镇登记失业人数"}
    revenue = table.loc["区级一般公共预算收入"]
    assert (revenue["target_value"], revenue["outcome_value"], revenue["target_type"]) == (6.5, 6.0, "approximate")
    assert revenue["indicator"] == "fiscal_revenue" and revenue["match"] == "same canonical indicator"
    assert revenue["gap"] == pytest.approx(-0.5) and not revenue["met"]     # 6.0 < 6.5 × 0.95
    jobs = table.loc["就业岗位"]
    assert jobs["gap"] == pytest.approx(2000) and jobs["met"] and jobs["indicator"] == "new_urban_jobs"
    unemployed = table.loc["城镇登记失业人数"]                 # a ceiling: met at or below it
    assert unemployed["gap"] == pytest.approx(-1000) and unemployed["met"] and unemployed["target_type"] == "ceiling"
    assert table["main_target"].all() and set(table["target_section"]) == {"main targets"}
    assert set(table["outcome_section"]) == {"annual review"} and (table["target_year"] == 2018).all()
    assert list(checked.pairs.columns) == targets._PAIR_COLUMNS
    assert checked.unmatched[["target_doc", "reason"]].values.tolist() == [["mh-2019-wr", "no next report in the corpus"]]


def test_no_consecutive_reports_gives_an_empty_table_and_names_the_missing_report():
    corpus, paras, quantities = _reports({k: v for k, v in TWO_YEARS.items() if k == "mh-2018-wr"})
    checked = targets.target_outcomes(quantities, corpus, paras)
    assert checked.pairs.empty and list(checked.pairs.columns)[:3] == ["district", "target_year", "target_span"]
    assert set(checked.unmatched["reason"]) == {"no next report in the corpus"} and len(checked.unmatched) == 3


def _target_and_outcome(place, year, target, outcome):
    """Two reports of one province: the plan of year ``year`` sets ``target`` (a paragraph),
    the next report's review of that year states ``outcome``."""
    return {f"{place}-{year}-wr": ["某省政府工作报告", f"一、{year - 1}年工作回顾", "经济平稳运行。", f"二、{year}年工作安排", target],
            f"{place}-{year + 1}-wr": ["某省政府工作报告", f"一、{year}年工作回顾", outcome, f"二、{year + 1}年工作安排",
                                       "抓好各项工作。"]}


def _pairs(texts, **kwargs):
    corpus, paras, quantities = _reports(texts)
    return targets.target_outcomes(quantities, corpus, paras, **kwargs)


def test_a_five_year_review_gives_no_annual_outcome_and_says_so():
    checked = _pairs({
        "sh-2017-wr": ["某市政府工作报告", "一、2016年工作回顾", "全年完成各项任务。", "二、2017年工作安排",
                       "今年主要预期目标是：全市生产总值增长6.5%左右，新增保障性住房5万套。"],
        "sh-2018-wr": ["某市政府工作报告", "一、过去五年工作回顾", "五年来，全市生产总值年均增长7.1%。",
                       "新增供应各类保障性住房49.3万套。", "二、今后五年的目标任务", "到2022年，全市生产总值达到5万亿元。",
                       "三、2018年工作安排", "主要预期目标是：全市生产总值增长6.5%左右。"]})
    assert checked.pairs.empty
    assert checked.unmatched[["target_doc", "reason"]].values.tolist() == [
        ["sh-2017-wr", "five-year review"], ["sh-2017-wr", "five-year review"], ["sh-2018-wr", "no next report in the corpus"]]


def test_two_quantities_of_two_indicators_in_one_sentence_keep_their_own_values():
    checked = _pairs(_target_and_outcome("ah", 2020,
        "主要预期目标是：完成涉及7万户的村庄改造和9万户的农村生活污水处理设施改造。",
        "全年完成涉及8万户的村庄改造和6万户的农村生活污水处理设施改造。"))
    table = checked.pairs.set_index("indicator_as_written")
    assert table.loc["村庄改造", ["target_value", "outcome_value", "met"]].tolist() == [70000, 80000, True]
    assert table.loc["农村生活污水处理设施改造", ["target_value", "outcome_value", "met"]].tolist() == [90000, 60000, False]


def test_a_joint_target_and_a_review_with_two_verbs_pair_each_indicator():
    checked = _pairs(_target_and_outcome("gd", 2021,
        "主要预期目标是：地方一般公共预算收入增长5%，居民消费价格涨幅3%左右，调查失业率和登记失业率都稳定在4.3%以内。",
        "较好完成了年初确定的主要目标：地方一般公共预算收入增长10.3%，"
        "居民消费价格上涨1.2%，城镇调查失业率4.2%，城镇登记失业率3.6%。"))
    table = checked.pairs.set_index("indicator")
    assert set(table.index) == {"fiscal_revenue", "cpi", "unemployment_surveyed", "unemployment_registered"}
    assert table.loc["cpi", ["direction", "met"]].tolist() == ["lower", True]
    assert table.loc["unemployment_registered", ["target_value", "outcome_value", "met"]].tolist() == [4.3, 3.6, True]


def test_a_flow_is_never_paired_with_a_stock_and_a_range_keeps_both_ends():
    checked = _pairs(_target_and_outcome("zj", 2019,
        "主要预期目标是：地区生产总值增长6.5%-7%，新增7000张公办养老床位。",
        "全年地区生产总值增长6.8%，公办养老床位达到12.6万张。"))
    (row,) = checked.pairs.itertuples(index=False)
    assert (row.indicator, row.target_type, row.target_value, row.target_value_high, row.met) == ("gdp", "range", 6.5, 7.0, True)
    assert checked.unmatched[["indicator_as_written", "reason"]].values.tolist() == [["公办养老床位", "no match found"]]


@pytest.mark.parametrize("outcome, met", [("4.4%", True), ("4.8%", False)])
def test_a_lower_is_better_approximate_target_is_met_below_it(outcome, met):
    checked = _pairs(_target_and_outcome("sc", 2019,
        "主要预期目标是：城镇登记失业率4.5%左右。",
        f"城镇登记失业率{outcome}。"))
    (row,) = checked.pairs.itertuples(index=False)
    assert (row.direction, row.direction_source, row.target_type, row.met) == ("lower", "crosswalk", "approximate", met)


def test_the_tolerance_for_approximate_targets_is_one_stated_rule():
    assert targets.target_met(6.0, np.nan, 5.8, "approximate", "higher")            # within 5% of 6
    assert not targets.target_met(6.0, np.nan, 5.6, "approximate", "higher")
    assert not targets.target_met(6.0, np.nan, 5.8, "approximate", "higher", tolerance=0)
    assert targets.target_met(3.0, np.nan, 3.1, "approximate", "lower")
    assert targets.target_met(-3.0, np.nan, -3.5, "point", "lower")                 # a larger fall in energy use
    assert [targets.target_type(q, h) for q, h in [("确保", np.nan), ("力争、左右", np.nan), ("以内", np.nan),
                                                    ("力争、以上", np.nan), ("", 7.0), ("", np.nan)]] == [
        "hard", "approximate", "ceiling", "floor", "range", "point"]


def test_target_year_multi_year_goals_and_outcomes_that_are_targets_or_estimates():
    checked = _pairs({
        "bj-2006-wr": ["某市政府工作报告", "一、2005年工作回顾", "经济平稳运行。", "二、2006年工作安排",
                       "主要预期目标是：地区生产总值增长9%左右。", "到2010年轨道交通运营里程达到400公里。",
                       "“十一五”期间新增就业岗位50万个。"],
        "bj-2007-wr": ["某市政府工作报告", "一、2006年工作回顾", "年初确定的地区生产总值增长9%左右的目标顺利实现，"
                       "预计地区生产总值增长10%左右。", "轨道交通运营里程达到140.2公里。", "二、2007年工作安排", "抓好各项工作。"],
        "bj-2011-wr": ["某市政府工作报告", "一、“十一五”时期工作回顾", "轨道交通运营里程达到420公里，五年累计新增就业岗位62万个。",
                       "二、2011年工作安排", "抓好各项工作。"]})
    table = checked.pairs.set_index("indicator_as_written")
    gdp = table.loc["地区生产总值"]
    assert (gdp["outcome_value"], gdp["outcome_preliminary"], gdp["target_span"], gdp["met"]) == (10.0, True, "annual", True)
    rail = table.loc["轨道交通运营里程"]
    assert (rail["target_year"], rail["target_span"], rail["outcome_doc"], rail["outcome_value"]) == (
        2010, "multi-year", "bj-2011-wr", 420.0)
    jobs = table.loc["就业岗位"]
    assert (jobs["target_year"], jobs["outcome_value"], jobs["met"]) == (2010, 620_000.0, True)


def test_quantity_sections_and_target_years():
    corpus, paras, quantities = _reports({
        "hb-2023-wr": ["某省政府工作报告", "一、过去五年和2022年工作回顾", "全年地区生产总值增长5%。",
                       "二、今后五年的目标任务", "地区生产总值年均增长6%。", "三、2023年工作安排",
                       "主要预期目标是：地区生产总值增长6%左右。", "实施三年行动，新建公园30个。", "到2025年新增绿地100公顷。"]})
    sections = targets.quantity_sections(quantities, paras, corpus).tolist()
    assert sections == ["annual review", "five-year goals", "main targets", "annual tasks", "annual tasks"]
    years = targets.target_years(quantities, pd.Series(2023, index=quantities.index), pd.Series(sections, index=quantities.index))
    assert years.tolist() == [2023, 2027, 2023, 2025, 2025]


def test_the_annual_targets_in_a_part_about_the_plan_period_are_main_targets_and_headings_set_none():
    corpus, paras, quantities = _reports({
        "sx-2021-wr": ["某省政府工作报告", "一、2020年工作回顾", "经济平稳运行。", "二、以高质量发展为“十四五”开好局",
                       "（一）着力夯实农业和基础设施两个基础", "全省经济社会发展主要预期目标为：生产总值增长6.5%左右。",
                       "到2025年，人均生产总值达到9万元左右。"]})
    sections = targets.quantity_sections(quantities, paras, corpus).tolist()
    assert sections == ["five-year goals", "main targets", "five-year goals"]      # the heading's 两个 first
    checked = targets.target_outcomes(quantities, corpus, paras)
    assert checked.unmatched["indicator_as_written"].tolist() == ["生产总值"]        # not the heading's 基础


def test_qualitative_main_targets_are_listed_with_their_reason():
    checked = _pairs(TWO_YEARS | {"mh-2019-wr": TWO_YEARS["mh-2019-wr"][:4] + [
        "主要预期目标是：新增就业岗位3万个以上，居民人均可支配收入增长与经济增长同步。"]})
    qualitative = checked.unmatched[checked.unmatched["reason"] == "qualitative only"]
    assert qualitative["indicator"].tolist() == ["resident_income"]


def test_a_year_with_two_reports_takes_part_in_no_pair_and_is_named():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "district": "X", "genre": "work_report",
                           "year": [2018, 2018, 2019, 2020]})
    assert targets.consecutive_reports(corpus)[["target_doc", "outcome_doc"]].values.tolist() == [["c", "d"]]
    assert targets.repeated_reports(corpus).to_dict("records") == [{"district": "X", "year": 2018, "doc_ids": "a, b"}]


def test_matching_goes_through_the_crosswalk_then_the_exact_phrase():
    left = pd.DataFrame({"indicator": ["区级一般公共预算收入", "新增就业岗位", "绿地", "研发经费支出相当于生产总值的比例"],
                         "base_unit": ["%", "个", "平方米", "%"], "measure": ["change", "level", "level", "share/rate"],
                         "flow_stock": ["flow", "flow", "", ""]})
    right = pd.DataFrame({"indicator": ["地区生产总值", "区级财政收入", "新增就业岗位", "绿地"],
                          "base_unit": ["%", "%", "个", "%"], "measure": ["change", "change", "level", "share/rate"],
                          "flow_stock": ["flow", "flow", "flow", ""]})
    assert targets.match_indicators(left, right) == [(0, 1, "same canonical indicator"), (1, 2, "same canonical indicator")]


def test_unknown_indicator_phrases_are_listed():
    _, _, quantities = _reports(TWO_YEARS)
    table = targets.unknown_indicator_phrases(quantities)
    assert table["indicator_as_written"].tolist() == ["城镇登记失业人数"]       # 新增养老床位 is in the crosswalk


def test_side_by_side_lists_matched_pairs_then_each_side_alone():
    _, paras, quantities = _reports(TWO_YEARS)
    table = targets.targets_side_by_side(targets.report_targets(quantities, paras), "mh-2018-wr", "mh-2019-wr")
    assert table["match"].tolist() == ["same canonical indicator", "only a", "only a", "only a"]
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
                         "match": ["exact phrase", "only a", "only a", "only b"]})
    table = targets.targets_by_theme(side, "a", "b").set_index(["theme", "doc_id"])
    assert table.loc[("economy", "a")].tolist() == [2, 1] and table.loc[("economy", "b")].tolist() == [1, 1]
    assert table.loc[("(none)", "a")].tolist() == [1, 0] and table.loc[("urban", "b")].tolist() == [1, 0]


def test_growth_targets_recover_the_planted_panel(panel):
    """One growth target per report (the main target), its type and value, and the outcome of
    the next report with its gap; 'no next report' for the last year and the year before the
    missing one."""
    from synthetic_reports import PANEL_MISSING, PANEL_NATIONAL, PANEL_PLACES, panel_gap, panel_target, panel_target_type

    growth = panel.growth
    assert list(growth.columns) == targets.GROWTH_COLUMNS and growth["doc_id"].is_unique
    assert len(growth) == len(panel.corpus) and growth["main_target"].all()
    index = {code: i for i, code in enumerate(PANEL_PLACES)}
    provinces = growth[growth["government"] != PANEL_NATIONAL]
    assert np.allclose(provinces["target_value"], [panel_target(index[g], y) for g, y in
                                                   zip(provinces["government"], provinces["year"])])
    assert provinces["target_type"].tolist() == [panel_target_type(index[g]) for g in provinces["government"]]
    paired = provinces[provinces["outcome_status"] == "paired"]
    assert np.allclose(paired["gap"], [panel_gap(index[g]) for g in paired["government"]])
    assert paired["met"].tolist() == [panel_gap(index[g]) > 0 or panel_target_type(index[g]) == "approximate"
                                      and abs(panel_gap(index[g])) <= 0.05 * t
                                      for g, t in zip(paired["government"], paired["target_value"])]
    before_gap = growth[(growth["government"] == PANEL_MISSING[0]) & (growth["year"] == PANEL_MISSING[1] - 1)]
    assert before_gap["outcome_status"].tolist() == ["no next report in the corpus"]


def test_escalation_and_the_yearly_summary(panel):
    from synthetic_reports import PANEL_NATIONAL, PANEL_PLACES

    escalation = targets.target_escalation(panel.growth, PANEL_NATIONAL)
    assert PANEL_NATIONAL not in set(escalation["government"])
    index = {code: i for i, code in enumerate(PANEL_PLACES)}
    assert np.allclose(escalation["escalation"], [0.5 + 0.1 * index[g] for g in escalation["government"]])
    by_year = targets.growth_by_year(panel.growth).set_index("year")
    assert by_year.at[2018, "paired"] == 0 and np.isnan(by_year.at[2018, "met_share"])
    assert by_year.at[2011, "targets"] == len(PANEL_PLACES) + 1
    row = by_year.loc[2011]
    assert row["met_ci_low"] <= row["met_share"] <= row["met_ci_high"]
    no_centre = targets.target_escalation(panel.growth, "cn999999")
    assert no_centre["escalation"].isna().all()


def test_escalation_takes_a_range_at_its_midpoint_on_both_sides():
    growth = pd.DataFrame({"government": ["cn000000", "cn110000", "cn120000"], "year": [2016] * 3,
                           "target_value": [6.5, 7.0, 7.0], "target_value_high": [7.0, np.nan, 7.5]})
    table = targets.target_escalation(growth, "cn000000").set_index("government")
    assert table.at["cn110000", "national_target"] == 6.75
    assert table.at["cn110000", "escalation"] == pytest.approx(0.25)
    assert table.at["cn120000", "escalation"] == pytest.approx(0.5)


def test_a_target_stated_twice_in_one_report_is_paired_once():
    checked = _pairs(_target_and_outcome("gs", 2020,
        "主要预期目标是：城镇调查失业率5.5%左右。稳定就业，城镇调查失业率5.5%左右。",
        "城镇调查失业率平均值为5.2%，年末城镇调查失业率为5.1%。"))
    assert checked.pairs[["target", "outcome"]].values.tolist() == [["5.5% (左右)", "5.2%"]]


@pytest.mark.parametrize("year, plan, expected", [
    # a goal given years to go ends that many years on; 今年 in its own clause keeps this year
    (2012, ["用10年时间实施1000万亩陡坡地生态治理，今年治理80万亩。", "三年内新建公园30个。"], [2021, 2012, 2014]),
    # an average over years is a five-year goal; a plan period named before 今年 dates nothing
    (2004, ["固定资产投资年均增长15%。", "根据“十一五”规划建议，今年的主要预期目标是：生产总值增长10%。"], [2008, 2004]),
])
def test_years_to_go_averages_and_a_plan_named_before_this_year(year, plan, expected):
    corpus, paras, quantities = _reports({
        f"yn-{year}-wr": ["某省政府工作报告", f"一、{year - 1}年工作回顾", "经济平稳运行。", f"二、{year}年工作安排", *plan]})
    sections = targets.quantity_sections(quantities, paras, corpus)
    assert targets.target_years(quantities, pd.Series(year, index=quantities.index), sections).tolist() == expected


@pytest.mark.parametrize("review_title, opening", [
    ("一、“十一五”开局良好，经济区建设全面推进", "全省生产总值增长13.4%。"),            # a plan's first year
    ("一、过去五年和2007年工作回顾", "过去的一年，全省生产总值增长13.4%。"),           # the year in its paragraph
])
def test_a_plans_first_year_and_the_year_past_in_a_review_give_annual_outcomes(review_title, opening):
    checked = _pairs({
        "fj-2006-wr": ["某省政府工作报告", "一、2005年工作回顾", "经济平稳运行。", "二、2006年工作安排",
                       "主要预期目标是：全省生产总值增长9.5%。"],
        "fj-2007-wr": ["某省政府工作报告", review_title, "五年来，全省生产总值年均增长12%。", opening,
                       "二、2007年工作安排", "抓好各项工作。"]})
    assert checked.pairs[["target", "outcome", "met"]].values.tolist() == [["9.5% (增长)", "13.4% (增长)", True]]


def test_a_listing_a_part_of_a_named_total_and_a_short_phrase_meet_no_target():
    checked = _pairs(_target_and_outcome("gd", 2016,
        "抓好20个重大项目建设。财政收入增长8.5%。整合资金117亿元。",
        "16个重大项目纳入国家规划。全部财政收入完成634.2亿元，增长16.5%，其中地方一般预算收入335.4亿元，增长15.2%。"
        "签约项目15个，资金73.8亿元。"))
    assert checked.pairs[["indicator_as_written", "target", "outcome"]].values.tolist() == []


def test_a_part_of_a_total_meets_a_target_of_its_own_name():
    checked = _pairs(_target_and_outcome("hb", 2011, "主要预期目标是：外贸出口总额增长10%。",
                                         "预计进出口总额335.2亿美元，增长29.1%，其中出口195.4亿美元，增长35.3%。"))
    assert checked.pairs[["target", "outcome"]].values.tolist() == [["10% (增长)", "35.3% (增长, 预计)"]]


def test_a_change_over_an_earlier_base_year_is_no_annual_outcome():
    checked = _pairs(_target_and_outcome("nm", 2007, "主要预期目标是：国内生产总值增长8%左右。",
                                         "2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%，比“十五”期末增加3万亿元。"))
    assert checked.pairs.empty
    checked = _pairs(_target_and_outcome("nm", 2007, "主要预期目标是：国内生产总值增长8%左右。",
                                         "2007年，国内生产总值达到24.66万亿元，比2006年增长11.4%。"))
    assert checked.pairs[["target", "outcome"]].values.tolist() == [["8% (增长, 左右)", "11.4% (增长)"]]


def test_a_phrase_that_is_only_a_time_matches_nothing():
    checked = _pairs({
        "sd-2019-wr": ["某省政府工作报告", "一、2018年工作回顾", "经济平稳运行。", "二、2019年工作安排",
                       "确保到2020年单位耕地面积化肥、农药使用量，分别比2015年下降6%和10%。"],
        "sd-2021-wr": ["某省政府工作报告", "一、2020年工作回顾", "国家级和省级领军人才4145名，分别比2015年增长113%、215%。",
                       "二、2021年工作安排", "抓好各项工作。"]})
    assert checked.pairs.empty
