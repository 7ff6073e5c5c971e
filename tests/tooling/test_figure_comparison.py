"""Regenerated figures are compared with the committed ones: CSVs within a relative
tolerance, PNGs by image comparison; a changed figure fails."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from support.figure_comparison import CSV_RTOL, csv_differences, figure_differences, png_difference  # noqa: E402
from analysis.paths import COMMITTED_FIGURES_DIR, FIGURES_DIR  # noqa: E402


def write_bar_chart(path, colour="#4C72B0", size=(3, 2)):
    fig, ax = plt.subplots(figsize=size)
    ax.bar(["a", "b", "c"], [3, 1, 2], color=colour)
    fig.savefig(path, format="png", dpi=80, metadata={"Software": None})
    plt.close(fig)


def test_csv_numbers_within_tolerance_match(tmp_path):
    pd.DataFrame({"term": ["产业", "推进"], "g2": [21.4323, 18.9165]}).to_csv(tmp_path / "e.csv", index=False)
    pd.DataFrame({"term": ["产业", "推进"], "g2": [21.4323 * (1 + CSV_RTOL / 2), 18.9165]}).to_csv(
        tmp_path / "a.csv", index=False)
    assert csv_differences(tmp_path / "e.csv", tmp_path / "a.csv") == []


def test_csv_number_beyond_tolerance_text_cell_and_shape_differ(tmp_path):
    pd.DataFrame({"term": ["产业", "推进"], "g2": [21.4323, 18.9165]}).to_csv(tmp_path / "e.csv", index=False)
    pd.DataFrame({"term": ["产业", "发展"], "g2": [21.4323 * (1 + 3 * CSV_RTOL), 18.9165]}).to_csv(
        tmp_path / "a.csv", index=False)
    problems = csv_differences(tmp_path / "e.csv", tmp_path / "a.csv")
    assert len(problems) == 2
    assert "column 'term'" in problems[0] and "'发展' instead of '推进'" in problems[0]
    assert "column 'g2'" in problems[1]
    pd.DataFrame({"term": ["产业"], "g2": [21.4323]}).to_csv(tmp_path / "short.csv", index=False)
    assert "1 rows instead of 2" in csv_differences(tmp_path / "e.csv", tmp_path / "short.csv")[0]


def test_png_same_drawing_matches_and_a_changed_colour_or_size_fails(tmp_path):
    write_bar_chart(tmp_path / "expected.png")
    write_bar_chart(tmp_path / "same.png")
    write_bar_chart(tmp_path / "recoloured.png", colour="#DD8452")
    write_bar_chart(tmp_path / "resized.png", size=(3, 3))
    assert png_difference(tmp_path / "expected.png", tmp_path / "same.png") is None
    assert "RMS pixel difference" in png_difference(tmp_path / "expected.png", tmp_path / "recoloured.png")
    assert "resized.png" in png_difference(tmp_path / "expected.png", tmp_path / "resized.png")


def test_missing_and_extra_figures_are_reported(tmp_path):
    committed, regenerated = tmp_path / "committed", tmp_path / "regenerated"
    committed.mkdir()
    regenerated.mkdir()
    for folder, name in ((committed, "01-old"), (regenerated, "01-new")):
        write_bar_chart(folder / f"{name}.png")
        pd.DataFrame({"x": [1]}).to_csv(folder / f"{name}.csv", index=False)
    problems = figure_differences(committed, regenerated)
    assert any("01-new.png was regenerated but is not committed" in p for p in problems)
    assert any("01-old.csv is committed but was not regenerated" in p for p in problems)


@pytest.mark.after_notebooks
def test_notebooks_of_this_session_regenerate_the_committed_figures(request):
    """Run by `make test` after strict nbval: every figure of each notebook that ran
    matches the committed one (figures/), within the tolerances above."""
    ran = sorted({item.path.name[:2] for item in request.session.items if item.path.suffix == ".ipynb"})
    if not ran:
        pytest.skip("no notebook ran in this session; `make test` runs them, then this comparison")
    assert FIGURES_DIR != COMMITTED_FIGURES_DIR, "the test session must write figures to a temporary folder"
    names = sorted({p.stem for folder in (COMMITTED_FIGURES_DIR, FIGURES_DIR) for p in folder.glob("*.png")
                    if p.name[:2] in ran})
    problems = figure_differences(COMMITTED_FIGURES_DIR, FIGURES_DIR, names)
    assert not problems, "\n".join(problems)


def test_csv_empty_text_cells_match_and_an_empty_against_text_differs(tmp_path):
    pd.DataFrame({"indicator": ["新增就业岗位", "", "立体绿化"], "n": [1, 2, 3]}).to_csv(tmp_path / "e.csv", index=False)
    pd.DataFrame({"indicator": ["新增就业岗位", "", "立体绿化"], "n": [1, 2, 3]}).to_csv(tmp_path / "a.csv", index=False)
    assert csv_differences(tmp_path / "e.csv", tmp_path / "a.csv") == []
    pd.DataFrame({"indicator": ["新增就业岗位", "公园", ""], "n": [1, 2, 3]}).to_csv(tmp_path / "b.csv", index=False)
    problems = csv_differences(tmp_path / "e.csv", tmp_path / "b.csv")
    assert len(problems) == 1 and "differs in 2 row(s)" in problems[0]
