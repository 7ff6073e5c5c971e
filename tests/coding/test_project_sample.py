"""The project's blind double-coded sample (analysis/data/coding): it reads, every
disagreement is settled, and agreement and scores stay at what notebooks 02 and 04 state."""
import pandas as pd

from analysis import coding
from analysis.dictionaries import instruments


def test_three_coders_and_an_adjudication_settle_every_code(project_validation):
    workbooks = sorted(p.name for p in coding.PROJECT_SAMPLE_DIR.glob("coding-*.xlsx"))
    assert workbooks == ["coding-coder-d.xlsx", "coding-coder-e.xlsx", "coding-coder-f.xlsx"]
    final = project_validation["final_sentences"]
    assert len(final) == 248 and (final.drop(columns="sample_id").isin(["0", "1"])).all().all()
    adjudication = coding.read_adjudication(coding.PROJECT_SAMPLE_DIR / "adjudication.xlsx")
    assert len(adjudication) == 144 and adjudication["final"].isin(["0", "1"]).all()


def test_agreement_reaches_krippendorffs_level_on_every_field(project_validation):
    agreement = project_validation["agreement"]
    assert len(agreement) == 25 and (agreement["alpha"] >= 0.8).all()
    assert (agreement.loc[agreement["sheet"] == "numbers", "alpha"] == 1).all()
    kappa = project_validation["kappa"]
    assert len(kappa) == 25 * 3 and (kappa["kappa"].dropna() >= 0.7).all()


def test_theme_scores_stay_where_notebook_02_puts_them(project_validation):
    precision = project_validation["precision_themes"].set_index("entry")
    assert sorted(precision.index[precision["below_0_7"]]) == sorted(
        ["economy", "reform", "ecology", "livelihood", "governance", "party_government"])
    assert (precision["coded"] == 8).all() and (precision["dropped"] == 0).all()
    assert precision.loc["economy", "ci_high"] < 0.7 and (precision["ci_low"] <= precision["precision"]).all()
    recall = project_validation["recall_themes"].set_index("entry").loc["all"]
    assert (recall["relevant"], recall["found"]) == (132, 94)


def test_instrument_and_quantity_scores_stay_where_notebook_04_puts_them(project_validation):
    sides = instruments.instrument_sides()
    by_side = instruments.precision_by_side(project_validation["precision_instruments"], sides)
    assert (by_side["precision"] >= 0.7).all()
    recall = instruments.recall_by_side(project_validation["recall_instruments"], sides)
    assert recall["relevant"].sum() == 110 and (recall["recall"] < 0.5).all()
    measures = project_validation["quantity_measures"].set_index("measure")["share"]
    share = {name.split(" (")[0]: value for name, value in measures.items()}
    assert share["detection precision"] >= 0.95 and share["detection recall"] >= 0.95
    assert share["unit agreement"] >= 0.95 and share["target precision"] >= 0.9 and share["target recall"] >= 0.7
    kinds = project_validation["quantity_kinds"].set_index("extractor kind")
    assert kinds.loc["achieved", "target"] == 0 and kinds.loc["target", "achieved"] == 0


def test_round_one_is_kept_and_still_reads(project_validation):
    """Round 1 (superseded, README) still reads against its own keys: its record stays checkable."""
    import analysis

    tables = coding.project_sample_tables(coding.measured_dictionaries(*analysis.prepare()),
                                          coding.PROJECT_SAMPLE_DIR / "round-1")
    assert (tables["agreement"]["alpha"] >= 0.75).all()
    assert isinstance(tables["final_sentences"], pd.DataFrame) and len(tables["final_sentences"]) == 208
