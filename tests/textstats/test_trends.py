"""Trends over years: planted slopes recovered, the document as the unit, the standard errors
chosen by the number of governments, one BH family over the themes."""
import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

from analysis.textstats import trends


def panel(governments: int, years: range, slopes: dict[str, float], seed: int = 0, noise: float = 0.5) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for g in range(governments):
        level = rng.normal(10, 2)                               # each government its own level
        for year in years:
            for theme, slope in slopes.items():
                rows.append({"doc_id": f"g{g}-{year}", "district": f"g{g}", "genre": "work_report", "year": year,
                             "theme": theme, "per_1000": level + slope * (year - years[0]) + rng.normal(0, noise)})
    return pd.DataFrame(rows)


def test_planted_trends_are_recovered_with_government_effects_and_clustered_errors():
    data = panel(12, range(2010, 2018), {"up": 0.8, "down": -0.6, "flat": 0.0})
    table = trends.attention_trends(data).set_index("theme")
    assert list(table.columns) == trends.TREND_COLUMNS[1:]
    assert table.loc["up", "slope_per_year"] == pytest.approx(0.8, abs=0.05)
    assert table.loc["down", "slope_per_year"] == pytest.approx(-0.6, abs=0.05)
    assert table.loc[["up", "down"], "significant"].all() and not table.loc["flat", "significant"]
    assert (table["standard_errors"] == "clustered by government").all() and (table["fixed_effects"] == "government").all()
    assert (table["documents"] == 96).all() and (table["governments"] == 12).all() and table.loc["up", "years"] == "2010–2017"
    fit = smf.ols("per_1000 ~ year + C(district)", data[data["theme"] == "up"]).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(data.loc[data["theme"] == "up", "district"])[0]},
        use_t=True)                                      # t with G − 1 = 11 degrees of freedom
    assert table.loc["up", "ci_low"] == pytest.approx(fit.conf_int().loc["year", 0])
    assert fit.df_resid_inference == 11
    from scipy.stats import false_discovery_control
    assert table["p_adjusted"].to_numpy() == pytest.approx(false_discovery_control(table["p_value"].to_numpy(), method="bh"))


def test_one_government_uses_newey_west_and_a_genre_effect_where_genres_vary():
    data = panel(1, range(2000, 2012), {"up": 1.0})
    data.loc[data["year"] % 5 == 0, "genre"] = "plan_proposal"
    table = trends.attention_trends(data.iloc[::-1])                  # any row order: the series is sorted by year
    assert table.loc[0, "standard_errors"] == "Newey–West" and table.loc[0, "fixed_effects"] == "genre"
    assert table.loc[0, "slope_per_year"] == pytest.approx(1.0, abs=0.1)
    fit = smf.ols("per_1000 ~ year + C(genre)", data).fit(cov_type="HAC", cov_kwds={"maxlags": 2})
    assert trends.newey_west_lags(12) == 2 and trends.newey_west_lags(100) == 4 and trends.newey_west_lags(1) == 1
    assert table.loc[0, "ci_high"] == pytest.approx(fit.conf_int().loc["year", 1])


def test_a_few_governments_use_hc3():
    table = trends.attention_trends(panel(3, range(2010, 2014), {"up": 1.0}))
    assert table.loc[0, "standard_errors"] == "HC3" and table.loc[0, "fixed_effects"] == "government"


def test_fewer_than_six_documents_give_no_trend():
    data = panel(1, range(2018, 2023), {"up": 1.0})
    assert trends.attention_trends(data).empty and list(trends.attention_trends(data).columns) == trends.TREND_COLUMNS
    assert len(trends.attention_trends(panel(1, range(2018, 2024), {"up": 1.0}))) == 1


def test_a_measure_the_government_effects_explain_exactly_has_no_slope():
    """Constant within each government: the fixed effects leave only rounding error, which
    must not come out as a 'significant' slope."""
    data = panel(12, range(2010, 2018), {"flat": 0.0}, noise=0.0)
    data["per_1000"] = data["district"].str[1:].astype(float) / 7      # a level per government, no noise
    table = trends.attention_trends(data).set_index("theme")
    assert table.at["flat", "slope_per_year"] == 0.0 and table.at["flat", "p_value"] == 1.0
    assert not table.at["flat", "significant"]


def test_ten_years_or_more_cluster_by_government_and_year_with_t_intervals():
    """A shock shared by every government in a year (the national report's echo) makes
    one-way clusters by government too narrow; with 10+ governments and 10+ years the
    errors are two-way, and the interval uses t with G − 1 degrees of freedom."""
    rng = np.random.default_rng(5)
    years = range(2000, 2014)
    shock = dict(zip(years, rng.normal(0, 2.0, len(years))))
    data = panel(12, years, {"up": 0.3}, seed=1, noise=0.3)
    data["per_1000"] += data["year"].map(shock)
    row = trends.attention_trends(data).set_index("theme").loc["up"]
    assert row["standard_errors"] == "clustered by government and year"
    one_way = smf.ols("y ~ year + C(g)", pd.DataFrame({"y": data["per_1000"], "year": data["year"].astype(float),
                                                        "g": data["district"]})).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(data["district"])[0]})
    low, high = one_way.conf_int().loc["year"]
    assert row["ci_high"] - row["ci_low"] > 2 * (high - low)           # the shared shocks widen it
