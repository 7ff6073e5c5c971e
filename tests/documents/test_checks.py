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
