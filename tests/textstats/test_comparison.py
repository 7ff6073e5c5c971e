"""Keyness: G² against the UCREL value and an independent G-test, Log Ratio, log-odds, and the paragraph-level tests."""
import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2, chi2_contingency, false_discovery_control, mannwhitneyu

from analysis import textstats


def test_keyness_matches_the_published_ucrel_value():
    # UCREL log-likelihood wizard example: 52 in 50,000 tokens against 57 in 75,000: LL = +2.65.
    table = textstats.keyness({"word": 52, "other": 50_000 - 52}, {"word": 57, "other": 75_000 - 57}).set_index("term")
    assert table.loc["word", "g2"] == pytest.approx(2.65, abs=0.005)
    assert table.loc["word", "log_ratio"] == pytest.approx(math.log2((52 / 50_000) / (57 / 75_000)))
    assert table.loc["word", "rate_target"] == pytest.approx(52 / 50_000 * 10_000)


@pytest.mark.parametrize("a, b, c, d", [(10, 1, 1000, 2000), (0, 30, 500, 800), (7, 7, 100, 100), (1, 0, 50, 5000)])
def test_keyness_matches_an_independent_g_test(a, b, c, d):
    target = {"t": a, "rest": c - a}
    reference = {"t": b, "rest": d - b}
    row = textstats.keyness(target, reference).set_index("term").loc["t"]
    table = np.array([[a, b], [c - a, d - b]], dtype=float)
    g2 = chi2_contingency(table, correction=False, lambda_="log-likelihood")[0] if a + b else 0.0
    sign = 1 if a / c > b / d else -1
    assert row["g2"] == pytest.approx(sign * g2, abs=1e-9)
    assert row["p_value"] == pytest.approx(chi2.sf(g2, 1))
    expected_ratio = math.log2((0.5 if a == 0 else a) / c / ((0.5 if b == 0 else b) / d))
    assert row["log_ratio"] == pytest.approx(expected_ratio)


def test_keyness_zero_count_uses_half_and_sign_follows_proportions():
    table = textstats.keyness({"x": 4, "y": 96}, {"y": 100}).set_index("term")
    assert table.loc["x", "log_ratio"] == pytest.approx(math.log2((4 / 100) / (0.5 / 100)))
    assert table.loc["x", "g2"] > 0 and table.loc["y", "g2"] < 0


def test_keyness_min_freq_and_benjamini_hochberg():
    target = {"a": 30, "b": 3, "c": 1, "d": 966}
    reference = {"a": 5, "b": 6, "c": 0, "d": 989}
    full = textstats.keyness(target, reference)
    filtered = textstats.keyness(target, reference, min_freq=5)
    assert set(full["term"]) == {"a", "b", "c", "d"}
    assert set(filtered["term"]) == {"a", "b", "d"}
    expected = false_discovery_control(filtered["p_value"].to_numpy(), method="bh")
    assert filtered["p_adjusted"].to_numpy() == pytest.approx(expected)
    assert (filtered["p_adjusted"] >= filtered["p_value"] - 1e-15).all()
    assert filtered["g2"].is_monotonic_decreasing


def test_log_odds_dirichlet_by_hand():
    target, reference = {"a": 10, "b": 90}, {"a": 30, "b": 170}
    background = {"a": 40, "b": 260}
    table = textstats.log_odds_dirichlet(target, reference, background, alpha0=30).set_index("term")
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
        textstats.log_odds_dirichlet({"x": 1}, {"y": 1}, {"y": 5})


def test_ranking_agreement():
    key = pd.DataFrame({"term": ["甲", "乙", "丙", "丁"], "g2": [5.0, 2.0, -1.0, -4.0]})
    odds = pd.DataFrame({"term": ["甲", "乙", "丙", "丁"], "z": [3.0, -0.5, 1.0, -2.0]})
    rho, table = textstats.ranking_agreement(key, odds, top_n=2, names=("X", "Y"))
    assert rho == pytest.approx(0.8)
    assert table.values.tolist() == [["X", 1, "乙", "丙"], ["Y", 1, "丙", "乙"]]


