"""Findings as computed claims: each sentence a notebook concludes with has a function here
that computes its evidence from the notebook's tables and says whether it holds.

A notebook shows :func:`claims_table` beside its "Findings" prose, and
``tests/outputs/test_findings.py`` recomputes every claim on the seeds, so a sentence cannot
drift from the numbers: if the data change and a claim no longer holds, a test fails.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import fisher_exact
from scipy.stats import t as t_distribution

from .._internal.rounding import sorted_by
from ..textstats.intervals import poisson_rate_interval, proportion_with_interval
from ..extract.targets import MATCHES
from ..textstats.inference_units import cluster_bootstrap_share
from ..textstats.trends import MIN_CLUSTERS, MIN_TREND_DOCUMENTS

__all__ = ["Claim", "claims_table", "flagged_themes_are", "timeline_changes_are_few",
           "timeline_changes_are_confounded", "parts_do_not_differ", "topics_align_weakly",
           "non_significance_is_low_power", "place_names_are_a_minority", "only_place_names_survive_paragraphs",
           "some_terms_hinge_on_one_section", "campaigns_confound_district", "expressions_richer_at_equal_length",
           "few_expressions_shared", "like_for_like_is_inconclusive", "topic_number_is_uncertain",
           "core_terms_shared", "tfidf_departs_from_frequency", "term_marks_groups", "places_among_largest_ratios",
           "rankings_agree", "documents_differ_in_kind", "extraction_is_accurate", "reviews_denser_than_plans",
           "hedging_cannot_be_told_apart", "few_targets_shared", "instruments_precise_but_incomplete",
           "side_used_most", "coders_agree", "target_kind_is_accurate", "instrument_counts_cannot_rank_sides",
           "recall_is_partial", "sign_filter_passes_at_chance", "no_side_leads",
           "raw_tfidf_tracks_frequency", "cloud_rests_on_zero_counts", "indicators_match_the_coders", "target_pairs_hold",
           "panel_is_too_small", "trends_found", "growth_targets_found", "growth_targets_mostly_met", "targets_escalate"]


@dataclass(frozen=True)
class Claim:
    """One sentence of a notebook's findings, the evidence computed for it, and whether
    that evidence supports it."""

    claim: str
    evidence: str
    holds: bool


def claims_table(claims: Sequence[Claim]) -> pd.DataFrame:
    """The claims as a table (claim, evidence, holds), for display beside the prose."""
    return pd.DataFrame([{"claim": c.claim, "evidence": c.evidence, "holds": c.holds} for c in claims],
                        columns=["claim", "evidence", "holds"])


def timeline_changes_are_few(steps: pd.DataFrame, adjusted: pd.DataFrame | None = None, max_share: float = 0.2) -> Claim:
    """Holds when at most ``max_share`` of the consecutive changes (rows of
    :func:`analysis.dictionaries.themes.timeline_steps`) have a 95% interval that excludes 0.
    The evidence gives the count expected by chance alone (5% of the family of all changes)
    and, with ``adjusted`` (the same steps with Bonferroni intervals, level 1 − 0.05 / m),
    how many exclude 0 after adjustment within the family."""
    k, n = int(steps["excludes_zero"].sum()), len(steps)
    evidence = f"{k} of {n} changes have a 95% interval excluding 0 ({0.05 * n:.1f} expected by chance)"
    if adjusted is not None:
        evidence += f"; {int(adjusted['excludes_zero'].sum())} of {len(adjusted)} with Bonferroni intervals over the family"
    return Claim("Few changes along the timeline are distinguishable from paragraph-level variation",
                 evidence, n > 0 and k <= max_share * n)


def timeline_changes_are_confounded(steps: pd.DataFrame, corpus: pd.DataFrame) -> Claim:
    """Holds when every change whose interval excludes 0 comes with a change of genre or
    scope between the two documents, or rests on a document with no hit (rate 0)."""
    meta = corpus.set_index("doc_id")
    reasons = []
    shown = steps[steps["excludes_zero"]]
    for theme, a, b, rate_a, rate_b in zip(shown["theme"], shown["from"], shown["to"], shown["rate_from"],
                                           shown["rate_to"]):
        why = [label for label, present in (("genre", meta.at[a, "genre"] != meta.at[b, "genre"]),
                                            ("scope", meta.at[a, "scope"] != meta.at[b, "scope"]),
                                            ("zero count", rate_a == 0 or rate_b == 0)) if present]
        reasons.append((f"{theme} {a} → {b}", why))
    evidence = "; ".join(f"{step}: {', '.join(why) or 'none'}" for step, why in reasons) or "no such change"
    return Claim("Each distinguishable change coincides with a change of genre or scope, or a zero count",
                 evidence, all(why for _, why in reasons))


def _family(k: int, n: int) -> str:
    """The family statement of n tests of which k exclude 0 at 95%: the count expected by
    chance alone, and (when k = 0) that no within-family adjustment, which only widens the
    intervals, can make one exclude 0."""
    text = f"a family of {n} tests, {0.05 * n:.1f} expected to exclude 0 by chance"
    return text + ("; none excludes 0, so none does after any within-family adjustment" if k == 0 else "")


def parts_do_not_differ(differences: pd.DataFrame) -> Claim:
    """Holds when no part-against-part difference (:func:`analysis.dictionaries.themes.rate_differences`)
    has a 95% interval excluding 0; the evidence names the family of tests and gives the median
    half-width, the size of difference these data could have detected."""
    k, n = int(differences["excludes_zero"].sum()), len(differences)
    half_width = float(((differences["ci_high"] - differences["ci_low"]) / 2).median())
    return Claim("No difference between review and plan parts is detectable at this size",
                 f"{k} of {n} differences have a 95% interval excluding 0 ({_family(k, n)}); median half-width "
                 f"{half_width:.1f} per 1,000 word tokens", n > 0 and k == 0)


def topics_align_weakly(alignment: pd.DataFrame, max_best_share: float = 0.2, min_unmatched: float = 0.75
                        ) -> Claim:
    """Holds when no topic puts more than ``max_best_share`` of its weight on one theme's
    keywords and every topic puts at least ``min_unmatched`` on words of no theme
    (:func:`analysis.models.topics.topic_theme_alignment`)."""
    best, unmatched = float(alignment["best_share"].max()), float(alignment["unmatched_share"].min())
    return Claim("Topics align only weakly with the dictionary's themes",
                 f"largest share of a topic's weight on one theme {best:.2f}; "
                 f"smallest share on no theme {unmatched:.2f}",
                 best <= max_best_share and unmatched >= min_unmatched)


def flagged_themes_are(precision: pd.DataFrame, named: Sequence[str]) -> Claim:
    """Holds when the entries whose precision on the blind double-coded sample is below 0.7
    (``below_0_7`` of :func:`analysis.coding.scores.entry_precision`) are exactly the ``named`` ones."""
    flagged = sorted(precision.loc[precision["below_0_7"].astype(bool), "entry"])
    evidence = "; ".join(f"{t} {r}/{c} = {p:.2f} [{lo:.2f}, {hi:.2f}]" for t, r, c, p, lo, hi in
                         zip(precision["entry"], precision["relevant"], precision["coded"], precision["precision"],
                             precision["ci_low"], precision["ci_high"]))
    return Claim(f"Precision is below 0.7 for {', '.join(named) or 'no entry'} only",
                 f"precision [95% Wilson interval]: {evidence}", flagged == sorted(named))


def coders_agree(agreement: pd.DataFrame, prefix: str, min_alpha: float = 0.8) -> Claim:
    """Holds when Krippendorff's α (:func:`analysis.coding.agreement.field_agreement`) reaches
    ``min_alpha`` for every field whose name starts with ``prefix``: 0.8 is Krippendorff's
    (2004) level for relying on the data, 0.667 his floor for tentative conclusions."""
    rows = agreement[agreement["field"].str.startswith(prefix)].sort_values(["alpha", "field"])
    evidence = (f"{len(rows)} fields, α from {rows['alpha'].min():.2f} ({rows['field'].iloc[0]}) to "
                f"{rows['alpha'].max():.2f}; units coded {int(rows['units'].min())}–{int(rows['units'].max())}")
    return Claim(f"The coders agree on every {prefix.rstrip('.')} field (Krippendorff's α ≥ {min_alpha})", evidence,
                 bool(len(rows) and (rows["alpha"] >= min_alpha).all()))


def recall_is_partial(recall: pd.DataFrame, what: str, max_high: float = 0.9) -> Claim:
    """Holds when the upper 95% Wilson limit of the pooled recall on the random sentences
    (row ``all`` of :func:`analysis.coding.scores.entry_recall`) is below ``max_high``."""
    row = recall.set_index("entry").loc["all"]
    return Claim(f"The {what} dictionary misses a sizeable share of the sentences the coders put under its entries",
                 f"pooled recall {int(row['found'])}/{int(row['relevant'])} = {row['recall']:.2f} "
                 f"[{row['ci_low']:.2f}, {row['ci_high']:.2f}]", bool(row["ci_high"] < max_high))


def sign_filter_passes_at_chance(trajectories: pd.DataFrame, n_documents: int) -> Claim:
    """Holds when the share of terms whose leave-one-out slopes keep their sign
    (``sign_stable``) has a 95% Wilson interval that holds 1/3. With three documents, the
    three leave-one-out slopes share a sign exactly when the three rates are monotone, which
    three exchangeable values are with probability 2/3! = 1/3: the filter then does not tell
    a trend from noise, it drops terms whose slope hinges on one document. For another number
    of documents the claim is not judged (holds is False, the evidence says why)."""
    claim = "The sign-stable filter passes terms at about the rate chance alone would"
    if n_documents != 3:
        return Claim(claim, f"not judged: the chance rate is derived for three documents, not {n_documents}", False)
    k, n = int(trajectories["sign_stable"].sum()), len(trajectories)
    chance = 1 / 3                                   # 2 monotone orders of 3! = 6
    _, low, high = proportion_with_interval(k, n)
    return Claim(claim, f"{k} of {n} terms = {k / max(n, 1):.2f} [{low[0]:.2f}, {high[0]:.2f}]; chance for three "
                 f"documents 2/3! = {chance:.2f}", bool(n and low[0] <= chance <= high[0]))


def non_significance_is_low_power(detectable: pd.DataFrame, design: str, keyness_table: pd.DataFrame | None = None,
                                  count: int = 20, min_log_ratio: float = 1.0) -> Claim:
    """Holds when, in ``design``, a term seen ``count`` times in all could reach
    significance only with |Log Ratio| ≥ ``min_log_ratio`` (a ``2**min_log_ratio``-fold
    difference): a non-significant term is then not shown to be shared, only not shown to
    differ (:func:`analysis.textstats.comparison.detectable_log_ratios`). With the design's
    ``keyness_table``, the evidence also counts the tested terms seen fewer times."""
    value = float(detectable.set_index("design").at[design, f"n = {count}"])
    evidence = (f"a term seen {count} times needs |Log Ratio| ≥ {value:.2f} (a {2 ** value:.1f}-fold difference) "
                "to reach p < 0.05 even before adjustment")
    if keyness_table is not None:
        rarer = int((keyness_table["freq_target"] + keyness_table["freq_reference"] < count).sum())
        evidence += f"; {rarer} of {len(keyness_table)} tested terms are seen fewer than {count} times"
    return Claim(f"In the {design} design, 'not significant' means too little data, not the same use",
                 evidence, value >= min_log_ratio)


def place_names_are_a_minority(table: pd.DataFrame, places: set[str] | frozenset[str], alpha: float = 0.05
                               ) -> Claim:
    """Holds when fewer than half of the terms significant in a keyness table
    (p_adjusted < ``alpha``) are place names."""
    significant = table.loc[table["p_adjusted"] < alpha, "term"]
    named = [t for t in significant if t in places]
    return Claim("Place names are a minority of the distinctive terms",
                 f"{len(named)} of {len(significant)} significant terms are place names ({'、'.join(named)})",
                 len(significant) > 0 and len(named) < len(significant) / 2)


def only_place_names_survive_paragraphs(checked: pd.DataFrame, places: set[str] | frozenset[str]) -> Claim:
    """Holds when every term that is significant both by G² and by the paragraph-level rank
    test (:func:`analysis.textstats.comparison.keyness_over_paragraphs`) is a place name."""
    significant = checked.loc[checked["significant_g2"], "term"]
    survivors = checked.loc[checked["survives"], "term"].to_list()
    return Claim("Beyond place names, no distinctive term survives a test over paragraphs",
                 f"{len(survivors)} of {len(significant)} G²-significant terms also differ in a rank test over "
                 f"paragraphs: {'、'.join(survivors) or 'none'}",
                 all(t in places for t in survivors))


def some_terms_hinge_on_one_section(jackknife: pd.DataFrame) -> Claim:
    """Holds when at least one term loses significance when a single section is left out
    (:func:`analysis.textstats.comparison.section_jackknife_keyness`); the evidence names them and
    the section."""
    fragile = jackknife[jackknife["significant"] < jackknife["replicates"]]
    evidence = (f"{len(jackknife) - len(fragile)} of {len(jackknife)} terms are significant in every replicate; "
                "lost without one section: " + "; ".join(f"{t} (without {s})" for t, s in
                                                        zip(fragile["term"], fragile["weakest_without"])))
    return Claim("Some distinctive terms rest on a single section", evidence, len(fragile) > 0)


def campaigns_confound_district(campaign_terms: pd.DataFrame) -> Claim:
    """Holds when a significant term belongs to a campaign that began between the years of
    the two sides (:func:`analysis.dictionaries.campaigns.campaign_terms`): a year effect, not
    necessarily a district one."""
    shown = campaign_terms[campaign_terms["significant"] & campaign_terms["began_between"]]
    return Claim("A distinctive term belongs to a city- or nation-wide campaign begun between the two reports",
                 "; ".join(f"{t} ({c}, {lvl}, from {y})" for t, c, lvl, y in
                           zip(shown["term"], shown["campaign"], shown["level"], shown["start_year"])) or "none",
                 len(shown) > 0)


def expressions_richer_at_equal_length(summary: pd.DataFrame, by: str, richer: str | None = None) -> Claim:
    """Holds when the ``richer`` group (default: the group with the most, the first of a tie)
    alone has the most distinct formulaic expressions expected at the shortest group's length
    (:func:`analysis.extract.formulaic.expression_summary`); a descriptive comparison without
    an interval."""
    column = next(c for c in summary.columns if c.startswith("distinct_in_"))
    values = summary.set_index(by)[column]
    richer = values.idxmax() if richer is None else richer
    return Claim(f"{richer} uses more distinct formulaic expressions, also at equal length (no interval)",
                 "; ".join(f"{g}: {v:.1f} expected in {column.split('_')[2]} words" for g, v in values.items()),
                 values.idxmax() == richer and (values == values.max()).sum() == 1)


def few_expressions_shared(overlap: pd.DataFrame, max_share: float = 0.1) -> Claim:
    """Holds when at most ``max_share`` of the distinct expressions of two groups
    (:func:`analysis.extract.formulaic.expression_overlap`) occur in both."""
    shared, total = int((overlap["status"] == "shared").sum()), len(overlap)
    return Claim("The two reports share only a few formulaic expressions",
                 f"{shared} of {total} distinct expressions occur in both "
                 f"({'、'.join(overlap.loc[overlap['status'] == 'shared', 'expression'])})",
                 total > 0 and shared <= max_share * total)


def like_for_like_is_inconclusive(differences: pd.DataFrame, between: str | None = None) -> Claim:
    """Holds when no change between matching sections (:func:`analysis.dictionaries.themes.rate_differences`)
    has a 95% interval excluding 0, or a side is flagged small_n, so that the comparison
    cannot show a change; the evidence names the family of tests and gives the paragraphs and
    the widest interval. The claim names the two sides compared: ``between``, else their labels
    in ``from`` and ``to``."""
    k, n = int(differences["excludes_zero"].sum()), len(differences)
    widest = differences.loc[(differences["ci_high"] - differences["ci_low"]).idxmax()]
    sides = between or f"{differences['from'].iloc[0]} and {differences['to'].iloc[0]}"
    return Claim(f"The like-for-like comparison cannot show a change between {sides}",
                 f"{k} of {n} changes have a 95% interval excluding 0 ({_family(k, n)}); body paragraphs "
                 f"{int(differences['paragraphs_from'].iloc[0])} → {int(differences['paragraphs_to'].iloc[0])}"
                 f" (small_n: {bool(differences['small_n'].any())}); widest interval {widest['theme']} "
                 f"[{widest['ci_low']:.1f}, {widest['ci_high']:.1f}] per 1,000 word tokens",
                 n > 0 and (k == 0 or bool(differences["small_n"].any())))


def topic_number_is_uncertain(selection: pd.DataFrame) -> Claim:
    """Holds when the runner-up k's mean stability lies within one standard deviation of the
    chosen k's (:func:`analysis.models.topics.choose_topic_number`): the choice is a convention,
    not a finding."""
    chosen = selection[selection["chosen"]].iloc[0]
    others = sorted_by(selection[~selection["chosen"]], ["stability", "k"], ascending=[False, True])
    runner = others.iloc[0]
    close = abs(chosen["stability"] - runner["stability"]) <= chosen["stability_sd"]
    return Claim("Stability does not single out one number of topics",
                 f"chosen k = {int(chosen['k'])}: {chosen['stability']:.3f} ± {chosen['stability_sd']:.3f}; "
                 f"next k = {int(runner['k'])}: {runner['stability']:.3f} ± {runner['stability_sd']:.3f}",
                 bool(close))


def core_terms_shared(top: pd.DataFrame, by: str = "doc_id") -> Claim:
    """Holds when at least one term is in the top list of every ``by`` group
    (:func:`analysis.textstats.frequency.top_terms`); the evidence names those terms."""
    groups = top.groupby(by, sort=False)["term"].agg(set)
    shared = sorted(set.intersection(*groups)) if len(groups) else []
    return Claim("A core of generic policy terms is in every document's top list",
                 f"in all {len(groups)} top lists: {'、'.join(shared) or 'none'}", len(shared) > 0)


def tfidf_departs_from_frequency(overlap: pd.DataFrame, max_mean: float = 0.5) -> Claim:
    """Holds when the mean Jaccard index of the frequency and TF-IDF top lists
    (:func:`analysis.textstats.keywords.top_n_overlap`) is at most ``max_mean``."""
    rows = overlap[overlap["methods"] == "frequency / tfidf"]
    mean = float(rows["jaccard"].mean())
    return Claim("TF-IDF ranks differently from frequency",
                 f"Jaccard of the top lists, frequency / tfidf: mean {mean:.2f}, range "
                 f"{rows['jaccard'].min():.2f}–{rows['jaccard'].max():.2f} over {len(rows)} documents",
                 len(rows) > 0 and mean <= max_mean)


def raw_tfidf_tracks_frequency(overlap: pd.DataFrame) -> Claim:
    """Holds when the top lists of TF-IDF with raw counts share more with frequency's (mean
    Jaccard, :func:`analysis.textstats.keywords.top_n_overlap`, methods ``frequency /
    tfidf_raw``) than those of the sublinear TF-IDF do (``frequency / tfidf``)."""
    raw = float(overlap.loc[overlap["methods"] == "frequency / tfidf_raw", "jaccard"].mean())
    sub = float(overlap.loc[overlap["methods"] == "frequency / tfidf", "jaccard"].mean())
    return Claim("With raw counts, TF-IDF ranks close to plain frequency; the sublinear count departs from it",
                 f"mean Jaccard with frequency: raw-count TF-IDF {raw:.2f}, sublinear TF-IDF {sub:.2f}", bool(raw > sub))


def term_marks_groups(top: pd.DataFrame, term: str, present: Sequence[str], absent: Sequence[str], by: str) -> Claim:
    """Holds when ``term`` is in the top list of every group in ``present`` and of none in
    ``absent`` (:func:`analysis.textstats.frequency.top_terms`); the evidence gives its rank in each."""
    rank = top[top["term"] == term].set_index(by)["rank"]
    evidence = "; ".join(f"{g}: {'rank ' + str(int(rank[g])) if g in rank.index else 'not in the top list'}"
                         for g in [*present, *absent])
    return Claim(f"{term} is in the top list of {', '.join(present)} and not of {', '.join(absent)}", evidence,
                 all(g in rank.index for g in present) and not any(g in rank.index for g in absent))


def places_among_largest_ratios(comparison: pd.DataFrame, places: set[str] | frozenset[str], n: int = 10) -> Claim:
    """Holds when place names are among the ``n`` terms with the largest |Log Ratio| of a
    comparison (:func:`analysis.textstats.comparison.comparison_terms`, ranked by |Log Ratio|)."""
    largest = comparison.sort_values("rank").head(n)
    named = [t for t in largest["term"] if t in places]
    return Claim("Place names are among the largest ratios of the comparison cloud",
                 f"{len(named)} of the {len(largest)} largest |Log Ratio|: {'、'.join(named) or 'none'}", len(named) > 0)


def cloud_rests_on_zero_counts(comparison: pd.DataFrame, n: int = 15) -> Claim:
    """Holds when at least half of the ``n`` terms with the largest |Log Ratio| of a comparison
    (:func:`analysis.textstats.comparison.comparison_terms`) have a zero count on one side:
    their ratio then rests on the 0.5 put in place of the zero, so their sizes in the cloud
    say how often the term occurs on the other side, not how much more often. The evidence
    also counts the distinct ratios among them (equal ratios may still be drawn at different
    sizes: the cloud's layout shrinks a word that does not fit)."""
    largest = comparison.sort_values("rank").head(n)
    zero = int(((largest["freq_target"] == 0) | (largest["freq_reference"] == 0)).sum())
    distinct = int(largest["log_ratio"].abs().round(6).nunique())
    return Claim("The comparison cloud's largest words are mostly words absent from one side",
                 f"{zero} of the {len(largest)} largest |Log Ratio| have a zero count on one side "
                 f"(ratio from the 0.5 substitution); {distinct} distinct |Log Ratio| values among them",
                 len(largest) > 0 and zero >= len(largest) / 2)


def rankings_agree(rho: float, n_terms: int, min_rho: float = 0.9) -> Claim:
    """Holds when Spearman's ρ between two rankings of the same terms
    (:func:`analysis.textstats.comparison.ranking_agreement`) is at least ``min_rho``."""
    return Claim("The G² and log-odds rankings agree",
                 f"Spearman rho over {n_terms} terms: {rho:.3f}", rho >= min_rho)


def documents_differ_in_kind(corpus: pd.DataFrame, doc_ids: Sequence[str]) -> Claim:
    """Holds when every two consecutive documents of ``doc_ids`` differ in genre or scope,
    so that a change along them cannot be read as a change over time alone."""
    meta = corpus.set_index("doc_id")
    pairs = list(zip(doc_ids, doc_ids[1:]))
    differ = [(meta.at[a, "genre"], meta.at[a, "scope"]) != (meta.at[b, "genre"], meta.at[b, "scope"]) for a, b in pairs]
    evidence = "; ".join(f"{d}: {meta.at[d, 'genre']}, {meta.at[d, 'scope'].split(':')[0]}" for d in doc_ids)
    return Claim("Every step along these documents changes genre or scope", evidence, len(pairs) > 0 and all(differ))


def _measure_rows(measures: pd.DataFrame, starts: Sequence[str]) -> list[pd.Series]:
    return [measures[measures["measure"].str.startswith(m)].iloc[0] for m in starts]


def _measure_text(row: pd.Series) -> str:
    return (f"{row['measure'].split(' (')[0]} {int(row['numerator'])}/{int(row['denominator'])} = {row['share']:.2f} "
            f"[{row['ci_low']:.2f}, {row['ci_high']:.2f}]")


def extraction_is_accurate(measures: pd.DataFrame, min_low: float = 0.85) -> Claim:
    """Holds when the lower 95% Wilson limits of the extractor's detection precision and
    recall on the blind-coded numbers (``measures`` of :func:`analysis.coding.scores.quantity_scores`)
    both reach ``min_low``."""
    rows = _measure_rows(measures, ["detection precision", "detection recall"])
    return Claim(f"The quantity extractor finds the quantities the coders find, and little else (both lower limits "
                 f"≥ {min_low})", "; ".join(map(_measure_text, rows)), all(bool(r["ci_low"] >= min_low) for r in rows))


def target_kind_is_accurate(measures: pd.DataFrame, min_share: float = 0.8) -> Claim:
    """Holds when the extractor's target precision on the blind-coded numbers
    (:func:`analysis.coding.scores.quantity_scores`) reaches ``min_share``; target recall and
    achieved precision are in the evidence, for reading."""
    rows = _measure_rows(measures, ["target precision", "target recall", "achieved precision"])
    return Claim(f"The extractor's targets are the coders' targets (target precision ≥ {min_share})",
                 "; ".join(map(_measure_text, rows)), bool(rows[0]["share"] >= min_share))


def indicators_match_the_coders(agreement: pd.DataFrame, min_share: float = 0.8, sample: str = "") -> Claim:
    """Holds when every coder's indicator agreement (:func:`analysis.coding.target_checks.indicator_agreement`:
    the extractor's phrase equal to the coder's, or the same canonical indicator) reaches
    ``min_share``; ``sample`` names the numbers coded in the claim's text."""
    evidence = "; ".join(f"coder {c}: {int(a)}/{int(n)} = {s:.2f} [{lo:.2f}, {hi:.2f}]" for c, a, n, s, lo, hi in
                         zip(agreement["coder"], agreement["agree"], agreement["numbers"], agreement["agreement"],
                             agreement["agreement_ci_low"], agreement["agreement_ci_high"]))
    return Claim(f"The extractor names what a number measures as the coders do{' on ' + sample if sample else ''} "
                 f"(agreement ≥ {min_share} for each coder)", evidence,
                 bool(len(agreement) and (agreement["agreement"] >= min_share).all()))


def target_pairs_hold(scores: pd.DataFrame, recall: pd.DataFrame, min_precision: float = 0.9,
                      min_met: float = 0.95, min_recall: float = 0.8) -> Claim:
    """Holds when, in the last round of the blind target checks (:func:`analysis.coding.target_checks.pair_scores`
    and :func:`~analysis.coding.target_checks.main_target_recall`), the pairs both coders
    call right reach ``min_precision``, each coder's met accuracy ``min_met`` and each
    coder's main-target recall ``min_recall``: the standard of the targets issue, read on the
    point estimates (the evidence gives the intervals, recall's resampling the reports)."""
    last = int(scores["round"].max())
    both = scores[(scores["round"] == last) & (scores["coder"] == "both")].iloc[0]
    coders = scores[(scores["round"] == last) & (scores["coder"] != "both")]
    found = recall[recall["round"] == recall["round"].max()]
    evidence = (f"round {last}: pairs right {int(both['correct'])}/{int(both['pairs'])} = {both['precision']:.2f} "
                f"[{both['precision_ci_low']:.2f}, {both['precision_ci_high']:.2f}]; met right "
                + ", ".join(f"{int(r)}/{int(j)}" for r, j in zip(coders["met_right"], coders["met_judged"]))
                + "; main-target recall " + ", ".join(f"{int(p)}/{int(w)} = {r:.2f} [{lo:.2f}, {hi:.2f}]" for p, w, r, lo, hi
                                                       in zip(found["paired"], found["with_outcome"], found["recall"],
                                                              found["recall_report_ci_low"], found["recall_report_ci_high"]))
                + " (intervals resampling the reports); the standard is read on the point estimates")
    holds = bool(both["precision"] >= min_precision and (coders["met_accuracy"] >= min_met).all()
                 and (found["recall"] >= min_recall).all())
    return Claim(f"Targets meet the right outcomes (pairs right ≥ {min_precision}, met right ≥ {min_met}, main "
                 f"targets found ≥ {min_recall})", evidence, holds)


def reviews_denser_than_plans(density: pd.DataFrame, reports: Sequence[str]) -> Claim:
    """Holds when, in each report, the review part states more quantities per 1,000 word
    tokens than the plan part and their 95% Jeffreys Poisson intervals do not overlap
    (:func:`analysis.extract.targets.numeric_density` by doc_id and part_kind)."""
    rows, holds = [], True
    for doc_id in reports:
        parts = density[density["doc_id"] == doc_id].set_index("part_kind")
        review, plan = parts.loc["review"], parts.loc["plan"]
        (r_low, p_low), (r_high, p_high) = poisson_rate_interval(
            [review["quantities"], plan["quantities"]], [review["word_tokens"], plan["word_tokens"]])
        holds &= bool(r_low > p_high)
        rows.append(f"{doc_id}: review {review['per_1000']:.1f} [{r_low:.1f}, {r_high:.1f}], "
                    f"plan {plan['per_1000']:.1f} [{p_low:.1f}, {p_high:.1f}] per 1,000 words")
    return Claim("Review parts state results in numbers far more densely than plan parts state targets",
                 "; ".join(rows), holds)


def hedging_cannot_be_told_apart(density: pd.DataFrame, reports: Sequence[str], share: str = "hedged",
                                 alpha: float = 0.05) -> Claim:
    """Holds when Fisher's exact test (two-sided, scipy) of the 2 × 2 table (report ×
    ``share``-or-not, over the plan parts' targets) gives p ≥ ``alpha``: too few targets to
    say which plan hedges (or sets floors) more. Each report's share keeps its Wilson interval
    in the evidence, for reading, not for the decision."""
    plans = density[density["part_kind"] == "plan"].set_index("doc_id").loc[list(reports)]
    table = [[int(r[share]), int(r["targets"]) - int(r[share])] for _, r in plans.iterrows()]
    p_value = float(fisher_exact(table).pvalue)
    evidence = "; ".join(f"{d}: {int(r[share])}/{int(r['targets'])} = {r[f'{share}_share']:.2f} "
                         f"[{r[f'{share}_ci_low']:.2f}, {r[f'{share}_ci_high']:.2f}]" for d, r in plans.iterrows())
    return Claim(f"The two plans' shares of {share} targets cannot be told apart at this number of targets",
                 f"{evidence}; Fisher's exact test p = {p_value:.2f}", bool(p_value >= alpha))


def few_targets_shared(side_by_side: pd.DataFrame, max_share: float = 0.2) -> Claim:
    """Holds when the targets matched by indicator (:func:`analysis.extract.targets.targets_side_by_side`)
    are at most ``max_share`` of the shorter report's targets."""
    matched = int(side_by_side["match"].isin(MATCHES).sum())
    n_a = matched + int((side_by_side["match"] == "only a").sum())
    n_b = matched + int((side_by_side["match"] == "only b").sum())
    return Claim("The two reports set numeric targets for different things: few indicators appear in both",
                 f"{matched} matched of {n_a} and {n_b} targets", bool(min(n_a, n_b) and matched <= max_share * min(n_a, n_b)))


def instruments_precise_but_incomplete(by_side: pd.DataFrame, recall: pd.DataFrame, min_precision: float = 0.7,
                                       max_recall: float = 0.9) -> Claim:
    """Holds when every side's pooled precision (:func:`analysis.dictionaries.instruments.precision_by_side`)
    reaches ``min_precision`` and the upper 95% limit of the pooled recall on the random
    sentences (row ``all`` of :func:`analysis.coding.scores.entry_recall`) is at most
    ``max_recall``: what the dictionary finds is mostly right, but it misses a good deal."""
    row = recall.set_index("entry").loc["all"]
    evidence = "; ".join(f"{s}: {int(r)}/{int(n)} = {p:.2f}" for s, r, n, p in
                         zip(by_side["side"], by_side["relevant"], by_side["coded"], by_side["precision"]))
    evidence += (f"; recall (coded instrument uses in random sentences that the dictionary finds): "
                 f"{int(row['found'])}/{int(row['relevant'])} = {row['recall']:.2f} [{row['ci_low']:.2f}, {row['ci_high']:.2f}]")
    return Claim("The instrument dictionary's hits are mostly right on every side, but it misses many of the "
                 "instruments the coders see", evidence,
                 bool((by_side["precision"] >= min_precision).all() and row["ci_high"] <= max_recall))


def instrument_counts_cannot_rank_sides(side_recall: pd.DataFrame, max_recall: float = 0.5) -> Claim:
    """Holds when every side's pooled recall on the random sentences
    (:func:`analysis.dictionaries.instruments.recall_by_side`) is below ``max_recall``: the
    dictionary misses most uses of every side, by side-specific amounts, so its counts of
    use cannot say which side a report uses most."""
    evidence = "; ".join(f"{s}: {int(f)}/{int(r)} = {p:.2f} [{lo:.2f}, {hi:.2f}]" for s, f, r, p, lo, hi in
                         zip(side_recall["side"], side_recall["found"], side_recall["relevant"], side_recall["recall"],
                             side_recall["ci_low"], side_recall["ci_high"]))
    return Claim(f"The dictionary finds under {max_recall:.0%} of the instrument uses of every side, so its counts "
                 "cannot rank the sides", f"recall per side: {evidence}",
                 bool(len(side_recall) and (side_recall["recall"] < max_recall).all()))


def side_used_most(used: pd.DataFrame, reports: Sequence[str], side: str) -> Claim:
    """Holds when ``side`` is used in more sentences than each other side in every report
    (rows of :func:`analysis.dictionaries.instruments.sentence_instruments`)."""
    counts = used[used["doc_id"].isin(reports)].groupby(["doc_id", "side"]).size().unstack("side", fill_value=0)
    counts = counts.reindex(index=list(reports), fill_value=0)
    others = [c for c in counts.columns if c != side]
    evidence = "; ".join(f"{d}: " + ", ".join(f"{c} {int(counts.at[d, c])}" for c in counts.columns) for d in reports)
    holds = side in counts.columns and bool((counts[side].to_numpy()[:, None] > counts[others].to_numpy()).all())
    return Claim(f"{side.capitalize()}-side instruments are used in more sentences than the other sides in each report",
                 evidence, holds)


def no_side_leads(used: pd.DataFrame, reports: Sequence[str], sides: Sequence[str]) -> Claim:
    """Holds when no side of ``sides`` is found in more sentences than each other side in
    every report (:func:`side_used_most` fails for each)."""
    claims = [side_used_most(used, reports, side) for side in sides]
    return Claim("No side of instruments is found in more sentences than the others in every report",
                 claims[0].evidence, not any(c.holds for c in claims))


def panel_is_too_small(coverage: pd.DataFrame, trends: pd.DataFrame, min_governments: int = MIN_CLUSTERS) -> Claim:
    """Holds when the corpus cannot support panel inference: no trend is estimated
    (:func:`analysis.models.panel.measure_trends` empty: fewer than MIN_TREND_DOCUMENTS
    documents) or fewer than ``min_governments`` governments, so standard errors cannot be
    clustered by government and a year cannot be told from a government."""
    governments, documents = len(coverage), int(coverage["documents"].sum())
    years = f"{int(coverage['first_year'].min())}–{int(coverage['last_year'].max())}" if governments else "none"
    evidence = (f"{governments} government(s), {documents} document(s), years {years}; trends estimated: "
                f"{len(trends)} (at least {MIN_TREND_DOCUMENTS} documents needed); clustering by government needs "
                f"at least {min_governments} governments")
    return Claim("The corpus is too small for panel inference: trends and differences between governments cannot "
                 "be told apart from year, genre or drafter", evidence,
                 bool(trends.empty or governments < min_governments))


def trends_found(trends: pd.DataFrame, family: str) -> Claim:
    """Holds when at least one measure of ``family`` has a trend significant after
    Benjamini–Hochberg adjustment within the family (rows of
    :func:`analysis.models.panel.measure_trends`); the evidence lists each such measure with
    its slope per year, interval and adjusted p."""
    rows = trends[trends["family"] == family]
    shown = rows[rows["significant"].astype(bool)].sort_values("slope_per_year", kind="stable")
    evidence = "; ".join(f"{m}: {s:+.3g}/year [{lo:+.3g}, {hi:+.3g}], p_adj {p:.2g}" for m, s, lo, hi, p in
                         zip(shown["measure"], shown["slope_per_year"], shown["ci_low"], shown["ci_high"],
                             shown["p_adjusted"])) or "none"
    errors = ", ".join(sorted(set(rows["standard_errors"]))) or "no model"
    return Claim(f"Some measures of {family} change over the years beyond chance within the family",
                 f"{len(shown)} of {len(rows)} measures significant (BH within the family; {errors}): {evidence}",
                 bool(len(shown)))


def growth_targets_found(growth: pd.DataFrame, corpus: pd.DataFrame, genre: str = "work_report",
                         min_share: float = 0.8) -> Claim:
    """Holds when a growth target (:func:`analysis.extract.targets.growth_targets`) is found in
    at least ``min_share`` of the reports of ``genre``. The interval resamples governments
    (:func:`analysis.textstats.inference_units.cluster_bootstrap_share`): a government's
    reports share its format."""
    reports = corpus[corpus["genre"] == genre]
    if reports.empty:
        return Claim(f"A growth target is found in at least {min_share:.0%} of the work reports", "no report", False)
    found = reports["doc_id"].isin(set(growth["doc_id"]))
    share, low, high, clusters = cluster_bootstrap_share(found.to_numpy(), reports["district"].to_numpy())
    return Claim(f"A growth target is found in at least {min_share:.0%} of the work reports",
                 f"{int(found.sum())} of {len(reports)} reports = {share:.2f} [{low:.2f}, {high:.2f}] "
                 f"(interval over {clusters} governments)", bool(share >= min_share))


def growth_targets_mostly_met(growth: pd.DataFrame) -> Claim:
    """Holds when the lower end of the 95% interval of the share of paired growth targets
    reported as met is above one half. The interval resamples years
    (:func:`analysis.textstats.inference_units.cluster_bootstrap_share`): a year's shock (2009,
    2020) hits every government's outcome at once."""
    paired = growth[growth["outcome_status"] == "paired"]
    claim = "Most growth targets are reported as met in the next report"
    if paired.empty:
        return Claim(claim, "no growth target has an outcome in the corpus", False)
    share, low, high, years = cluster_bootstrap_share(paired["met"].astype(bool).to_numpy(), paired["year"].to_numpy())
    return Claim(claim, f"{int(paired['met'].astype(bool).sum())} of {len(paired)} paired targets met = {share:.2f} "
                 f"[{low:.2f}, {high:.2f}] (interval over {years} years); mean gap {paired['gap'].mean():+.2f} pp; "
                 f"{int(paired['outcome_preliminary'].sum())} outcomes preliminary",
                 bool(low > 0.5) if years >= 2 else False)


def targets_escalate(escalation: pd.DataFrame) -> Claim:
    """Holds when governments set growth targets above the national target: the mean over
    governments of each government's mean escalation (target − national target) has a 95%
    t-interval above 0 (governments are the unit, at least two)."""
    known = escalation.dropna(subset=["escalation"])
    by_government = known.groupby("government")["escalation"].mean()
    if len(by_government) < 2:
        return Claim("Governments set growth targets above the national target",
                     f"{len(by_government)} government(s) with a national target of the same year", False)
    mean, sem = float(by_government.mean()), float(by_government.std(ddof=1) / np.sqrt(len(by_government)))
    half = float(t_distribution.ppf(0.975, len(by_government) - 1)) * sem
    above = int((by_government > 0).sum())
    return Claim("Governments set growth targets above the national target",
                 f"mean escalation over {len(by_government)} governments {mean:+.2f} pp [{mean - half:+.2f}, "
                 f"{mean + half:+.2f}] ({len(known)} government-years); {above} of {len(by_government)} governments "
                 "above on average", bool(mean - half > 0))
