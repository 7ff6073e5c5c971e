"""Term trajectories along a timeline of documents: least-squares slopes of rates, and whether
each slope keeps its sign when any one document is left out.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._internal.rounding import sorted_by
from .frequency import term_frequencies

__all__ = ["term_trajectories", "leave_one_out_slopes", "trajectory_leave_one_out"]


def least_squares_slopes(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Least-squares slope of each row of ``y`` on ``x``: Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²."""
    y, x = np.asarray(y, dtype=float), np.asarray(x, dtype=float)
    dx = x - x.mean()
    return (y - y.mean(axis=-1, keepdims=True)) @ dx / (dx @ dx)


def term_trajectories(tokens: pd.DataFrame, timeline: pd.DataFrame, min_freq: int = 10) -> pd.DataFrame:
    """How each term's rate changes along a timeline of documents.

    ``timeline`` has columns doc_id and x (the time of each document, e.g. its decimal
    year), in display order. For every term seen at least ``min_freq`` times in those
    documents: its rate per 10,000 word tokens in each (0 where absent, one column per
    doc_id), its total count, and slope = Σ(x − x̄)(r − r̄) / Σ(x − x̄)², the least-squares
    change in rate per unit of x. Sorted by slope (descending), ties by term.
    """
    doc_ids = timeline["doc_id"].to_list()
    freq = term_frequencies(tokens[tokens["doc_id"].isin(doc_ids)], "doc_id")
    rates = freq.pivot_table(index="term", columns="doc_id", values="rate_per_10k", fill_value=0.0)
    rates = rates.reindex(columns=doc_ids, fill_value=0.0)
    total = freq.groupby("term")["count"].sum()
    rates = rates[total.reindex(rates.index) >= min_freq]
    slope = least_squares_slopes(rates.to_numpy(), timeline["x"].to_numpy(dtype=float))
    table = rates.reset_index()
    table.columns.name = None
    table["count"] = table["term"].map(total).astype(int)
    table["slope"] = slope
    return sorted_by(table, ["slope", "term"], ascending=[False, True])


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
    """Each term trajectory (:func:`analysis.textstats.trajectories.term_trajectories`, rate columns named
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
