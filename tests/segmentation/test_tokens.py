"""Tokens: segmentation (join property, lexicon terms whole), silence, is_word, the token table,
its cache (damaged, unwritable, killed runs) and parallel segmentation."""
import os
import re
import time
import warnings

import jieba
import pandas as pd
import pytest

import analysis
import analysis.extract
from analysis.segmentation import lexicon, stop_words
from analysis.segmentation import tokens as tok
from analysis.paths import CACHE_DIR


TEXTS = {"a": "深化“一网通办”改革。\n推进城市更新", "b": "建设公园，完善社区治理。"}


@pytest.fixture
def cache_paras():
    return analysis.paragraphs(pd.DataFrame({"doc_id": list(TEXTS), "text": list(TEXTS.values())}))


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "tokens"
    monkeypatch.setattr(tok, "TOKEN_CACHE_DIR", folder)
    return folder


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


def test_unwritable_cache_folder_falls_back_to_no_cache_with_one_warning(cache_paras, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("a regular file where the cache folder's parent should be")
    monkeypatch.setattr(tok, "TOKEN_CACHE_DIR", blocker / "tokens")
    with pytest.warns(tok.CacheWarning, match="cannot be written") as caught:
        result = analysis.corpus_tokens(cache_paras)
    assert len([w for w in caught if issubclass(w.category, tok.CacheWarning)]) == 1
    pd.testing.assert_frame_equal(result, fresh(cache_paras))


def test_file_that_cannot_be_written_stops_caching_with_one_warning(cache_paras, cache_dir, monkeypatch):
    def refuse(table, where, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(tok.pq, "write_table", refuse)
    with pytest.warns(tok.CacheWarning, match="cannot be written") as caught:
        result = analysis.corpus_tokens(cache_paras)
    assert len([w for w in caught if issubclass(w.category, tok.CacheWarning)]) == 1
    assert list(cache_dir.iterdir()) == []                     # no half-written file left behind
    pd.testing.assert_frame_equal(result, fresh(cache_paras))


def test_a_killed_run_leaves_nothing_that_breaks_the_next(cache_paras, cache_dir):
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
        result = analysis.corpus_tokens(cache_paras)
    pd.testing.assert_frame_equal(result, fresh(cache_paras))
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


@pytest.mark.parametrize("text", [
    "深化“一网通办”改革，推进“五违四必”整治。",
    "  各位代表：\n现在，我代表长宁区人民政府作报告。\t",
    "AI+交通、1+13+X、6.5%左右、R&D孵化",
    "",
])
def test_join_of_tokens_gives_back_the_text(text):
    assert "".join(analysis.tokenize(text)) == text


def test_exact_segmentations_are_pinned():
    assert analysis.tokenize("深化“一网通办”改革") == ["深化", "“", "一网通办", "”", "改革"]
    assert analysis.tokenize("建设国际精品城区") == ["建设", "国际精品城区"]
    assert analysis.tokenize("巩固“五违四必”成果") == ["巩固", "“", "五违四必", "”", "成果"]
    assert analysis.tokenize("增强“四个意识”") == ["增强", "“", "四个意识", "”"]
    assert analysis.tokenize("聚焦“虹桥智谷”品牌") == ["聚焦", "“", "虹桥智谷", "”", "品牌"]
    assert analysis.tokenize("“十四五”时期") == ["“", "十四五", "”", "时期"]


def test_every_lexicon_term_is_one_token_alone():
    split = [t for t in lexicon.lexicon_terms() if analysis.tokenize(t) != [t]]
    assert split == []


def test_every_lexicon_term_is_whole_in_the_seeds(texts):
    """Each occurrence of a lexicon term in a cleaned seed is one token, or lies inside a longer
    lexicon term that is one token (临空经济示范区 inside 虹桥临空经济示范区)."""
    terms = sorted(lexicon.lexicon_terms(), key=len, reverse=True)
    broken = []
    for doc_id, text in texts.items():
        spans, position = set(), 0
        for token in analysis.tokenize(text):
            spans.add((position, position + len(token)))
            position += len(token)
        for term in terms:
            for m in re.finditer(re.escape(term), text):
                whole = (m.start(), m.end()) in spans
                inside = any(a <= m.start() and m.end() <= b and b - a > len(term) and text[a:b] in terms
                             for a, b in spans)
                if not (whole or inside):
                    broken.append((doc_id, term))
    assert broken == []


def test_lexicon_entries_record_their_source():
    entries = analysis.read_lexicon()
    assert len(entries) >= 100
    assert all(e.source.startswith(("quoted “…” in ", "unquoted policy formula in ")) for e in entries)
    assert {e.category for e in entries} == {"numeric_slogan", "service_reform", "programme", "formula"}


def test_tokenizer_is_private_and_cached():
    private = tok.tokenizer()
    assert private is not jieba.dt
    assert private is tok.tokenizer()
    assert "虹桥智谷" in private.FREQ
    assert "虹桥智谷" not in jieba.dt.FREQ
    assert (CACHE_DIR / "jieba.cache").is_file()


def test_tokenizer_start_up_is_silent(tmp_path, capfd):
    lexicon_file = tmp_path / "lexicon.tsv"
    lexicon_file.write_text("term\tcategory\tsource\n长宁新词\tformula\ttest\n", encoding="utf-8")
    assert analysis.tokenize("推进长宁新词。", lexicon=lexicon_file) == ["推进", "长宁新词", "。"]
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == ""


@pytest.mark.parametrize("token, expected", [
    ("改革", True), ("一网通办", True), ("AI", True),
    ("，", False), ("“", False), (" ", False), ("\n", False), ("+", False),
    ("2018", False), ("6.5", False), ("30%", False), ("〇", False),
    ("的", False), ("我们", False),          # stopwords-iso
    ("同比", False), ("万平方米", False),      # project list
])
def test_is_word(token, expected):
    assert analysis.is_word(token) is expected


def test_corpus_tokens_table():
    table = analysis.corpus_tokens(pd.DataFrame({"doc_id": ["d", "d"], "para_no": [1, 2],
                                                 "text": ["推进 改革。", "一网通办"]}))
    assert table.values.tolist() == [["d", 1, 0, 0, "推进", True], ["d", 1, 2, 3, "改革", True],
                                     ["d", 1, 3, 5, "。", False], ["d", 2, 0, 0, "一网通办", True]]


def test_corpus_tokens_offsets_restart_per_paragraph_and_skip_white_space():
    paras = pd.DataFrame({"doc_id": ["d", "d", "e"], "para_no": [1, 2, 1],
                          "text": ["5G 网络  建设。", "改革 开放", "改革"]})
    table = analysis.corpus_tokens(paras, cache=False)
    for doc_id, para_no, text in paras.itertuples(index=False):
        rows = table[(table["doc_id"] == doc_id) & (table["para_no"] == para_no)]
        everything = tok.tokenize(text)
        kept = [i for i, t in enumerate(everything) if not t.isspace()]
        assert rows["position"].tolist() == kept
        assert [text[s:s + len(t)] for s, t in zip(rows["start"], rows["token"])] == rows["token"].tolist()
        assert rows["is_word"].tolist() == [analysis.is_word(t) for t in rows["token"]]


def test_corpus_tokens_empty_paragraph_and_line_break():
    paras = pd.DataFrame({"doc_id": ["d", "d", "d"], "para_no": [1, 2, 3], "text": ["推进。", "", "改革"]})
    table = analysis.corpus_tokens(paras, cache=False)
    assert table[["para_no", "position", "start", "token"]].values.tolist() == [
        [1, 0, 0, "推进"], [1, 1, 2, "。"], [3, 0, 0, "改革"]]
    broken = pd.DataFrame({"doc_id": ["d"], "para_no": [7], "text": ["推进\n改革"]})
    with pytest.raises(ValueError, match="paragraph 7 contains a line break"):
        analysis.corpus_tokens(broken, cache=False)


def test_corpus_tokens_keeps_token_strings_in_arrow_memory():
    """The token strings are held once, in Arrow buffers shared with the DataFrame, not as
    millions of Python string objects."""
    table = analysis.corpus_tokens(pd.DataFrame({"doc_id": ["d"], "para_no": [1], "text": ["推进改革。"]}), cache=False)
    assert isinstance(table["token"].array, pd.arrays.ArrowStringArray)


def test_quoted_terms():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["推进“一网通办”和“新词甲乙”。", "“新词甲乙”"]})
    table = analysis.extract.quoted_terms(corpus)
    assert table[["term", "count", "documents", "in_lexicon"]].values.tolist() == [
        ["新词甲乙", 2, "a, b", False], ["一网通办", 1, "a", True]]


