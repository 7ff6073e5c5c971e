"""Tokens: jieba with the lexicon, words and non-words, the tokenizer's cache and start-up."""
import re

import jieba
import pandas as pd
import pytest

import analysis
import analysis.extract
from analysis.segmentation import lexicon
from analysis.segmentation import tokens as tok
from analysis.paths import CACHE_DIR


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


def test_parallel_segmentation_equals_serial():
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(6)],
                           "text": ["深化“一网通办”改革。\n推进城市更新，建设国际精品城区。"] * 6})
    paras = analysis.paragraphs(corpus)
    serial = analysis.corpus_tokens(paras, cache=False)
    parallel = analysis.corpus_tokens(paras, cache=False, workers=2)
    pd.testing.assert_frame_equal(serial, parallel)
