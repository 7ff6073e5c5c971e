"""Panel figures: within a page at 31 governments, labelled scales, missing cells blank."""
import numpy as np
import pandas as pd

from analysis.plots import panel_figures, views


def _government_years(governments: int, years: range) -> pd.DataFrame:
    rows = [{"government": f"cn{g:02d}0000", "year": y, "measure": m, "value": float(g + y - 2000)}
            for g in range(governments) for y in years for m in ("ecology", "economy", "culture")]
    return pd.DataFrame(rows).iloc[1:]                      # one missing government-year


def test_heatmaps_fit_a_page_at_31_governments_and_label_every_row():
    table = _government_years(31, range(2001, 2021))
    figure = panel_figures.plot_panel_heatmaps(table, ["ecology", "economy", "culture"], {"ecology": "生态"}, {},
                                               "title", "per 1,000")
    assert views.fits_page(figure)
    axes = [ax for ax in figure.axes if ax.get_title()]
    assert [ax.get_title() for ax in axes] == ["生态", "economy", "culture"]
    assert panel_figures.panel_title("民生保障（教育、医疗） Livelihood (education, health, elderly care, housing)") == \
        "民生保障（教育、医疗）\nLivelihood (education, health,\nelderly care, housing)"
    assert len(axes[0].get_yticklabels()) == 31
    assert np.ma.is_masked(axes[0].images[0].get_array()[0, 0])     # the missing cell stays blank (masked NaN)


def test_growth_figure_draws_escalation_only_with_national_targets():
    growth = pd.DataFrame({"target_value": [7.0, 8.0], "outcome_value": [7.2, 7.5], "outcome_status": ["paired"] * 2,
                           "year": [2019, 2019]})
    by_year = pd.DataFrame({"year": [2019], "met_share": [0.5], "met_ci_low": [0.1], "met_ci_high": [0.9]})
    assert len([a for a in panel_figures.plot_growth_targets(growth, by_year, None, "t").axes if a.get_visible()]) == 2
    escalation = pd.DataFrame({"year": [2019, 2019], "escalation": [0.5, 1.0]})
    assert len([a for a in panel_figures.plot_growth_targets(growth, by_year, escalation, "t").axes
                if a.get_visible()]) == 3
