"""`python -m analysis export`: every table in csv, parquet and xlsx, each column described
in the data dictionary, the workbook byte-stable, and every bad argument a clear error."""
import datetime
import zipfile

import pandas as pd
import pytest

import analysis
from analysis.outputs import export
from analysis.__main__ import main

TERMS = ["一网通办", "城市更新"]


@pytest.fixture(scope="module")
def tables():
    corpus, paras, tokens = analysis.prepare()
    return export.analysis_tables(corpus, paras, tokens, export.DEFAULT_DESIGNS, TERMS)


def test_the_tables_and_their_dictionary(tables):
    assert list(tables) == ["documents", "paragraphs", "tokens", "frequencies", "keyness", "theme_hits",
                            "concordance", "quantities", "target_outcomes", "unmatched_main_targets",
                            "government_year_measures", "growth_targets"]
    assert len(tables["documents"]) == 5 and tables["documents"]["date"].tolist()[1] == "2018-01-10"
    assert set(tables["keyness"]["design"]) == set(export.DEFAULT_DESIGNS)
    assert set(tables["concordance"]["term"]) <= set(TERMS) and len(tables["concordance"]) > 0
    described = export.data_dictionary(tables)
    assert len(described) == sum(t.shape[1] for t in tables.values())
    assert described["meaning"].str.len().gt(0).all()
    dictionary = export.read_dictionary()
    used = set(zip(described["table"], described["column"]))
    assert set(zip(dictionary["table"], dictionary["column"])) == used, "the dictionary lists columns not exported"


@pytest.mark.slow
@pytest.mark.parametrize("fmt", export.FORMATS)
def test_every_format_writes_every_table_and_reads_back(tables, tmp_path, fmt):
    paths = export.write_tables(tables, tmp_path, fmt)
    if fmt == "xlsx":
        sheets = pd.read_excel(paths[0], sheet_name=None)
        assert list(sheets) == ["data_dictionary", *tables]
        assert sheets["tokens"].shape == tables["tokens"].shape
        assert sheets["documents"]["doc_id"].tolist() == tables["documents"]["doc_id"].tolist()
    else:
        assert [p.name for p in paths] == [f"{name}.{fmt}" for name in ["data_dictionary", *tables]]
        read = pd.read_csv if fmt == "csv" else pd.read_parquet
        back = read(tmp_path / f"quantities.{fmt}")
        assert back.shape == tables["quantities"].shape
        assert back["value"].astype(str).tolist() == tables["quantities"]["value"].tolist()


def test_the_workbook_carries_a_fixed_date_so_its_bytes_are_stable(tables, tmp_path):
    small = {name: tables[name] for name in ("documents", "quantities")}
    first = export.write_tables(small, tmp_path / "one", "xlsx")[0]
    second = export.write_tables(small, tmp_path / "two", "xlsx")[0]
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "1980-01-01T00:00:00Z" in core and "202" not in core


def test_an_undocumented_column_is_an_error(tables):
    with pytest.raises(ValueError, match=r"does not describe: documents.extra"):
        export.data_dictionary({"documents": tables["documents"].assign(extra=1)})


def test_a_table_too_long_for_excel_is_an_error(tables, tmp_path, monkeypatch):
    monkeypatch.setattr(export, "EXCEL_MAX_ROWS", 100)
    with pytest.raises(ValueError, match=r"tokens has 27,782; use --format csv or parquet"):
        export.write_tables({"tokens": tables["tokens"]}, tmp_path, "xlsx")
    assert not (tmp_path / "analysis_tables.xlsx").exists()


def test_a_broken_dictionary_names_its_line(tmp_path):
    path = tmp_path / "dictionary.tsv"
    path.write_text("table\tcolumn\tmeaning\tunit\ndocuments\tdoc_id\tid\t\ndocuments\tdoc_id\tagain\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 3: documents.doc_id is listed twice"):
        export.read_dictionary(path)
    path.write_text("table\tcolumn\tmeaning\tunit\ndocuments\tdoc_id\t\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2: table, column and meaning must not be empty"):
        export.read_dictionary(path)


def test_the_command_reports_bad_arguments_clearly(tmp_path, capsys):
    assert main(["export", "--format", "csv", str(tmp_path / "out"), "--design", "bad", "nosuch == 1",
                 "doc_id == 'xh-2019-wr'"]) == 1
    assert "design 'bad': the query 'nosuch == 1' cannot be run on the token table" in capsys.readouterr().err
    assert main(["export", "--format", "csv", str(tmp_path / "out"), "--design", "empty", "doc_id == 'none'",
                 "doc_id == 'xh-2019-wr'"]) == 1
    assert "selects no word token" in capsys.readouterr().err
    assert main(["export", "--format", "csv", str(tmp_path / "out"), "--window", "0"]) == 2
    with pytest.raises(SystemExit) as stop:
        main(["export", "--format", "sav", str(tmp_path / "out")])
    assert stop.value.code == 2 and "invalid choice: 'sav'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_the_command_writes_the_seeds_tables(tmp_path, capsys):
    assert main(["export", "--format", "parquet", str(tmp_path / "out"), "--terms", "一网通办"]) == 0
    out = capsys.readouterr().out
    assert "concordance: " in out and "13 file(s) written" in out
    assert (tmp_path / "out" / "data_dictionary.parquet").exists()


def test_the_workbook_is_readable_as_it_opens(tables, tmp_path):
    """Dictionary first, header frozen, filters on, columns fitted (a long text column capped
    and wrapped), dates as Excel dates, keyness sides labelled for a reader."""
    import openpyxl

    small = {name: tables[name] for name in ("documents", "paragraphs", "keyness")}
    path = export.write_tables(small, tmp_path, "xlsx")[0]
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["data_dictionary", "documents", "paragraphs", "keyness"]
    paragraphs = book["paragraphs"]
    assert paragraphs.freeze_panes == "A2" and paragraphs.auto_filter.ref == paragraphs.dimensions
    header = [cell.value for cell in paragraphs[1]]
    text = openpyxl.utils.get_column_letter(header.index("text") + 1)
    assert paragraphs.column_dimensions[text].width == export.MAX_COLUMN_WIDTH
    assert paragraphs[f"{text}2"].alignment.wrap_text
    doc_id = openpyxl.utils.get_column_letter(header.index("doc_id") + 1)
    assert 10 <= paragraphs.column_dimensions[doc_id].width < 20
    documents = book["documents"]
    date_column = [cell.value for cell in documents[1]].index("date") + 1
    dates = [documents.cell(row, date_column).value for row in range(2, documents.max_row + 1)]
    assert isinstance(dates[1], datetime.datetime) and dates[1].date() == datetime.date(2018, 1, 10)
    keyness = pd.read_excel(path, sheet_name="keyness")
    main = keyness[keyness["design"] == "main"].iloc[0]
    assert main["target_label"] == "长宁 2018 政府工作报告 (cn-2018-wr)"
    assert export.side_label("district == 'Changning'", tables["documents"]) == "长宁 Changning"
    assert export.side_label("doc_id == 'cn-2018-wr' and part_kind == 'plan'", tables["documents"]).endswith(
        "· 任务 plan part")
    assert export.side_label("year > 2019", tables["documents"]) == "year > 2019"       # another form: as written
    assert export.display_width("长宁ab") == 6
