"""The unit of inference follows the data: documents where a group holds several, paragraphs
where it holds one.

Words come in paragraphs and paragraphs in documents; neither is an independent draw. Where
each group compared holds at least MIN_DOCUMENTS documents, intervals and tests resample or
rank **documents** (a cluster bootstrap: each resampled document brings all its paragraphs;
Lijffijt et al. 2016's rank test with one relative frequency per document). Where a group
holds fewer, documents are too few to resample, and the paragraph methods stay; every result
names the unit it used (``unit``), so a table says which rule applied.

    rate of a group = Σ counts / Σ words × per, over its documents (or paragraphs)
    document bootstrap: draw the group's documents with replacement, n_resamples times;
    the interval is the percentile interval of the resampled rates (or differences).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from .comparison import keyness_over_paragraphs
from .intervals import RateDifference, _rate, bootstrap_rate_difference

__all__ = ["MIN_DOCUMENTS", "inference_unit", "document_sums", "rate_difference_by_unit", "group_rates_by_unit",
           "keyness_over_units", "keyness_over_designs", "cluster_bootstrap_share"]

MIN_DOCUMENTS = 5
"""Fewest documents in every group compared for documents to be the unit of inference; below,
paragraphs (a bootstrap over 2–4 clusters cannot give an interval)."""


def inference_unit(*documents_per_group: int, min_documents: int = MIN_DOCUMENTS) -> str:
    """'document' when every group holds at least ``min_documents`` documents, else 'paragraph'."""
    return "document" if documents_per_group and min(documents_per_group) >= min_documents else "paragraph"


def document_sums(counts: Sequence[float], words: Sequence[float], documents: Sequence) -> tuple[np.ndarray, np.ndarray]:
    """Σ counts and Σ words per document (documents in first-seen order): the clusters a
    document bootstrap draws."""
    frame = pd.DataFrame({"count": np.asarray(counts, float), "words": np.asarray(words, float),
                          "document": np.asarray(documents, dtype=object)})
    sums = frame.groupby("document", sort=False)[["count", "words"]].sum()
    return sums["count"].to_numpy(), sums["words"].to_numpy()


def rate_difference_by_unit(counts_a: Sequence[float], words_a: Sequence[float], documents_a: Sequence,
                            counts_b: Sequence[float], words_b: Sequence[float], documents_b: Sequence,
                            per: float = 1000, n_resamples: int = 2000, seed: int = 2024,
                            confidence_level: float = 0.95, min_documents: int = MIN_DOCUMENTS
                            ) -> tuple[RateDifference, str]:
    """rate_b − rate_a (one value per paragraph on each side, with its document) and its
    percentile-bootstrap interval, resampling the unit :func:`inference_unit` gives: documents
    (their sums, :func:`document_sums`) or paragraphs. Returns the difference and the unit."""
    n_a, n_b = len(pd.unique(np.asarray(documents_a, dtype=object))), len(pd.unique(np.asarray(documents_b, dtype=object)))
    unit = inference_unit(n_a, n_b, min_documents=min_documents)
    if unit == "document":
        ca, wa = document_sums(counts_a, words_a, documents_a)
        cb, wb = document_sums(counts_b, words_b, documents_b)
        found = bootstrap_rate_difference(ca, wa, cb, wb, per, n_resamples, seed, confidence_level, min_paragraphs=0)
        return RateDifference(found.rate_a, found.rate_b, found.difference, found.ci_low, found.ci_high,
                              len(counts_a), len(counts_b), False, found.excludes_zero), unit
    return bootstrap_rate_difference(counts_a, words_a, counts_b, words_b, per, n_resamples, seed,
                                     confidence_level), unit


def group_rates_by_unit(table: pd.DataFrame, group: Sequence[str], count: str = "count", words: str = "words",
                        document: str = "doc_id", per: float = 1000, n_resamples: int = 2000, seed: int = 2024,
                        confidence_level: float = 0.95, min_documents: int = MIN_DOCUMENTS,
                        row_unit: str = "paragraph") -> pd.DataFrame:
    """The rate Σ count / Σ words × per of each group of ``group`` columns of ``table`` (one row
    per ``row_unit``, e.g. paragraph or target, with its ``document``) and its
    percentile-bootstrap interval, decided for each group: documents when the group holds at
    least ``min_documents`` (:func:`inference_unit`), else the rows themselves. Columns: the
    group columns, documents, rows, rate, ci_low, ci_high, unit ('document' or ``row_unit``);
    groups sorted by their keys. A group without words has rate NaN."""
    group = list(group)
    rng = np.random.default_rng(seed)
    alpha = 1 - confidence_level
    rows = []
    for key, part in table.groupby(group, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        n_documents = part[document].nunique()
        unit = inference_unit(n_documents, min_documents=min_documents)
        if unit == "document":
            c, w = document_sums(part[count], part[words], part[document])
        else:
            unit = row_unit
            c, w = part[count].to_numpy(float), part[words].to_numpy(float)
        total = w.sum()
        rate = c.sum() / total * per if total > 0 else np.nan
        low = high = np.nan
        if total > 0 and len(c) > 1:
            draws = rng.integers(0, len(c), size=(n_resamples, len(c)))
            low, high = np.nanquantile(_rate(c[draws], w[draws], per), [alpha / 2, 1 - alpha / 2])
        rows.append({**dict(zip(group, key)), "documents": n_documents, "rows": len(part), "rate": rate,
                     "ci_low": float(low), "ci_high": float(high), "unit": unit})
    return pd.DataFrame(rows, columns=[*group, "documents", "rows", "rate", "ci_low", "ci_high", "unit"])


def keyness_over_units(keyness_table: pd.DataFrame, target_tokens: pd.DataFrame, reference_tokens: pd.DataFrame,
                       alpha: float = 0.05, min_documents: int = MIN_DOCUMENTS) -> tuple[pd.DataFrame, str]:
    """G² beside Lijffijt et al.'s rank test over the unit :func:`inference_unit` gives for the
    two sides' documents: over documents (one relative frequency per document and term) or
    over paragraphs (:func:`analysis.textstats.comparison.keyness_over_paragraphs`). Both
    adjusted by Benjamini–Hochberg over every tested term. Columns of the paragraph version,
    with ``significant_units`` for the unit used (``*_target``/``*_reference`` counts of
    paragraphs or of documents), and the unit."""
    unit = inference_unit(target_tokens["doc_id"].nunique(), reference_tokens["doc_id"].nunique(),
                          min_documents=min_documents)
    if unit == "paragraph":
        table = keyness_over_paragraphs(keyness_table, target_tokens, reference_tokens, alpha)
        return table.rename(columns={"significant_paragraphs": "significant_units"}), unit
    table = keyness_over_paragraphs(keyness_table, target_tokens, reference_tokens, alpha, unit=("doc_id",))
    return table.rename(columns={"paragraphs_target": "documents_target", "paragraphs_reference": "documents_reference",
                                 "significant_paragraphs": "significant_units"}), unit


def keyness_over_designs(keyness_tables: Mapping[str, pd.DataFrame],
                         sides: Mapping[str, tuple[pd.DataFrame, pd.DataFrame]], alpha: float = 0.05,
                         min_documents: int = MIN_DOCUMENTS) -> dict[str, pd.DataFrame]:
    """:func:`keyness_over_units` for each design of ``sides`` (name -> target and reference
    token tables), with its keyness table, each table with a column ``unit`` (documents when
    both sides hold at least ``min_documents`` documents, else paragraphs); a ValueError
    names the design it arose in (a side without a paragraph of words, sides that share a
    paragraph or a document)."""
    checked = {}
    for design, (target, reference) in sides.items():
        try:
            table, unit = keyness_over_units(keyness_tables[design], target, reference, alpha, min_documents)
        except ValueError as error:
            raise ValueError(f"design {design!r}: {error}") from None
        checked[design] = table.assign(unit=unit)
    return checked


def cluster_bootstrap_share(successes: Sequence[bool], clusters: Sequence, n_resamples: int = 2000, seed: int = 2024,
                            confidence_level: float = 0.95) -> tuple[float, float, float, int]:
    """(share, ci_low, ci_high, clusters) of ``successes`` with a percentile interval from
    resampling whole clusters (years, governments) with replacement: share = Σ successes /
    Σ items over the drawn clusters. Items of one cluster move together (a year's shock hits
    every government), so this interval is wider than a Wilson interval that treats them as
    independent. NaN limits with fewer than two clusters."""
    frame = pd.DataFrame({"k": np.asarray(successes, dtype=float), "cluster": np.asarray(clusters, dtype=object)})
    sums = frame.groupby("cluster", sort=True)["k"].agg(["sum", "size"])
    k, n = sums["sum"].to_numpy(), sums["size"].to_numpy(dtype=float)
    share = float(k.sum() / n.sum()) if n.sum() else float("nan")
    if len(k) < 2:
        return share, float("nan"), float("nan"), len(k)
    draws = np.random.default_rng(seed).integers(0, len(k), size=(n_resamples, len(k)))
    alpha = 1 - confidence_level
    low, high = np.quantile(k[draws].sum(axis=1) / n[draws].sum(axis=1), [alpha / 2, 1 - alpha / 2])
    return share, float(low), float(high), len(k)
