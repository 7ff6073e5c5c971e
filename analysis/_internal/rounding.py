"""Numbers at a stated precision: what the CSVs hold and what rankings sort on.

Floating-point results can differ in their last bits between CPUs (numpy and OpenBLAS
pick SIMD code paths and kernels by CPU: a G² of 21.432303381180315 on one machine is
21.432303381180322 on another). So that the committed tables are the same everywhere:

* every CSV the project writes holds its floats rounded to ``CSV_SIGNIFICANT_DIGITS``
  significant digits (6: far above what any figure shows, far below where CPUs differ);
* every ranking on a float score compares the score at ``RANK_SIGNIFICANT_DIGITS``
  significant digits (9), so that scores equal up to rounding noise are ordered by the
  next key (the term), the same way on every machine.

Rounding is decimal and correctly rounded (Python's ``format``), so it is itself the
same on every CPU.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["CSV_SIGNIFICANT_DIGITS", "RANK_SIGNIFICANT_DIGITS", "round_significant", "sorted_by", "rank_within_groups", "write_csv"]

CSV_SIGNIFICANT_DIGITS = 6
"""Significant digits of every float written to a CSV."""

RANK_SIGNIFICANT_DIGITS = 9
"""Significant digits at which float scores are compared when ranking."""


def round_significant(values, digits: int) -> np.ndarray:
    """``values`` rounded to ``digits`` significant decimal digits (float(f"{v:.{digits}g}"),
    correctly rounded); NaN and ±inf stay as they are. Each distinct value is formatted once."""
    if digits < 1:
        raise ValueError(f"digits must be at least 1, not {digits}")
    array = np.asarray(values, dtype=float)
    spec = f".{digits}g"
    distinct, inverse = np.unique(array.ravel(), return_inverse=True)
    rounded = np.array([float(format(v, spec)) for v in distinct], dtype=float)
    return np.where(array == 0, array, rounded[inverse].reshape(array.shape))      # 0.0 and -0.0 kept apart


def sorted_by(table: pd.DataFrame, columns: Sequence[str], ascending: Sequence[bool] | bool = True,
              ignore_index: bool = True) -> pd.DataFrame:
    """``table`` sorted (stable mergesort) by ``columns``; float columns are compared at
    RANK_SIGNIFICANT_DIGITS significant digits, so near-ties fall to the next column
    identically on every CPU. The values in the table are not changed."""
    keys = pd.DataFrame({
        f"_key{i}": (round_significant(table[column], RANK_SIGNIFICANT_DIGITS)
                     if pd.api.types.is_float_dtype(table[column]) else table[column].to_numpy())
        for i, column in enumerate(columns)
    }, index=table.index)
    order = keys.sort_values(list(keys.columns), ascending=ascending, kind="mergesort").index
    result = table.loc[order]
    return result.reset_index(drop=True) if ignore_index else result


def write_csv(table: pd.DataFrame, path: Path | str) -> None:
    """Write ``table`` as UTF-8 CSV with LF line ends and no index, floats at
    CSV_SIGNIFICANT_DIGITS significant digits ("%.6g")."""
    table.to_csv(path, index=False, lineterminator="\n", float_format=f"%.{CSV_SIGNIFICANT_DIGITS}g")


def rank_within_groups(table: pd.DataFrame, by: list[str], score: str) -> pd.DataFrame:
    """Sort by group, score (descending) and term; add rank 1, 2, … within each group."""
    table = sorted_by(table, [*by, score, "term"], ascending=[True] * len(by) + [False, True])
    table["rank"] = table.groupby(by, sort=False).cumcount() + 1 if by else np.arange(1, len(table) + 1)
    return table
