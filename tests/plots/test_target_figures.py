"""Figures of targets: targets by theme, numeric density with whole intervals."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.collections  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from analysis import plots  # noqa: E402


def test_targets_by_theme_draws_one_bar_pair_per_report_and_a_legend_per_report():
    from analysis.dictionaries import themes

    dictionary = themes.read_themes()[:2]
    counts = pd.DataFrame({"theme": [dictionary[0].id] * 2 + ["(none)"] * 2, "doc_id": ["a", "b"] * 2,
                           "targets": [3, 5, 1, 0], "matched": [1, 1, 0, 0]})
    figure = plots.plot_targets_by_theme(counts, dictionary, {"a": "甲 A", "b": "乙 B"}, {"a": "#111111", "b": "#222222"})
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
    figure = plots.plot_numeric_density(density)
    left, right = figure.axes
    assert [round(p.get_width()) for p in left.patches] == [50, 10]
    assert [t.get_text() for t in right.texts] == ["n = 2: no interval"]      # below MIN_TARGETS_FOR_INTERVAL
    bars = [seg for c in right.collections if isinstance(c, matplotlib.collections.LineCollection)
            for seg in c.get_segments() if len(seg) and np.ptp(seg[:, 0]) > 0]
    assert bars == []                                                        # no interval drawn on two targets
    assert [t.get_text() for t in figure.legends[0].get_texts()] == ["review", "plan"]
    plt.close(figure)


def test_numeric_density_draws_shares_at_the_interval_ends():
    """A share of 1 whose Wilson upper limit falls a rounding error below 1 is still drawn."""
    density = pd.DataFrame({"group": ["x"], "part_kind": ["plan"], "word_tokens": [100], "quantities": [3],
                            "targets": [3], "per_1000": [30.0], "hedged_share": [1.0], "hedged_ci_low": [0.44],
                            "hedged_ci_high": [1.0 - 1e-16], "floor_share": [0.0], "floor_ci_low": [1e-17],
                            "floor_ci_high": [0.56]})
    figure = plots.plot_numeric_density(density)
    segments = [segment for axes in figure.axes for collection in axes.collections
                if isinstance(collection, matplotlib.collections.LineCollection)
                for segment in collection.get_segments()]
    spans = sorted((round(min(seg[:, i]), 2), round(max(seg[:, i]), 2)) for seg in segments for i in (0, 1)
                   if np.ptp(seg[:, i]) > 0)
    plt.close(figure)
    assert (0.44, 1.0) in spans and (0.0, 0.56) in spans         # both intervals are drawn, whole


def test_numeric_density_draws_no_row_for_front_matter_without_quantities():
    density = pd.DataFrame({"group": ["x", "x", "y"], "part_kind": ["front", "plan", "front"], "word_tokens": [30, 200, 40],
                            "quantities": [0, 2, 1], "targets": [0, 0, 0], "per_1000": [0.0, 10.0, 25.0],
                            **{f"{s}_{c}": [float("nan")] * 3 for s in ("hedged", "floor")
                               for c in ("share", "ci_low", "ci_high")}})
    figure = plots.plot_numeric_density(density)
    assert [t.get_text() for t in figure.axes[0].get_yticklabels()] == ["x · plan", "y · front"]   # bottom to top
    plt.close(figure)
