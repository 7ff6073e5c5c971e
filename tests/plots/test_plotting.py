"""Plotting: the CJK font is real and used, and saved figures are byte-stable."""
import warnings

import pytest

import matplotlib

matplotlib.use("Agg")
import matplotlib.collections  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import font_manager  # noqa: E402

import analysis  # noqa: E402
from analysis.plots import plotting  # noqa: E402


def test_font_file_ships_with_mplfonts_and_has_cjk_glyphs():
    path = plotting.font_path()
    assert path.is_file() and path.name == plotting.FONT_FILE
    plotting.use_project_style()
    assert font_manager.findfont(plotting.FONT_NAME, fallback_to_default=False) == str(path)
    from matplotlib.ft2font import FT2Font
    font = FT2Font(str(path))
    assert all(font.get_char_index(ord(c)) for c in "长宁徐汇政府工作报告词次")


def test_chinese_text_renders_without_missing_glyphs():
    plotting.use_project_style()
    fig, ax = plt.subplots()
    ax.set_title("长宁 徐汇 词次 word tokens −1")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    plt.close(fig)
    assert [str(w.message) for w in caught if "Glyph" in str(w.message)] == []


def test_save_figure_writes_png_svg_csv_byte_stably(tmp_path):
    data = pd.DataFrame({"doc_id": ["a", "b"], "word_tokens": [3, 5], "word_types": [2, 4]})
    labels = pd.Series({"a": "长宁 2018 政府工作报告", "b": "徐汇 2019 政府工作报告"})
    analysis.save_figure(analysis.plots.plot_document_sizes(data, labels), "00-test", data, folder=tmp_path / "one")
    analysis.save_figure(analysis.plots.plot_document_sizes(data, labels), "00-test", data, folder=tmp_path / "two")
    for ext in ("png", "svg", "csv"):
        first, second = (tmp_path / run / f"00-test.{ext}" for run in ("one", "two"))
        assert first.read_bytes() == second.read_bytes() and first.stat().st_size > 0
    svg = (tmp_path / "one" / "00-test.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    assert pd.read_csv(tmp_path / "one" / "00-test.csv").equals(data)


def test_spread_labels_keep_a_minimum_gap_and_their_order():
    import numpy as np

    values = np.array([10.0, 10.2, 10.1, 30.0, 9.9])
    placed = plotting._spread(values, 1.0)
    assert np.all(np.diff(np.sort(placed)) >= 1.0 - 1e-9)
    assert list(np.argsort(placed, kind="stable")) == list(np.argsort(values, kind="stable"))
    assert placed.mean() == pytest.approx(values.mean())


def test_heatmap_colour_bar_is_labelled():
    matrix = pd.DataFrame([[0.1, 0.9], [0.5, 0.2]], index=["a", "b"], columns=["x", "y"])
    figure = analysis.plots.plot_heatmap(matrix, colorbar_label="share of weight")
    labels = [ax.get_ylabel() for ax in figure.axes]
    assert "share of weight" in labels
    plt.close(figure)
    with pytest.raises(TypeError):
        analysis.plots.plot_heatmap(matrix)                      # a colour bar must say what it measures


def test_keyness_figure_sets_place_names_apart_and_orders_by_g2():
    table = pd.DataFrame({"term": ["长宁", "产业", "推进", "徐汇", "品牌"], "freq_target": [21, 39, 75, 0, 2],
                          "freq_reference": [0, 15, 49, 35, 25], "g2": [37.3, 21.4, 18.9, -37.2, -15.8],
                          "p_adjusted": [0.0001, 0.0004, 0.001, 0.0001, 0.004]})
    figure = analysis.plots.plot_keyness(table, 3, ("A", "B"), ("#4C72B0", "#55A868"), frozenset({"长宁", "徐汇"}))
    left = figure.axes[0]
    ticks = [t.get_text() for t in left.get_yticklabels()]
    assert ticks == ["产业", "推进", "长宁"]                 # policy terms by |G²|, the place name set apart last
    widths = [bar.get_width() for bar in left.patches]
    assert widths == pytest.approx([21.4, 18.9, 37.3])      # bar length is the same statistic as the order
    texts = [t.get_text() for t in left.texts]
    assert "39 : 15 ***" in texts
    plt.close(figure)


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


def test_save_table_writes_the_csv_at_the_stated_precision(tmp_path):
    path = plotting.save_table(pd.DataFrame({"a": [1 / 3]}), "04-test", folder=tmp_path)
    assert path == tmp_path / "04-test.csv" and path.read_text(encoding="utf-8") == "a\n0.333333\n"


def test_targets_by_theme_draws_one_bar_pair_per_report_and_a_legend_per_report():
    from analysis.dictionaries import themes

    dictionary = themes.read_themes()[:2]
    counts = pd.DataFrame({"theme": [dictionary[0].id] * 2 + ["(none)"] * 2, "doc_id": ["a", "b"] * 2,
                           "targets": [3, 5, 1, 0], "matched": [1, 1, 0, 0]})
    figure = plotting.plot_targets_by_theme(counts, dictionary, {"a": "甲 A", "b": "乙 B"}, {"a": "#111111", "b": "#222222"})
    ax = figure.axes[0]
    widths = sorted(round(p.get_width()) for p in ax.patches)
    assert widths == sorted([3, 5, 1, 0, 1, 1, 0, 0])           # targets (pale) and matched (dark) per report and theme
    assert [t.get_text() for t in ax.get_yticklabels()] == ["无主题\n(no theme)", f"{dictionary[0].zh}\n{dictionary[0].en}"]
    assert len(figure.legends[0].get_texts()) == 2
    plt.close(figure)


def test_numeric_density_leaves_groups_without_targets_empty_and_labels_n():
    density = pd.DataFrame({"group": ["x", "x"], "part_kind": ["review", "plan"], "word_tokens": [100, 200],
                            "quantities": [5, 2], "targets": [0, 2], "per_1000": [50.0, 10.0],
                            **{f"{s}_{c}": [float("nan"), v] for s in ("hedged", "floor")
                               for c, v in (("share", 0.5), ("ci_low", 0.1), ("ci_high", 0.9))}})
    figure = plotting.plot_numeric_density(density)
    left, right = figure.axes
    assert [round(p.get_width()) for p in left.patches] == [50, 10]
    assert [t.get_text() for t in right.texts] == ["n = 2"]
    plt.close(figure)


def test_numeric_density_draws_shares_at_the_interval_ends():
    """A share of 1 whose Wilson upper limit falls a rounding error below 1 is still drawn."""
    density = pd.DataFrame({"group": ["x"], "part_kind": ["plan"], "word_tokens": [100], "quantities": [3],
                            "targets": [3], "per_1000": [30.0], "hedged_share": [1.0], "hedged_ci_low": [0.44],
                            "hedged_ci_high": [1.0 - 1e-16], "floor_share": [0.0], "floor_ci_low": [1e-17],
                            "floor_ci_high": [0.56]})
    figure = plotting.plot_numeric_density(density)
    segments = [segment for axes in figure.axes for collection in axes.collections
                if isinstance(collection, matplotlib.collections.LineCollection)
                for segment in collection.get_segments()]
    spans = sorted((round(min(seg[:, i]), 2), round(max(seg[:, i]), 2)) for seg in segments for i in (0, 1)
                   if np.ptp(seg[:, i]) > 0)
    plt.close(figure)
    assert (0.44, 1.0) in spans and (0.0, 0.56) in spans         # both intervals are drawn, whole
