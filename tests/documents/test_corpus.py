"""Corpus: the seeds and their manifest, and a clear error for every kind of bad input."""
import hashlib
from pathlib import Path

import pandas as pd
import pytest

import analysis
import analysis.documents
from analysis.documents.corpus import CorpusError, load_corpus, manifest_problems, read_manifest
from analysis.paths import MANIFEST, ROOT, SEEDS_DIR
from toy_corpora import GOOD_TEXT, HEADER, make_corpus, row


SEED_SHA256 = {
    "000_9b36db97c0fe795e.txt": "a9325e3126302be29f4ea0adbe838dfb2d4a51275c755eb3cfd6f95d27560211",
    "001_1001f7fc0fc2cdbd.txt": "eabd63d99754753c9dd98e93b4c22c1a856cffe72940dac799044e35aa778e20",
    "002_9ddeabd5aaa08ccf.txt": "84a236f76f829a2ed59abc1861bc948d3c01da87b4dd8c40d3ddb246fc5446d3",
    "003_abf86c9aaf141910.txt": "c697bd66fb044dd97bf58f701e8d1cc5636624e990c57476f69a6f4aa966f484",
    "004_8b03acbbd24002e3.txt": "6ef1d9faca1cab565223db1528734b8c68c9668c11732f15d48838c4f1340940",
}


SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def problems_of(manifest: Path) -> str:
    with pytest.raises(CorpusError) as info:
        load_corpus(manifest)
    return str(info.value)


