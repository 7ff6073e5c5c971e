"""Corpus checks: problems name the file and what to do; warnings do not fail."""
import shutil

from analysis.documents import checks
from analysis.paths import MANIFEST, SEEDS_DIR


def test_the_seeds_have_no_problems_and_every_document_is_read():
    problems, warnings, documents = checks.corpus_problems(MANIFEST)
    assert problems == [] and documents == 5
    assert all(isinstance(w, str) for w in warnings)


def test_an_unreadable_manifest_stops_before_loading(tmp_path):
    bad = tmp_path / "manifest.csv"
    bad.write_text("doc_id,file\nx,missing.txt\n", encoding="utf-8")
    problems, warnings, documents = checks.corpus_problems(bad)
    assert documents is None and warnings == [] and problems
    assert all("manifest.csv" in p or "missing.txt" in p for p in problems)


def test_a_district_without_its_data_row_is_a_problem_that_names_the_fix(tmp_path):
    for path in SEEDS_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    manifest = tmp_path / "manifest.csv"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace(",Xuhui,", ",Nowhere,"), encoding="utf-8")
    problems, _, _ = checks.corpus_problems(manifest)
    assert any("Nowhere" in p and "districts.tsv" in p and "add a row" in p for p in problems)


def test_a_report_without_review_or_plan_names_its_first_headings_and_the_rules_file():
    found = checks.corpus_problems(MANIFEST)
    (warning,) = [w for w in found.warnings if "cn-2024-wr" in w]
    assert "Its first headings: 坚定不移抓创新，发展动力势能积蓄壮大; 有力有序促更新" in warning
    assert "add a row for it to analysis/data/part_headings.tsv" in warning


def test_every_part_heading_is_listed_with_its_kind():
    found = checks.corpus_problems(MANIFEST)
    lines = checks.heading_lines(found.part_headings)
    assert lines[:2] == ["cn-2018-wr: review 2017年工作回顾 | plan 2018年主要任务",
                         "xh-2019-wr: review 2018年工作回顾 | plan 2019年主要任务"]
    assert len(lines) == 3 and lines[2].startswith("cn-2020-fyp: other 准确把握时代方位")
