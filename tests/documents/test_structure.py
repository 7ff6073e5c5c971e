"""Structure: numerals, parts/sections/items on inline texts, sentences, and the seeds' outline."""
import pandas as pd
import pytest

from analysis.documents.structure import (PART_HEADINGS_FILE, chinese_numeral, first_sentence_with, outline, paragraphs, part_headings,
                                         part_kind, read_part_headings, sentence_numbers, sentences, split_sentences,
                                         structure_summary)
from synthetic_reports import HEADING_VARIANTS, heading_variant_report


@pytest.mark.parametrize("numeral, value", [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("二十", 20),
                                            ("三十七", 37), ("九十九", 99)])
def test_chinese_numeral(numeral, value):
    assert chinese_numeral(numeral) == value


@pytest.mark.parametrize("numeral", ["", "零", "一二", "十十", "百"])
def test_chinese_numeral_rejects(numeral):
    with pytest.raises(ValueError, match="not a Chinese numeral"):
        chinese_numeral(numeral)


REPORT = "\n".join([
    "某区政府工作报告",
    "各位代表：",
    "一、2018年工作回顾",
    "（一）坚持创新驱动。全年经济增长。",
    "工作取得新进展。",
    "（二）改善民生",
    "民生持续改善。",
    "二、2019年主要任务",
    "（一）深化改革",
    "1.推进改革。",
    "改革要深化！是吗？",
    "2.扩大开放",
])


def test_paragraphs_assign_parts_sections_and_items():
    table = paragraphs(pd.DataFrame({"doc_id": ["d"], "text": [REPORT]}))
    assert table["para_no"].tolist() == list(range(1, 13))
    assert table["kind"].tolist() == [
        "subheading", "subheading", "part_heading", "section_heading", "text", "section_heading", "text",
        "part_heading", "section_heading", "item_heading", "text", "item_heading"]
    assert table["part_kind"].tolist() == ["front"] * 2 + ["review"] * 5 + ["plan"] * 5
    assert table["part_no"].tolist() == [pd.NA, pd.NA, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2]
    assert table["section_no"].tolist() == [pd.NA] * 3 + [1, 1, 2, 2, pd.NA, 1, 1, 1, 1]
    assert table["item_no"].tolist() == [pd.NA] * 9 + [1, 1, 2]
    assert table.loc[3, "section_title"] == "坚持创新驱动"
    assert table.loc[10, "item_title"] == "推进改革"


def test_document_without_parts_has_no_part_kind():
    table = paragraphs(pd.DataFrame({"doc_id": ["d"], "text": ["（三）抓创新。内容。\n内容二。"]}))
    assert table["part_kind"].isna().all()
    assert table["section_no"].tolist() == [3, 3]


def test_other_part_kind():
    table = paragraphs(pd.DataFrame({"doc_id": ["d"], "text": ["一、准确把握时代方位"]}))
    assert table["part_kind"].tolist() == ["other"]


@pytest.mark.parametrize("text, expected", [
    ("改革要深化！是吗？好。", ["改革要深化！", "是吗？", "好。"]),
    ("他说“好。”然后走了", ["他说“好。”", "然后走了"]),
    ("没有句末", ["没有句末"]),
    ("省略……。结束。", ["省略……。", "结束。"]),
])
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected
    assert "".join(split_sentences(text)) == text


def test_sentences_table():
    table = sentences(paragraphs(pd.DataFrame({"doc_id": ["d"], "text": [REPORT]})))
    assert table.loc[table["para_no"] == 11, "text"].tolist() == ["改革要深化！", "是吗？"]
    assert table.loc[table["para_no"] == 11, "sent_no"].tolist() == [1, 2]


# --------------------------------------------------------------------------- seeds

def test_seed_structure_summary(paras):
    summary = structure_summary(paras).set_index("doc_id")
    assert summary.loc["cn-2018-wr", ["parts", "review_parts", "plan_parts", "sections"]].tolist() == [2, 1, 1, 14]
    assert summary.loc["xh-2019-wr", ["parts", "review_parts", "plan_parts", "sections"]].tolist() == [2, 1, 1, 14]
    assert summary.loc["cn-2020-fyp", ["parts", "items", "sections"]].tolist() == [10, 37, 0]
    assert summary.loc["cn-2024-wr", ["parts", "sections"]].tolist() == [0, 3]
    assert summary.loc["cn-2017-retreat", ["parts", "sections", "items"]].tolist() == [0, 0, 0]


