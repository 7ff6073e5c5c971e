"""`python -m analysis add`: files copied unchanged, manifest rows inferred, every bad case
an error naming the file, nothing half-written."""
from __future__ import annotations

import shutil

import pytest
import pandas as pd

import analysis
import analysis.documents
from analysis.__main__ import main
from analysis.documents.intake import manifest_rows, meeting_dates, write_manifest
from analysis.documents.corpus import CorpusError
from analysis.paths import MANIFEST, SEEDS_DIR
from synthetic_reports import (
    APPENDED_ONLY_WORDS,
    MARKUP_WORDS,
    appended_lines,
    html_report,
    markdown_report,
    report_lines,
    write_docx,
    write_pdf,
)


@pytest.fixture()
def seeds(tmp_path):
    """A copy of the seeds folder (texts and manifest) to add documents to."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


@pytest.fixture()
def incoming(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    return folder


def add(manifest, *args) -> int:
    return main(["add", *map(str, args), "--manifest", str(manifest)])


def snapshot(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_thirty_markdown_reports_with_front_matter_load_with_markup_and_appended_notes_out_of_the_counts(
        seeds, incoming, capsys):
    years = range(1997, 2027)
    files = []
    for year in years:
        path = incoming / f"shanghai-{year}.md"
        path.write_text(markdown_report(year, "上海市", appended=year % 2 == 0), encoding="utf-8")
        files.append(path)
    assert add(seeds / "manifest.csv", *files, "--district", "Shanghai", "--district-zh", "上海") == 0
    assert "30 document(s) added" in capsys.readouterr().out
    for path in files:       # copied unchanged
        assert (seeds / path.name).read_bytes() == path.read_bytes()
    assert main(["check", "--manifest", str(seeds / "manifest.csv")]) == 0
    assert "35 documents read and cleaned" in capsys.readouterr().out

    corpus = analysis.load_corpus(seeds / "manifest.csv")
    added = corpus[corpus["district"] == "Shanghai"].reset_index(drop=True)
    assert added["doc_id"].tolist() == [f"shanghai-{year}-wr" for year in years]
    assert added["date"].dt.strftime("%Y-%m-%d").tolist() == [f"{year}-01-15" for year in years]
    assert added["date_note"].str.startswith("Date read from the report's meeting line “").all()
    assert added["url"].tolist() == [f"https://www.example.gov.cn/zwgk/{year}/report-{year}.html" for year in years]
    assert added["title"].tolist() == [f"{year}年上海市政府工作报告" for year in years]
    assert (added["genre"] == "work_report").all() and (added["district_zh"] == "上海").all()
    # the seeds' rows and texts are untouched
    seeds_corpus = analysis.load_corpus(MANIFEST)
    assert corpus.iloc[:5]["text"].tolist() == seeds_corpus["text"].tolist()

    paras = analysis.paragraphs(corpus)
    tokens = analysis.corpus_tokens(paras, cache=False)
    counted = set(tokens.loc[tokens["doc_id"].str.startswith("shanghai"), "token"].str.lower())
    assert not counted & set(MARKUP_WORDS)
    assert not counted & set(APPENDED_ONLY_WORDS)
    # every official line kept, the appended material set apart and in the audit
    for row in added.itertuples():
        year = row.year
        assert set(report_lines(year, "上海市")) <= set(row.text.split("\n"))
        expected = [line.removeprefix("- ") for line in appended_lines(year)]   # Markdown list markers removed
        assert row.appended.split("\n") == (expected if year % 2 == 0 else [""])
    audit = analysis.documents.cleaning_audit(corpus)
    appended = audit[audit["zone"] == "appended"]
    assert appended["doc_id"].nunique() == 15
    assert len(appended) == 15 * len(appended_lines(2000))
    markup = audit[audit["zone"] == "markup"]
    assert set(markup["doc_id"]) == set(added["doc_id"])
    structure = analysis.documents.structure_summary(paras).set_index("doc_id").loc[added["doc_id"]]
    assert (structure["review_parts"] == 1).all() and (structure["plan_parts"] == 1).all()


@pytest.mark.parametrize("name, write", [
    ("report.txt", lambda path: path.write_text("2021年示范市政府工作报告\n" + "\n".join(report_lines(2021)),
                                                encoding="utf-8")),
    ("report.md", lambda path: path.write_text(markdown_report(2021), encoding="utf-8")),
    ("report.html", lambda path: path.write_text(html_report(2021), encoding="utf-8")),
    ("report.docx", lambda path: write_docx(path, 2021)),
    ("report.pdf", lambda path: write_pdf(path, 2021)),
])
def test_add_reads_every_format(seeds, incoming, name, write):
    path = incoming / name
    write(path)
    title = ["--title", "2021年示范市政府工作报告"] if name.endswith(".txt") else []
    assert add(seeds / "manifest.csv", path, "--district", "Demo City", *title) == 0
    corpus = analysis.load_corpus(seeds / "manifest.csv")
    row = corpus.iloc[-1]
    assert (row["doc_id"], row["date"].strftime("%Y-%m-%d"), row["title"]) == (
        "demo-city-2021-wr", "2021-01-15", "2021年示范市政府工作报告")
    assert set(report_lines(2021)) <= set(row["text"].split("\n"))
    assert (seeds / name).read_bytes() == path.read_bytes()


def test_manifest_rewritten_without_new_rows_is_byte_identical(tmp_path):
    header, rows = manifest_rows(MANIFEST)
    write_manifest(tmp_path / "manifest.csv", header, rows)
    assert (tmp_path / "manifest.csv").read_bytes() == MANIFEST.read_bytes()


def test_meeting_dates_in_arabic_and_chinese_numerals_and_across_lines():
    assert meeting_dates("——2019年1月16日在上海市徐汇区第十六届人民代表大会第四次会议上") == [
        ("2019-01-16", "2019年1月16日在上海市徐汇区第十六届人民代表大会第四次会议上")]
    assert meeting_dates("（二〇二三年一月十二日在区十七届人大二次会议上）")[0][0] == "2023-01-12"
    assert meeting_dates("政 府 工 作 报 告\n──2018年1月10日在长宁区第十六届\n人民代表大会第三次会议上")[0][0] == "2018-01-10"
    assert meeting_dates("2019年2月30日在某区人民代表大会会议上")[0][0] == ""


def test_the_seed_work_reports_give_their_manifest_dates(corpus):
    for doc_id, date in (("cn-2018-wr", "2018-01-10"), ("xh-2019-wr", "2019-01-16")):
        text = corpus.loc[corpus["doc_id"] == doc_id, "text"].item()
        assert {found for found, _ in meeting_dates(text)} == {date}


# --------------------------------------------------------------------------- dates it cannot find or trust

def write_md(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("change, problem", [
    (lambda text: text.replace("1月15日在", "1月在").replace("title: 2019年", "title: "),
     r"no meeting line .* among its first 40 lines, and the date in its metadata \(2019-02-04\) is a publication "
     r"date, not a delivery date; pass --date YYYY-MM-DD"),
    (lambda text: text.replace("date: 2019-02-04", "date: 2019-01-02"),
     r"the file's metadata dates it 2019-01-02, before its meeting line “2019年1月15日在.*” \(2019-01-15\); "
     r"the date cannot be trusted; pass --date"),
    (lambda text: text.replace("title: 2019年", "title: 2020年"),
     r"the title “2020年示范市政府工作报告” names 2020, the meeting line “.*” 2019; the date cannot be trusted"),
    (lambda text: text.replace("各位代表：", "各位代表：——2018年1月16日在示范市第十五届人民代表大会第九次会议上"),
     r"the meeting lines give different dates \(2018-01-16, 2019-01-15\); pass --date"),
    (lambda text: text.replace("1月15日在", "2月30日在"), r"gives an impossible date; pass --date"),
])
def test_a_date_it_cannot_find_or_trust_is_an_error_naming_the_file(seeds, incoming, capsys, change, problem):
    path = write_md(incoming, "report.md", change(markdown_report(2019)))
    before = snapshot(seeds)
    assert add(seeds / "manifest.csv", path, "--district", "Demo") == 1
    err = capsys.readouterr().err
    assert "incoming/report.md: " in err or "report.md: " in err
    import re

    assert re.search(problem, err), err
    assert "nothing was added" in err
    assert snapshot(seeds) == before
    # --date settles it, and says so
    assert add(seeds / "manifest.csv", path, "--district", "Demo", "--date", "2019-01-15") == 0
    row = analysis.read_manifest(seeds / "manifest.csv").iloc[-1]
    assert row["date_note"] == "Date given when the document was added (--date)."


@pytest.mark.parametrize("name, title, year, source", [
    ("report.md", "2019年示范市政府工作报告", "2019", "the title “2019年示范市政府工作报告”"),
    ("2019.md", "示范市政府工作报告", "2019", "the file name 2019.md"),
    ("2019.md", "2019年示范市政府工作报告", "2019", "the title"),
])
def test_an_undated_report_gets_its_year_only_from_the_title_or_file_name(seeds, incoming, name, title, year, source):
    text = markdown_report(2019).replace("1月15日在", "1月在").replace("title: 2019年示范市政府工作报告", f"title: {title}")
    path = write_md(incoming, name, text)
    assert add(seeds / "manifest.csv", path, "--district", "Demo") == 0
    written = (seeds / "manifest.csv").read_text(encoding="utf-8").splitlines()
    assert "date_precision" in written[0].split(",")
    row = analysis.read_manifest(seeds / "manifest.csv").iloc[-1]
    assert (row["doc_id"], row["year"], row["date_precision"]) == (f"demo-{year}-wr", int(year), "year")
    assert row["date"] == pd.Timestamp(f"{year}-07-01")            # placed mid-year for time axes
    assert row["date_note"].startswith(f"Year only, read from {source}")
    seed_rows = analysis.read_manifest(seeds / "manifest.csv").iloc[:-1]
    assert (seed_rows["date_precision"] == "day").all()


def test_a_title_and_file_name_naming_different_years_are_refused(seeds, incoming, capsys):
    text = markdown_report(2019).replace("1月15日在", "1月在")
    path = write_md(incoming, "2018.md", text)
    assert add(seeds / "manifest.csv", path, "--district", "Demo") == 1
    assert "names 2019, the file name 2018.md 2018" in capsys.readouterr().err


@pytest.mark.parametrize("date, precision, problem", [
    ("2019", "", "date '2019' is not an ISO date (YYYY-MM-DD); a year-only date needs date_precision year"),
    ("2019-01-15", "year", "date '2019-01-15' has date_precision year: write the year only (YYYY)"),
    ("2019", "month", "date_precision 'month' is not one of day, year"),
])
def test_a_bad_date_precision_is_named(seeds, date, precision, problem):
    manifest = seeds / "manifest.csv"
    header, rows = analysis.documents.manifest_rows(manifest)
    rows[0].update(date=date, year="2019", date_precision=precision)
    analysis.documents.write_manifest(manifest, header + ["date_precision"], rows)
    problems = analysis.documents.manifest_problems(manifest)
    assert any(problem in p for p in problems), problems


def test_a_news_article_without_a_meeting_line_takes_its_publication_date(seeds, incoming):
    text = markdown_report(2019).replace("1月15日在", "1月在").replace("title: 2019年示范市政府工作报告",
                                                                       "title: 示范市召开人民代表大会")
    path = write_md(incoming, "news.md", text)
    assert add(seeds / "manifest.csv", path, "--district", "Demo", "--genre", "news_article") == 0
    row = analysis.read_manifest(seeds / "manifest.csv").iloc[-1]
    assert (row["doc_id"], row["date"].strftime("%Y-%m-%d")) == ("demo-2019-news", "2019-02-04")
    assert row["date_note"].startswith("Publication date read from the file's metadata (2019-02-04)")


# --------------------------------------------------------------------------- other refusals

def test_every_problem_of_every_file_is_reported_and_nothing_is_written(seeds, incoming, capsys):
    good = write_md(incoming, "good.md", markdown_report(2019))
    untitled = write_md(incoming, "untitled.md", "\n\n".join(report_lines(2020)))        # no metadata, no title line
    not_a_report = write_md(incoming, "other.md", markdown_report(2021).replace("政府工作报告", "工作总结"))
    utf16 = incoming / "utf16.txt"
    utf16.write_bytes("\ufeff".encode("utf-16-le") + "各位代表".encode("utf-16-le"))
    listed = incoming / "004_8b03acbbd24002e3.txt"
    listed.write_text("\n".join(report_lines(2018)), encoding="utf-8")
    before = snapshot(seeds)
    assert add(seeds / "manifest.csv", good, untitled, not_a_report, utf16, listed, "--district", "Demo") == 1
    err = capsys.readouterr().err
    assert "untitled.md: no title in the file's metadata and no title line first in the text; pass --title" in err
    assert "other.md: cannot tell the genre from the title “2021年示范市工作总结”; pass --genre" in err
    assert "utf16.txt: this is a UTF-16 text file" in err
    assert "004_8b03acbbd24002e3.txt: a file named 004_8b03acbbd24002e3.txt is already listed" in err
    assert "5 problem(s)" not in err and "4 problem(s); nothing was added" in err
    assert snapshot(seeds) == before


def test_two_reports_of_one_place_in_one_year_get_distinct_ids_and_a_note(seeds, incoming, capsys):
    first = write_md(incoming, "a.md", markdown_report(2019))
    second = write_md(incoming, "b.md", markdown_report(2019).replace("一、2018年工作回顾", "一、过去五年工作回顾"))
    third = write_md(incoming, "c.md", markdown_report(2019).replace("各位代表：", "各位代表，同志们："))
    assert add(seeds / "manifest.csv", first, second, "--district", "杭州市") == 0
    assert add(seeds / "manifest.csv", third, "--district", "杭州市") == 0
    rows = {row["file"]: row for row in manifest_rows(seeds / "manifest.csv")[1]}
    assert [rows[name]["doc_id"] for name in ("a.md", "b.md", "c.md")] == ["cn330100-2019-wr", "cn330100-2019-wr-2", "cn330100-2019-wr-3"]
    assert "Document" not in rows["a.md"]["date_note"]
    assert rows["b.md"]["date_note"].endswith("Document 2 of cn330100 in 2019 with genre work_report (the first: "
                                              "cn330100-2019-wr); its review heading names no year (一、过去五年工作回顾).")
    assert rows["c.md"]["date_note"].endswith("(the first: cn330100-2019-wr); reviews 2018 (一、2018年工作回顾).")
    assert main(["check", "--manifest", str(seeds / "manifest.csv")]) == 0
    capsys.readouterr()


def test_a_doc_id_clash_and_options_for_one_file(seeds, incoming, capsys):
    first = write_md(incoming, "a.md", markdown_report(2019))
    second = write_md(incoming, "b.md", markdown_report(2019).replace("各位代表：", "各位代表，同志们："))
    assert add(seeds / "manifest.csv", first, "--district", "Demo") == 0
    assert add(seeds / "manifest.csv", second, "--district", "Demo", "--doc-id", "demo-2019-wr") == 1
    assert "b.md: doc_id 'demo-2019-wr' is already used (by " in capsys.readouterr().err
    assert add(seeds / "manifest.csv", first, second, "--district", "Demo", "--date", "2019-01-15") == 1
    assert "--date, --title and --doc-id describe one document" in capsys.readouterr().err
    assert add(seeds / "manifest.csv", first, "--district", "示范市") == 1
    assert "--district '示范市': not a district id of analysis/data/districts.tsv and not the name of a division" \
        in capsys.readouterr().err
    assert add(seeds / "manifest.csv", first, "--district", "Demo City!") == 1
    assert "--district 'Demo City!': use Latin letters" in capsys.readouterr().err


def test_a_misspelt_district_is_refused_with_the_nearest_listed_one(seeds, incoming, capsys):
    """Minghang is one letter from Minhang (analysis/data/districts.tsv): refused with a
    'did you mean', and nothing written; a new place given with its Chinese name goes in."""
    first = write_md(incoming, "a.md", markdown_report(2019))
    before = snapshot(seeds)
    assert add(seeds / "manifest.csv", first, "--district", "Minghang") == 1
    assert "--district 'Minghang' is not in analysis/data/districts.tsv; did you mean 'Minhang'?" in capsys.readouterr().err
    assert snapshot(seeds) == before
    assert add(seeds / "manifest.csv", first, "--district", "minhang", "--keep-going") == 1
    assert "did you mean 'Minhang'?" in capsys.readouterr().err
    assert add(seeds / "manifest.csv", first, "--district", "Minghang", "--district-zh", "明航") == 0
    from analysis.documents.intake import near_district
    assert near_district("Minhang") is None and near_district("Demo") is None and near_district("Xuhiu") == "Xuhui"


def test_a_failure_half_way_leaves_nothing_behind(seeds, incoming, monkeypatch):
    files = [write_md(incoming, f"r{year}.md", markdown_report(year)) for year in (2019, 2020, 2021)]
    before = snapshot(seeds)
    calls = []
    real_copy = shutil.copyfile

    def failing_copy(source, target):
        calls.append(target)
        if len(calls) == 3:
            raise OSError("disk full")
        return real_copy(source, target)

    monkeypatch.setattr("analysis.documents.intake.shutil.copyfile", failing_copy)
    with pytest.raises(OSError, match="disk full"):
        analysis.add_documents(files, "Demo", manifest=seeds / "manifest.csv")
    assert snapshot(seeds) == before and len(calls) == 3


def test_a_manifest_that_fails_validation_after_writing_is_not_put_in_place(seeds, incoming, monkeypatch):
    path = write_md(incoming, "r.md", markdown_report(2019))
    before = snapshot(seeds)
    checks = []

    def failing_check(manifest, read_files=None):
        checks.append(manifest)
        return [] if len(checks) == 1 else [f"{manifest}: something is wrong"]

    monkeypatch.setattr("analysis.documents.intake.manifest_problems", failing_check)
    with pytest.raises(CorpusError, match="something is wrong"):
        analysis.add_documents([path], "Demo", manifest=seeds / "manifest.csv")
    assert snapshot(seeds) == before


def test_a_new_manifest_is_created(tmp_path, incoming):
    path = write_md(incoming, "r.md", markdown_report(2019))
    manifest = tmp_path / "corpus" / "manifest.csv"
    rows = analysis.add_documents([path], "Demo", manifest=manifest)
    assert [row["doc_id"] for row in rows] == ["demo-2019-wr"]
    assert analysis.read_manifest(manifest)["url"].tolist() == ["https://www.example.gov.cn/zwgk/2019/report-2019.html"]


def test_the_howto_shows_add_for_every_format():
    from analysis.documents.formats import SUPPORTED_SUFFIXES
    from analysis.paths import ROOT

    howto = (ROOT / "docs" / "howto.md").read_text(encoding="utf-8")
    section = howto[howto.index("## Add a document"):howto.index("## Add a district")]
    commands = [line for line in section.splitlines() if "python -m analysis add " in line]
    shown = {suffix for line in commands for suffix in SUPPORTED_SUFFIXES if f"{suffix} " in line}
    assert shown >= {".txt", ".md", ".html", ".docx", ".pdf"}


def test_publisher_from_the_option_or_the_file_metadata(seeds, incoming, capsys):
    """The government body that issued a text: --publisher, else the front matter's
    publisher (or an HTML page's meta publisher), else empty; check accepts the column."""
    given = incoming / "shanghai-2020.md"
    given.write_text(markdown_report(2020, "上海市"), encoding="utf-8")
    assert add(seeds / "manifest.csv", given, "--district", "Shanghai", "--district-zh", "上海",
               "--publisher", "上海市人民政府") == 0
    in_metadata = incoming / "shanghai-2021.md"
    in_metadata.write_text(markdown_report(2021, "上海市").replace("---\ntitle:", "---\npublisher: 上海市人民政府办公厅\ntitle:", 1),
                           encoding="utf-8")
    page = incoming / "shanghai-2022.html"
    page.write_text(html_report(2022, "上海市").replace("<head>", '<head><meta name="publisher" content="上海市人民政府">', 1),
                    encoding="utf-8")
    none = incoming / "shanghai-2023.md"
    none.write_text(markdown_report(2023, "上海市"), encoding="utf-8")
    assert add(seeds / "manifest.csv", in_metadata, page, none, "--district", "Shanghai") == 0
    capsys.readouterr()
    assert main(["check", "--manifest", str(seeds / "manifest.csv")]) == 0
    corpus = analysis.load_corpus(seeds / "manifest.csv").set_index("doc_id")
    assert corpus.loc[[f"shanghai-{y}-wr" for y in (2020, 2021, 2022, 2023)], "publisher"].tolist() == [
        "上海市人民政府", "上海市人民政府办公厅", "上海市人民政府", ""]
    assert corpus.at["cn-2018-wr", "publisher"] == "上海市长宁区人民政府"
    header = (seeds / "manifest.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header.index("publisher") == header.index("speaker") + 1


def test_add_reads_only_the_files_it_adds(seeds, incoming, monkeypatch):
    """The cost of add does not grow with the corpus: the files already listed are checked
    to exist, not read again (check and loading read them all)."""
    import analysis.documents.corpus as corpus_module

    read = []
    original = corpus_module.read_document_file
    monkeypatch.setattr(corpus_module, "read_document_file", lambda path: read.append(path.name) or original(path))
    (incoming / "shanghai-2021.md").write_text(markdown_report(2021, "上海市"), encoding="utf-8")
    assert add(seeds / "manifest.csv", incoming / "shanghai-2021.md", "--district", "Shanghai") == 0
    assert read == ["shanghai-2021.md"]


def test_add_refuses_a_manifest_whose_listed_file_is_missing(seeds, incoming, capsys):
    (seeds / "000_9b36db97c0fe795e.txt").unlink()
    (incoming / "shanghai-2021.md").write_text(markdown_report(2021, "上海市"), encoding="utf-8")
    assert add(seeds / "manifest.csv", incoming / "shanghai-2021.md", "--district", "Shanghai") == 1
    err = capsys.readouterr().err
    assert "the manifest has problems" in err and "000_9b36db97c0fe795e.txt: file not found" in err
    assert not (seeds / "shanghai-2021.md").exists()


def test_a_chinese_place_name_is_resolved_with_no_hand_edit(seeds, incoming, capsys):
    """add --district 杭州市: a division of China becomes cn + its code, named in Chinese, with
    a colour from the palette; check then knows the place; a name shared by several
    divisions is refused with their ids."""
    (incoming / "hangzhou-2021.md").write_text(markdown_report(2021, "杭州市"), encoding="utf-8")
    assert add(seeds / "manifest.csv", incoming / "hangzhou-2021.md", "--district", "杭州市") == 0
    row = analysis.read_manifest(seeds / "manifest.csv").iloc[-1]
    assert (row["doc_id"], row["district"], row["district_zh"]) == ("cn330100-2021-wr", "cn330100", "杭州市")
    assert analysis.documents.district_names()["cn330100"] == "杭州市"
    assert analysis.documents.district_colours()["cn330100"] == analysis.documents.place_colour("cn330100")
    assert main(["check", "--manifest", str(seeds / "manifest.csv")]) == 0
    (incoming / "xihu-2021.md").write_text(markdown_report(2021, "西湖区"), encoding="utf-8")
    capsys.readouterr()
    assert add(seeds / "manifest.csv", incoming / "xihu-2021.md", "--district", "西湖区") == 1
    assert "names 2 divisions: cn330106 (西湖区, in 杭州市), cn360103 (西湖区, in 南昌市)" in capsys.readouterr().err


def test_a_chinese_name_of_a_listed_district_takes_its_id(seeds, incoming):
    (incoming / "changning-2021.md").write_text(markdown_report(2021, "长宁区"), encoding="utf-8")
    assert add(seeds / "manifest.csv", incoming / "changning-2021.md", "--district", "长宁区") == 0
    row = analysis.read_manifest(seeds / "manifest.csv").iloc[-1]
    assert (row["district"], row["district_zh"]) == ("Changning", "长宁")


@pytest.mark.parametrize("line, date", [
    ("——2010年1月26日上海市第十三届人民代表大会第三次会议上", "2010-01-26"),          # no 在
    ("在四川省第十一届人民代表大会第四次会议上（2010年1月18日）", "2010-01-18"),          # the date after it
    ("（2010年1月16日 陈良宇）", "2010-01-16"),                                         # a dated signature line
])
def test_the_delivery_date_in_the_forms_real_reports_give_it(seeds, incoming, line, date):
    text = markdown_report(2010).replace("——2010年1月15日在示范市第十五届人民代表大会第1次会议上", line)
    assert line in text
    path = write_md(incoming, "r.md", text)
    assert add(seeds / "manifest.csv", path, "--district", "Demo") == 0
    row = analysis.read_manifest(seeds / "manifest.csv").iloc[-1]
    assert row["date"].strftime("%Y-%m-%d") == date
    assert row["date_note"].startswith("Date read from the report's ") and line.lstrip("—").replace(" ", "") in row["date_note"]


def test_a_folder_of_places_goes_in_at_once_and_a_bad_file_does_not_block_the_rest(tmp_path, capsys):
    """--district-from-folder: each file's place is its folder (浙江省/2003.md and
    江苏省/2003.md do not clash: the copies are cn330000-2003.md and cn320000-2003.md);
    --keep-going adds the good files and names each refused one with its reason."""
    for place in ("浙江省", "江苏省"):
        (tmp_path / "in" / place).mkdir(parents=True)
        (tmp_path / "in" / place / "2021.md").write_text(markdown_report(2021, place), encoding="utf-8")
    (tmp_path / "in" / "江苏省" / "2022.md").write_text(markdown_report(2022, "江苏省").replace("1月15日在", "1月在")
                                                     .replace("title: 2022年", "title: 2023年"),
                                                     encoding="utf-8")
    manifest = tmp_path / "corpus" / "manifest.csv"
    files = sorted((tmp_path / "in").glob("*/*.md"))
    assert main(["add", *map(str, files), "--district-from-folder", "--manifest", str(manifest)]) == 1
    assert "nothing was added" in capsys.readouterr().err and not manifest.exists()
    assert main(["add", *map(str, files), "--district-from-folder", "--keep-going", "--manifest", str(manifest)]) == 1
    captured = capsys.readouterr()
    assert "refused: " in captured.err and "江苏省/2022.md: no meeting line or dated signature line; the title" in captured.err
    rows = analysis.read_manifest(manifest).sort_values("doc_id")
    assert rows[["doc_id", "file", "district_zh", "source"]].values.tolist() == [
        ["cn320000-2021-wr", "cn320000-2021.md", "江苏省", "file 江苏省/2021.md"],
        ["cn330000-2021-wr", "cn330000-2021.md", "浙江省", "file 浙江省/2021.md"]]


def _sidecar(folder, text):
    path = folder / "files.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_sidecar_gives_place_date_and_genre_per_file(seeds, incoming, capsys):
    (incoming / "a").mkdir()
    (incoming / "b").mkdir()
    write_md(incoming / "a", "2019.md", markdown_report(2019, "杭州市").replace("——2019年1月15日在", "——"))
    write_md(incoming / "b", "2019.md", markdown_report(2019, "宁波市").replace("政府工作报告", "工作总结"))
    sidecar = _sidecar(incoming, "file,district,date,genre\na/2019.md,杭州市,2019-01-20,\n"
                                 "b/2019.md,宁波市,,plan_proposal\n")
    assert main(["add", "--sidecar", str(sidecar), "--manifest", str(seeds / "manifest.csv")]) == 0
    rows = {row["file"]: row for row in manifest_rows(seeds / "manifest.csv")[1]}
    hangzhou, ningbo = rows["cn330100-2019.md"], rows["cn330200-2019.md"]
    assert (hangzhou["doc_id"], hangzhou["date"], hangzhou["genre"]) == ("cn330100-2019-wr", "2019-01-20", "work_report")
    assert hangzhou["date_note"] == "Date given in the sidecar for 2019.md."
    assert (ningbo["doc_id"], ningbo["genre"], ningbo["district_zh"]) == ("cn330200-2019-fyp", "plan_proposal", "宁波市")
    assert main(["check", "--manifest", str(seeds / "manifest.csv")]) == 0
    capsys.readouterr()


@pytest.mark.parametrize("text, problem", [
    ("name,district\na.md,Demo\n", "files.csv: no 'file' column (columns: name, district)"),
    ("file,place\na.md,Demo\n", "files.csv: unknown column(s) place; a sidecar gives file and any of district"),
    ("file,district\na.md,Demo\na.md,Demo\n", "files.csv line 3: a.md is already listed on line 2"),
    ("file,district\nmissing.md,Demo\n", "missing.md: file not found"),
    ("file,district,date\na.md,Demo,2019-13-01\n", "a.md: date '2019-13-01': not an ISO date"),
    ("file,district\na.md,\n", "give either --district or --district-from-folder, or a district for every file"),
])
def test_a_bad_sidecar_is_an_error_naming_it(seeds, incoming, capsys, text, problem):
    write_md(incoming, "a.md", markdown_report(2019))
    before = snapshot(seeds)
    assert main(["add", "--sidecar", str(_sidecar(incoming, text)), "--manifest", str(seeds / "manifest.csv")]) == 1
    assert problem in capsys.readouterr().err
    assert snapshot(seeds) == before


def test_a_title_comes_from_the_first_heading_when_the_metadata_has_none(seeds, incoming):
    """A Markdown report without front matter: its # heading is the title (issue: add refused it)."""
    from analysis.documents.intake import first_heading

    path = write_md(incoming, "minhang.md", markdown_report(2021, place="闵行区", front_matter=False))
    rows = analysis.add_documents([path], "Minhang", manifest=seeds / "manifest.csv")
    assert rows[0]["title"] == "2021年闵行区政府工作报告" and rows[0]["genre"] == "work_report"
    assert first_heading("\n\n# 标题\n正文。") == "# 标题" and first_heading("——2020年1月15日在大会上\n") == ""
    assert first_heading("第一句话。第二句。\n") == "" and first_heading("x" * 61) == ""


def test_dry_run_prints_the_rows_and_writes_nothing(seeds, incoming, capsys):
    path = write_md(incoming, "a.md", markdown_report(2019))
    before = snapshot(seeds)
    assert add(seeds / "manifest.csv", path, "--district", "Demo", "--dry-run") == 0
    out = capsys.readouterr().out
    header, row, summary = out.strip().splitlines()
    assert header.startswith("doc_id,file,district,") and row.startswith("demo-2019-wr,a.md,Demo,")
    assert summary == "dry run: 1 document(s) would be added to " + analysis.paths.display_path(seeds / "manifest.csv") \
        + "; nothing was written"
    assert snapshot(seeds) == before


def test_remove_undoes_add_and_names_an_unknown_doc_id(seeds, incoming, capsys):
    before = snapshot(seeds)
    path = write_md(incoming, "a.md", markdown_report(2019))
    assert add(seeds / "manifest.csv", path, "--district", "Demo") == 0
    assert snapshot(seeds) != before
    assert main(["remove", "demo-2019-wx", "--manifest", str(seeds / "manifest.csv")]) == 1
    assert "no document 'demo-2019-wx'; did you mean 'demo-2019-wr'?" in capsys.readouterr().err
    assert main(["remove", "demo-2019-wr", "--manifest", str(seeds / "manifest.csv")]) == 0
    assert "removed demo-2019-wr: its row of" in capsys.readouterr().out
    assert snapshot(seeds) == before                      # the manifest and the folder as they were


def test_the_same_text_is_added_once_whatever_its_format_or_id(seeds, incoming, capsys):
    """A copy under another name and doc_id, and a .docx with the text of an added .md, are
    refused, each naming the document it repeats; the manifest keeps one row and nothing
    else is written. Two copies in one call are refused too."""
    from analysis.documents import intake

    before = len(manifest_rows(seeds / "manifest.csv")[1])
    import docx

    lines = report_lines(2021, "闵行区")
    text = "---\ntitle: 2021年闵行区政府工作报告\n---\n" + "\n".join(lines) + "\n"
    first = write_md(incoming, "mh.md", text)
    assert add(seeds / "manifest.csv", first, "--district", "Minhang") == 0
    rows = manifest_rows(seeds / "manifest.csv")[1]
    assert rows[-1]["text_sha256"] == intake.content_hash("\n".join(lines)) and len(rows[-1]["text_sha256"]) == 64
    copy = write_md(incoming, "copy.md", text.replace("\n", "\n\n"))           # other line breaks, same words
    assert add(seeds / "manifest.csv", copy, "--district", "Minhang", "--doc-id", "mh-copy") == 1
    assert "copy.md: the same text as minhang-2021-wr (mh.md), already in" in capsys.readouterr().err
    document = docx.Document()
    document.core_properties.title = "2021年闵行区政府工作报告"
    for line in lines:
        document.add_paragraph(line)
    document.save(incoming / "mh.docx")
    assert add(seeds / "manifest.csv", incoming / "mh.docx", "--district", "Minhang", "--doc-id", "mh-docx") == 1
    assert "the same text as minhang-2021-wr (mh.md)" in capsys.readouterr().err
    seed_copy = write_md(incoming, "seed.txt", (seeds / "004_8b03acbbd24002e3.txt").read_text(encoding="utf-8"))
    assert add(seeds / "manifest.csv", seed_copy, "--district", "Changning", "--doc-id", "cn-again", "--genre",
               "work_report", "--date", "2018-01-10") == 1
    assert "the same text as cn-2018-wr (004_8b03acbbd24002e3.txt)" in capsys.readouterr().err   # a row with no hash
    twins = [write_md(incoming, f"t{i}.md", markdown_report(2022)) for i in (1, 2)]
    assert add(seeds / "manifest.csv", *twins, "--district", "Minhang") == 1
    assert "t2.md: the same text as" in capsys.readouterr().err
    assert len(manifest_rows(seeds / "manifest.csv")[1]) == before + 1