def test_keyness_robustness_requires_the_same_sign():
    main = pd.DataFrame({"term": ["甲", "乙", "丙"], "g2": [9.0, 8.0, 1.0], "log_ratio": [2.0, 1.0, 0.1],
                         "p_adjusted": [0.001, 0.01, 0.5]})
    other = pd.DataFrame({"term": ["甲", "乙"], "g2": [7.0, -6.0], "p_adjusted": [0.01, 0.01]})
    table = textstats.keyness_robustness({"main": main, "other": other}, "main", 0.05)
    assert table["term"].tolist() == ["甲", "乙"]
    assert table["other: significant"].tolist() == [True, False]
    assert table["other: g2"].tolist() == [7.0, -6.0]


def test_comparison_terms_rank_by_effect_size_not_frequency():
    table = textstats.keyness({"甲": 400, "乙": 10, "丙": 2, "丁": 588}, {"甲": 300, "乙": 1, "丙": 0, "丁": 699})
    chosen = textstats.comparison_terms(table, n=2, min_freq=5)
    # 甲 and 丁 have by far the largest rate differences, but 乙's ratio is larger; 丙 is too rare
    assert chosen["term"].to_list() == ["乙", "甲"]
    assert chosen["side"].to_list() == ["target", "target"]
    assert chosen["rank"].to_list() == [1, 2]
    assert "丙" not in textstats.comparison_terms(table, n=4, min_freq=5)["term"].to_list()


def _paragraph_tokens(spec):
    """spec: list of (doc_id, para_no, side, {term: count}, filler words)."""
    rows = []
    for doc_id, para_no, side, terms, filler in spec:
        tokens = [t for term, n in terms.items() for t in [term] * n] + ["词"] * filler
        rows += [{"doc_id": doc_id, "para_no": para_no, "token": t, "is_word": True, "side": side} for t in tokens]
    return pd.DataFrame(rows)


def test_paragraph_keyness_agrees_with_scipy_and_respects_burstiness():
    spread = [("t", i, True, {"甲": 1}, 19) for i in range(12)] + [("r", i, False, {}, 20) for i in range(12)]
    packed = [("t", 0, True, {"甲": 12}, 8)] + [("t", i, True, {}, 20) for i in range(1, 12)] + \
             [("r", i, False, {}, 20) for i in range(12)]
    for spec, significant in ((spread, True), (packed, False)):
        tokens = _paragraph_tokens(spec)
        table = textstats.paragraph_keyness_test(tokens, tokens["side"], ["甲"])
        rates_t = [terms.get("甲", 0) / (sum(terms.values()) + filler) * 10_000 for _, _, s, terms, filler in spec if s]
        rates_r = [0.0] * 12
        expected = mannwhitneyu(rates_t, rates_r, alternative="two-sided", method="asymptotic")
        assert table.loc[0, "p_rank"] == pytest.approx(expected.pvalue)
        assert bool(table.loc[0, "p_rank"] < 0.05) is significant
    # the same 12 occurrences: the token-level G² cannot tell the two apart
    assert table.loc[0, "paragraphs_target"] == 12


def test_minimum_detectable_log_ratio_matches_a_brute_force_search():
    total, size_a, size_b = 20, 5000, 6000
    critical = chi2.ppf(0.95, 1)
    best = math.inf
    for a in range(total + 1):
        b = total - a
        table = np.array([[a, b], [size_a - a, size_b - b]])
        g2 = chi2_contingency(table, correction=False, lambda_="log-likelihood")[0] if 0 < a + b else 0
        if g2 >= critical:
            best = min(best, abs(math.log2((max(a, 0.5) / size_a) / (max(b, 0.5) / size_b))))
    assert textstats.minimum_detectable_log_ratio(total, size_a, size_b) == pytest.approx(best)
    assert textstats.minimum_detectable_log_ratio(2, 5000, 6000) == math.inf       # two occurrences never suffice
    g2 = textstats.keyness({"x": 20, "y": size_a - 20}, {"x": 0, "y": size_b})
    assert g2.loc[g2["term"] == "x", "g2"].item() >= critical


