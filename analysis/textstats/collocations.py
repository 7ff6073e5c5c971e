"""Bigram collocations of adjacent word tokens, scored by G² and PMI.

Every ranking breaks ties explicitly (by the term, in code-point order) and compares float
scores at :data:`analysis._internal.rounding.RANK_SIGNIFICANT_DIGITS` significant digits, so
tables are the same on every run and every CPU.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .comparison import signed_g2
from .._internal.rounding import rank_within_groups

__all__ = ["bigram_collocations"]


def bigram_collocations(tokens: pd.DataFrame, min_freq: int = 3) -> pd.DataFrame:
    """Two-word collocations: pairs of word tokens next to each other in a paragraph.

    Over the N adjacent word pairs (no punctuation or stop word between them), for
    the pair (x, y) with frequency a, x first in a + b pairs and y second in a + c:
    PMI = log2(a·N / ((a + b)(a + c))) (Church & Hanks 1990), and the log-likelihood
    G² of the table [[a, b], [c, N − a − b − c]] (Dunning 1993), both as association scores
    that rank pairs, not tests: adjacent words are not independent draws, and χ²(1) p-values
    of adjacent pairs (to 1e-46) would only restate the ranking, so none is reported.
    Pairs seen fewer than ``min_freq`` times are left out (PMI overrates rare pairs).
    Columns: bigram, first, second, freq, freq_first, freq_second, pmi, g2, rank (by G²,
    ties by the bigram).
    """
    ordered = tokens.sort_values(["doc_id", "para_no", "position"], kind="mergesort")
    following = ordered.groupby(["doc_id", "para_no"], sort=False).shift(-1)
    adjacent = (ordered["is_word"] & following["is_word"].eq(True)
                & (following["position"] == ordered["position"] + 1))
    pairs = pd.DataFrame({"first": ordered.loc[adjacent, "token"].to_numpy(),
                          "second": following.loc[adjacent, "token"].to_numpy()})
    n = len(pairs)
    freq = pairs.value_counts().rename("freq").reset_index()
    freq["freq_first"] = freq["first"].map(pairs["first"].value_counts())
    freq["freq_second"] = freq["second"].map(pairs["second"].value_counts())
    freq = freq[freq["freq"] >= min_freq].copy()
    a, first, second = freq["freq"], freq["freq_first"], freq["freq_second"]
    freq["pmi"] = np.log2(a * n / (first * second))
    # the table [[a, f − a], [s − a, n − f − s + a]] in signed_g2's form [[a, b], [c − a, d − b]]
    g2 = np.abs(signed_g2(a.to_numpy(float), (first - a).to_numpy(float), second.to_numpy(float),
                          (n - second).to_numpy(float)))
    freq["g2"] = g2
    freq.insert(0, "bigram", freq["first"] + freq["second"])
    freq["term"] = freq["bigram"]
    return rank_within_groups(freq, [], "g2").drop(columns="term")
