"""Material appended after the report proper: recognised, set apart, audited, not counted."""
from __future__ import annotations

import pytest

import analysis
import analysis.documents
from analysis.documents.appended import appended_start, is_appended_heading
from analysis.documents.corpus import prepare_text
from analysis.documents.formats import ExtractedDocument
from synthetic_reports import appended_lines, report_lines


@pytest.mark.parametrize("line", ["名词解释", "名词解释：", "注释", "附件", "附件1：长宁区重点项目表", "附件二",
                                  "附录", "附表：主要指标", "附：政府工作报告修改说明", "政府工作报告修改10处",
                                  "《政府工作报告》修改 12 处", "关于《政府工作报告》修改情况的说明"])
def test_appended_headings(line):
    assert is_appended_heading(line)


@pytest.mark.parametrize("line", ["附近社区服务设施不断完善", "附件材料已印发各位代表。", "各位代表，",
                                  "一、2018年工作回顾", "注重解释政策", "修改完善规划",
                                  "名词解释：应用场景是指新技术落地的具体环境，本报告多次使用这一概念，需要加以说明。"])
def test_not_appended_headings(line):
    assert not is_appended_heading(line)


def test_a_heading_before_any_prose_does_not_open_appended_material():
    assert appended_start(["附件", "我们坚持稳中求进工作总基调，经济运行总体平稳，城区环境品质持续提升。"]) is None


def test_glossary_and_revision_list_are_set_apart_and_audited():
    lines = report_lines(2019) + appended_lines(2019)
    prepared = prepare_text(ExtractedDocument("\n".join(lines) + "\n"))
    assert prepared.text.split("\n") == report_lines(2019)
    assert prepared.appended.split("\n") == appended_lines(2019)
    rows = [row for row in prepared.audit_rows if row["zone"] == "appended"]
    assert [row["line_no"] for row in rows] == list(range(len(report_lines(2019)) + 1, len(lines) + 1))
    assert {(row["action"], row["rule"], row["note"]) for row in rows} == {
        ("set_apart", "appended_material", "after the report proper, under 名词解释")}


def test_paragraphs_leave_appended_material_out_unless_asked(tmp_path):
    (tmp_path / "a.txt").write_text("\n".join(report_lines(2019) + appended_lines(2019)), encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("doc_id,file,district,date,year,genre,title,scope\n"
                        "a-2019,a.txt,D,2019-01-15,2019,work_report,标题,whole\n", encoding="utf-8")
    corpus = analysis.load_corpus(manifest)
    counted = analysis.paragraphs(corpus)
    everything = analysis.paragraphs(corpus, appended=True)
    assert len(counted) == len(report_lines(2019))
    assert len(everything) == len(counted) + len(appended_lines(2019))
    extra = everything.iloc[len(counted):]
    assert extra["part_kind"].eq("appended").all() and extra["kind"].iloc[0] == "appended_heading"
    assert extra["para_no"].tolist() == list(range(len(counted) + 1, len(everything) + 1))
    assert not counted["text"].str.contains("改为").any()
    summary = analysis.documents.cleaning_summary(corpus)
    assert summary.loc[0, "appended_lines"] == len(appended_lines(2019)) and not summary.loc[0, "flagged"]
    assert summary.loc[0, "share_removed"] == 0


def test_seeds_have_no_appended_material(corpus):
    assert (corpus["appended"] == "").all()
