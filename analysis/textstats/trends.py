"""Trends over years: does attention to a theme rise or fall across many documents?

A step between two consecutive documents says little on a long timeline; a trend uses every
document at once. For each theme, an ordinary least-squares model of a document's measure on
its year (statsmodels):

    y_d = a + b · year_d (+ a fixed effect per government, and per genre, where they vary) + e_d

b is the change per year. Its standard error is clustered by government and by year when the
documents come from at least MIN_CLUSTERS governments and MIN_CLUSTERS years (two-way, Cameron,
Gelbach & Miller 2011: the year is the same regressor for every government, and a year's shock
is shared by all of them, so one-way clusters by government would be too small); by government
alone with MIN_CLUSTERS governments but fewer years; intervals and p from t with G − 1 degrees
of freedom (G the smaller number of clusters; Cameron & Miller 2015); for one government's series, Newey–West (HAC, Bartlett kernel, maxlags =
⌊4 (n / 100)^(2/9)⌋, at least 1), since consecutive reports' errors are correlated; else
heteroskedasticity-robust (HC3). The documents are the unit: each is one
observation, however long. The themes form one family of tests, adjusted by
Benjamini–Hochberg. A slope within NUMERICALLY_ZERO of 0 (relative to max |y|) is 0 with p = 1. No trend is estimated on fewer than MIN_TREND_DOCUMENTS documents.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from scipy.stats import false_discovery_control

__all__ = ["MIN_TREND_DOCUMENTS", "MIN_CLUSTERS", "TREND_COLUMNS", "newey_west_lags", "attention_trends"]

MIN_TREND_DOCUMENTS = 6
"""Fewest documents on which a trend is estimated (with fewer, a slope is two or three steps)."""
NUMERICALLY_ZERO = 1e-10
"""A slope within NUMERICALLY_ZERO × max |y| of 0 is 0 (p = 1): a measure the fixed effects
explain exactly (constant within each government) leaves only rounding error, whose standard
error is as small and would make it 'significant'."""
MIN_CLUSTERS = 10
"""Fewest governments for standard errors clustered by government; below, HC3."""
TREND_COLUMNS = ["theme", "documents", "governments", "years", "slope_per_year", "ci_low", "ci_high", "p_value",
                 "p_adjusted", "significant", "standard_errors", "fixed_effects"]


def newey_west_lags(n: int) -> int:
    """Newey and West's (1994) rule for the lags of a HAC variance: ⌊4 (n / 100)^(2/9)⌋, at least 1."""
    return max(1, int(4 * (n / 100) ** (2 / 9)))


def attention_trends(measures: pd.DataFrame, value: str = "per_1000", government: str = "district",
                     genre: str = "genre", year: str = "year", group: str = "theme", alpha: float = 0.05,
                     min_documents: int = MIN_TREND_DOCUMENTS) -> pd.DataFrame:
    """The trend of ``value`` over ``year`` for each ``group`` of ``measures`` (one row per
    document and group, e.g. :func:`analysis.dictionaries.themes.theme_rates` joined to the
    documents' district, genre and year), by the module's model. Columns TREND_COLUMNS: the
    slope per year with its (1 − alpha) interval and p-value, p adjusted over the groups
    (Benjamini–Hochberg), significant (p_adjusted < alpha), which standard errors and fixed
    effects were used. An empty table when fewer than ``min_documents`` documents have a year."""
    data = measures.dropna(subset=[value, year])
    documents = data.groupby(group, sort=False).size()
    if data.empty or documents.max() < min_documents:
        return pd.DataFrame(columns=TREND_COLUMNS)
    rows = []
    for name, rows_of in data.groupby(group, sort=False):
        frame = pd.DataFrame({"y": rows_of[value].astype(float).to_numpy(),
                              "year": rows_of[year].astype(float).to_numpy(),
                              "government": rows_of[government].astype(str).to_numpy(),
                              "genre": rows_of[genre].astype(str).to_numpy()})
        effects = [name for name in ("government", "genre") if frame[name].nunique() > 1]
        formula = "y ~ year" + "".join(f" + C({name})" for name in effects)
        governments = frame["government"].nunique()
        clustered = governments >= MIN_CLUSTERS
        two_way = clustered and frame["year"].nunique() >= MIN_CLUSTERS
        series = governments == 1
        frame = frame.sort_values("year", kind="stable") if series else frame
        model = smf.ols(formula, frame)
        errors = ("clustered by government and year" if two_way else "clustered by government" if clustered
                  else "Newey–West" if series else "HC3")
        if frame["y"].nunique() <= 1:                               # no variation: slope 0, nothing to test
            slope, low, high, p = 0.0, 0.0, 0.0, 1.0
        else:
            if clustered:
                groups = pd.factorize(frame["government"])[0]
                if two_way:
                    groups = np.column_stack([groups, pd.factorize(frame["year"])[0]])
                fit = model.fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
            elif series:
                fit = model.fit(cov_type="HAC", cov_kwds={"maxlags": newey_west_lags(len(frame))})
            else:
                fit = model.fit(cov_type="HC3")
            slope, p = float(fit.params["year"]), float(fit.pvalues["year"])
            low, high = (float(v) for v in fit.conf_int(alpha).loc["year"])
            if abs(slope) <= NUMERICALLY_ZERO * max(1.0, float(frame["y"].abs().max())):    # rounding error, not a slope
                slope, low, high, p = 0.0, 0.0, 0.0, 1.0
        rows.append({"theme": name, "documents": len(frame), "governments": governments,
                     "years": f"{int(frame['year'].min())}–{int(frame['year'].max())}", "slope_per_year": slope,
                     "ci_low": low, "ci_high": high, "p_value": p,
                     "standard_errors": errors,
                     "fixed_effects": ", ".join(effects) or "none"})
    table = pd.DataFrame(rows)
    table["p_adjusted"] = false_discovery_control(table["p_value"].to_numpy(), method="bh")
    table["significant"] = table["p_adjusted"] < alpha
    return table[TREND_COLUMNS]
