"""Districts and genres as data: the files, their checks, and the labels of a two-place comparison."""
import pytest

from analysis.documents.districts import district_colours, district_names, missing_districts, pair_labels, read_districts
from analysis.documents.genres import genre_labels, genre_markers, missing_genres


def test_the_shipped_files_cover_the_seeds(corpus):
    assert missing_districts(corpus["district"]) == []
    assert missing_genres(corpus["genre"]) == []
    assert district_colours()["Changning"] == "#4C72B0" and district_colours()["Xuhui"] == "#DD8452"
    assert district_names()["Xuhui"] == "徐汇 Xuhui"
    assert genre_labels()["work_report"] == "政府工作报告"
    assert genre_markers() == {"work_report": "o", "plan_proposal": "s", "news_article": "^"}


@pytest.mark.parametrize("row, problem", [
    ("Minhang\t闵行\tMinhang\tdistrict\tblue", r"line 2: colour 'blue' is not #RRGGBB"),
    ("Minhang\t闵行\tMinhang\ttownship\t#123456", r"line 2: level 'township' is not one of"),
    ("Minhang\t\tMinhang\tdistrict\t#123456", r"line 2: empty name_zh"),
])
def test_bad_district_rows_are_named_with_file_and_line(tmp_path, row, problem):
    path = tmp_path / "districts.tsv"
    path.write_text("district\tname_zh\tname_en\tlevel\tcolour\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="districts.tsv " + problem):
        read_districts(path)


def test_pair_labels_of_the_seed_comparison(corpus):
    pair = pair_labels(corpus, ("Changning", "Xuhui"), ("cn-2018-wr", "xh-2019-wr"))
    assert pair.names == ("长宁 Changning", "徐汇 Xuhui")
    assert pair.colours == ("#4C72B0", "#DD8452")
    assert pair.years == (2018, 2019)
    assert (pair.short_zh, pair.short_en) == (("长宁 2018", "徐汇 2019"), ("Changning 2018", "Xuhui 2019"))
    assert pair.report_labels == {"cn-2018-wr": "长宁 Changning 2018", "xh-2019-wr": "徐汇 Xuhui 2019"}
    assert (pair.genre_zh, pair.genre_en) == ("政府工作报告", "work reports")
    mixed = pair_labels(corpus, ("Changning", "Xuhui"), ("cn-2020-fyp", "xh-2019-wr"))
    assert (mixed.genre_zh, mixed.genre_en) == ("文件", "documents")


@pytest.mark.parametrize("places, reports, problem", [
    (("Changning", "Kunshan"), ("cn-2018-wr", "xh-2019-wr"), "districts.tsv: no row for Kunshan"),
    (("Changning", "Xuhui"), ("cn-2018-wr", "xh-2030-wr"), "report 'xh-2030-wr' is not in the corpus"),
    (("Xuhui", "Changning"), ("cn-2018-wr", "xh-2019-wr"), "report 'cn-2018-wr' is from Changning, not Xuhui"),
])
def test_pair_labels_refuse_what_does_not_fit(corpus, places, reports, problem):
    with pytest.raises(ValueError, match=problem):
        pair_labels(corpus, places, reports)


def test_the_designs_of_a_pair_follow_its_reports_and_years(corpus):
    from analysis.documents.districts import pair_designs

    designs = pair_designs(corpus, ("Changning", "Xuhui"), ("cn-2018-wr", "xh-2019-wr"))
    assert designs == {
        "main": ("doc_id == 'cn-2018-wr'", "doc_id == 'xh-2019-wr'"),
        "same year": ("doc_id == 'cn-2018-wr' and part_kind == 'plan'", "doc_id == 'xh-2019-wr' and part_kind == 'review'"),
        "sensitivity": ("district == 'Changning'", "district == 'Xuhui'"),
    }
    # reports not a year apart have no same-year design; an unknown report is named
    assert list(pair_designs(corpus, ("Changning", "Xuhui"), ("cn-2024-wr", "xh-2019-wr"))) == ["main", "sensitivity"]
    with pytest.raises(ValueError, match="report 'xx-2019-wr' is not in the corpus"):
        pair_designs(corpus, ("Changning", "Xuhui"), ("cn-2018-wr", "xx-2019-wr"))

