"""Intervals, differences, paragraph-level tests and power, each against an independent
computation (scipy, a closed form or a hand-worked case)."""
import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import binomtest, chi2, chi2_contingency, mannwhitneyu

from analysis.textstats import stats, uncertainty


def test_poisson_interval_bounds_a_zero_count():
    low, high = uncertainty.poisson_rate_interval([0, 0], [1000, 1000], per=1000, method="exact")
    assert low.tolist() == [0.0, 0.0]
    assert high[0] == pytest.approx(-math.log(0.025))           # Garwood upper limit for k = 0: 3.689
    low, high = uncertainty.poisson_rate_interval(0, 2000, per=1000, method="jeffreys")
    assert low == 0 and 0 < high < -math.log(0.025) / 2         # Jeffreys is shorter than exact


def test_poisson_interval_exact_by_hand_and_monotone():
    low, high = uncertainty.poisson_rate_interval(5, 1, per=1, method="exact")
    assert (float(low), float(high)) == pytest.approx((chi2.ppf(0.025, 10) / 2, chi2.ppf(0.975, 12) / 2))
    assert (float(low), float(high)) == pytest.approx((1.6235, 11.6683), abs=1e-4)   # published table values
    lows, highs = uncertainty.poisson_rate_interval(np.arange(10), 100, per=100)
    assert np.all(np.diff(lows) > 0) and np.all(np.diff(highs) > 0)
    with pytest.raises(ValueError, match="exposures > 0"):
        uncertainty.poisson_rate_interval(1, 0)


@pytest.mark.parametrize("k,n", [(0, 10), (3, 10), (27, 30), (50, 50)])
def test_wilson_interval_matches_scipy(k, n):
    expected = binomtest(k, n).proportion_ci(method="wilson")
    low, high = uncertainty.wilson_interval(k, n)
    assert (float(low), float(high)) == pytest.approx((expected.low, expected.high))


def test_wilson_interval_by_hand_and_errors():
    low, high = uncertainty.wilson_interval(8, 10)               # p̂ = 0.8, z = 1.96: (0.4902, 0.9433)
    assert (float(low), float(high)) == pytest.approx((0.4902, 0.9433), abs=1e-4)
    with pytest.raises(ValueError, match="n must be at least 1"):
        uncertainty.wilson_interval(0, 0)


def test_rate_difference_point_estimate_and_determinism():
    a = uncertainty.bootstrap_rate_difference([1, 0, 2], [100, 50, 150], [3, 1], [100, 100], per=1000)
    assert a.rate_a == pytest.approx(3 / 300 * 1000) and a.rate_b == pytest.approx(4 / 200 * 1000)
    assert a.difference == pytest.approx(10.0)
    assert a.small_n and (a.paragraphs_a, a.paragraphs_b) == (3, 2)
    b = uncertainty.bootstrap_rate_difference([1, 0, 2], [100, 50, 150], [3, 1], [100, 100], per=1000)
    assert a == b


def test_rate_difference_interval_covers_the_truth_about_95_percent():
    rng = np.random.default_rng(7)
    covered = 0
    for repetition in range(200):
        words_a, words_b = rng.integers(20, 80, 40), rng.integers(20, 80, 40)
        counts_a, counts_b = rng.poisson(words_a * 0.010), rng.poisson(words_b * 0.015)
        result = uncertainty.bootstrap_rate_difference(counts_a, words_a, counts_b, words_b, per=1000,
                                                       n_resamples=500, seed=repetition)
        covered += result.ci_low <= 5.0 <= result.ci_high
    assert 0.88 <= covered / 200 <= 0.99


def test_paired_difference_uses_one_resample_for_both():
    counts = [2, 0, 1, 3, 0, 1, 2, 0, 1, 1, 0, 2]
    words = [50] * 12
    same = uncertainty.bootstrap_rate_difference(counts, words, counts, words, paired=True)
    assert same.difference == 0 and same.ci_low == 0 and same.ci_high == 0     # identical measures
    with pytest.raises(ValueError, match="same paragraphs"):
        uncertainty.bootstrap_rate_difference([1, 2], [10, 10], [1], [10], paired=True)


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
        table = uncertainty.paragraph_keyness_test(tokens, tokens["side"], ["甲"])
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
    assert uncertainty.minimum_detectable_log_ratio(total, size_a, size_b) == pytest.approx(best)
    assert uncertainty.minimum_detectable_log_ratio(2, 5000, 6000) == math.inf       # two occurrences never suffice
    g2 = stats.keyness({"x": 20, "y": size_a - 20}, {"x": 0, "y": size_b})
    assert g2.loc[g2["term"] == "x", "g2"].item() >= critical


def test_leave_one_out_slopes_by_hand_and_an_outlier_flips_the_sign():
    full, table, stable = uncertainty.leave_one_out_slopes([0, 1, 2, 3], [0, 1, 2, 3], list("abcd"))
    assert full == pytest.approx(np.polyfit([0, 1, 2, 3], [0, 1, 2, 3], 1)[0])
    assert stable and table["slope"].tolist() == pytest.approx([1, 1, 1, 1])
    x, y = [2017.9, 2018.0, 2020.9, 2024.0], [100.0, 20.0, 25.0, 30.0]       # a high first point drives the trend
    full, table, stable = uncertainty.leave_one_out_slopes(x, y, list("abcd"))
    assert full < 0 and not stable
    assert table.set_index("left_out").loc["a", "slope"] > 0
    assert table.set_index("left_out").loc["b", "slope"] == pytest.approx(np.polyfit(x[:1] + x[2:], y[:1] + y[2:], 1)[0])


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
    table = stats.keyness(stats.word_counts(target), stats.word_counts(reference), 1)
    result = uncertainty.keyness_over_paragraphs(table, target, reference).set_index("term")
    assert result.loc["甲", "significant_g2"] and not result.loc["甲", "survives"]
    assert result.loc["乙", "survives"]
    rates = [1 / 14] + [1 / 3] * 11                                  # 乙's paragraph rates on the target side
    assert result.loc["乙", "p_rank"] == pytest.approx(mannwhitneyu(rates, [0.0] * 12, method="asymptotic").pvalue)
    with pytest.raises(ValueError, match="share 1 paragraph"):
        uncertainty.keyness_over_paragraphs(table, target, target[target["para_no"] == 0])


