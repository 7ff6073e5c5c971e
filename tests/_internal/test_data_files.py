"""The package's TSV data files: columns and keys checked, problems named with file and line."""
import pytest

from analysis._internal import data_files


@pytest.mark.parametrize("text, problem", [
    ("term\tkind\n甲\tx\n", r"t.tsv: missing column\(s\): reason"),
    ("term\tkind\treason\n\tx\ty\n", r"t.tsv line 2: empty term"),
    ("term\tkind\treason\n甲\tx\ty\n甲\tx\tz\n", r"t.tsv line 3: duplicate term '甲' \(first on line 2\)"),
])
def test_read_tsv_names_file_and_line(tmp_path, text, problem):
    path = tmp_path / "t.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        data_files.read_tsv(path, ["term", "kind", "reason"])


def test_read_tsv_table_applies_its_rules(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("id\tcolour\na\t#123456\nb\tred\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"t.tsv line 3: colour 'red' is not a hex colour"):
        data_files.read_tsv_table(path, ["id", "colour"], {"colour": (lambda v: v.startswith("#"), "is not a hex colour")})
    path.write_text("id\tcolour\na\t#123456\n", encoding="utf-8")
    assert data_files.read_tsv_table(path, ["id", "colour"], {}).loc["a", "colour"] == "#123456"