def test_seed_outline(paras):
    heads = outline(paras)
    fyp_items = heads[(heads["doc_id"] == "cn-2020-fyp") & (heads["kind"] == "item_heading")]
    assert fyp_items["item_no"].tolist() == list(range(1, 38))
    sections = heads[(heads["doc_id"] == "cn-2018-wr") & (heads["kind"] == "section_heading")]
    assert sections["section_no"].tolist() == [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 7, 8]
    assert sections["part_kind"].tolist() == ["review"] * 6 + ["plan"] * 8
    excerpt = heads[heads["doc_id"] == "cn-2024-wr"]
    assert excerpt["section_no"].tolist() == [3, 4, 5]
    assert excerpt["title"].tolist() == ["坚定不移抓创新，发展动力势能积蓄壮大", "有力有序促更新，城区环境品质提档升级",
                                         "精品精细优管理，城区治理能力不断增强"]
    xh_parts = heads[(heads["doc_id"] == "xh-2019-wr") & (heads["kind"] == "part_heading")]
    assert xh_parts["title"].tolist() == ["2018年工作回顾", "2019年主要任务"]


def test_seed_paragraphs_rebuild_the_text(corpus, paras):
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        assert "\n".join(paras.loc[paras["doc_id"] == doc_id, "text"]) == text


def test_reports_missing_parts(corpus, paras):
    from analysis.documents.structure import reports_missing_parts

    table = reports_missing_parts(corpus, structure_summary(paras))
    assert table[["doc_id", "missing"]].to_dict("records") == [{"doc_id": "cn-2024-wr", "missing": "review and plan"}]
    assert table["scope"].item().startswith("excerpt")


def test_sentence_numbers_name_the_sentence_holding_each_offset():
    table = pd.DataFrame({"doc_id": ["a", "a"], "para_no": [1, 2], "text": ["推进改革。扩大开放！加强治理", "一句话。"]})
    # paragraph 1: 推进改革。 (0–4), 扩大开放！ (5–9), 加强治理 (10–13)
    assert sentence_numbers(table, ["a"] * 6, [1, 1, 1, 1, 1, 2], [0, 4, 5, 9, 13, 3]) == [1, 1, 2, 2, 3, 1]
    for doc_id, para_no, text in zip(table["doc_id"], table["para_no"], table["text"]):
        pieces = split_sentences(text)
        starts = [sum(len(p) for p in pieces[:k]) for k in range(len(pieces) + 1)]
        numbers = sentence_numbers(table, [doc_id] * len(text), [para_no] * len(text), range(len(text)))
        assert all(starts[n - 1] <= offset < starts[n] for offset, n in enumerate(numbers))


@pytest.mark.parametrize("variant", sorted(HEADING_VARIANTS))
def test_part_headings_of_real_reports_are_typed(variant):
    text = heading_variant_report(2022, variant)
    paras = paragraphs(pd.DataFrame([{"doc_id": "d", "text": text, "year": 2022, "genre": "work_report"}]))
    heads = paras[paras["kind"] == "part_heading"]
    assert heads["part_kind"].tolist() == HEADING_VARIANTS[variant][1]
    if variant == "unnumbered":                       # the 一、 lines are sections of the unnumbered parts
        assert (paras["kind"] == "section_heading").sum() == 2


def test_a_year_named_heading_reviews_last_year_and_plans_this_year():
    assert part_kind("2021年主要工作", 2022, "work_report") == "review"
    assert part_kind("2021年主要工作", 2021, "work_report") == "plan"
    assert part_kind("2021年主要工作", None, "work_report") == "plan"      # no year: by its wording (主要工作)


@pytest.mark.parametrize("title, year, kind", [
    ("全面完成了省人大确定的各项目标和任务", 2009, "review"),
    ("全面完成2001年经济和社会发展的主要任务", 2001, "plan"),
    ("“十五”经济社会发展目标全面实现", 2006, "review"),
    ("全面实现“十五”计划的各项目标", 2005, "plan"),
    # a verb with 了 tells what was done; a heading naming the year ahead and no year past plans
    ("积极应对复杂的经济环境，基本实现了年初确定的主要经济增长目标", 1999, "review"),
    ("全面加大今年各项工作力度，实现“十一五”发展良好开局", 2006, "plan"),
    ("扎实做好2011年工作，努力实现“十二五”良好开局", 2011, "plan"),
    ("“十三五”实现良好开局", 2017, "review"),
    ("关于去年和今年前4个月工作", 2020, "review"),
])
def test_completed_tasks_review_and_tasks_to_complete_plan(title, year, kind):
    assert part_kind(title, year, "work_report") == kind


