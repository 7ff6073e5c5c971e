"""Figures of attention: labels spread apart, small groups flagged, each district in its colour."""

import pytest

import matplotlib

matplotlib.use("Agg")
import matplotlib.collections  # noqa: E402
import matplotlib.dates  # noqa: E402
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
    assert legend == ["few — only 3 paragraphs: no interval drawn", "many"]
    bars = [c for c in figure.axes[0].containers if getattr(c, "errorbar", None) is not None]
    assert len(bars) == 1                                 # the small group's bars carry no error bar
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


def test_slope_chart_cuts_lines_at_zero_colours_each_term_and_lists_only_drawn_markers():
    documents = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": pd.to_datetime(["2018-01-10", "2020-12-01", "2024-01-10"]),
                              "genre": ["work_report", "plan_proposal", "work_report"],
                              "scope": ["full", "full", "full"], "text_quality": ["original"] * 3})
    trajectories = pd.DataFrame({"term": ["甲", "乙", "丙"], "slope": [5.0, 1.0, -6.0],
                                 "a": [1.0, 2.0, 20.0], "b": [10.0, 3.0, 5.0], "c": [20.0, 4.0, 0.0]})
    figure = theme_figures.plot_slope_chart(trajectories, documents)
    rising, falling = figure.axes
    assert rising.get_ylim()[0] == 0 and falling.get_ylim()[0] == 0
    labels = {t.get_text(): t.get_color() for t in rising.texts}
    lines = [line for line in rising.get_lines() if line.get_linestyle() == "--"]
    assert labels["甲"] != labels["乙"] and {line.get_color() for line in lines} == set(labels.values())
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert "machine-rewritten (grey fill)" not in legend and "excerpt (hollow)" not in legend
    assert {"plan_proposal", "work_report", "least-squares line"} <= set(legend)
    plt.close(figure)


def test_theme_timeline_of_25_years_labels_every_fifth_year_and_moves_a_reference_off_a_timeline_point():
    from types import SimpleNamespace

    years = range(2000, 2025)
    documents = pd.DataFrame({
        "doc_id": [f"d{y}" for y in years] + ["ref"], "district": ["Changning"] * 25 + ["Xuhui"],
        "date": pd.to_datetime([f"{y}-01-10" for y in years] + ["2010-01-20"]),
        "genre": ["work_report"] * 26, "scope": ["whole"] * 26, "text_quality": ["original"] * 26})
    theme = SimpleNamespace(id="t", zh="主题", en="theme")
    rates = pd.DataFrame({"doc_id": documents["doc_id"], "theme": "t", "per_1000": 2.0, "ci_low": 1.0, "ci_high": 3.0})
    figure = analysis.plots.plot_theme_timeline(rates, documents, [theme], reference="ref", ncols=1)
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2000", "2005", "2010", "2015", "2020", "2025"]
    assert len(ax.get_xticks(minor=True)) == 20          # the other years (a minor tick under a label is dropped)
    reference_x = [line.get_xdata()[0] for line in ax.get_lines() if line.get_color() == "#888888"
                   and line.get_marker() not in (None, "None", "")]
    timeline_x = {line.get_xdata()[0] for line in ax.get_lines() if line.get_color() != "#888888"
                  and line.get_marker() not in (None, "None", "") and len(line.get_xdata()) == 1}
    assert reference_x and reference_x[0] not in timeline_x
    assert matplotlib.dates.num2date(matplotlib.dates.date2num(reference_x[0])).month == 4   # 90 days after 20 January
    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    assert "ref (reference, drawn 3 months later)" in legend
    plt.close(figure)
    small = rates.assign(small_n=rates["doc_id"] == "d2000", paragraphs=5)
    figure = analysis.plots.plot_theme_timeline(small, documents, [theme], reference="ref", ncols=1)
    assert len([c for c in figure.axes[0].containers if c.has_yerr]) == 25       # every document but the small one
    plt.close(figure)
