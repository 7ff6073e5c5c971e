"""Uncertainty that respects how the data were sampled: intervals for rates and
proportions, differences with their own intervals, tests over paragraphs, and power.

Words come in paragraphs, not as independent draws, so the resampling unit here is the
paragraph (Lijffijt et al. 2016). Every function takes an explicit ``seed`` where it
draws at random, and says how many paragraphs a result rests on.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.special import ndtr
from scipy.stats import chi2, false_discovery_control, gamma, norm

from .stats import keyness, least_squares_slopes, log_ratio, signed_g2, word_counts

__all__ = [
    "MIN_PARAGRAPHS",
    "poisson_rate_interval",
    "wilson_interval",
    "RateDifference",
    "bootstrap_rate_difference",
    "paragraph_keyness_test",
    "rank_sum_with_zeros",
    "keyness_over_paragraphs",
    "minimum_detectable_log_ratio",
    "detectable_log_ratios",
    "section_jackknife_keyness",
    "leave_one_out_slopes",
    "trajectory_leave_one_out",
]

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
    return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)


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


def paragraph_keyness_test(tokens: pd.DataFrame, target: pd.Series, terms: Sequence[str],
                           unit: Sequence[str] = ("doc_id", "para_no")) -> pd.DataFrame:
    """A keyness test over paragraphs instead of tokens (Lijffijt et al. 2016).

    ``tokens`` is a token table (doc_id, para_no, token, is_word) and ``target`` a boolean
    Series aligned with it (True on the target side). For each term, its relative frequency
    in every paragraph (term count / word tokens of the paragraph, paragraphs with at least
    one word) is compared between the sides with the Wilcoxon rank-sum (Mann–Whitney U)
    test, two-sided, with the normal approximation and tie correction; p_adjusted by
    Benjamini–Hochberg over the terms. A term packed into one paragraph is not significant
    however often it occurs there. Columns: term, paragraphs_target, paragraphs_reference,
    mean_rate_target, mean_rate_reference (per 10,000), u_statistic, p_rank, p_rank_adjusted;
    in the order of ``terms``.
    """
    words = tokens.loc[tokens["is_word"]].assign(_target=target[tokens["is_word"]].to_numpy())
    unit = list(unit)
    sizes = words.groupby(unit, sort=True).agg(words=("token", "size"), target=("_target", "first"))
    side = sizes["target"].to_numpy(dtype=bool)
    if side.all() or not side.any():
        raise ValueError("both sides need at least one paragraph with words")
    terms = list(terms)
    counts = words[words["token"].isin(terms)].groupby([*unit, "token"]).size().rename("count").reset_index()
    counts = counts.join(sizes, on=unit)
    counts["rate"] = counts["count"].to_numpy(dtype=float) / counts["words"].to_numpy(dtype=float) * 10_000
    u1, p = rank_sum_with_zeros(counts["token"], counts["rate"], counts["target"], terms,
                                int(side.sum()), int((~side).sum()))
    rate_sums = counts.groupby(["token", "target"])["rate"].sum().unstack("target").reindex(
        index=terms, columns=[True, False]).fillna(0.0)
    return pd.DataFrame({
        "term": terms, "paragraphs_target": int(side.sum()), "paragraphs_reference": int((~side).sum()),
        "mean_rate_target": rate_sums[True].to_numpy() / side.sum(),
        "mean_rate_reference": rate_sums[False].to_numpy() / (~side).sum(),
        "u_statistic": u1, "p_rank": p,
        "p_rank_adjusted": false_discovery_control(p, method="bh") if len(p) else p,
    })


def rank_sum_with_zeros(term: pd.Series, value: pd.Series, target: pd.Series, terms: Sequence[str],
                        n_target: int, n_reference: int) -> tuple[np.ndarray, np.ndarray]:
    """Two-sided Wilcoxon rank-sum (Mann–Whitney U) test per term, normal approximation with
    tie and continuity corrections (as ``scipy.stats.mannwhitneyu(method="asymptotic")``),
    from the positive values only: each term has ``n_target`` + ``n_reference`` values, and
    those not listed (term, value > 0, target side) are 0.

    With n₀ zeros, zeros share rank (n₀ + 1)/2 and a positive value ranks n₀ + its average
    rank among the positives; U₁ = R₁ − n₁(n₁ + 1)/2, U = max(U₁, n₁n₂ − U₁),
    σ² = n₁n₂/12 · (n + 1 − Σ(t³ − t)/(n(n − 1))) over tie groups t (the zeros one of them),
    z = (U − n₁n₂/2 − ½)/σ, p = min(1, 2Φ(−z)); p = 1 where every value ties (σ = 0).
    Returns U₁ and p in the order of ``terms``. Sparse: the cost grows with the positive
    values, not with terms × units.
    """
    n1, n2 = float(n_target), float(n_reference)
    n = n1 + n2
    unknown = sorted(set(pd.Series(term).unique().tolist()) - set(terms))
    if unknown or (value.to_numpy(dtype=float) <= 0).any():
        raise ValueError(f"only positive values of the listed terms may be given (unknown terms: {unknown[:5]})")
    long = pd.DataFrame({"term": pd.Categorical(term.to_numpy(), categories=list(terms)),
                         "value": value.to_numpy(dtype=float), "target": target.to_numpy(dtype=bool)})
    long["rank"] = long.groupby("term", observed=False)["value"].rank(method="average")
    per_term = long.groupby("term", observed=False).agg(positives=("value", "size"))
    per_term["positives_target"] = long[long["target"]].groupby("term", observed=False).size()
    per_term["rank_sum_target"] = long[long["target"]].groupby("term", observed=False)["rank"].sum()
    ties = long.groupby(["term", "value"], observed=True).size().astype(float)
    per_term["ties"] = (ties ** 3 - ties).groupby(level="term", observed=False).sum()
    per_term = per_term.fillna(0.0)
    zeros = n - per_term["positives"].to_numpy(dtype=float)
    zeros_target = n1 - per_term["positives_target"].to_numpy(dtype=float)
    r1 = zeros_target * (zeros + 1) / 2 + per_term["rank_sum_target"].to_numpy() + zeros * per_term[
        "positives_target"].to_numpy(dtype=float)
    u1 = r1 - n1 * (n1 + 1) / 2
    u = np.maximum(u1, n1 * n2 - u1)
    tie_term = zeros ** 3 - zeros + per_term["ties"].to_numpy()
    sigma = np.sqrt(n1 * n2 / 12 * ((n + 1) - tie_term / (n * (n - 1)))) if n > 1 else np.zeros(len(u))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (u - n1 * n2 / 2 - 0.5) / sigma
    p = np.clip(2 * ndtr(-z), 0.0, 1.0)
    p[~(sigma > 0)] = 1.0
    return u1, p


def keyness_over_paragraphs(keyness_table: pd.DataFrame, target_tokens: pd.DataFrame,
                            reference_tokens: pd.DataFrame, alpha: float = 0.05) -> pd.DataFrame:
    """G² beside the paragraph-level rank test (:func:`paragraph_keyness_test`) for every
    term of ``keyness_table`` (:func:`analysis.textstats.stats.keyness` of the two token tables).

    The rank test is run on every tested term and adjusted by Benjamini–Hochberg over all
    of them, like G². Adds significant_g2 (p_adjusted < ``alpha``), significant_paragraphs
    (p_rank_adjusted < ``alpha`` with the sign of G², mean paragraph rates compared) and
    survives (both). The two sides must not share a paragraph.
    """
    unit = ["doc_id", "para_no"]
    shared = target_tokens[unit].drop_duplicates().merge(reference_tokens[unit].drop_duplicates(), on=unit)
    if len(shared):
        raise ValueError(f"the two sides share {len(shared)} paragraph(s); a paragraph test needs disjoint sides")
    needed = [*unit, "token", "is_word"]
    both = pd.concat([target_tokens[needed], reference_tokens[needed]], ignore_index=True)
    side = pd.Series(np.arange(len(both)) < len(target_tokens), index=both.index)
    rank = paragraph_keyness_test(both, side, keyness_table["term"].to_list(), unit)
    table = keyness_table.merge(rank, on="term", validate="one_to_one")
    table["significant_g2"] = table["p_adjusted"] < alpha
    same_sign = np.sign(table["mean_rate_target"] - table["mean_rate_reference"]) == np.sign(table["g2"])
    table["significant_paragraphs"] = (table["p_rank_adjusted"] < alpha) & same_sign
    table["survives"] = table["significant_g2"] & table["significant_paragraphs"]
    return table


def minimum_detectable_log_ratio(total_count: int, size_a: float, size_b: float, alpha: float = 0.05) -> float:
    """The smallest |Log Ratio| a term seen ``total_count`` times in all could show and still
    reach significance, for corpora of ``size_a`` and ``size_b`` word tokens.

    Every split a + b = total_count is tried; a split is significant when its G²
    (:func:`analysis.textstats.stats.signed_g2`) reaches the χ²(1) critical value for
    ``alpha`` (unadjusted: a lower bound on what a multiple-comparison design detects).
    Log Ratio = log2((a / size_a) / (b / size_b)), 0.5 in place of a zero count. Returns the
    smallest |Log Ratio| over the significant splits in either direction, or inf when no
    split of so few occurrences can be significant.
    """
    if total_count < 0 or size_a <= 0 or size_b <= 0:
        raise ValueError("total_count must be ≥ 0 and the sizes > 0")
    a = np.arange(total_count + 1, dtype=float)
    b = total_count - a
    g2 = np.abs(signed_g2(a, b, float(size_a), float(size_b)))
    ratios = np.abs(log_ratio(a, b, float(size_a), float(size_b)))
    significant = g2 >= chi2.ppf(1 - alpha, 1)
    return float(ratios[significant].min()) if significant.any() else float("inf")


def detectable_log_ratios(sizes: dict[str, tuple[float, float]], total_counts: Sequence[int] = (5, 10, 20, 50, 100),
                          alpha: float = 0.05) -> pd.DataFrame:
    """:func:`minimum_detectable_log_ratio` for each design (name -> word tokens of target
    and reference) and each total count of a term: rows design, and one column per count
    (inf where no split of that many occurrences can be significant)."""
    return pd.DataFrame([{"design": design, "words_target": int(a), "words_reference": int(b),
                          **{f"n = {n}": minimum_detectable_log_ratio(n, a, b, alpha) for n in total_counts}}
                         for design, (a, b) in sizes.items()])


def section_jackknife_keyness(target_tokens: pd.DataFrame, reference_tokens: pd.DataFrame, terms: Sequence[str],
                              min_freq: int = 5, alpha: float = 0.05,
                              unit: Sequence[str] = ("doc_id", "part_kind", "section_no")) -> pd.DataFrame:
    """Leave-one-section-out jackknife of a keyness design: a resampling check that is not
    nested in the design, unlike a subset or superset of the same texts.

    Each section (``unit``: one numbered section of a part, or a part's unnumbered text) of
    either side is left out in turn and :func:`analysis.textstats.stats.keyness` is recomputed on the
    rest (BH over the terms tested in that replicate; a term left with fewer than
    ``min_freq`` occurrences is not tested and counts as G² 0, not significant). For each
    of ``terms``: replicates, significant (p_adjusted < ``alpha`` with the full design's
    sign), share_significant, the smallest |G²| and the section whose removal gives it
    (weakest_without; ties: first in section order).
    """
    unit = list(unit)
    full = keyness(word_counts(target_tokens), word_counts(reference_tokens), min_freq).set_index("term")
    missing = [t for t in terms if t not in full.index]
    if missing:
        raise ValueError(f"terms not tested in the full design: {', '.join(missing)}")
    sign = np.sign(full.loc[list(terms), "g2"])
    groups = {side: table.groupby(unit, dropna=False, sort=True)
              for side, table in (("target", target_tokens), ("reference", reference_tokens))}
    codes = {side: grouped.ngroup().to_numpy() for side, grouped in groups.items()}
    records = []
    for side, grouped in groups.items():
        for code, key in enumerate(grouped.groups):
            tables = {"target": target_tokens, "reference": reference_tokens}
            tables[side] = tables[side][codes[side] != code]
            result = keyness(word_counts(tables["target"]), word_counts(tables["reference"]),
                             min_freq).set_index("term")
            g2 = result["g2"].reindex(list(terms)).fillna(0.0)
            significant = (result["p_adjusted"].reindex(list(terms)).fillna(1.0) < alpha) & (np.sign(g2) == sign)
            key = key if isinstance(key, tuple) else (key,)
            label = " ".join(str(v) if not pd.isna(v) else "(unnumbered)" for v in key)
            records.append(pd.DataFrame({"term": list(terms), "left_out": label, "g2": g2.to_numpy(),
                                         "significant": significant.to_numpy()}))
    replicates = pd.concat(records, ignore_index=True)
    replicates["abs_g2"] = replicates["g2"].abs()
    weakest = replicates.loc[replicates.groupby("term", sort=False)["abs_g2"].idxmin(), ["term", "abs_g2", "left_out"]]
    summary = replicates.groupby("term", sort=False).agg(replicates=("significant", "size"),
                                                         significant=("significant", "sum")).reset_index()
    summary["share_significant"] = summary["significant"] / summary["replicates"]
    summary = summary.merge(weakest.rename(columns={"abs_g2": "min_abs_g2", "left_out": "weakest_without"}),
                            on="term")
    return summary.set_index("term").loc[list(terms)].reset_index()


def leave_one_out_slopes(x: Sequence[float], y: Sequence[float], labels: Sequence[str]
                         ) -> tuple[float, pd.DataFrame, bool]:
    """Least-squares slope of y on x with all points, and with each point left out in turn.

    slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)². Returns (full slope, table of left_out and slope,
    sign_stable), sign_stable being true when every leave-one-out slope is non-zero and has
    the full slope's sign. Needs at least three points (two remain when one is left out).
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if not len(x) == len(y) == len(labels):
        raise ValueError("x, y and labels must have the same length")
    if len(x) < 3:
        raise ValueError("leave-one-out slopes need at least three points")
    full = float(least_squares_slopes(y, x))
    keep = ~np.eye(len(x), dtype=bool)
    table = pd.DataFrame({"left_out": list(labels), "slope": [float(least_squares_slopes(y[k], x[k])) for k in keep]})
    return full, table, bool(_sign_stable(np.array([full]), table["slope"].to_numpy()[None, :])[0])


