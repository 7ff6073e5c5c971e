"""Comparing regenerated figures with the committed ones, within stated tolerances.

Byte equality holds only on the machine that wrote the files; across CPUs the numbers
may differ beyond the precision written, and the pictures by a few anti-aliased pixels.
So a regenerated figure matches the committed one when

* its CSV has the same columns and rows, equal text cells, and numbers equal within a
  relative tolerance of CSV_RTOL (two units in the last significant digit written,
  :data:`analysis._internal.rounding.CSV_SIGNIFICANT_DIGITS`);
* its PNG has the same size and a root-mean-square pixel difference of at most
  PNG_TOLERANCE on the 0–255 scale (``matplotlib.testing.compare.compare_images``).

The SVG is drawn from the same figure as the PNG and is not compared again.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.testing.compare import compare_images
from matplotlib.testing.exceptions import ImageComparisonFailure

from analysis.paths import display_path
from analysis._internal.rounding import CSV_SIGNIFICANT_DIGITS

__all__ = ["CSV_RTOL", "PNG_TOLERANCE", "csv_differences", "png_difference", "figure_differences"]

CSV_RTOL = 2 * 10.0 ** -(CSV_SIGNIFICANT_DIGITS - 1)
"""Relative tolerance for numbers in figure CSVs: 2 units in the last digit written."""

PNG_TOLERANCE = 2.0
"""Largest RMS pixel difference (0–255 scale) between a regenerated and a committed PNG."""


def csv_differences(expected: Path, actual: Path, rtol: float = CSV_RTOL) -> list[str]:
    """What differs between two CSVs: columns, row count, text cells (exactly; an empty
    cell equal to an empty cell) and numeric cells (|a − e| ≤ rtol × |e|, NaN equal to
    NaN). Empty when they match."""
    want, got = (pd.read_csv(path, keep_default_na=False, na_values=[""]) for path in (expected, actual))
    name = display_path(actual)
    if list(want.columns) != list(got.columns):
        return [f"{name}: columns {list(got.columns)} instead of {list(want.columns)}"]
    if len(want) != len(got):
        return [f"{name}: {len(got)} rows instead of {len(want)}"]
    problems = []
    for column in want.columns:
        a, e = got[column], want[column]
        if pd.api.types.is_numeric_dtype(e) and pd.api.types.is_numeric_dtype(a):
            close = np.isclose(a.to_numpy(float), e.to_numpy(float), rtol=rtol, atol=0.0, equal_nan=True)
        else:
            close = ((a.astype(str) == e.astype(str)).fillna(False) | (a.isna() & e.isna())).to_numpy(dtype=bool)
        if not close.all():
            row = int(np.flatnonzero(~close)[0])
            problems.append(f"{name}: column {column!r} differs in {int((~close).sum())} row(s), first at row "
                            f"{row + 1}: {a.iloc[row]!r} instead of {e.iloc[row]!r}")
    return problems


def png_difference(expected: Path, actual: Path, tolerance: float = PNG_TOLERANCE) -> str | None:
    """None when the two PNGs have the same size and an RMS pixel difference of at most
    ``tolerance``; otherwise what differs (a ``*-failed-diff.png`` is written beside ``actual``)."""
    try:
        result = compare_images(str(expected), str(actual), tol=tolerance, in_decorator=True)
    except ImageComparisonFailure as error:          # raised for different image sizes
        return f"{display_path(actual)}: {error}"
    if result is None:
        return None
    return (f"{display_path(actual)}: RMS pixel difference {result['rms']:.2f} > {tolerance} from "
            f"{display_path(expected)} (difference image: {display_path(result['diff'])})")


def figure_differences(expected_dir: Path, actual_dir: Path, names: list[str] | None = None) -> list[str]:
    """Every difference between the committed figures in ``expected_dir`` and regenerated
    ones in ``actual_dir`` (CSV and PNG of each figure ``name``, by default every PNG in
    either folder): a missing or extra figure, and what :func:`csv_differences` and
    :func:`png_difference` report. Empty when all match."""
    if names is None:
        names = sorted({p.stem for folder in (expected_dir, actual_dir) for p in folder.glob("*.png")})
    problems = []
    for name in names:
        for suffix in (".csv", ".png"):
            expected, actual = expected_dir / f"{name}{suffix}", actual_dir / f"{name}{suffix}"
            if not expected.is_file():
                problems.append(f"{name}{suffix} was regenerated but is not committed in {display_path(expected_dir)}/")
            elif not actual.is_file():
                problems.append(f"{name}{suffix} is committed but was not regenerated")
            elif suffix == ".csv":
                problems.extend(csv_differences(expected, actual))
            elif (message := png_difference(expected, actual)) is not None:
                problems.append(message)
    return problems
