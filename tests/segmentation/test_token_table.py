"""The token table: cache per document (warm runs skip segmentation, broken files heal), fingerprint, annotation."""
import os
import time
import warnings

import numpy as np
import pandas as pd
import pytest

import analysis
import analysis.extract
from analysis.segmentation import lexicon, stop_words
from analysis.segmentation import token_table
from analysis.segmentation import tokens as tok


TEXTS = {"a": "深化“一网通办”改革。\n推进城市更新", "b": "建设公园，完善社区治理。"}


@pytest.fixture
def cache_paras():
    return analysis.paragraphs(pd.DataFrame({"doc_id": list(TEXTS), "text": list(TEXTS.values())}))


def fresh(cache_paras):
    return analysis.corpus_tokens(cache_paras, cache=False)


@pytest.mark.parametrize("damage", [b"", b"PAR1 truncated", b"not a parquet file at all"],
                         ids=["empty", "truncated", "garbage"])
def test_unreadable_cache_file_is_reported_removed_and_rebuilt(cache_paras, cache_dir, damage):
    analysis.corpus_tokens(cache_paras)
    files = sorted(cache_dir.glob("*.parquet"))
    assert len(files) == 2
    files[0].write_bytes(damage)
    with pytest.warns(tok.CacheWarning, match=r"cannot be read .*removed and rebuilt") as caught:
        rebuilt = analysis.corpus_tokens(cache_paras)
    assert len([w for w in caught if issubclass(w.category, tok.CacheWarning)]) == 1
    assert files[0].name in str(caught[0].message)
    pd.testing.assert_frame_equal(rebuilt, fresh(cache_paras))
    with warnings.catch_warnings():
        warnings.simplefilter("error", tok.CacheWarning)        # healed: the next run is silent
        pd.testing.assert_frame_equal(analysis.corpus_tokens(cache_paras), rebuilt)


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "tokens"
    monkeypatch.setattr(token_table, "TOKEN_CACHE_DIR", folder)
    return folder