def test_token_cache_warm_run_skips_segmentation(tmp_path, monkeypatch):
    monkeypatch.setattr(tok, "TOKEN_CACHE_DIR", tmp_path / "tokens")
    paras = analysis.paragraphs(pd.DataFrame({"doc_id": ["a", "b"], "text": ["深化“一网通办”改革。\n推进城市更新", "建设公园"]}))
    cold = analysis.corpus_tokens(paras, cache=False)
    first = analysis.corpus_tokens(paras, cache=True)
    assert len(list((tmp_path / "tokens").glob("*.parquet"))) == 2
    monkeypatch.setattr(tok, "segment_paragraphs", lambda *a, **k: pytest.fail("segmented although cached"))
    warm = analysis.corpus_tokens(paras, cache=True)
    pd.testing.assert_frame_equal(cold, first)
    pd.testing.assert_frame_equal(cold, warm)


def test_token_cache_key_changes_with_text_and_lexicon(tmp_path):
    one = tok._cache_path([(1, "推进改革")])
    assert tok._cache_path([(1, "推进改革")]) == one
    assert tok._cache_path([(1, "推进开放")]) != one
    assert tok._cache_path([(2, "推进改革")]) != one
    lexicon_file = tmp_path / "lexicon.tsv"
    lexicon_file.write_bytes(lexicon.LEXICON_FILE.read_bytes() + "新增术语\tformula\ttest\n".encode())
    assert tok.segmentation_fingerprint(lexicon_file) != tok.segmentation_fingerprint()
    stop = tmp_path / "stop.tsv"
    stop.write_bytes(stop_words.PROJECT_STOPWORDS_FILE.read_bytes() + "新增\treason\n".encode())
    assert tok.segmentation_fingerprint(lexicon.LEXICON_FILE, stop) != tok.segmentation_fingerprint()


def test_token_cache_key_changes_with_the_segmenters_code(monkeypatch):
    from pathlib import Path

    from analysis.segmentation import segmenter
    before = tok.segmentation_fingerprint()
    digest = tok._file_digest
    monkeypatch.setattr(tok, "_file_digest", lambda path: "edited" if Path(path) == Path(segmenter.__file__) else digest(path))
    tok.segmentation_fingerprint.cache_clear()
    try:
        assert tok.segmentation_fingerprint() != before
    finally:
        tok.segmentation_fingerprint.cache_clear()


def test_parallel_segmentation_equals_serial():
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(6)],
                           "text": ["深化“一网通办”改革。\n推进城市更新，建设国际精品城区。"] * 6})
    paras = analysis.paragraphs(corpus)
    serial = analysis.corpus_tokens(paras, cache=False)
    parallel = analysis.corpus_tokens(paras, cache=False, workers=2)
    pd.testing.assert_frame_equal(serial, parallel)
