"""Frequencies, TF-IDF, TextRank, collocations, concordance and dispersion on toy corpora checked by hand."""
import math

import pandas as pd
import numpy as np
import pytest
from scipy.stats import chi2, chi2_contingency

import analysis
from analysis import lexicon, part_of_speech
from analysis import kwic, stats


def toy_tokens(texts: dict[str, list[str]]) -> pd.DataFrame:
    """A token table from documents given as lists of paragraphs."""
    corpus = pd.DataFrame({"doc_id": list(texts), "text": ["\n".join(paras) for paras in texts.values()]})
    return analysis.corpus_tokens(analysis.paragraphs(corpus))


def test_term_frequencies_counts_rates_and_tie_break():
    tokens = toy_tokens({"a": ["建设公园，建设学校。"], "b": ["学校"]})
    freq = stats.term_frequencies(tokens)
    assert freq[["doc_id", "term", "count", "rank"]].values.tolist() == [
        ["a", "建设", 2, 1], ["a", "公园", 1, 2], ["a", "学校", 1, 3], ["b", "学校", 1, 1]]
    assert freq["rate_per_10k"].tolist() == pytest.approx([5000, 2500, 2500, 10000])
    assert stats.top_terms(freq, 1)["term"].tolist() == ["建设", "学校"]


def test_term_frequencies_by_other_column():
    tokens = toy_tokens({"a": ["建设公园"], "b": ["建设学校"]}).assign(district=lambda t: "X")
    freq = stats.term_frequencies(tokens, "district")
    assert freq[["term", "count"]].values.tolist() == [["建设", 2], ["公园", 1], ["学校", 1]]


def test_tfidf_idf_fitted_on_paragraphs_by_hand():
    # Three paragraphs: 建设 in all three, 公园 in one, 学校 in two.
    tokens = toy_tokens({"a": ["建设公园", "建设学校"], "b": ["建设学校学校"]})
    table = stats.tfidf_keywords(tokens).set_index(["doc_id", "term"])
    idf = {"建设": math.log(4 / 4) + 1, "公园": math.log(4 / 2) + 1, "学校": math.log(4 / 3) + 1}
    assert table.loc[("a", "建设"), "idf"] == pytest.approx(idf["建设"])
    assert table.loc[("a", "建设"), "tfidf"] == pytest.approx((1 + math.log(2)) * idf["建设"])
    assert table.loc[("a", "公园"), "tfidf"] == pytest.approx(1 * idf["公园"])
    assert table.loc[("b", "学校"), "tfidf"] == pytest.approx((1 + math.log(2)) * idf["学校"])
    # 建设 (1 + ln 2) × 1 and 公园 1 × (ln 2 + 1) tie exactly: the tie goes to the term (公 < 建)
    assert table.loc["a"].sort_values("rank").index.tolist() == ["公园", "建设", "学校"]


def test_textrank_ranks_lexicon_terms_and_breaks_ties():
    texts = pd.Series({"d": "深化一网通办改革，推进一网通办建设，一网通办服务群众。"})
    table = stats.textrank_keywords(texts)
    assert table.loc[table["rank"] == 1, "term"].item() == "一网通办"
    assert table["weight"].max() == pytest.approx(1.0)
    assert table["rank"].tolist() == list(range(1, len(table) + 1))
    ties = table[table.duplicated("weight", keep=False)]
    for _, group in ties.groupby("weight"):
        assert group["term"].tolist() == sorted(group["term"])


def test_signed_g2_against_a_hand_computation():
    table = [[10, 20], [30, 940]]
    n = 1000
    rows, cols = [30, 970], [40, 960]
    expected = [[rows[i] * cols[j] / n for j in range(2)] for i in range(2)]
    g2 = 2 * sum(table[i][j] * math.log(table[i][j] / expected[i][j]) for i in range(2) for j in range(2))
    # signed_g2's form [[a, b], [c − a, d − b]]: a = 10, b = 20, c = 40, d = 960
    assert stats.signed_g2(np.array([10.0]), np.array([20.0]), 40.0, 960.0)[0] == pytest.approx(g2)
    # vectorised over the margins too, as the collocations use it
    got = stats.signed_g2(np.array([10.0, 10.0]), np.array([20.0, 20.0]), np.array([40.0, 40.0]),
                          np.array([960.0, 960.0]))
    assert got == pytest.approx([g2, g2])
    assert chi2.sf(g2, 1) < 1e-6


