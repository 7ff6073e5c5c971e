"""Keyness (G², Log Ratio, BH), log-odds with a Dirichlet prior, similarity, formulaic expressions."""
import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2, chi2_contingency, false_discovery_control

import analysis
from analysis import formulaic, stats
from analysis import lexicon, part_of_speech, places


def test_keyness_matches_the_published_ucrel_value():
    # UCREL log-likelihood wizard example: 52 in 50,000 tokens against 57 in 75,000: LL = +2.65.
    table = stats.keyness({"word": 52, "other": 50_000 - 52}, {"word": 57, "other": 75_000 - 57}).set_index("term")
    assert table.loc["word", "g2"] == pytest.approx(2.65, abs=0.005)
    assert table.loc["word", "log_ratio"] == pytest.approx(math.log2((52 / 50_000) / (57 / 75_000)))
    assert table.loc["word", "rate_target"] == pytest.approx(52 / 50_000 * 10_000)


@pytest.mark.parametrize("a, b, c, d", [(10, 1, 1000, 2000), (0, 30, 500, 800), (7, 7, 100, 100), (1, 0, 50, 5000)])
def test_keyness_matches_an_independent_g_test(a, b, c, d):
    target = {"t": a, "rest": c - a}
    reference = {"t": b, "rest": d - b}
    row = stats.keyness(target, reference).set_index("term").loc["t"]
    table = np.array([[a, b], [c - a, d - b]], dtype=float)
    g2 = chi2_contingency(table, correction=False, lambda_="log-likelihood")[0] if a + b else 0.0
    sign = 1 if a / c > b / d else -1
    assert row["g2"] == pytest.approx(sign * g2, abs=1e-9)
    assert row["p_value"] == pytest.approx(chi2.sf(g2, 1))
    expected_ratio = math.log2((0.5 if a == 0 else a) / c / ((0.5 if b == 0 else b) / d))
    assert row["log_ratio"] == pytest.approx(expected_ratio)


def test_keyness_zero_count_uses_half_and_sign_follows_proportions():
    table = stats.keyness({"x": 4, "y": 96}, {"y": 100}).set_index("term")
    assert table.loc["x", "log_ratio"] == pytest.approx(math.log2((4 / 100) / (0.5 / 100)))
    assert table.loc["x", "g2"] > 0 and table.loc["y", "g2"] < 0


def test_keyness_min_freq_and_benjamini_hochberg():
    target = {"a": 30, "b": 3, "c": 1, "d": 966}
    reference = {"a": 5, "b": 6, "c": 0, "d": 989}
    full = stats.keyness(target, reference)
    filtered = stats.keyness(target, reference, min_freq=5)
    assert set(full["term"]) == {"a", "b", "c", "d"}
    assert set(filtered["term"]) == {"a", "b", "d"}
    expected = false_discovery_control(filtered["p_value"].to_numpy(), method="bh")
    assert filtered["p_adjusted"].to_numpy() == pytest.approx(expected)
    assert (filtered["p_adjusted"] >= filtered["p_value"] - 1e-15).all()
    assert filtered["g2"].is_monotonic_decreasing


def test_log_odds_dirichlet_by_hand():
    target, reference = {"a": 10, "b": 90}, {"a": 30, "b": 170}
    background = {"a": 40, "b": 260}
    table = stats.log_odds_dirichlet(target, reference, background, alpha0=30).set_index("term")
    alpha_a = 30 * 40 / 300
    delta = (math.log((10 + alpha_a) / (100 + 30 - 10 - alpha_a))
             - math.log((30 + alpha_a) / (200 + 30 - 30 - alpha_a)))
    variance = 1 / (10 + alpha_a) + 1 / (30 + alpha_a)
    assert table.loc["a", "delta"] == pytest.approx(delta)
    assert table.loc["a", "variance"] == pytest.approx(variance)
    assert table.loc["a", "z"] == pytest.approx(delta / math.sqrt(variance))
    assert table.index.tolist() == ["b", "a"]          # sorted by z


def test_log_odds_requires_terms_in_the_background():
    with pytest.raises(ValueError, match="absent from the background corpus: x"):
        stats.log_odds_dirichlet({"x": 1}, {"y": 1}, {"y": 5})


def test_document_similarity():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["改革开放", "改革开放", "养老教育"]})
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus))
    sim = stats.document_similarity(tokens)
    assert sim.loc["a", "b"] == pytest.approx(1.0)
    assert sim.loc["a", "c"] == pytest.approx(0.0)
    assert np.diag(sim.to_numpy()) == pytest.approx([1, 1, 1])


def test_document_similarity_weights_by_paragraph_idf():
    # Paragraphs: a = [改革 创新 | 改革], b = [改革 养老]. idf over the 3 paragraphs (smooth):
    # 改革 ln(4/4)+1 = 1, 创新 and 养老 ln(4/2)+1; sublinear tf: 改革 in a counts 1 + ln 2.
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["改革，创新\n改革", "改革，养老"]})
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus))
    assert tokens[tokens["is_word"]].groupby("doc_id")["token"].agg(list).to_dict() == {
        "a": ["改革", "创新", "改革"], "b": ["改革", "养老"]}
    rare = math.log(2) + 1
    a, b = np.array([1 + math.log(2), rare, 0.0]), np.array([1.0, 0.0, rare])
    expected = a @ b / np.linalg.norm(a) / np.linalg.norm(b)
    assert stats.document_similarity(tokens).loc["a", "b"] == pytest.approx(expected)


