"""Genres as data: the genres file and its checks."""
import pytest

from analysis.documents.genres import read_genres


def test_bad_genre_rows_are_named_with_file_and_line(tmp_path):
    path = tmp_path / "genres.tsv"
    path.write_text("genre\tlabel_zh\tlabel_en\tmarker\nbudget\t预算报告\tbudget report\tQ\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"genres.tsv line 2: marker 'Q' is not one of"):
        read_genres(path)
