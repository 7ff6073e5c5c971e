"""The panel: coverage with its missing cells, every measure per document and per
government-year (pooled Σ count / Σ base), and the trend per measure on the planted panel."""
import numpy as np
import pandas as pd
import pytest

from analysis.models import panel as panel_models
from synthetic_reports import PANEL_MISSING, PANEL_NATIONAL, PANEL_PLACES, PANEL_YEARS


def test_coverage_names_the_missing_cell_and_the_level(panel):
    coverage = panel_models.panel_coverage(panel.corpus).set_index("government")
    assert len(coverage) == len(PANEL_PLACES) + 1
    assert coverage.at[PANEL_MISSING[0], "missing_years"] == str(PANEL_MISSING[1])
    assert (coverage.drop(PANEL_MISSING[0])["missing"] == 0).all()
    assert coverage.at[PANEL_NATIONAL, "level"] == "national" and coverage.at["cn110000", "level"] == "province"
    grid = panel_models.coverage_grid(panel.corpus)
    assert list(grid.columns) == list(PANEL_YEARS) and grid.at[PANEL_MISSING[0], PANEL_MISSING[1]] == 0
    assert int((grid == 0).sum().sum()) == 1


def test_every_document_has_every_measure(panel):
    measures = panel.measures
    assert list(measures.columns) == panel_models.MEASURE_COLUMNS
    per_document = measures.groupby("doc_id").size()
    assert len(per_document) == len(panel.corpus) and per_document.nunique() == 1
    assert set(measures["family"]) == set(panel_models.FAMILIES)
    hedged = measures[measures["family"] == "hedged targets"]
    assert (hedged["base"] >= 1).all() and hedged["value"].between(0, 1).all()


def test_government_years_pool_counts_over_documents():
    measures = pd.DataFrame({"doc_id": ["a", "b", "c"], "government": ["g", "g", "h"], "year": [2020, 2020, 2020],
                             "genre": ["work_report", "plan", "work_report"], "level": "city",
                             "family": "attention", "measure": "ecology", "count": [1.0, 9.0, 0.0],
                             "base": [100.0, 900.0, 0.0], "value": [10.0, 10.0, np.nan],
                             "unit": "per 1,000 body word tokens"})
    measures.loc[1, "count"] = 4.0
    table = panel_models.government_year_measures(measures).set_index("government")
    assert table.at["g", "value"] == pytest.approx(5 / 1000 * 1000) and table.at["g", "documents"] == 2
    assert table.at["g", "genres"] == "plan, work_report" and np.isnan(table.at["h", "value"])


def test_trends_recover_the_planted_signs(panel):
    trends = panel_models.measure_trends(panel.measures, ["attention"]).set_index("measure")
    assert trends.at["ecology", "slope_per_year"] > 0 and trends.at["economy", "slope_per_year"] < 0
    assert trends.loc[["ecology", "economy"], "significant"].all()
    assert not trends.at["culture", "significant"] and trends.at["culture", "p_value"] == 1.0   # nothing planted
    assert (trends["standard_errors"] == "clustered by government").all()


def test_paragraph_measures_sum_to_the_document_measures(panel):
    rows = panel_models.paragraph_measures(panel.tokens, panel.hits, panel.quantities, panel.dictionary, panel.corpus)
    summed = rows.groupby(["doc_id", "family", "measure"])[["count", "base"]].sum()
    documents = panel.measures.set_index(["doc_id", "family", "measure"])
    for family in ("attention", "directives", "hedged targets"):
        shared = documents[documents.index.get_level_values("family") == family].index
        chosen = summed.reindex(shared).fillna(0)
        assert np.allclose(chosen["count"], documents.loc[shared, "count"]), family


def test_yearly_measures_resample_documents_in_a_full_year_and_name_the_row_unit_otherwise(panel):
    rows = panel_models.paragraph_measures(panel.tokens, panel.hits, panel.quantities, panel.dictionary, panel.corpus)
    yearly = panel_models.yearly_measures(rows, n_resamples=200, seed=3)
    assert list(dict.fromkeys(yearly["family"])) == list(panel_models.YEARLY_FAMILIES)
    assert (yearly["unit"] == "document").all()                    # 12 or 13 reports every year
    few = panel_models.yearly_measures(rows[rows["doc_id"].isin(["cn110000-2011-wr", "cn110000-2012-wr"])], 200, 3)
    assert set(few.loc[few["family"] == "hedged targets", "unit"]) == {"target"}
    assert set(few.loc[few["family"] == "attention", "unit"]) == {"paragraph"}