def test_signed_g2_with_an_empty_margin():
    assert stats.signed_g2(np.array([0.0]), np.array([0.0]), 3.0, 4.0)[0] == 0.0


def test_bigram_collocations_by_hand():
    # Word pairs per paragraph (stop words and punctuation break adjacency):
    # (建设,公园) x2, (建设,学校), (推进,公园); 我们 is a stop word. N = 4 pairs.
    tokens = toy_tokens({"a": ["建设公园", "建设公园。我们建设学校", "推进公园"]})
    table = stats.bigram_collocations(tokens, min_freq=1).set_index("bigram")
    assert table["freq"].to_dict() == {"建设公园": 2, "建设学校": 1, "推进公园": 1}
    # 建设公园: a = 2, 建设 first in 3 pairs, 公园 second in 3 -> table [[2, 1], [1, 0]]
    assert table.loc["建设公园", "pmi"] == pytest.approx(math.log2(2 * 4 / (3 * 3)))
    g2, _, _, _ = chi2_contingency([[2, 1], [1, 0]], correction=False, lambda_="log-likelihood")
    assert table.loc["建设公园", "g2"] == pytest.approx(g2)
    assert table.loc["建设公园", "p_value"] == pytest.approx(chi2.sf(g2, 1))
    assert stats.bigram_collocations(tokens, min_freq=2)["bigram"].tolist() == ["建设公园"]


def test_bigrams_do_not_cross_paragraphs():
    tokens = toy_tokens({"a": ["建设", "公园"]})
    assert stats.bigram_collocations(tokens, min_freq=1).empty


def test_lexicon_frequencies():
    tokens = toy_tokens({"a": ["深化一网通办，推进城市更新和一网通办"]})
    table = stats.lexicon_frequencies(tokens, analysis.read_lexicon())
    assert table[["term", "category", "count"]].values.tolist() == [
        ["一网通办", "service_reform", 2], ["城市更新", "formula", 1]]


def test_comparison_terms_rank_by_effect_size_not_frequency():
    table = stats.keyness({"甲": 400, "乙": 10, "丙": 2, "丁": 588}, {"甲": 300, "乙": 1, "丙": 0, "丁": 699})
    chosen = stats.comparison_terms(table, n=2, min_freq=5)
    # 甲 and 丁 have by far the largest rate differences, but 乙's ratio is larger; 丙 is too rare
    assert chosen["term"].to_list() == ["乙", "甲"]
    assert chosen["side"].to_list() == ["target", "target"]
    assert chosen["rank"].to_list() == [1, 2]
    assert "丙" not in stats.comparison_terms(table, n=4, min_freq=5)["term"].to_list()


def test_top_n_overlap():
    a = pd.DataFrame({"doc_id": ["d"] * 3, "term": ["甲", "乙", "丙"], "rank": [1, 2, 3]})
    b = pd.DataFrame({"doc_id": ["d"] * 3, "term": ["乙", "丁", "甲"], "rank": [1, 2, 3]})
    row = stats.top_n_overlap({"f": a, "g": b}, n=2).iloc[0]
    assert row["methods"] == "f / g"
    assert row["jaccard"] == pytest.approx(1 / 3)
    assert (row["shared"], row["only_first"], row["only_second"]) == ("乙", "甲", "丁")


def test_concordance_windows_at_paragraph_edges():
    corpus = pd.DataFrame({"doc_id": ["d"], "text": ["城市更新是重点。\n推进城市更新"]})
    paras = analysis.paragraphs(corpus)
    lines = kwic.concordance(analysis.corpus_tokens(paras), paras, ["城市更新"], window=3)
    assert lines[["para_no", "left", "term", "right"]].values.tolist() == [
        [1, "", "城市更新", "是重点"], [2, "推进", "城市更新", ""]]
    assert lines["section_title"].tolist() == ["", ""]


def test_dispersion_offsets():
    tokens = toy_tokens({"a": ["城市更新推进", "公园城市更新"]})
    table = kwic.dispersion(tokens, ["城市更新"])
    assert table[["token_index", "offset"]].values.tolist() == [[0, 0.0], [3, 0.75]]


def test_lexicon_tags_survive_any_order_of_tagger_use():

    assert part_of_speech.part_of_speech("一网通办") == lexicon.LEXICON_POS
    texts = pd.Series({"d": "深化一网通办改革，推进一网通办建设，一网通办服务群众。"})
    assert stats.textrank_keywords(texts).loc[0, "term"] == "一网通办"
    assert part_of_speech.part_of_speech("一网通办") == lexicon.LEXICON_POS