def _side_tokens(doc_id, sections, start_para=0):
    """sections: list of (part_kind, section_no, [paragraph token lists])."""
    rows, para_no = [], start_para
    for part_kind, section_no, paragraphs in sections:
        for words in paragraphs:
            rows += [{"doc_id": doc_id, "para_no": para_no, "part_kind": part_kind, "section_no": section_no,
                      "token": w, "is_word": True} for w in words]
            para_no += 1
    table = pd.DataFrame(rows)
    table["section_no"] = table["section_no"].astype("Int64")
    return table


def test_keyness_over_paragraphs_counts_what_survives():
    # 甲 is packed into one target paragraph: significant by G², not over paragraphs.
    # 乙 is spread over every target paragraph: significant both ways.
    target = _side_tokens("t", [("review", 1, [["甲"] * 12 + ["乙", "词"]] + [["乙", "词", "词"]] * 11)])
    reference = _side_tokens("r", [("review", 1, [["词"] * 3] * 12)])
    table = textstats.keyness(textstats.word_counts(target), textstats.word_counts(reference), 1)
    result = textstats.keyness_over_paragraphs(table, target, reference).set_index("term")
    assert result.loc["甲", "significant_g2"] and not result.loc["甲", "survives"]
    assert result.loc["乙", "survives"]
    rates = [1 / 14] + [1 / 3] * 11                                  # 乙's paragraph rates on the target side
    assert result.loc["乙", "p_rank"] == pytest.approx(mannwhitneyu(rates, [0.0] * 12, method="asymptotic").pvalue)
    with pytest.raises(ValueError, match="share 1 paragraph"):
        textstats.keyness_over_paragraphs(table, target, target[target["para_no"] == 0])


def test_detectable_log_ratios_table_uses_the_search_per_design():
    table = textstats.detectable_log_ratios({"main": (4712, 6734), "half": (2557, 2570)}, (2, 10, 50))
    assert table["n = 2"].tolist() == [math.inf, math.inf]
    assert table.loc[0, "n = 10"] == pytest.approx(textstats.minimum_detectable_log_ratio(10, 4712, 6734))
    assert table.loc[0, "n = 50"] < table.loc[0, "n = 10"]          # more occurrences, smaller detectable ratio


def test_section_jackknife_matches_a_manual_loop():
    target = _side_tokens("t", [("review", 1, [["甲"] * 6 + ["词"] * 4]), ("review", 2, [["甲"] * 3 + ["词"] * 7]),
                                ("plan", None, [["词"] * 10])])
    reference = _side_tokens("r", [("review", 1, [["词"] * 10, ["甲"] + ["词"] * 9]), ("plan", 1, [["词"] * 10])],
                             start_para=10)
    result = textstats.section_jackknife_keyness(target, reference, ["甲"], min_freq=1).set_index("term")
    manual = []
    for side, table in (("t", target), ("r", reference)):
        for key, _ in table.groupby(["part_kind", "section_no"], dropna=False, sort=True):
            drop = (table["part_kind"] == key[0]) & (table["section_no"].isna() if pd.isna(key[1])
                                                      else table["section_no"].eq(key[1]).fillna(False))
            rest_t = target[~drop] if side == "t" else target
            rest_r = reference[~drop] if side == "r" else reference
            row = textstats.keyness(textstats.word_counts(rest_t), textstats.word_counts(rest_r), 1).set_index("term").loc["甲"]
            manual.append((abs(row["g2"]), row["p_adjusted"] < 0.05 and row["g2"] > 0))
    assert result.loc["甲", "replicates"] == len(manual) == 5
    assert result.loc["甲", "significant"] == sum(s for _, s in manual)
    assert result.loc["甲", "min_abs_g2"] == pytest.approx(min(g for g, _ in manual))
    assert result.loc["甲", "weakest_without"] == "t review 1"
    with pytest.raises(ValueError, match="not tested"):
        textstats.section_jackknife_keyness(target, reference, ["无"], min_freq=1)
    empty = textstats.section_jackknife_keyness(target, reference, [], min_freq=1)
    assert empty.empty and empty["term"].dtype == object          # merges on term with a table of terms


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_rank_sum_with_zeros_equals_scipy_on_the_dense_matrix(seed):
    rng = np.random.default_rng(seed)
    n_target, n_reference, terms = 40, 55, [f"w{i}" for i in range(30)]
    dense = rng.choice([0.0, 0.0, 0.0, 1.0, 2.5, 5.0, 7.25], size=(n_target + n_reference, len(terms)))
    dense[:, 0] = 0.0                                     # a term absent everywhere: p = 1
    dense[:n_target, 1] = 0.0                             # a term on the reference side only
    dense[:, 2] = 3.0                                     # every value tied and positive: p = 1
    rows, columns = np.nonzero(dense)
    u1, p = textstats.rank_sum_with_zeros(pd.Series(np.array(terms)[columns]), pd.Series(dense[rows, columns]),
                                            pd.Series(rows < n_target), terms, n_target, n_reference)
    expected = mannwhitneyu(dense[:n_target], dense[n_target:], alternative="two-sided", method="asymptotic", axis=0)
    np.testing.assert_allclose(u1, expected.statistic, rtol=1e-12)
    np.testing.assert_allclose(p, np.nan_to_num(expected.pvalue, nan=1.0), rtol=1e-9, atol=1e-15)
    assert p[0] == 1.0 and p[2] == 1.0 and p[1] < 0.05


