"""The coding workbook written and read back, and its errors."""
import openpyxl
import pandas as pd
import pytest

from analysis import coding
from analysis.dictionaries.themes import DictionaryEntry

ENTRIES = {"themes": [DictionaryEntry("economy", "经济", "Economy", ("企业",))],
           "instruments": [DictionaryEntry("funding", "资金", "Funding", ("补贴",))]}
SENTENCES = pd.DataFrame({"sample_id": ["S001", "S002"], "document": ["报告 (2020)"] * 2, "before": ["", "甲。"],
                          "sentence": ["甲。", "乙。"], "after": ["乙。", ""]})
NUMBERS = pd.DataFrame({"sample_id": ["N001-01"], "document": ["报告 (2020)"], "sentence": ["增长【6】%。"], "number": ["6"]})


def _written(tmp_path, fill=True):
    path = coding.write_workbook(tmp_path / "c.xlsx", "coder-1", SENTENCES, NUMBERS, ENTRIES)
    if fill:
        book = openpyxl.load_workbook(path)
        for row in book["sentences"].iter_rows(min_row=2):
            row[5].value, row[6].value = 1, 0
        sheet = book["numbers"]
        sheet["E2"], sheet["F2"], sheet["G2"] = 1, "%", "target"
        book.save(path)
    return path


def test_a_filled_workbook_reads_back_with_its_coder(tmp_path):
    fields = coding.sentence_fields(ENTRIES)
    assert fields == ["theme.economy", "instrument.funding"]
    coded = coding.read_workbook(_written(tmp_path), ["S001", "S002"], ["N001-01"], fields)
    assert coded.coder == "coder-1"
    assert coded.sentences["theme.economy"].to_list() == [1, 1] and coded.sentences["instrument.funding"].to_list() == [0, 0]
    assert coded.numbers.iloc[0][["quantity", "unit", "kind"]].to_list() == [1, "%", "target"]


def test_errors_name_the_file_sheet_row_and_field(tmp_path):
    fields = coding.sentence_fields(ENTRIES)
    with pytest.raises(ValueError, match=r"c\.xlsx, sheet sentences, row 2: theme\.economy is '', not 0 or 1"):
        coding.read_workbook(_written(tmp_path, fill=False), ["S001", "S002"], ["N001-01"], fields)
    path = _written(tmp_path)
    with pytest.raises(ValueError, match=r"sheet sentences: 1 sample_id\(s\) missing, first S003"):
        coding.read_workbook(path, ["S001", "S002", "S003"], ["N001-01"], fields)
    with pytest.raises(ValueError, match=r"sheet numbers, row 2: sample_id 'N001-01' is not in the sample"):
        coding.read_workbook(path, ["S001", "S002"], ["N009-01"], fields)
    book = openpyxl.load_workbook(path)
    book["numbers"]["E2"] = 0
    book.save(path)
    with pytest.raises(ValueError, match=r"row 2: kind is 'target' but quantity is 0"):
        coding.read_workbook(path, ["S001", "S002"], ["N001-01"], fields)
    book["coder"]["B1"] = None
    book.save(path)
    with pytest.raises(ValueError, match=r"sheet coder: cell B1 must hold the coder id"):
        coding.read_workbook(path, ["S001", "S002"], ["N001-01"], fields)
    (tmp_path / "bad.xlsx").write_text("not a workbook")
    with pytest.raises(ValueError, match=r"bad\.xlsx: not a readable \.xlsx workbook"):
        coding.read_workbook(tmp_path / "bad.xlsx", ["S001"], [], fields)