@pytest.mark.parametrize("name", sorted(SEED_SHA256))
def test_seed_is_byte_identical_to_the_raw_text(name):
    data = (SEEDS_DIR / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == SEED_SHA256[name]
    if SHARED_SEEDS.is_dir():
        assert data == (SHARED_SEEDS / name).read_bytes()


def test_manifest_is_valid_and_lists_every_seed():
    assert manifest_problems(MANIFEST) == []
    manifest = read_manifest()
    assert sorted(manifest["file"]) == sorted(SEED_SHA256)


def test_load_corpus_columns_and_rows(corpus):
    for column in ["doc_id", "file", "district", "date", "year", "genre", "title", "scope", "text"]:
        assert column in corpus
    assert corpus["doc_id"].tolist() == ["cn-2017-retreat", "cn-2018-wr", "xh-2019-wr", "cn-2020-fyp", "cn-2024-wr"]
    assert corpus["district"].tolist() == ["Changning", "Changning", "Xuhui", "Changning", "Changning"]
    assert (corpus["date"].dt.year == corpus["year"]).all()
    assert corpus.loc[corpus["doc_id"] == "cn-2024-wr", "scope"].item().startswith("excerpt")
    assert corpus["text"].str.len().gt(1000).all()


def test_document_labels(corpus):
    labels = analysis.document_labels(corpus)
    assert labels["cn-2018-wr"] == "长宁 2018 政府工作报告"
    assert labels["cn-2024-wr"] == "长宁 2024 政府工作报告（节选）"
    assert labels["xh-2019-wr"] == "徐汇 2019 政府工作报告"
    assert labels["cn-2017-retreat"].endswith("（改写）")


def test_rewritten_and_excerpt_documents_are_marked(corpus):
    marked = analysis.marked_doc_ids(corpus)
    assert marked["cn-2017-retreat"] == "cn-2017-retreat (rewritten)"
    assert marked["cn-2024-wr"] == "cn-2024-wr (excerpt)"
    assert marked["cn-2018-wr"] == "cn-2018-wr"
    assert corpus.set_index("doc_id")["text_quality"].to_dict() == {
        "cn-2017-retreat": "rewritten", "cn-2018-wr": "original", "xh-2019-wr": "original",
        "cn-2020-fyp": "original", "cn-2024-wr": "original"}


def test_cleaning_summary_flags_an_unusual_share(corpus):
    summary = analysis.documents.cleaning_summary(corpus)
    assert not summary["flagged"].any()
    assert summary["spam_clean"].eq(0).all()
    assert summary.loc[summary["doc_id"] == "cn-2024-wr", "spam_raw"].item() == 2
    assert analysis.documents.cleaning_summary(corpus, flag_share=0.01)["flagged"].sum() == 2


def test_good_corpus_loads(tmp_path):
    manifest = make_corpus(tmp_path, [row()], {"a.txt": GOOD_TEXT.encode()})
    corpus = load_corpus(manifest)
    assert corpus["doc_id"].tolist() == ["a-2018"]
    assert corpus["district_zh"].tolist() == [""]
    assert corpus["text_quality"].tolist() == ["original"]          # the default when the column is absent


def test_unknown_text_quality_is_named(tmp_path):
    manifest = make_corpus(tmp_path, [row() + ",garbled"], {"a.txt": GOOD_TEXT.encode()},
                           header=HEADER + ",text_quality")
    assert "manifest.csv line 2: text_quality 'garbled' is not one of original, rewritten" in problems_of(manifest)


def test_missing_file_is_named(tmp_path):
    manifest = make_corpus(tmp_path, [row(file="missing.txt")], {})
    message = problems_of(manifest)
    assert "manifest.csv line 2" in message and "missing.txt: file not found" in message


def test_gbk_file_is_named(tmp_path):
    manifest = make_corpus(tmp_path, [row()], {"a.txt": GOOD_TEXT.encode("gbk")})
    message = problems_of(manifest)
    assert "a.txt: not valid UTF-8" in message and "GBK" in message


def test_duplicate_doc_id_is_named(tmp_path):
    manifest = make_corpus(tmp_path, [row(), row(file="b.txt")],
                           {"a.txt": GOOD_TEXT.encode(), "b.txt": GOOD_TEXT.encode()})
    message = problems_of(manifest)
    assert "manifest.csv line 3: duplicate doc_id 'a-2018' (first on line 2)" in message


def test_duplicate_file_is_named(tmp_path):
    manifest = make_corpus(tmp_path, [row(), row(doc_id="b-2018")], {"a.txt": GOOD_TEXT.encode()})
    assert "manifest.csv line 3: file 'a.txt' is already listed on line 2" in problems_of(manifest)


def test_missing_required_column_is_named(tmp_path):
    manifest = make_corpus(tmp_path, ["a-2018,a.txt,Changning,2018-01-10,2018,work_report,标题"],
                           {"a.txt": GOOD_TEXT.encode()}, header="doc_id,file,district,date,year,genre,title")
    assert "manifest.csv: missing required column(s): scope" in problems_of(manifest)


def test_empty_file_is_named(tmp_path):
    manifest = make_corpus(tmp_path, [row()], {"a.txt": b"  \n\n"})
    assert "a.txt: file is empty" in problems_of(manifest)


@pytest.mark.parametrize("date", ["2018-13-01", "10 Jan 2018", "2018/01/10", "2018-1-10"])
def test_unparsable_date_is_named(tmp_path, date):
    manifest = make_corpus(tmp_path, [row(date=date)], {"a.txt": GOOD_TEXT.encode()})
    assert f"manifest.csv line 2: date '{date}' is not an ISO date (YYYY-MM-DD)" in problems_of(manifest)


def test_year_that_contradicts_the_date_is_named(tmp_path):
    manifest = make_corpus(tmp_path, [row(year="2019")], {"a.txt": GOOD_TEXT.encode()})
    assert "year '2019' does not match date '2018-01-10'" in problems_of(manifest)


def test_empty_required_field_and_bad_doc_id_are_named(tmp_path):
    manifest = make_corpus(tmp_path, ["A 2018,a.txt,,2018-01-10,2018,work_report,标题,whole"],
                           {"a.txt": GOOD_TEXT.encode()})
    message = problems_of(manifest)
    assert "empty required field(s): district" in message
    assert "doc_id 'A 2018' must be lower-case letters, digits and hyphens" in message


def test_every_problem_is_reported_at_once(tmp_path):
    manifest = make_corpus(tmp_path, [row(file="missing.txt"), row(doc_id="b-2018", file="b.txt", date="2018-02-30")],
                           {"b.txt": GOOD_TEXT.encode("gbk")})
    with pytest.raises(CorpusError) as info:
        load_corpus(manifest)
    assert len(info.value.problems) == 3


def test_missing_manifest_is_named(tmp_path):
    assert "manifest not found" in problems_of(tmp_path / "manifest.csv")


def test_bom_and_crlf_are_accepted_and_normalised(tmp_path):
    data = ("\ufeff" + GOOD_TEXT.replace("\n", "\r\n")).encode("utf-8")
    manifest = make_corpus(tmp_path, [row()], {"a.txt": data})
    manifest.write_bytes(b"\xef\xbb\xbf" + manifest.read_bytes().replace(b"\n", b"\r\n"))
    corpus = load_corpus(manifest)
    assert "\r" not in corpus["raw_text"].item() and not corpus["raw_text"].item().startswith("\ufeff")
    assert corpus["text"].item() == GOOD_TEXT.strip().replace(",", "，")
    assert isinstance(corpus["date"].item(), pd.Timestamp)


def test_decimal_years():
    dates = pd.Series(pd.to_datetime(["2018-01-01", "2020-12-31", "2019-07-02"]))
    assert analysis.decimal_years(dates).tolist() == pytest.approx([2018.0, 2020 + 365 / 366, 2019 + 182 / 365])


def test_visible_characters_are_those_str_isspace_does_not_call_white_space():
    """cleaning_summary counts characters that are not white space with a regular expression;
    \\s and str.isspace agree on every code point, so the counts are those of the plain rule."""
    import re
    import sys

    assert all(chr(i).isspace() == bool(re.match(r"\s", chr(i))) for i in range(sys.maxunicode + 1))
    corpus = analysis.load_corpus()
    summary = analysis.documents.cleaning_summary(corpus)
    assert summary["chars_clean"].tolist() == [sum(not c.isspace() for c in t) for t in corpus["text"]]


def test_place_documents_lists_the_places_documents_in_manifest_order():
    assert analysis.documents.place_documents(MANIFEST, ["Xuhui"]) == ["xh-2019-wr"]
    assert analysis.documents.place_documents(MANIFEST, ["Xuhui", "Changning"])[0] == "cn-2017-retreat"
    with pytest.raises(ValueError, match="no document of Minhang; its places: Changning, Xuhui"):
        analysis.documents.place_documents(MANIFEST, ["Minhang"])
