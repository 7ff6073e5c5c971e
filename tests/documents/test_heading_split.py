"""Heading lines with running text: cut after the heading sentence, the rest counted as body."""
from __future__ import annotations

import analysis.documents
from analysis.dictionaries.themes import BODY_KINDS
from analysis.documents.corpus import load_corpus, prepare_text
from analysis.documents.formats import ExtractedDocument
from analysis.documents.heading_split import split_heading_lines
from analysis.documents.structure import paragraphs

SECTION = "（一）坚持创新驱动，产业结构持续优化。新建研发平台十二个，高新技术企业稳步增长。"
PART = "二、2019年主要任务。我们将着力做好以下工作。"


def test_a_section_heading_with_running_text_is_cut_after_its_first_sentence():
    lines, cuts = split_heading_lines(["各位代表：", SECTION, PART])
    assert lines == ["各位代表：", "（一）坚持创新驱动，产业结构持续优化。", "新建研发平台十二个，高新技术企业稳步增长。",
                     "二、2019年主要任务。", "我们将着力做好以下工作。"]
    assert cuts == [(1, "（一）坚持创新驱动，产业结构持续优化。"), (2, "二、2019年主要任务。")]


def test_headings_without_running_text_items_and_list_items_stay_whole():
    kept = ["（一）坚持创新驱动，产业结构持续优化。", "一、2018年工作回顾", "1.科技创新能力不断增强。新建研发平台十二个。",
            "一、加强基础研究。推进成果转化；", "（十一）一句话。”", "（十十）不是数字。后面的文字。"]
    assert split_heading_lines(kept) == (kept, [])


def test_the_running_text_is_audited_and_counted_with_the_body(tmp_path):
    text = "\n".join(["各位代表：", "一、2018年工作回顾", SECTION, "1.科技创新能力不断增强。", "二、2019年主要任务", "（一）加快发展。继续推进改革开放。"])
    prepared = prepare_text(ExtractedDocument(text + "\n"))
    audit = [row for row in prepared.audit_rows if row["action"] == "split_heading"]
    assert [row["line_no"] for row in audit] == [3, 6]
    assert {row["rule"] for row in audit} == {"heading_with_running_text"}
    assert audit[0]["note"] == "kept （一）坚持创新驱动，产业结构持续优化。 as the heading; the 21 characters after it are a paragraph, counted with the body"

    (tmp_path / "a.txt").write_text("2019年示范区政府工作报告\n" + text + "\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("doc_id,file,district,date,year,genre,title,scope\n"
                                           "a-2019,a.txt,Changning,2019-01-15,2019,work_report,标题,whole\n", encoding="utf-8")
    corpus = load_corpus(tmp_path / "manifest.csv")
    table = paragraphs(corpus)
    body = table[table["kind"].isin(BODY_KINDS)]
    assert "新建研发平台十二个，高新技术企业稳步增长。" in body["text"].to_list()
    assert "继续推进改革开放。" in body["text"].to_list()
    sections = table[table["kind"] == "section_heading"]
    assert sections["section_title"].to_list() == ["坚持创新驱动，产业结构持续优化", "加快发展"]
    running = table[table["text"] == "继续推进改革开放。"].iloc[0]
    assert running["part_kind"] == "plan" and running["section_no"] == 1
    assert analysis.documents.cleaning_audit(corpus).query("action == 'split_heading'")["line_no"].to_list() == [4, 7]