def test_unwritable_cache_folder_falls_back_to_no_cache_with_one_warning(cache_paras, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("a regular file where the cache folder's parent should be")
    monkeypatch.setattr(token_table, "TOKEN_CACHE_DIR", blocker / "tokens")
    with pytest.warns(tok.CacheWarning, match="cannot be written") as caught:
        result = analysis.corpus_tokens(cache_paras)
    assert len([w for w in caught if issubclass(w.category, tok.CacheWarning)]) == 1
    pd.testing.assert_frame_equal(result, fresh(cache_paras))


def test_file_that_cannot_be_written_stops_caching_with_one_warning(cache_paras, cache_dir, monkeypatch):
    def refuse(table, where, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(token_table.pq, "write_table", refuse)
    with pytest.warns(tok.CacheWarning, match="cannot be written") as caught:
        result = analysis.corpus_tokens(cache_paras)
    assert len([w for w in caught if issubclass(w.category, tok.CacheWarning)]) == 1
    assert list(cache_dir.iterdir()) == []                     # no half-written file left behind
    pd.testing.assert_frame_equal(result, fresh(cache_paras))


def test_a_killed_run_leaves_nothing_that_breaks_the_next(cache_paras, cache_dir):
    cache_dir.mkdir(parents=True)
    target = token_table._cache_path([(1, TEXTS["b"])])
    stale = target.with_suffix(".99999.tmp")
    stale.write_bytes(b"PAR1 half of a table")                  # what a kill during a write leaves
    old = time.time() - token_table.STALE_TEMPORARY_SECONDS - 60
    os.utime(stale, (old, old))
    recent = target.with_suffix(".99998.tmp")
    recent.write_bytes(b"PAR1 another run is writing this")    # a live run's file is left alone
    with warnings.catch_warnings():
        warnings.simplefilter("error", tok.CacheWarning)
        result = analysis.corpus_tokens(cache_paras)
    pd.testing.assert_frame_equal(result, fresh(cache_paras))
    assert not stale.exists() and recent.exists()
    assert len(list(cache_dir.glob("*.parquet"))) == 2


def test_token_cache_warm_run_skips_segmentation(tmp_path, monkeypatch):
    monkeypatch.setattr(token_table, "TOKEN_CACHE_DIR", tmp_path / "tokens")
    paras = analysis.paragraphs(pd.DataFrame({"doc_id": ["a", "b"], "text": ["深化“一网通办”改革。\n推进城市更新", "建设公园"]}))
    cold = analysis.corpus_tokens(paras, cache=False)
    first = analysis.corpus_tokens(paras, cache=True)
    assert len(list((tmp_path / "tokens").glob("*.parquet"))) == 2
    monkeypatch.setattr(token_table, "segment_paragraphs", lambda *a, **k: pytest.fail("segmented although cached"))
    warm = analysis.corpus_tokens(paras, cache=True)
    pd.testing.assert_frame_equal(cold, first)
    pd.testing.assert_frame_equal(cold, warm)


def test_token_cache_key_changes_with_text_and_lexicon(tmp_path):
    one = token_table._cache_path([(1, "推进改革")])
    assert token_table._cache_path([(1, "推进改革")]) == one
    assert token_table._cache_path([(1, "推进开放")]) != one
    assert token_table._cache_path([(2, "推进改革")]) != one
    lexicon_file = tmp_path / "lexicon.tsv"
    lexicon_file.write_bytes(lexicon.LEXICON_FILE.read_bytes() + "新增术语\tformula\ttest\n".encode())
    assert token_table.segmentation_fingerprint(lexicon_file) != token_table.segmentation_fingerprint()
    stop = tmp_path / "stop.tsv"
    stop.write_bytes(stop_words.PROJECT_STOPWORDS_FILE.read_bytes() + "新增\treason\n".encode())
    assert token_table.segmentation_fingerprint(lexicon.LEXICON_FILE, stop) != token_table.segmentation_fingerprint()


def test_token_cache_key_changes_with_the_segmenters_code(monkeypatch):
    from pathlib import Path

    from analysis.segmentation import segmenter
    before = token_table.segmentation_fingerprint()
    digest = token_table._file_digest
    monkeypatch.setattr(token_table, "_file_digest", lambda path: "edited" if Path(path) == Path(segmenter.__file__) else digest(path))
    token_table.segmentation_fingerprint.cache_clear()
    try:
        assert token_table.segmentation_fingerprint() != before
    finally:
        token_table.segmentation_fingerprint.cache_clear()


def test_annotated_tokens_equal_the_plain_merge_and_are_compact():
    """annotate_tokens finds each token's paragraph and document by binary search; its values
    must equal two left merges, NA where a paragraph or document is missing, in about a
    quarter of the merge's memory."""
    corpus = analysis.load_corpus()
    paras = analysis.paragraphs(corpus)
    tokens = analysis.corpus_tokens(paras)
    partial_paras = paras[paras["para_no"] % 7 != 3]                 # some paragraphs missing
    partial_corpus = corpus[corpus["doc_id"] != corpus["doc_id"].iloc[-1]]   # one document missing
    annotated = analysis.annotate_tokens(tokens, partial_paras, partial_corpus)
    structure = partial_paras[["doc_id", "para_no", "kind", "part_kind", "part_no", "section_no", "section_title"]]
    merged = tokens.merge(structure, on=["doc_id", "para_no"], how="left", validate="many_to_one")
    merged = merged.merge(partial_corpus[["doc_id", "district", "year", "genre"]], on="doc_id", how="left")
    assert list(annotated.columns) == list(merged.columns)
    assert annotated[["kind", "district"]].isna().any().all()        # the missing rows are NA, not dropped
    for name in merged.columns:
        left = annotated[name].astype(object).where(annotated[name].notna(), None).tolist()
        right = merged[name].astype(object).where(merged[name].notna(), None).tolist()
        assert [None if v is None else int(v) if name in ("part_no", "section_no", "year") else v for v in left] == \
               [None if v is None else int(v) if name in ("part_no", "section_no", "year") else v for v in right], name
    for name in ("doc_id", "kind", "part_kind", "section_title", "district", "genre"):
        assert isinstance(annotated[name].dtype, pd.CategoricalDtype), name
    assert annotated.memory_usage(deep=True).sum() < 0.35 * merged.memory_usage(deep=True).sum()


def test_annotate_tokens_refuses_a_paragraph_listed_twice():
    corpus = analysis.load_corpus()
    paras = analysis.paragraphs(corpus)
    tokens = analysis.corpus_tokens(paras)
    with pytest.raises(ValueError, match="listed twice"):
        analysis.annotate_tokens(tokens, pd.concat([paras, paras.head(1)]), corpus)


def test_annotation_in_chunks_equals_annotation_at_once(monkeypatch):
    """annotate_tokens looks up paragraphs in chunks of tokens (bounded memory on a large
    corpus); chunks of 1,000 tokens give the same table as one chunk."""
    corpus = analysis.load_corpus()
    paras = analysis.paragraphs(corpus)
    tokens = analysis.corpus_tokens(paras)
    partial_paras = paras[paras["para_no"] % 7 != 3]
    whole = analysis.annotate_tokens(tokens, partial_paras, corpus)
    monkeypatch.setattr(token_table, "_CHUNK", 1000)
    assert len(tokens) > 10_000
    pd.testing.assert_frame_equal(analysis.annotate_tokens(tokens, partial_paras, corpus), whole)
    assert whole["year"].dtype == np.int16 and whole["year"].tolist() == tokens.merge(
        corpus[["doc_id", "year"]].astype({"doc_id": str}), left_on=tokens["doc_id"].astype(str), right_on="doc_id")["year"].tolist()


def test_token_doc_ids_are_categorical_with_sorted_categories_and_arrows_pool_is_restored():
    import pyarrow as pa

    before = pa.default_memory_pool().backend_name
    paras = analysis.paragraphs(analysis.load_corpus())
    tokens = analysis.corpus_tokens(paras.iloc[::-1].sort_values("doc_id", ascending=False, kind="stable"))
    assert isinstance(tokens["doc_id"].dtype, pd.CategoricalDtype)
    assert list(tokens["doc_id"].cat.categories) == sorted(paras["doc_id"].unique())
    assert tokens["doc_id"].astype(str).unique().tolist() == sorted(paras["doc_id"].unique(), reverse=True)
    assert pa.default_memory_pool().backend_name == before
