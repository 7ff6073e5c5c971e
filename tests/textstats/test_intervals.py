"""Intervals: Poisson and Wilson against hand values and scipy; bootstrap rate differences."""
import math

import numpy as np
import pytest
from scipy.stats import binomtest, chi2

from analysis import textstats


def test_poisson_interval_bounds_a_zero_count():
    low, high = textstats.poisson_rate_interval([0, 0], [1000, 1000], per=1000, method="exact")
    assert low.tolist() == [0.0, 0.0]
    assert high[0] == pytest.approx(-math.log(0.025))           # Garwood upper limit for k = 0: 3.689
    low, high = textstats.poisson_rate_interval(0, 2000, per=1000, method="jeffreys")
    assert low == 0 and 0 < high < -math.log(0.025) / 2         # Jeffreys is shorter than exact


def test_poisson_interval_exact_by_hand_and_monotone():
    low, high = textstats.poisson_rate_interval(5, 1, per=1, method="exact")
    assert (float(low), float(high)) == pytest.approx((chi2.ppf(0.025, 10) / 2, chi2.ppf(0.975, 12) / 2))
    assert (float(low), float(high)) == pytest.approx((1.6235, 11.6683), abs=1e-4)   # published table values
    lows, highs = textstats.poisson_rate_interval(np.arange(10), 100, per=100)
    assert np.all(np.diff(lows) > 0) and np.all(np.diff(highs) > 0)
    with pytest.raises(ValueError, match="exposures > 0"):
        textstats.poisson_rate_interval(1, 0)


@pytest.mark.parametrize("k,n", [(0, 10), (3, 10), (27, 30), (50, 50)])
def test_wilson_interval_matches_scipy(k, n):
    expected = binomtest(k, n).proportion_ci(method="wilson")
    low, high = textstats.wilson_interval(k, n)
    assert (float(low), float(high)) == pytest.approx((expected.low, expected.high))


def test_wilson_interval_by_hand_and_errors():
    low, high = textstats.wilson_interval(8, 10)               # p̂ = 0.8, z = 1.96: (0.4902, 0.9433)
    assert (float(low), float(high)) == pytest.approx((0.4902, 0.9433), abs=1e-4)
    with pytest.raises(ValueError, match="n must be at least 1"):
        textstats.wilson_interval(0, 0)


@pytest.mark.parametrize("n", [1, 7, 59, 1000])
def test_wilson_interval_contains_an_extreme_estimate(n):
    low, high = textstats.wilson_interval([0, n], [n, n])
    assert low[0] == 0.0 and high[1] == 1.0 and low[1] < 1.0 and high[0] > 0.0


def test_rate_difference_point_estimate_and_determinism():
    a = textstats.bootstrap_rate_difference([1, 0, 2], [100, 50, 150], [3, 1], [100, 100], per=1000)
    assert a.rate_a == pytest.approx(3 / 300 * 1000) and a.rate_b == pytest.approx(4 / 200 * 1000)
    assert a.difference == pytest.approx(10.0)
    assert a.small_n and (a.paragraphs_a, a.paragraphs_b) == (3, 2)
    b = textstats.bootstrap_rate_difference([1, 0, 2], [100, 50, 150], [3, 1], [100, 100], per=1000)
    assert a == b


def test_rate_difference_interval_covers_the_truth_about_95_percent():
    rng = np.random.default_rng(7)
    covered = 0
    for repetition in range(200):
        words_a, words_b = rng.integers(20, 80, 40), rng.integers(20, 80, 40)
        counts_a, counts_b = rng.poisson(words_a * 0.010), rng.poisson(words_b * 0.015)
        result = textstats.bootstrap_rate_difference(counts_a, words_a, counts_b, words_b, per=1000,
                                                       n_resamples=500, seed=repetition)
        covered += result.ci_low <= 5.0 <= result.ci_high
    assert 0.88 <= covered / 200 <= 0.99


def test_paired_difference_uses_one_resample_for_both():
    counts = [2, 0, 1, 3, 0, 1, 2, 0, 1, 1, 0, 2]
    words = [50] * 12
    same = textstats.bootstrap_rate_difference(counts, words, counts, words, paired=True)
    assert same.difference == 0 and same.ci_low == 0 and same.ci_high == 0     # identical measures
    with pytest.raises(ValueError, match="same paragraphs"):
        textstats.bootstrap_rate_difference([1, 2], [10, 10], [1], [10], paired=True)
