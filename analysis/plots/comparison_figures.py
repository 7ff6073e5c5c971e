"""Figures of a two-corpus comparison: keyness bars, the term-association scatter and shared
formulaic expressions.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .._internal.rounding import sorted_by
from ..textstats.frequency import PER
from .style import use_project_style

__all__ = ["plot_keyness", "plot_term_scatter", "plot_expression_overlap"]


def _stars(p: float) -> str:
    return "***" if p < 0.001 else "**" if p < 0.01 else "*" if p < 0.05 else ""


def plot_keyness(table: pd.DataFrame, top_n: int, names: tuple[str, str], colours: tuple[str, str],
                 places: frozenset[str] | set[str] = frozenset(), title: str = "") -> plt.Figure:
    """Two-sided keyness bars: the ``top_n`` terms with the largest positive G² (target)
    and the largest negative G² (reference). Bar length and order are both |G²|; place
    names (``places``) are set apart below the other terms, in grey; each bar is labelled
    with the counts (target : reference) and stars for Benjamini–Hochberg-adjusted p
    (* < 0.05, ** < 0.01, *** < 0.001)."""
    use_project_style()
    target = table[table["g2"] > 0].head(top_n)
    reference = sorted_by(table[table["g2"] < 0], ["g2", "term"]).head(top_n)
    fig, axes = plt.subplots(1, 2, figsize=(11, 0.3 * (top_n + 2) + 1.6))
    for ax, rows, name, colour in zip(axes, (target, reference), names, colours):
        is_place = rows["term"].isin(places).to_numpy()
        ordered = pd.concat([rows[~is_place], rows[is_place]])
        gap = int((~is_place).sum())
        y = np.array([i + (1 if i >= gap else 0) for i in range(len(ordered))], dtype=float)
        y = y.max(initial=0) - y
        place = ordered["term"].isin(places).to_numpy()
        values = ordered["g2"].abs().to_numpy()
        ax.barh(y, values, color=np.where(place, "#BBBBBB", colour))
        ax.set_yticks(y, ordered["term"])
        for tick, is_p in zip(ax.yaxis.get_major_ticks(), place):
            for label in (tick.label1, tick.label2):          # left and right tick labels
                label.set_color("#777777" if is_p else "#222222")     # grey only: CJK fonts have no italic
        for yi, value, a, b, p in zip(y, values, ordered["freq_target"], ordered["freq_reference"],
                                      ordered["p_adjusted"]):
            ax.annotate(f"{a} : {b} {_stars(p)}", (value, yi), xytext=(3, 0), textcoords="offset points",
                        ha="left", va="center", fontsize=7.5, color="#333333")
        if place.any() and gap:
            ax.axhline(y[gap - 1] - 1, color="#999999", linewidth=0.6, linestyle=":")
        ax.set_title(f"{name} 更常用 more frequent in {name}", fontsize=10)
        ax.set_xlabel("|G²| 对数似然 log-likelihood", fontsize=8)
        ax.margins(x=0.25)
    axes[1].yaxis.tick_right()
    fig.text(0.5, 0.005, f"按 |G²| 排序 bars and order: |G²|; labels: 次数 counts {names[0]} : {names[1]}; "
             "灰色 grey, below the dotted line: 地名 place names; "
             "* p < .05, ** p < .01, *** p < .001 (Benjamini–Hochberg)", ha="center", fontsize=7.5)
    if title:
        fig.suptitle(title, fontsize=11)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def plot_term_scatter(table: pd.DataFrame, labelled: list[str], places: set[str], names: tuple[str, str],
                      colours: tuple[str, str], title: str = "") -> plt.Figure:
    """Rates per 10,000 word tokens of every term in target (x) and reference (y), on log
    axes; a term absent from one side is drawn at the rate of half an occurrence (0.5 in
    place of 0). ``labelled`` terms are coloured by the side where they are more frequent
    and labelled without overlaps (adjustText); place names are grey (CJK fonts have no italic), so they do
    not crowd out the policy vocabulary. ``table`` is :func:`analysis.textstats.comparison.keyness`."""
    from adjustText import adjust_text  # optional import: only labelled scatter plots need it

    use_project_style()
    c = table["freq_target"].sum() / table["rate_target"].sum() * 10_000 if table["rate_target"].sum() else 1
    d = table["freq_reference"].sum() / table["rate_reference"].sum() * 10_000 if table["rate_reference"].sum() else 1
    x = np.where(table["freq_target"] == 0, 0.5 / c * 10_000, table["rate_target"])
    y = np.where(table["freq_reference"] == 0, 0.5 / d * 10_000, table["rate_reference"])
    fig, ax = plt.subplots(figsize=(8, 8))
    ax.scatter(x, y, s=6, color="#BBBBBB", alpha=0.6, linewidths=0)
    low, high = min(x.min(), y.min()) * 0.4, max(x.max(), y.max()) * 1.25
    ax.plot([low, high], [low, high], color="#888888", linewidth=0.8, linestyle="--")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    texts = []
    position = {term: i for i, term in enumerate(table["term"])}
    for term in labelled:
        i = position[term]
        colour = colours[0] if table["g2"].iloc[i] > 0 else colours[1]
        place = term in places
        ax.scatter([x[i]], [y[i]], s=14, color="#888888" if place else colour, zorder=3)
        texts.append(ax.text(x[i], y[i], term, fontsize=8, color="#777777" if place else colour,
                             zorder=4))
    # A fixed iteration count, not adjustText's default one-second time limit, so the layout
    # (and the saved file) is the same on every run and machine.
    adjust_text(texts, ax=ax, expand=(1.6, 2.4), force_text=(0.4, 0.8), max_move=(40, 40), iter_lim=1000,
                arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.5})
    ax.set_xlabel(f"{names[0]}：每万词 per 10,000 word tokens (log)")
    ax.set_ylabel(f"{names[1]}：每万词 per 10,000 word tokens (log)")
    ax.text(0.02, 0.98, f"above the diagonal: more frequent in {names[1]}\ngrey: place names\n"
            "a term absent from one side is drawn at half an occurrence (the lowest row and column of points)",
            transform=ax.transAxes, va="top", fontsize=8, color="#555555")
    if title:
        ax.set_title(title, fontsize=10)
    fig.tight_layout()
    return fig


def plot_expression_overlap(overlap: pd.DataFrame, names: tuple[str, str], colours: tuple[str, str],
                            words: tuple[int, int], top_n: int = 12) -> plt.Figure:
    """Formulaic expressions: counts of shared and district-specific expressions by kind
    (left; distinct expressions grow with a text's length, so the left panel names the two
    lengths and the notebook's summary table gives counts rarefied to the shorter one), and
    the most frequent expressions of each status as occurrences per 10,000 word tokens of
    each side (right; ``words`` are the two sides' word tokens)."""
    use_project_style()
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 0.28 * 3 * top_n + 1.5),
                                      gridspec_kw={"width_ratios": [1, 2.2]})
    statuses = list(dict.fromkeys(overlap["status"]))
    kinds = ["numeric", "named"]
    counts = overlap.groupby(["status", "kind"]).size().unstack("kind").reindex(index=statuses, columns=kinds,
                                                                               fill_value=0).fillna(0)
    bottom = np.zeros(len(statuses))
    for kind, colour in zip(kinds, ("#555555", "#AAAAAA")):
        left.bar(statuses, counts[kind], bottom=bottom, color=colour, label=kind)
        bottom += counts[kind].to_numpy()
    left.set_ylabel("表达数 number of distinct expressions (not length-adjusted)")
    left.set_title(f"word tokens: {names[0]} {words[0]:,}, {names[1]} {words[1]:,}", fontsize=8)
    left.legend(fontsize=8)
    left.tick_params(axis="x", labelrotation=20)
    shown = overlap.groupby("status", sort=False).head(top_n).iloc[::-1]
    y = np.arange(len(shown))
    right.barh(y - 0.2, shown["count_a"] / words[0] * PER, height=0.4, color=colours[0], label=names[0])
    right.barh(y + 0.2, shown["count_b"] / words[1] * PER, height=0.4, color=colours[1], label=names[1])
    right.set_yticks(y, [f"{e}  [{s}]" for e, s in zip(shown["expression"], shown["status"])], fontsize=8)
    right.set_xlabel("每万词出现次数 occurrences per 10,000 word tokens")
    right.legend(fontsize=8, loc="lower right")
    fig.suptitle("程式化表达：共有与独有 Formulaic expressions: shared and district-specific", fontsize=11)
    fig.tight_layout()
    return fig