def test_an_unnumbered_plan_heading_starts_a_part_only_after_a_review():
    text = "一、坚持稳中求进\n我们坚持稳中求进。\n2022年工作部署\n我们将着力做好以下工作。\n二、持续改善民生\n民生持续改善。\n"
    paras = paragraphs(pd.DataFrame([{"doc_id": "d", "text": text, "year": 2022, "genre": "work_report"}]))
    assert paras.loc[paras["kind"] == "part_heading", "part_title"].tolist() == ["坚持稳中求进", "持续改善民生"]


def test_the_wider_rules_are_for_work_reports_and_the_seed_rules_for_every_genre():
    assert part_kind("“十四五”时期经济社会发展的指导思想和主要目标", 2020, "plan_proposal") == "other"
    assert part_kind("“十四五”时期经济社会发展的指导思想和主要目标", 2020, "work_report") == "plan"
    assert part_kind("2019年工作回顾", 2020, "plan_proposal") == "review"
    assert part_kind("2020年主要任务", 2020, "plan_proposal") == "plan"


def test_a_numbered_list_item_ending_in_a_semicolon_is_not_a_part():
    text = "一、2021年工作回顾\n过去一年，经济运行总体平稳。\n二、新建养老床位五千张；\n三、2022年主要任务\n我们将着力做好以下工作。\n"
    paras = paragraphs(pd.DataFrame([{"doc_id": "d", "text": text, "year": 2022, "genre": "work_report"}]))
    assert paras.loc[paras["kind"] == "part_heading", "part_title"].tolist() == ["2021年工作回顾", "2022年主要任务"]


def test_the_heading_table_names_the_rule_of_each_kind():
    text = heading_variant_report(2022, "topical_plan")
    corpus = pd.DataFrame([{"doc_id": "d", "text": text, "year": 2022, "genre": "work_report"}])
    table = part_headings(paragraphs(corpus), corpus)
    assert table["part_kind"].tolist() == ["review", "plan", "plan"]
    assert table["rule"].iloc[0].startswith("analysis/data/part_headings.tsv line ")
    assert table["rule"].iloc[1:].tolist() == ["after a review part", "after a review part"]


def test_a_bad_rule_names_the_file_and_line(tmp_path):
    good = PART_HEADINGS_FILE.read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "part_headings.tsv"
    bad.write_text("\n".join([good[0], good[1], "回顾\tpast\twork_report\tno\tx\ty"]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"part_headings.tsv line 3: kind 'past' is not one of review, plan, other"):
        read_part_headings(bad)
    bad.write_text("\n".join([good[0], "回顾(\treview\twork_report\tno\tx\ty"]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"part_headings.tsv line 2: pattern '回顾\(' is not a regular expression"):
        read_part_headings(bad)


def test_every_rule_has_an_example_that_it_types():
    """Each row's example is typed as the row says (by that row or an earlier one), in a
    report of the year the example implies: the year it names, or the year after for a
    {last_year} rule."""
    import re

    for rule in read_part_headings():
        example = rule_example(rule)
        named = re.search(r"\d{4}", example)
        year = int(named.group(0)) + ("{last_year}" in rule.pattern) if named else 2026
        assert part_kind(example, year, "work_report") == rule.kind, (rule, example)


def rule_example(rule):
    import csv
    with PART_HEADINGS_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))[rule.line - 2]["example"]


def test_the_example_sentence_holds_the_first_term_that_occurs():
    table = sentences(paragraphs(pd.DataFrame([{"doc_id": "d", "text": "推进城市更新。建设智慧城市，推进城市更新。\n"}])))
    row = first_sentence_with(table, ["一网通办", "城市更新", "智慧城市"])
    assert (row["term"], row["sent_no"], row["text"]) == ("城市更新", 1, "推进城市更新。")
    with pytest.raises(ValueError, match="no sentence holds any of the 1 terms"):
        first_sentence_with(table, ["一网通办"])