def test_rank_sum_with_zeros_refuses_zero_values_and_unknown_terms():
    with pytest.raises(ValueError, match="positive"):
        textstats.rank_sum_with_zeros(pd.Series(["a"]), pd.Series([0.0]), pd.Series([True]), ["a"], 2, 2)
    with pytest.raises(ValueError, match="listed terms"):
        textstats.rank_sum_with_zeros(pd.Series(["b"]), pd.Series([1.0]), pd.Series([True]), ["a"], 2, 2)


def test_signed_g2_against_a_hand_computation():
    table = [[10, 20], [30, 940]]
    n = 1000
    rows, cols = [30, 970], [40, 960]
    expected = [[rows[i] * cols[j] / n for j in range(2)] for i in range(2)]
    g2 = 2 * sum(table[i][j] * math.log(table[i][j] / expected[i][j]) for i in range(2) for j in range(2))
    # signed_g2's form [[a, b], [c − a, d − b]]: a = 10, b = 20, c = 40, d = 960
    assert textstats.signed_g2(np.array([10.0]), np.array([20.0]), 40.0, 960.0)[0] == pytest.approx(g2)
    # vectorised over the margins too, as the collocations use it
    got = textstats.signed_g2(np.array([10.0, 10.0]), np.array([20.0, 20.0]), np.array([40.0, 40.0]),
                          np.array([960.0, 960.0]))
    assert got == pytest.approx([g2, g2])
    assert chi2.sf(g2, 1) < 1e-6


def test_signed_g2_with_an_empty_margin():
    assert textstats.signed_g2(np.array([0.0]), np.array([0.0]), 3.0, 4.0)[0] == 0.0


def test_keyness_over_designs_names_the_design_an_error_arose_in():
    import analysis
    from analysis import textstats

    _, _, tokens = analysis.prepare(["cn-2018-wr", "xh-2019-wr"])
    target, reference = tokens[tokens["doc_id"] == "cn-2018-wr"], tokens[tokens["doc_id"] == "xh-2019-wr"]
    keyness = textstats.keyness(textstats.word_counts(target), textstats.word_counts(reference), 5)
    checked = textstats.keyness_over_designs({"main": keyness}, {"main": (target, reference)})
    expected = textstats.keyness_over_paragraphs(keyness, target, reference).rename(
        columns={"significant_paragraphs": "significant_units"}).assign(unit="paragraph")      # one document a side
    pd.testing.assert_frame_equal(checked["main"], expected)
    with pytest.raises(ValueError, match="^design 'same year': both sides need at least one paragraph with words$"):
        textstats.keyness_over_designs({"main": keyness, "same year": keyness},
                                       {"main": (target, reference), "same year": (target.head(0), reference)})