def test_formulaic_expressions_and_overlap():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "district": ["X", "Y"],
                           "text": ["增强“四个意识”，落实“家门口工程”，四个意识。", "增强“四个意识”，推进“邻里汇”。"]})
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus))
    expressions = formulaic.formulaic_expressions(corpus, tokens, analysis.read_lexicon(), "district")
    assert expressions.values.tolist() == [["X", "四个意识", "numeric", 2], ["X", "家门口工程", "named", 1],
                                           ["Y", "四个意识", "numeric", 1], ["Y", "邻里汇", "named", 1]]
    overlap = formulaic.expression_overlap(expressions, "district", "X", "Y")
    assert overlap[["expression", "count_a", "count_b", "status"]].values.tolist() == [
        ["四个意识", 2, 1, "shared"], ["家门口工程", 1, 0, "X only"], ["邻里汇", 0, 1, "Y only"]]


def test_places():
    assert places.is_place("徐汇")            # jieba tags 徐汇 as a person name; the gazetteer knows better
    assert places.is_place("长宁")
    assert not places.is_place("产业")
    assert part_of_speech.part_of_speech("一网通办") == lexicon.LEXICON_POS


def test_ranking_agreement():
    key = pd.DataFrame({"term": ["甲", "乙", "丙", "丁"], "g2": [5.0, 2.0, -1.0, -4.0]})
    odds = pd.DataFrame({"term": ["甲", "乙", "丙", "丁"], "z": [3.0, -0.5, 1.0, -2.0]})
    rho, table = stats.ranking_agreement(key, odds, top_n=2, names=("X", "Y"))
    assert rho == pytest.approx(0.8)
    assert table.values.tolist() == [["X", 1, "乙", "丙"], ["Y", 1, "丙", "乙"]]


def test_keyness_robustness_requires_the_same_sign():
    main = pd.DataFrame({"term": ["甲", "乙", "丙"], "g2": [9.0, 8.0, 1.0], "log_ratio": [2.0, 1.0, 0.1],
                         "p_adjusted": [0.001, 0.01, 0.5]})
    other = pd.DataFrame({"term": ["甲", "乙"], "g2": [7.0, -6.0], "p_adjusted": [0.01, 0.01]})
    table = stats.keyness_robustness({"main": main, "other": other}, "main", 0.05)
    assert table["term"].tolist() == ["甲", "乙"]
    assert table["other: significant"].tolist() == [True, False]
    assert table["other: g2"].tolist() == [7.0, -6.0]


def test_formulaic_expressions_merge_digit_variants_and_drop_numbers():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "district": ["X", "Y"],
                           "text": ["实现“0次上门”“1次上门”，拨打“12345”，落实“27条”“100条”。",
                                    "推进“1次上门”，热线“12345”。"]})
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus))
    expressions = formulaic.formulaic_expressions(corpus, tokens, [], "district")
    assert expressions.values.tolist() == [["X", "0次上门 / 1次上门", "numeric", 2], ["X", "100条", "numeric", 1],
                                           ["X", "27条", "numeric", 1], ["Y", "0次上门 / 1次上门", "numeric", 1]]
    assert formulaic.variant_key("十三五") != formulaic.variant_key("十四五")
    assert formulaic.variant_key("1+4") != formulaic.variant_key("1+5")


def test_rarefied_expression_count_matches_enumeration():
    import itertools
    # Six word positions: expression A at 0 and 1, B at 2; samples of 3 positions.
    samples = list(itertools.combinations(range(6), 3))
    expected = sum(bool({0, 1} & set(s)) + (2 in s) for s in samples) / len(samples)
    assert expected == pytest.approx(1.3)
    assert formulaic.rarefied_expression_count([2, 1], 6, 3) == pytest.approx(expected)
    assert formulaic.rarefied_expression_count([2, 1], 6, 6) == pytest.approx(2.0)
    with pytest.raises(ValueError, match="sample_words"):
        formulaic.rarefied_expression_count([2, 1], 6, 7)


def test_expression_summary_adjusts_for_length():
    expressions = pd.DataFrame({"g": ["X", "Y", "Y"], "expression": ["甲", "甲", "乙"], "count": [1, 1, 1]})
    table = formulaic.expression_summary(expressions, {"X": 10, "Y": 20}, "g").set_index("g")
    assert table.loc["Y", "per_10k"] == pytest.approx(2 / 20 * 10_000)
    assert table.loc["Y", "distinct_in_10_words"] == pytest.approx(2 * (1 - 10 / 20))
    assert table.loc["X", "distinct_in_10_words"] == pytest.approx(1.0)
