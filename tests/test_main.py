"""The command line: python -m analysis check reports every problem with file and line."""

from analysis.__main__ import main
from toy_corpora import GOOD_TEXT, make_corpus, row


def test_check_command_passes_on_the_seeds(capsys):
    from analysis.__main__ import main

    assert main(["check"]) == 0
    assert "no problems" in capsys.readouterr().out


def test_check_command_reports_every_problem_with_file_and_line(tmp_path, capsys):
    from analysis.__main__ import main

    manifest = make_corpus(tmp_path, [row(file="missing.txt"), row(doc_id="b-2018", file="b.txt", date="2018-02-30")],
                           {"b.txt": GOOD_TEXT.encode("gbk")})
    assert main(["check", "--manifest", str(manifest)]) == 1
    err = capsys.readouterr().err
    assert "manifest.csv line 2" in err and "missing.txt: file not found" in err
    assert "manifest.csv line 3: date '2018-02-30'" in err and "b.txt: not valid UTF-8" in err


def test_check_command_flags_a_document_mostly_removed_by_cleaning(tmp_path, capsys):
    from analysis.__main__ import main

    chrome = "\n".join(["设为首页", "点赞", "评论", "网站地图", "返回顶部"] * 10)
    manifest = make_corpus(tmp_path, [row()], {"a.txt": (chrome + "\n" + GOOD_TEXT + chrome).encode()})
    assert main(["check", "--manifest", str(manifest)]) == 1
    assert "a.txt: cleaning removed" in capsys.readouterr().err


def test_check_names_a_district_or_genre_without_a_row(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("各位代表：\n我们坚持稳中求进工作总基调，经济运行总体平稳，城区环境品质持续提升。\n", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("doc_id,file,district,date,year,genre,title,scope\n"
                        "a-2019,a.txt,Kunshan,2019-01-15,2019,budget_report,标题,whole\n", encoding="utf-8")
    assert main(["check", "--manifest", str(manifest)]) == 1
    err = capsys.readouterr().err
    assert "manifest.csv: district(s) Kunshan not in analysis/data/districts.tsv; add a row for each" in err
    assert "manifest.csv: genre(s) budget_report not in analysis/data/genres.tsv; add a row for each" in err


def test_validate_exports_workbooks_and_import_names_an_uncoded_cell(tmp_path, capsys):
    out = tmp_path / "blind"
    assert main(["validate", "export", str(out), "--coders", "ann", "bo", "--per-entry", "2", "--random", "5",
                 "--numbers", "3"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["coding-ann.xlsx", "coding-bo.xlsx", "key_numbers.csv",
                                                     "key_sentences.csv"]
    assert "keep them from the coders" in capsys.readouterr().out
    status = main(["validate", "import", str(out / "coding-ann.xlsx"), str(out / "coding-bo.xlsx"),
                   "--keys", str(out), "--out", str(tmp_path / "scores")])
    assert status == 1
    assert "coding-ann.xlsx, sheet sentences, row 2: theme.economy is '', not 0 or 1" in capsys.readouterr().err