def _sign_stable(full: np.ndarray, left_out: np.ndarray) -> np.ndarray:
    """True where the full slope is non-zero and every leave-one-out slope (a row of
    ``left_out`` per slope) has its sign."""
    return (full != 0) & np.all(np.sign(left_out) == np.sign(full)[:, None], axis=1)


def trajectory_leave_one_out(trajectories: pd.DataFrame, timeline: pd.DataFrame) -> pd.DataFrame:
    """Each term trajectory (:func:`analysis.textstats.stats.term_trajectories`, rate columns named
    by the doc_ids of ``timeline``, which has doc_id and x) with its slope refitted with
    each document left out (:func:`leave_one_out_slopes`): a column ``slope without
    <doc_id>`` per document, and sign_stable, true when every one of them has the full
    slope's sign. Row order kept."""
    doc_ids, x = timeline["doc_id"].to_list(), timeline["x"].to_numpy(dtype=float)
    if len(doc_ids) < 3:
        raise ValueError("leave-one-out slopes need at least three points")
    rates = trajectories[doc_ids].to_numpy(dtype=float)
    keep = ~np.eye(len(doc_ids), dtype=bool)
    left_out = np.column_stack([least_squares_slopes(rates[:, k], x[k]) for k in keep])
    extra = pd.DataFrame(left_out, columns=[f"slope without {d}" for d in doc_ids], index=trajectories.index)
    extra["sign_stable"] = _sign_stable(least_squares_slopes(rates, x), left_out)
    return pd.concat([trajectories, extra], axis=1)
