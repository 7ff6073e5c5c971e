"""Comparing two corpora, keyness: signed G², Log Ratio, log-odds with an informative Dirichlet
prior, and the checks a referee asks for: a rank test over paragraphs, the smallest
detectable effect, robustness across designs and a leave-one-section-out jackknife.

Words come in paragraphs, not as independent draws, so beside G² the paragraph is the unit
of the rank test and the jackknife (Lijffijt et al. 2016).

Every ranking breaks ties explicitly (by the term, in code-point order) and compares float
scores at :data:`analysis._internal.rounding.RANK_SIGNIFICANT_DIGITS` significant digits, so
tables are the same on every run and every CPU.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.special import ndtr
from scipy.stats import chi2, false_discovery_control, spearmanr

from .._internal.rounding import sorted_by
from .frequency import PER, word_counts

__all__ = ["comparison_terms", "signed_g2", "log_ratio", "keyness", "log_odds_dirichlet", "ranking_agreement", "keyness_robustness", "paragraph_keyness_test", "rank_sum_with_zeros", "keyness_over_paragraphs", "minimum_detectable_log_ratio", "detectable_log_ratios", "section_jackknife_keyness"]


def comparison_terms(keyness_table: pd.DataFrame, n: int, min_freq: int = 5) -> pd.DataFrame:
    """The terms of a :func:`keyness` table that most separate target and reference, for a
    comparison cloud: among terms seen at least ``min_freq`` times on the two sides
    together, the ``n`` with the largest |Log Ratio| (an effect size, so a frequent word
    does not win by its frequency alone), ties by |G²| and term. Columns: term,
    freq_target, freq_reference, log_ratio, g2, side (target or reference), rank."""
    table = keyness_table[keyness_table["freq_target"] + keyness_table["freq_reference"] >= min_freq]
    table = table.assign(abs_log_ratio=table["log_ratio"].abs(), abs_g2=table["g2"].abs(),
                         side=np.where(table["g2"] > 0, "target", "reference"))
    table = sorted_by(table, ["abs_log_ratio", "abs_g2", "term"], ascending=[False, False, True]).head(n)
    table = table.assign(rank=np.arange(1, len(table) + 1))
    return table[["term", "freq_target", "freq_reference", "log_ratio", "g2", "side", "rank"]]


def signed_g2(a: np.ndarray, b: np.ndarray, c: float, d: float) -> np.ndarray:
    """Signed log-likelihood G² = 2 Σ O ln(O / E) of the 2×2 tables [[a, b], [c − a, d − b]]
    (E from the margins; Dunning 1993), + where a/c > b/d, − otherwise. Vectorised over a
    and b (and over c and d when they are arrays). The project's one G² implementation."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    observed = np.stack([a, b, c - a, d - b])
    n = c + d
    expected = np.stack([c * (a + b) / n, d * (a + b) / n, c * (n - a - b) / n, d * (n - a - b) / n])
    with np.errstate(divide="ignore", invalid="ignore"):
        cells = np.where(observed > 0, observed * np.log(observed / expected), 0.0)
    g2 = np.maximum(2 * cells.sum(axis=0), 0.0)            # rounding noise for identical proportions
    return np.where(a / c > b / d, 1.0, -1.0) * g2


