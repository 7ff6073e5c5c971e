"""Re-splitting a report pasted as one long line, and the check's structure warnings."""
from __future__ import annotations


import analysis
import analysis.documents
from analysis.__main__ import main
from analysis.documents.corpus import load_corpus, prepare_text
from analysis.documents.formats import ExtractedDocument
from analysis.documents.resplit import RUN_TOGETHER_MIN_CHARS, resplit_run_together
from analysis.documents.structure import paragraphs, split_sentences, structure_summary
from synthetic_reports import report_lines

LINES = report_lines(2019)


def long_report_lines() -> list[str]:
    """The synthetic report with its review made longer than RUN_TOGETHER_MIN_CHARS."""
    filler = "我们坚持稳中求进工作总基调，经济运行总体平稳，城区环境品质持续提升，社会事业全面进步。"
    lines = list(LINES)
    lines[4] += filler * 30
    return lines


def corpus_of(tmp_path, text: str, genre: str = "work_report"):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(f"doc_id,file,district,date,year,genre,title,scope\na-2019,a.txt,Changning,2019-01-15,2019,{genre},"
                        "标题,whole\n", encoding="utf-8")
    return manifest


def test_one_long_line_is_resplit_at_its_headings_into_the_original_paragraphs():
    lines = long_report_lines()
    run_together = "".join(lines[:3]) + "\n" + "".join(lines[3:])     # a title block, then one long line
    prepared = prepare_text(ExtractedDocument(run_together))
    # every numbered heading starts a paragraph again; a part heading has no sentence end,
    # so it stays joined to the paragraph it heads, and the joined line is then cut after its first
    # sentence (documents.heading_split: the heading keeps that sentence, the rest is body text);
    # a one-sentence joined line stays whole, and an unnumbered closing paragraph stays joined to
    # the item before it
    first, *rest = split_sentences(lines[4])
    expected = ["".join(lines[:3]), lines[3] + first, "".join(rest), *lines[5:10], lines[10] + lines[11],
                *lines[12:15], lines[15] + lines[16]]
    assert prepared.text.split("\n") == expected
    rows = [row for row in prepared.audit_rows if row["action"] == "resplit"]
    assert len(rows) == 1
    assert rows[0]["line_no"] == 2 and rows[0]["rule"] == "run_together_headings"
    assert rows[0]["note"] == ("11 paragraphs run together on one line; "
                               "cut before 10 heading(s): （一） 1. 2. （二） 3. 二、 （一） 1. …")


def test_the_resplit_document_has_the_structure_of_the_original(tmp_path):
    lines = long_report_lines()
    whole = analysis.documents.structure_summary(paragraphs(load_corpus(corpus_of(tmp_path, "\n".join(lines) + "\n"))))
    (tmp_path / "b").mkdir()
    pasted = load_corpus(corpus_of(tmp_path / "b", "".join(lines) + "\n"))
    summary = structure_summary(paragraphs(pasted))
    columns = ["parts", "review_parts", "plan_parts", "sections", "items"]
    assert summary[columns].to_dict("records") == whole[columns].to_dict("records")
    assert summary.loc[0, "parts"] == 2 and summary.loc[0, "review_parts"] == 1 and summary.loc[0, "plan_parts"] == 1
    assert analysis.documents.cleaning_summary(pasted).loc[0, "resplit"] == 1


def test_short_lines_and_stray_markers_are_left_alone():
    short = ["".join(LINES)[:RUN_TOGETHER_MIN_CHARS - 1]]
    assert resplit_run_together(short) == (short, [])
    # numerals out of sequence (二、 then 五、) inside long prose are not headings
    prose = "第一句话说明情况。" * 60 + "二、这是一句话。" + "第二句话说明情况。" * 60 + "五、又是一句话。"
    assert resplit_run_together([prose]) == ([prose], [])
    # one embedded heading is not enough
    one = "第一句话说明情况。" * 120 + "一、2018年工作回顾"
    assert resplit_run_together([one]) == ([one], [])


def test_resplit_follows_the_numbering_of_earlier_lines():
    filler = "各项工作稳步推进。" * 120
    lines = ["一、2018年工作回顾", "（一）稳增长。" + filler + "（二）促改革。" + filler + "（三）惠民生。" + filler]
    out, resplit = resplit_run_together(lines)
    assert [line[:3] for line in out] == ["一、2", "（一）", "（二）", "（三）"]
    assert resplit == [(1, 3, ["（二）", "（三）"])]


def test_seeds_have_no_run_together_lines(corpus):
    assert (analysis.documents.cleaning_summary(corpus)["resplit"] == 0).all()


def test_check_warns_about_a_work_report_without_review_or_plan_part(tmp_path, capsys):
    manifest = corpus_of(tmp_path, "各位代表：\n" + "我们坚持稳中求进工作总基调，经济运行总体平稳，城区环境品质持续提升。\n")
    assert main(["check", "--manifest", str(manifest)]) == 0
    out = capsys.readouterr().out
    assert "warning: " in out and "a.txt: work report a-2019 has no review and no plan part (scope: whole)" in out
    assert out.rstrip().endswith("no problems, 1 warning(s)")


def test_check_warns_about_the_seed_excerpt_only(capsys):
    assert main(["check"]) == 0
    warnings = [line for line in capsys.readouterr().out.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "cn-2024-wr has no review and no plan part (scope: excerpt" in warnings[0]


def test_check_does_not_warn_about_other_genres(tmp_path, capsys):
    manifest = corpus_of(tmp_path, "各位代表：\n我们坚持稳中求进工作总基调，经济运行总体平稳，城区环境品质持续提升。\n",
                         genre="news_article")
    assert main(["check", "--manifest", str(manifest)]) == 0
    assert "warning" not in capsys.readouterr().out
