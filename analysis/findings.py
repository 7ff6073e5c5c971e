"""Findings as computed claims: each sentence a notebook concludes with has a function here
that computes its evidence from the notebook's tables and says whether it holds.

A notebook shows :func:`claims_table` beside its "Findings" prose, and
``tests/test_findings.py`` recomputes every claim on the seeds, so a sentence cannot
drift from the numbers: if the data change and a claim no longer holds, a test fails.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

__all__ = ["Claim", "claims_table", "flagged_themes_are", "timeline_changes_are_few",
           "timeline_changes_are_confounded", "parts_do_not_differ", "topics_align_weakly"]


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


def timeline_changes_are_few(steps: pd.DataFrame, max_share: float = 0.2) -> Claim:
    """Holds when at most ``max_share`` of the consecutive changes (rows of
    :func:`analysis.themes.timeline_steps`) have a 95% interval that excludes 0."""
    k, n = int(steps["excludes_zero"].sum()), len(steps)
    return Claim("Few changes along the timeline are distinguishable from paragraph-level variation",
                 f"{k} of {n} changes have a 95% interval excluding 0", n > 0 and k <= max_share * n)


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


def parts_do_not_differ(differences: pd.DataFrame) -> Claim:
    """Holds when no part-against-part difference (:func:`analysis.themes.rate_differences`)
    has a 95% interval excluding 0; the evidence gives the median half-width, the size of
    difference these data could have detected."""
    k, n = int(differences["excludes_zero"].sum()), len(differences)
    half_width = float(((differences["ci_high"] - differences["ci_low"]) / 2).median())
    return Claim("No difference between review and plan parts is detectable at this size",
                 f"{k} of {n} differences have a 95% interval excluding 0; median half-width "
                 f"{half_width:.1f} per 1,000 word tokens", n > 0 and k == 0)


def topics_align_weakly(alignment: pd.DataFrame, max_best_share: float = 0.2, min_unmatched: float = 0.75
                        ) -> Claim:
    """Holds when no topic puts more than ``max_best_share`` of its weight on one theme's
    keywords and every topic puts at least ``min_unmatched`` on words of no theme
    (:func:`analysis.topics.topic_theme_alignment`)."""
    best, unmatched = float(alignment["best_share"].max()), float(alignment["unmatched_share"].min())
    return Claim("Topics align only weakly with the dictionary's themes",
                 f"largest share of a topic's weight on one theme {best:.2f}; "
                 f"smallest share on no theme {unmatched:.2f}",
                 best <= max_best_share and unmatched >= min_unmatched)


def flagged_themes_are(precision: pd.DataFrame, named: Sequence[str]) -> Claim:
    """Holds when the themes flagged for low precision in the coded sample
    (:func:`analysis.validation.precision_by_theme`) are exactly the ``named`` ones."""
    flagged = sorted(precision.loc[precision["flagged"], "theme"])
    evidence = "; ".join(f"{t} {p:.1f} [{lo:.2f}, {hi:.2f}]" for t, p, lo, hi in
                         zip(precision["theme"], precision["precision"], precision["ci_low"], precision["ci_high"]))
    return Claim(f"Precision is below 0.7 for {', '.join(named) or 'no theme'} only",
                 f"precision [95% Wilson interval]: {evidence}", flagged == sorted(named))
