"""Frequencies: counts, rates, top terms, document sizes, lexicon terms."""

import pandas as pd
import pytest
from toy_corpora import toy_tokens

import analysis
import analysis.segmentation
import analysis.textstats
from analysis import textstats


def test_term_frequencies_counts_rates_and_tie_break():
    tokens = toy_tokens({"a": ["建设公园，建设学校。"], "b": ["学校"]})
    freq = textstats.term_frequencies(tokens)
    assert freq[["doc_id", "term", "count", "rank"]].values.tolist() == [
        ["a", "建设", 2, 1], ["a", "公园", 1, 2], ["a", "学校", 1, 3], ["b", "学校", 1, 1]]
    assert freq["rate_per_10k"].tolist() == pytest.approx([5000, 2500, 2500, 10000])
    assert textstats.top_terms(freq, 1)["term"].tolist() == ["建设", "学校"]


def test_term_frequencies_by_other_column():
    tokens = toy_tokens({"a": ["建设公园"], "b": ["建设学校"]}).assign(district=lambda t: "X")
    freq = textstats.term_frequencies(tokens, "district")
    assert freq[["term", "count"]].values.tolist() == [["建设", 2], ["公园", 1], ["学校", 1]]


def test_lexicon_frequencies():
    tokens = toy_tokens({"a": ["深化一网通办，推进城市更新和一网通办"]})
    table = textstats.lexicon_frequencies(tokens, analysis.read_lexicon())
    assert table[["term", "category", "count"]].values.tolist() == [
        ["一网通办", "service_reform", 2], ["城市更新", "formula", 1]]


def test_document_sizes_by_hand():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["建设公园，建设学校。\n我们建设2018", "改革"]})
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus))
    assert tokens["token"].tolist() == ["建设", "公园", "，", "建设", "学校", "。", "我们", "建设", "2018", "改革"]
    sizes = analysis.textstats.document_sizes(corpus, tokens)
    # a: 18 characters; 9 tokens; words 建设 公园 建设 学校 建设 -> 5 word tokens, 3 word types
    assert sizes.values.tolist() == [["a", 18, 2, 9, 5, 3], ["b", 2, 1, 1, 1, 1]]
    assert list(sizes.columns) == ["doc_id", "chars", "paragraphs", "tokens", "word_tokens", "word_types"]


def test_document_sizes_keeps_a_document_without_words():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["改革", "。"]})
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus))
    sizes = analysis.textstats.document_sizes(corpus, tokens)
    assert sizes.loc[1, ["tokens", "word_tokens", "word_types"]].tolist() == [1, 0, 0]
