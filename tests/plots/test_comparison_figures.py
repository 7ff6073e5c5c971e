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
