"""Figures of a comparison: place names set apart in the keyness figure, ordered by G²."""

import pytest

import matplotlib

matplotlib.use("Agg")
import matplotlib.collections  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import analysis  # noqa: E402


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


def test_expression_overlap_shows_occurrences_per_10000_word_tokens_of_each_side():
    overlap = pd.DataFrame({"expression": ["四个意识", "一网通办", "两网融合"], "kind": ["numeric", "numeric", "numeric"],
                            "count_a": [2, 4, 0], "count_b": [3, 0, 6], "status": ["shared", "A only", "B only"]})
    figure = analysis.plots.plot_expression_overlap(overlap, ("A", "B"), ("#111111", "#999999"), (2000, 6000))
    left, right = figure.axes
    widths = sorted(round(p.get_width(), 6) for p in right.patches)
    assert widths == sorted([10.0, 20.0, 0.0, 5.0, 0.0, 10.0])    # count / words × 10,000, side by side
    assert "per 10,000 word tokens" in right.get_xlabel() and "not length-adjusted" in left.get_ylabel()
    assert left.get_title() == "word tokens: A 2,000, B 6,000"
    plt.close(figure)


def test_keyness_caption_describes_what_is_drawn():
    """Place names are grey and set apart below a dotted line, as the caption says; no
    style the CJK font cannot draw (italic) is claimed."""
    table = pd.DataFrame({"term": ["产业", "长宁", "品牌", "徐汇"], "freq_target": [39, 21, 2, 0],
                          "freq_reference": [15, 0, 25, 35], "g2": [21.4, 37.3, -15.8, -37.2],
                          "p_adjusted": [0.001, 0.0001, 0.004, 0.0001]})
    figure = analysis.plots.plot_keyness(table, 5, ("A", "B"), ("#4C72B0", "#DD8452"), places={"长宁", "徐汇"})
    caption = " ".join(t.get_text() for t in figure.texts)
    assert "grey, below the dotted line" in caption and "italic" not in caption
    colours = {t.get_text(): t.get_color() for ax in figure.axes for t in ax.get_yticklabels()}
    assert colours["长宁"] == colours["徐汇"] == "#777777" and colours["产业"] == "#222222"
    plt.close(figure)