def test_detectable_log_ratios_table_uses_the_search_per_design():
    table = uncertainty.detectable_log_ratios({"main": (4712, 6734), "half": (2557, 2570)}, (2, 10, 50))
    assert table["n = 2"].tolist() == [math.inf, math.inf]
    assert table.loc[0, "n = 10"] == pytest.approx(uncertainty.minimum_detectable_log_ratio(10, 4712, 6734))
    assert table.loc[0, "n = 50"] < table.loc[0, "n = 10"]          # more occurrences, smaller detectable ratio


def test_section_jackknife_matches_a_manual_loop():
    target = _side_tokens("t", [("review", 1, [["甲"] * 6 + ["词"] * 4]), ("review", 2, [["甲"] * 3 + ["词"] * 7]),
                                ("plan", None, [["词"] * 10])])
    reference = _side_tokens("r", [("review", 1, [["词"] * 10, ["甲"] + ["词"] * 9]), ("plan", 1, [["词"] * 10])],
                             start_para=10)
    result = uncertainty.section_jackknife_keyness(target, reference, ["甲"], min_freq=1).set_index("term")
    manual = []
    for side, table in (("t", target), ("r", reference)):
        for key, _ in table.groupby(["part_kind", "section_no"], dropna=False, sort=True):
            drop = (table["part_kind"] == key[0]) & (table["section_no"].isna() if pd.isna(key[1])
                                                      else table["section_no"].eq(key[1]).fillna(False))
            rest_t = target[~drop] if side == "t" else target
            rest_r = reference[~drop] if side == "r" else reference
            row = stats.keyness(stats.word_counts(rest_t), stats.word_counts(rest_r), 1).set_index("term").loc["甲"]
            manual.append((abs(row["g2"]), row["p_adjusted"] < 0.05 and row["g2"] > 0))
    assert result.loc["甲", "replicates"] == len(manual) == 5
    assert result.loc["甲", "significant"] == sum(s for _, s in manual)
    assert result.loc["甲", "min_abs_g2"] == pytest.approx(min(g for g, _ in manual))
    assert result.loc["甲", "weakest_without"] == "t review 1"
    with pytest.raises(ValueError, match="not tested"):
        uncertainty.section_jackknife_keyness(target, reference, ["无"], min_freq=1)


def test_trajectory_leave_one_out_refits_each_slope():
    timeline = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "x": [2017.9, 2018.0, 2020.9, 2024.0]})
    trajectories = pd.DataFrame({"term": ["甲", "乙"], "a": [0.0, 5.0], "b": [1.0, 1.0], "c": [2.0, 0.0],
                                 "d": [4.0, 6.0], "slope": [0.0, 0.0]})
    result = uncertainty.trajectory_leave_one_out(trajectories, timeline)
    x = timeline["x"].to_numpy()
    keep = [0, 1, 3]                                                  # without c
    assert result.loc[0, "slope without c"] == pytest.approx(np.polyfit(x[keep], [0.0, 1.0, 4.0], 1)[0])
    assert result["sign_stable"].tolist() == [True, False]          # 乙 falls without d


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_rank_sum_with_zeros_equals_scipy_on_the_dense_matrix(seed):
    rng = np.random.default_rng(seed)
    n_target, n_reference, terms = 40, 55, [f"w{i}" for i in range(30)]
    dense = rng.choice([0.0, 0.0, 0.0, 1.0, 2.5, 5.0, 7.25], size=(n_target + n_reference, len(terms)))
    dense[:, 0] = 0.0                                     # a term absent everywhere: p = 1
    dense[:n_target, 1] = 0.0                             # a term on the reference side only
    dense[:, 2] = 3.0                                     # every value tied and positive: p = 1
    rows, columns = np.nonzero(dense)
    u1, p = uncertainty.rank_sum_with_zeros(pd.Series(np.array(terms)[columns]), pd.Series(dense[rows, columns]),
                                            pd.Series(rows < n_target), terms, n_target, n_reference)
    expected = mannwhitneyu(dense[:n_target], dense[n_target:], alternative="two-sided", method="asymptotic", axis=0)
    np.testing.assert_allclose(u1, expected.statistic, rtol=1e-12)
    np.testing.assert_allclose(p, np.nan_to_num(expected.pvalue, nan=1.0), rtol=1e-9, atol=1e-15)
    assert p[0] == 1.0 and p[2] == 1.0 and p[1] < 0.05


def test_rank_sum_with_zeros_refuses_zero_values_and_unknown_terms():
    with pytest.raises(ValueError, match="positive"):
        uncertainty.rank_sum_with_zeros(pd.Series(["a"]), pd.Series([0.0]), pd.Series([True]), ["a"], 2, 2)
    with pytest.raises(ValueError, match="listed terms"):
        uncertainty.rank_sum_with_zeros(pd.Series(["b"]), pd.Series([1.0]), pd.Series([True]), ["a"], 2, 2)
