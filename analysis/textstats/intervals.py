"""Intervals for rates and proportions, and differences of rates with their own bootstrap
intervals.

Words come in paragraphs, not as independent draws, so the resampling unit is the paragraph
(Lijffijt et al. 2016). Every function that draws at random takes an explicit ``seed``, and
says how many paragraphs a result rests on.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.stats import chi2, gamma, norm

__all__ = ["MIN_PARAGRAPHS", "poisson_rate_interval", "wilson_interval", "proportion_with_interval", "RateDifference", "bootstrap_rate_difference"]


MIN_PARAGRAPHS = 10
"""Below this many paragraphs on a side, an interval is flagged as resting on small n."""


def poisson_rate_interval(count, exposure, per: float = 1000, confidence_level: float = 0.95,
                          method: str = "jeffreys") -> tuple[np.ndarray, np.ndarray]:
    """Interval for the rate count / exposure × per that bounds a zero count away from [0, 0].

    * ``jeffreys``: the equal-tailed Jeffreys interval, quantiles α/2 and 1 − α/2 of
      Gamma(count + ½, 1), lower limit 0 when count = 0 (Brown, Cai & DasGupta 2003);
    * ``exact``: Garwood's interval, χ²(α/2; 2k)/2 and χ²(1 − α/2; 2k + 2)/2.

    Each limit is divided by ``exposure`` and multiplied by ``per``. Vectorised.
    """
    count, exposure = np.asarray(count, dtype=float), np.asarray(exposure, dtype=float)
    if np.any(count < 0) or np.any(exposure <= 0):
        raise ValueError("counts must be ≥ 0 and exposures > 0")
    alpha = 1 - confidence_level
    if method == "jeffreys":
        low = np.where(count > 0, gamma.ppf(alpha / 2, count + 0.5), 0.0)
        high = gamma.ppf(1 - alpha / 2, count + 0.5)
    elif method == "exact":
        low = np.where(count > 0, chi2.ppf(alpha / 2, 2 * np.maximum(count, 1e-300)) / 2, 0.0)
        high = chi2.ppf(1 - alpha / 2, 2 * count + 2) / 2
    else:
        raise ValueError(f"method must be 'jeffreys' or 'exact', not {method!r}")
    return low / exposure * per, high / exposure * per


def wilson_interval(successes, n, confidence_level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for a proportion k / n (for dictionary precision and recall):
    (p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n), z the normal quantile. Vectorised."""
    k, n = np.asarray(successes, dtype=float), np.asarray(n, dtype=float)
    if np.any(n <= 0):
        raise ValueError("n must be at least 1 (a proportion of nothing has no interval)")
    if np.any((k < 0) | (k > n)):
        raise ValueError("successes must lie between 0 and n")
    z = norm.ppf(1 - (1 - confidence_level) / 2)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    # at k = 0 and k = n the bounds are exactly 0 and 1; rounding would leave 1 − 1e-16
    low = np.where(k == 0, 0.0, np.clip(centre - half, 0, 1))
    high = np.where(k == n, 1.0, np.clip(centre + half, 0, 1))
    return low[()], high[()]                                   # [()]: a scalar for scalar input


def proportion_with_interval(k, n, confidence_level: float = 0.95) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(estimate, ci_low, ci_high) of k successes in n trials, elementwise: estimate = k / n
    (NaN where n = 0) and its Wilson score interval. The one routine for the precision and
    recall of every dictionary and of the quantity extractor."""
    k, n = np.atleast_1d(np.asarray(k, dtype=float)), np.atleast_1d(np.asarray(n, dtype=float))
    estimate, low, high = (np.full(k.shape, np.nan) for _ in range(3))
    some = n > 0
    if some.any():
        estimate[some] = k[some] / n[some]
        low[some], high[some] = wilson_interval(k[some], n[some], confidence_level)
    return estimate, low, high


@dataclass(frozen=True)
class RateDifference:
    """A difference of two rates (b − a) with its bootstrap interval and the paragraphs it rests on."""

    rate_a: float
    rate_b: float
    difference: float
    ci_low: float
    ci_high: float
    paragraphs_a: int
    paragraphs_b: int
    small_n: bool
    excludes_zero: bool


def _rate(counts: np.ndarray, words: np.ndarray, per: float, axis: int = -1) -> np.ndarray:
    total = words.sum(axis=axis)
    return np.divide(counts.sum(axis=axis) * per, total, out=np.full(np.shape(total), np.nan), where=total > 0)


def bootstrap_rate_difference(counts_a: Sequence[float], words_a: Sequence[float], counts_b: Sequence[float],
                              words_b: Sequence[float], per: float = 1000, n_resamples: int = 2000,
                              seed: int = 2024, confidence_level: float = 0.95, paired: bool = False,
                              min_paragraphs: int = MIN_PARAGRAPHS) -> RateDifference:
    """Difference of two rates, rate_b − rate_a with rate = Σ counts / Σ words × per, and a
    percentile-bootstrap interval for it.

    Unpaired (default): paragraphs are resampled with replacement within each side
    independently (two documents, or the review and plan parts of one document). Paired:
    both measures come from the same paragraphs (two themes in one document), so one
    resample of paragraphs serves both (the arrays must then be aligned). ``small_n`` is
    true when a side has fewer than ``min_paragraphs`` paragraphs; ``excludes_zero`` when
    the interval lies wholly above or below 0.
    """
    arrays = [np.asarray(x, dtype=float) for x in (counts_a, words_a, counts_b, words_b)]
    ca, wa, cb, wb = arrays
    if len(ca) != len(wa) or len(cb) != len(wb):
        raise ValueError("counts and words must have one value per paragraph on each side")
    if paired and len(ca) != len(cb):
        raise ValueError("a paired difference needs the same paragraphs on both sides")
    if len(ca) == 0 or len(cb) == 0 or wa.sum() <= 0 or wb.sum() <= 0:
        raise ValueError("each side needs at least one paragraph with words")
    if any(np.any(x < 0) for x in arrays):
        raise ValueError("counts and words must be ≥ 0")
    rng = np.random.default_rng(seed)
    rows_a = rng.integers(0, len(ca), size=(n_resamples, len(ca)))
    rows_b = rows_a if paired else rng.integers(0, len(cb), size=(n_resamples, len(cb)))
    boot = _rate(cb[rows_b], wb[rows_b], per) - _rate(ca[rows_a], wa[rows_a], per)
    alpha = 1 - confidence_level
    low, high = np.nanquantile(boot, [alpha / 2, 1 - alpha / 2])
    rate_a, rate_b = float(_rate(ca, wa, per)), float(_rate(cb, wb, per))
    return RateDifference(rate_a, rate_b, rate_b - rate_a, float(low), float(high), len(ca), len(cb),
                          min(len(ca), len(cb)) < min_paragraphs, bool(low > 0 or high < 0))
