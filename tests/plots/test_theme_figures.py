"""Figures of attention: labels spread apart, small groups flagged, each district in its colour."""

import pytest

import matplotlib

matplotlib.use("Agg")
import matplotlib.collections  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import analysis  # noqa: E402
from analysis.plots import theme_figures  # noqa: E402


def test_spread_labels_keep_a_minimum_gap_and_their_order():
    import numpy as np

    values = np.array([10.0, 10.2, 10.1, 30.0, 9.9])
    placed = theme_figures._spread(values, 1.0)
    assert np.all(np.diff(np.sort(placed)) >= 1.0 - 1e-9)
    assert list(np.argsort(placed, kind="stable")) == list(np.argsort(values, kind="stable"))
    assert placed.mean() == pytest.approx(values.mean())


def test_grouped_rates_flag_groups_with_few_paragraphs():
    from analysis.dictionaries import themes

    dictionary = themes.read_themes()[:2]
    rows = [{"group": g, "theme": t.id, "per_1000": 5.0, "ci_low": 1.0, "ci_high": 9.0, "paragraphs": n,
             "small_n": n < 10} for g, n in (("few", 3), ("many", 40)) for t in dictionary]
    figure = analysis.plots.plot_grouped_rates(pd.DataFrame(rows), {"few": "few", "many": "many"}, dictionary)
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert legend == ["few — only 3 paragraphs: interval unreliable", "many"]
    plt.close(figure)


def test_theme_timeline_draws_each_district_in_its_colour_with_its_own_line():
    from types import SimpleNamespace

    import matplotlib.colors as mcolors

    from analysis.documents.districts import district_colours

    documents = pd.DataFrame({
        "doc_id": ["cn-a", "cn-b", "sh-a", "sh-b", "ref"],
        "district": ["Changning", "Changning", "Shanghai", "Shanghai", "Xuhui"],
        "date": pd.to_datetime(["2018-01-10", "2020-01-10", "2018-01-20", "2020-01-20", "2019-01-16"]),
        "genre": ["work_report"] * 5, "scope": ["whole"] * 5, "text_quality": ["original"] * 5})
    theme = SimpleNamespace(id="t", zh="主题", en="theme")
    rates = pd.DataFrame({"doc_id": documents["doc_id"], "theme": "t", "per_1000": [1.0, 2.0, 3.0, 4.0, 2.5],
                          "ci_low": 0.5, "ci_high": 4.5})
    figure = analysis.plots.plot_theme_timeline(rates, documents, [theme], reference="ref", ncols=1)
    lines = [line for line in figure.axes[0].get_lines() if line.get_linestyle() == "-" and len(line.get_xdata()) == 2]
    colours = {mcolors.to_hex(line.get_color()).upper() for line in lines}
    assert colours == {district_colours()["Changning"].upper(), district_colours()["Shanghai"].upper()}
    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    assert "长宁 Changning" in legend and "上海 Shanghai" in legend and "ref (reference)" in legend
    plt.close(figure)
