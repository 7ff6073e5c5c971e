"""Paths: messages show paths relative to the repository, never a machine's absolute path."""
from pathlib import Path

from analysis import paths


def test_display_path_inside_and_outside_the_repository(tmp_path):
    assert paths.display_path(paths.MANIFEST) == "seeds/manifest.csv"
    assert paths.display_path(paths.ROOT / "analysis" / "data" / "lexicon.tsv") == "analysis/data/lexicon.tsv"
    outside = tmp_path / "x.txt"
    assert paths.display_path(outside) == str(outside)


def test_the_folders_are_where_the_layout_says():
    assert (paths.ROOT / "analysis").is_dir() and paths.SEEDS_DIR == paths.ROOT / "seeds"
    assert paths.DATA_DIR == Path(paths.__file__).parent / "data" and paths.NOTEBOOKS_DIR.is_dir()