def log_ratio(a: np.ndarray, b: np.ndarray, c: float, d: float) -> np.ndarray:
    """Log Ratio = log2((a / c) / (b / d)) (Hardie 2014), 0.5 in place of a zero count."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.log2((np.where(a == 0, 0.5, a) / c) / (np.where(b == 0, 0.5, b) / d))


def keyness(target: Mapping[str, int], reference: Mapping[str, int], min_freq: int = 1) -> pd.DataFrame:
    """Keyness of every term of a target corpus against a reference corpus.

    For a term with counts a (target) and b (reference) in corpora of c and d word
    tokens (c, d summed over all terms, before filtering):

    * g2: the log-likelihood G² = 2 Σ O ln(O / E) of the 2×2 table [[a, b], [c − a, d − b]]
      (Dunning 1993; the G-test on that table), signed + where a/c > b/d, − otherwise;
    * p_value from χ² with 1 degree of freedom; p_adjusted by Benjamini–Hochberg over the
      terms tested (scipy.stats.false_discovery_control);
    * log_ratio = log2((a / c) / (b / d)) (Hardie 2014), with 0.5 in place of a zero count;
    * rate_target, rate_reference per 10,000 word tokens.

    Terms with a + b < ``min_freq`` are not tested (and not in the table). Rows are
    sorted by g2 (descending), ties by term.
    """
    terms = sorted(set(target) | set(reference))
    a = np.array([target.get(t, 0) for t in terms], dtype=float)
    b = np.array([reference.get(t, 0) for t in terms], dtype=float)
    c, d = float(sum(target.values())), float(sum(reference.values()))
    keep = a + b >= min_freq
    terms, a, b = [t for t, k in zip(terms, keep) if k], a[keep], b[keep]
    g2 = signed_g2(a, b, c, d)
    p_value = chi2.sf(np.abs(g2), 1)
    table = pd.DataFrame({
        "term": terms, "freq_target": a.astype(int), "freq_reference": b.astype(int),
        "rate_target": a / c * PER, "rate_reference": b / d * PER,
        "g2": g2,
        "log_ratio": log_ratio(a, b, c, d),
        "p_value": p_value,
        "p_adjusted": false_discovery_control(p_value, method="bh") if len(terms) else p_value,
    })
    return sorted_by(table, ["g2", "term"], ascending=[False, True])


def log_odds_dirichlet(target: Mapping[str, int], reference: Mapping[str, int], background: Mapping[str, int],
                       alpha0: float = 1000.0, min_freq: int = 1) -> pd.DataFrame:
    """Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).

    With y_i, y_j the term's counts in target and reference, n_i, n_j their sizes, and
    the prior α_w = α_0 × (the term's share of the ``background`` corpus):

        δ = ln[(y_i + α_w) / (n_i + α_0 − y_i − α_w)] − ln[(y_j + α_w) / (n_j + α_0 − y_j − α_w)]
        Var(δ) ≈ 1 / (y_i + α_w) + 1 / (y_j + α_w)         (Monroe et al., eq. 20)
        z = δ / √Var(δ)

    α_0 = 1,000 by default: a moderate prior, as if 1,000 word tokens distributed like
    the background were added to each side. Terms with y_i + y_j < ``min_freq`` are left
    out. Columns: term, freq_target, freq_reference, delta, variance, z; sorted by z
    (descending), ties by term. Every term must occur in the background.
    """
    terms = sorted(t for t in set(target) | set(reference) if target.get(t, 0) + reference.get(t, 0) >= min_freq)
    missing = [t for t in terms if background.get(t, 0) <= 0]
    if missing:
        raise ValueError(f"terms absent from the background corpus: {', '.join(missing[:10])}")
    total = float(sum(background.values()))
    alpha = alpha0 * np.array([background[t] for t in terms], dtype=float) / total
    yi = np.array([target.get(t, 0) for t in terms], dtype=float)
    yj = np.array([reference.get(t, 0) for t in terms], dtype=float)
    ni, nj = float(sum(target.values())), float(sum(reference.values()))
    delta = (np.log((yi + alpha) / (ni + alpha0 - yi - alpha))
             - np.log((yj + alpha) / (nj + alpha0 - yj - alpha)))
    variance = 1 / (yi + alpha) + 1 / (yj + alpha)
    table = pd.DataFrame({"term": terms, "freq_target": yi.astype(int), "freq_reference": yj.astype(int),
                          "delta": delta, "variance": variance, "z": delta / np.sqrt(variance)})
    return sorted_by(table, ["z", "term"], ascending=[False, True])


def _top_by_side(table: pd.DataFrame, score: str, n: int) -> tuple[list[str], list[str]]:
    """The n best terms for the target (highest score) and the reference (lowest score)."""
    ordered = sorted_by(table, [score, "term"], ascending=[False, True])
    reverse = sorted_by(table, [score, "term"], ascending=[True, True])
    return ordered["term"].head(n).to_list(), reverse["term"].head(n).to_list()


def ranking_agreement(keyness_table: pd.DataFrame, log_odds_table: pd.DataFrame, top_n: int,
                      names: tuple[str, str] = ("target", "reference")) -> tuple[float, pd.DataFrame]:
    """How far the keyness (signed G²) and log-odds (z) rankings agree: Spearman's ρ over the
    terms in both tables, and per side the number of terms in both top-``top_n`` lists and
    the terms only one of them has."""
    both = keyness_table.merge(log_odds_table[["term", "z"]], on="term")
    rho = float(spearmanr(both["g2"], both["z"]).statistic)
    g2_sides, z_sides = _top_by_side(keyness_table, "g2", top_n), _top_by_side(log_odds_table, "z", top_n)
    rows = [{"side": name, "in_both_top": len(set(g) & set(z)),
             "only_g2": "、".join(sorted(set(g) - set(z))), "only_log_odds": "、".join(sorted(set(z) - set(g)))}
            for name, g, z in zip(names, g2_sides, z_sides)]
    return rho, pd.DataFrame(rows)


def keyness_robustness(keyness_tables: dict[str, pd.DataFrame], main: str, alpha: float = 0.05) -> pd.DataFrame:
    """The terms significant (p_adjusted < ``alpha``) in the ``main`` design, with their g2
    and log_ratio there and, for every other design, their g2 and whether they are
    significant with the same sign (a term not tested there is not)."""
    base = keyness_tables[main]
    table = base.loc[base["p_adjusted"] < alpha, ["term", "g2", "log_ratio"]].reset_index(drop=True)
    for design, other in keyness_tables.items():
        if design == main:
            continue
        other = other.set_index("term")
        g2 = table["term"].map(other["g2"])
        significant = table["term"].map(other["p_adjusted"] < alpha).fillna(False).astype(bool)
        table[f"{design}: g2"] = g2
        table[f"{design}: significant"] = significant & (np.sign(g2) == np.sign(table["g2"]))
    return table


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
                            reference_tokens: pd.DataFrame, alpha: float = 0.05,
                            unit: Sequence[str] = ("doc_id", "para_no")) -> pd.DataFrame:
    """G² beside the rank test over ``unit`` (:func:`paragraph_keyness_test`; paragraphs by
    default, documents with ``("doc_id",)``) for every term of ``keyness_table``
    (:func:`analysis.textstats.comparison.keyness` of the two token tables).

    The rank test is run on every tested term and adjusted by Benjamini–Hochberg over all
    of them, like G². Adds significant_g2 (p_adjusted < ``alpha``), significant_paragraphs
    (p_rank_adjusted < ``alpha`` with the sign of G², mean rates per unit compared) and
    survives (both). The two sides must not share a unit.
    """
    unit = list(unit)
    shared = target_tokens[unit].drop_duplicates().merge(reference_tokens[unit].drop_duplicates(), on=unit)
    if len(shared):
        what = "paragraph" if "para_no" in unit else "document"
        raise ValueError(f"the two sides share {len(shared)} {what}(s); a {what} test needs disjoint sides")
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
    (:func:`analysis.textstats.comparison.signed_g2`) reaches the χ²(1) critical value for
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
    either side is left out in turn and :func:`analysis.textstats.comparison.keyness` is recomputed on the
    rest (BH over the terms tested in that replicate; a term left with fewer than
    ``min_freq`` occurrences is not tested and counts as G² 0, not significant). For each
    of ``terms``: replicates, significant (p_adjusted < ``alpha`` with the full design's
    sign), share_significant, the smallest |G²| and the section whose removal gives it
    (weakest_without; ties: first in section order).
    """
    unit = list(unit)
    if not len(terms):
        return pd.DataFrame({"term": pd.Series(dtype=object), "replicates": pd.Series(dtype=int),
                             "significant": pd.Series(dtype=int), "share_significant": pd.Series(dtype=float),
                             "min_abs_g2": pd.Series(dtype=float), "weakest_without": pd.Series(dtype=object)})
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
