"""The caches heal: a file that cannot be read is reported once, removed and rebuilt; a
folder that cannot be written is left out with a warning; a killed run leaves nothing
that breaks the next one. The tokens are the same in every case."""
import os
import time
import warnings

import pandas as pd
import pytest

import analysis
from analysis import tokens as tok
from analysis import lexicon

TEXTS = {"a": "深化“一网通办”改革。\n推进城市更新", "b": "建设公园，完善社区治理。"}


@pytest.fixture
def paras():
    return analysis.paragraphs(pd.DataFrame({"doc_id": list(TEXTS), "text": list(TEXTS.values())}))


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "tokens"
    monkeypatch.setattr(tok, "TOKEN_CACHE_DIR", folder)
    return folder


def fresh(paras):
    return analysis.corpus_tokens(paras, cache=False)


@pytest.mark.parametrize("damage", [b"", b"PAR1 truncated", b"not a parquet file at all"],
                         ids=["empty", "truncated", "garbage"])
def test_unreadable_cache_file_is_reported_removed_and_rebuilt(paras, cache_dir, damage):
    analysis.corpus_tokens(paras)
    files = sorted(cache_dir.glob("*.parquet"))
    assert len(files) == 2
    files[0].write_bytes(damage)
    with pytest.warns(tok.CacheWarning, match=r"cannot be read .*removed and rebuilt") as caught:
        rebuilt = analysis.corpus_tokens(paras)
    assert len([w for w in caught if issubclass(w.category, tok.CacheWarning)]) == 1
    assert files[0].name in str(caught[0].message)
    pd.testing.assert_frame_equal(rebuilt, fresh(paras))
    with warnings.catch_warnings():
        warnings.simplefilter("error", tok.CacheWarning)        # healed: the next run is silent
        pd.testing.assert_frame_equal(analysis.corpus_tokens(paras), rebuilt)


def test_unwritable_cache_folder_falls_back_to_no_cache_with_one_warning(paras, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("a regular file where the cache folder's parent should be")
    monkeypatch.setattr(tok, "TOKEN_CACHE_DIR", blocker / "tokens")
    with pytest.warns(tok.CacheWarning, match="cannot be written") as caught:
        result = analysis.corpus_tokens(paras)
    assert len([w for w in caught if issubclass(w.category, tok.CacheWarning)]) == 1
    pd.testing.assert_frame_equal(result, fresh(paras))


def test_file_that_cannot_be_written_stops_caching_with_one_warning(paras, cache_dir, monkeypatch):
    def refuse(table, where, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(tok.pq, "write_table", refuse)
    with pytest.warns(tok.CacheWarning, match="cannot be written") as caught:
        result = analysis.corpus_tokens(paras)
    assert len([w for w in caught if issubclass(w.category, tok.CacheWarning)]) == 1
    assert list(cache_dir.iterdir()) == []                     # no half-written file left behind
    pd.testing.assert_frame_equal(result, fresh(paras))


def test_a_killed_run_leaves_nothing_that_breaks_the_next(paras, cache_dir):
    cache_dir.mkdir(parents=True)
    target = tok._cache_path([(1, TEXTS["b"])])
    stale = target.with_suffix(".99999.tmp")
    stale.write_bytes(b"PAR1 half of a table")                  # what a kill during a write leaves
    old = time.time() - tok.STALE_TEMPORARY_SECONDS - 60
    os.utime(stale, (old, old))
    recent = target.with_suffix(".99998.tmp")
    recent.write_bytes(b"PAR1 another run is writing this")    # a live run's file is left alone
    with warnings.catch_warnings():
        warnings.simplefilter("error", tok.CacheWarning)
        result = analysis.corpus_tokens(paras)
    pd.testing.assert_frame_equal(result, fresh(paras))
    assert not stale.exists() and recent.exists()
    assert len(list(cache_dir.glob("*.parquet"))) == 2


def test_unreadable_jieba_cache_is_rebuilt_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setattr(tok, "CACHE_DIR", tmp_path)
    tok._tokenizer.__wrapped__(lexicon.LEXICON_FILE)               # a fresh tokenizer writes jieba.cache
    cache_file = tmp_path / "jieba.cache"
    assert cache_file.is_file()
    cache_file.write_bytes(cache_file.read_bytes()[:1000])     # truncated
    with pytest.warns(tok.CacheWarning, match="jieba's dictionary cache .* could not be read; it was rebuilt"):
        rebuilt = tok._tokenizer.__wrapped__(lexicon.LEXICON_FILE)
    assert cache_file.stat().st_size > 1000
    assert list(rebuilt.cut("推进城市更新")) == tok.tokenize("推进城市更新")


def test_tokenizer_works_when_its_cache_folder_cannot_be_written(tmp_path, monkeypatch, capfd):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(tok, "CACHE_DIR", blocker / "cache")
    with pytest.warns(tok.CacheWarning, match="cannot be written"):
        built = tok._tokenizer.__wrapped__(lexicon.LEXICON_FILE)
    assert list(built.cut("推进城市更新")) == tok.tokenize("推进城市更新")
    assert capfd.readouterr().err == ""                         # jieba's log stays silent
