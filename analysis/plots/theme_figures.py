"""Figures of attention over documents and time: the theme timeline, grouped rates, the slope
chart of term trajectories and the stability of the topic number.
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..coding.scores import LOW_PRECISION_MARK
from ..documents.corpus import is_excerpt, is_rewritten
from ..documents.districts import district_colours, district_names
from ..documents.genres import genre_markers
from .style import GROUP_COLOURS, PER_10K_LABEL, panel_grid, use_project_style

__all__ = ["YEAR_LABELS", "REFERENCE_SHIFT", "plot_theme_timeline", "plot_grouped_rates", "TERM_PALETTE_RISING", "TERM_PALETTE_FALLING", "plot_slope_chart",
           "plot_topic_stability"]


REWRITTEN_FILL = "#BBBBBB"
"""Marker fill of a machine-rewritten document (an excerpt's marker is hollow)."""


def _marker_fill(scope: str, quality: str, colour: str) -> str:
    return "white" if is_excerpt(scope) else REWRITTEN_FILL if is_rewritten(quality) else colour


def _document_handles(colour: str, docs: pd.DataFrame) -> list[plt.Line2D]:
    """Legend entries for the genre markers of ``docs`` (indexed by doc_id, with genre, scope
    and text_quality), and for the excerpt and rewritten fills only when such a document is
    among them (no entry for a marker the figure does not show)."""
    markers = genre_markers()
    handles = [plt.Line2D([], [], marker=markers.get(g, "D"), linestyle="", color=colour, label=g)
               for g in sorted(set(docs["genre"]))]
    if any(is_excerpt(s) for s in docs["scope"]):
        handles.append(plt.Line2D([], [], marker="o", linestyle="", color=colour, markerfacecolor="white",
                                  label="excerpt (hollow)"))
    if any(is_rewritten(q) for q in docs["text_quality"]):
        handles.append(plt.Line2D([], [], marker="o", linestyle="", color=colour, markerfacecolor=REWRITTEN_FILL,
                                  label="machine-rewritten (grey fill)"))
    return handles


YEAR_LABELS = 10
"""At most this many year labels on a time axis: beyond, every 2nd or 5th year is labelled
(each year keeps a minor tick), so that 25 years stay readable in a narrow panel."""


def _year_axis(ax, dates: pd.Series) -> None:
    """A time axis proportional to dates, ticks at whole years; labels at every year up to
    YEAR_LABELS years, else at every 2nd (up to twice that) or 5th year."""
    years = list(range(dates.min().year, dates.max().year + 2))
    step = 1 if len(years) <= YEAR_LABELS else 2 if len(years) <= 2 * YEAR_LABELS else 5
    labelled = years if step == 1 else [y for y in years if y % step == 0]
    ax.set_xticks([pd.Timestamp(year=y, month=1, day=1) for y in labelled], [str(y) for y in labelled], fontsize=8)
    if step > 1:
        ax.set_xticks([pd.Timestamp(year=y, month=1, day=1) for y in years], minor=True)
    ax.set_xlim(pd.Timestamp(year=dates.min().year, month=1, day=1) - pd.Timedelta(days=60),
                pd.Timestamp(year=dates.max().year + 1, month=1, day=1))


REFERENCE_SHIFT = pd.Timedelta(days=90)
"""A reference document within this of a timeline document's date is drawn this much later,
so that neither point hides the other (the legend says so)."""


def plot_theme_timeline(rates: pd.DataFrame, documents: pd.DataFrame, themes: list, reference: str | None = None,
                        ncols: int = 5) -> plt.Figure:
    """Small multiples, one panel per theme: rate per 1,000 word tokens with its bootstrap
    interval for each document, on a time axis proportional to the dates. Each district
    has its colour (analysis/data/districts.tsv) and its own line; markers show the genre,
    hollow for an excerpt, grey fill for a machine-rewritten text; a line joins two
    consecutive timeline documents of a district only when they share genre and scope (no
    line across genres, as if they formed a trend); ``reference`` (a doc_id) is drawn in grey,
    REFERENCE_SHIFT later when it would fall on a timeline point; a document flagged ``small_n``
    (fewer paragraphs than MIN_PARAGRAPHS) gets no interval. Year labels: :func:`_year_axis`.

    ``rates`` is :func:`analysis.dictionaries.themes.bootstrap_theme_rates`; ``documents`` has doc_id,
    district, date, genre, scope and text_quality for every document drawn, timeline first.
    """


    use_project_style()
    docs = documents.set_index("doc_id")
    timeline = [d for d in docs.index if d != reference]
    colours = district_colours()
    places = list(dict.fromkeys(docs.loc[timeline, "district"]))
    near = reference is not None and bool((abs(docs.loc[timeline, "date"] - docs.loc[reference, "date"])
                                           < REFERENCE_SHIFT).any())
    reference_shift = REFERENCE_SHIFT if near else pd.Timedelta(0)      # beside a timeline point, not on it
    fig, axes = panel_grid(len(themes), ncols, 3.1, 2.7, extra_height=1.0, sharex=True)
    for ax, theme in zip(axes, themes):
        rows = rates[rates["theme"] == theme.id].set_index("doc_id")
        for place in places:
            line = [d for d in timeline if docs.loc[d, "district"] == place]
            for a, b in zip(line, line[1:]):
                if (docs.loc[a, "genre"], docs.loc[a, "scope"]) == (docs.loc[b, "genre"], docs.loc[b, "scope"]):
                    ax.plot(docs.loc[[a, b], "date"], rows.loc[[a, b], "per_1000"], color=colours[place],
                            linewidth=1, zorder=1)
        for doc_id in docs.index:
            colour = "#888888" if doc_id == reference else colours[docs.loc[doc_id, "district"]]
            row = rows.loc[doc_id]
            ax.errorbar(docs.loc[doc_id, "date"] + (reference_shift if doc_id == reference else pd.Timedelta(0)),
                        row["per_1000"],
                        yerr=None if bool(row.get("small_n", False)) else
                        [[row["per_1000"] - row["ci_low"]], [row["ci_high"] - row["per_1000"]]],
                        fmt=genre_markers().get(docs.loc[doc_id, "genre"], "D"), color=colour, ecolor=colour,
                        markerfacecolor=_marker_fill(docs.loc[doc_id, "scope"], docs.loc[doc_id, "text_quality"],
                                                     colour),
                        markersize=6, capsize=2, linewidth=1, zorder=2)
        ax.set_title(f"{theme.zh}\n" + "\n".join(textwrap.wrap(theme.en, 34)), fontsize=8.5)
        ax.set_ylim(bottom=0)
        _year_axis(ax, docs["date"])
        ax.tick_params(axis="x", rotation=45)
    handles = _document_handles(colours[places[0]] if len(places) == 1 else "#555555", docs)
    if len(places) > 1:
        names = district_names()
        handles += [plt.Line2D([], [], color=colours[p], linewidth=2, label=names[p]) for p in places]
    if reference:
        handles.append(plt.Line2D([], [], marker="o", linestyle="", color="#888888",
                                  label=f"{reference} (reference{', drawn 3 months later' if near else ''})"))
    fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 6), frameon=False, fontsize=7.5)
    fig.supylabel("每千词命中 hits per 1,000 word tokens", fontsize=9, x=0.003)
    marked = "; † precision below 0.7 on the blind-coded sample" if any(LOW_PRECISION_MARK in t.en for t in themes) else ""
    fig.suptitle("政策注意力的变化（95% 自助法区间）Policy attention over time (95% bootstrap intervals; "
                 "lines only between documents of the same genre and scope)\n"
                 f"each panel has its own y-scale{marked}", fontsize=10)
    fig.tight_layout(rect=(0.015, 0.05, 1, 1))
    return fig


def plot_grouped_rates(rates: pd.DataFrame, groups: dict[str, str], themes: list, group: str = "group",
                       title: str = "") -> plt.Figure:
    """Horizontal grouped bars: one cluster per theme, one bar per group (labels from
    ``groups``), rate per 1,000 word tokens with bootstrap error bars. A group flagged
    ``small_n`` (fewer paragraphs than :data:`analysis.textstats.intervals.MIN_PARAGRAPHS`) is
    hatched and pale and gets no error bar (a percentile bootstrap over two paragraphs has
    three distinct resamples); its legend entry says how many paragraphs it rests on."""
    use_project_style()
    n = len(groups)
    height = 0.8 / n
    fig, ax = plt.subplots(figsize=(8, 0.25 * n * len(themes) + 1.5 + 0.25 * n))
    for i, (key, label) in enumerate(groups.items()):
        rows = rates[rates[group] == key].set_index("theme").loc[[t.id for t in themes]]
        small = bool(rows["small_n"].any()) if "small_n" in rows else False
        if small:
            label = f"{label} — only {int(rows['paragraphs'].iloc[0])} paragraphs: no interval drawn"
        y = [len(themes) - 1 - j + (n - 1 - i - (n - 1) / 2) * height for j in range(len(themes))]
        ax.barh(y, rows["per_1000"], height=height, color=GROUP_COLOURS[i % len(GROUP_COLOURS)], label=label,
                alpha=0.45 if small else 1.0, hatch="///" if small else None, edgecolor="white",
                xerr=None if small else [rows["per_1000"] - rows["ci_low"], rows["ci_high"] - rows["per_1000"]],
                error_kw={"elinewidth": 0.8, "capsize": 1.5, "ecolor": "#333333"})
    ax.set_yticks(range(len(themes)), [f"{t.zh}\n{t.en}" for t in reversed(themes)], fontsize=8)
    ax.set_xlabel("每千词命中 hits per 1,000 word tokens (95% bootstrap intervals)")
    ax.set_ylim(-0.6, len(themes) - 0.4)
    if title:
        ax.set_title(title, fontsize=10)
    fig.tight_layout()
    legend_height = 0.22 * n + 0.3                                   # inches below the axes for the legend
    fig.set_size_inches(fig.get_size_inches()[0], fig.get_size_inches()[1] + legend_height)
    fig.legend(loc="lower center", fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, legend_height / fig.get_size_inches()[1], 1, 1))
    return fig


def _spread(values: np.ndarray, min_gap: float) -> np.ndarray:
    """Label positions near ``values`` with at least ``min_gap`` between neighbours: sorted,
    pushed apart upwards, then the block shifted back so its mean is the values' mean."""
    order = np.argsort(values, kind="stable")
    placed = values[order].astype(float).copy()
    for i in range(1, len(placed)):
        placed[i] = max(placed[i], placed[i - 1] + min_gap)
    placed += values.mean() - placed.mean() if len(placed) else 0.0
    out = np.empty_like(placed)
    out[order] = placed
    return out


TERM_PALETTE_RISING = ("#C44E52", "#DD8452", "#8C564B", "#E377C2", "#937860", "#BCBD22", "#D62728", "#FF9896")
TERM_PALETTE_FALLING = ("#4C72B0", "#17BECF", "#55A868", "#8172B3", "#1F77B4", "#2CA02C", "#9467BD", "#64B5CD")
"""One colour per term in the slope chart's rising and falling panels (warm and cool)."""


def plot_slope_chart(trajectories: pd.DataFrame, documents: pd.DataFrame, title: str = "") -> plt.Figure:
    """Term rates along a timeline on a time axis proportional to the dates: each term's
    rate in each document (marker by genre, hollow for an excerpt, grey fill for a
    machine-rewritten text) and its least-squares line (dashed: a fitted trend, not a
    path through the documents; cut at 0), each term in a colour of its own shared by its
    points, line and label, rising terms (slope > 0) left, falling right, labels spread so
    that none overlap. ``trajectories`` has term, slope and a rate column per
    doc_id of ``documents`` (doc_id, date, genre, scope, text_quality; in time order)."""
    use_project_style()
    docs = documents.set_index("doc_id")
    doc_ids = list(docs.index)
    dates = docs["date"]
    x = (dates - dates.iloc[0]).dt.days.to_numpy(dtype=float) / 365.25
    fig, axes = plt.subplots(1, 2, figsize=(12, 6), sharey=True)
    top = float(trajectories[doc_ids].to_numpy(dtype=float).max()) if len(trajectories) else 1.0
    for ax, rising in zip(axes, (True, False)):
        rows = trajectories[(trajectories["slope"] > 0) == rising]
        palette = TERM_PALETTE_RISING if rising else TERM_PALETTE_FALLING
        ends, colours = [], []
        for k, (_, row) in enumerate(rows.iterrows()):
            colour = palette[k % len(palette)]           # a term's line, points and label share its colour
            y = row[doc_ids].to_numpy(dtype=float)
            intercept = y.mean() - row["slope"] * x.mean()
            ax.plot(dates, intercept + row["slope"] * x, color=colour, linestyle="--", linewidth=0.9, alpha=0.8)
            for doc_id, value in zip(doc_ids, y):
                ax.plot(dates[doc_id], value, marker=genre_markers().get(docs.loc[doc_id, "genre"], "D"), color=colour,
                        markerfacecolor=_marker_fill(docs.loc[doc_id, "scope"], docs.loc[doc_id, "text_quality"],
                                                     colour), markersize=4.5, linestyle="")
            ends.append(max(intercept + row["slope"] * x[-1], 0.0))     # a line that ends below 0 is cut at 0
            colours.append(colour)
        label_y = _spread(np.array(ends), 0.045 * top)
        label_x = dates.iloc[-1] + pd.Timedelta(days=150)
        for term, end, placed, colour in zip(rows["term"], ends, label_y, colours):
            ax.annotate(term, (dates.iloc[-1], end), xytext=(label_x, placed), textcoords="data", fontsize=8,
                        va="center", color=colour, arrowprops={"arrowstyle": "-", "color": "#BBBBBB", "lw": 0.5})
        _year_axis(ax, dates)
        ax.set_xlim(right=dates.iloc[-1] + pd.Timedelta(days=700))
        ax.set_ylim(bottom=0)                             # a rate is never negative: no fitted line below 0
        ax.set_title("上升 rising" if rising else "下降 falling", fontsize=10)
    axes[0].set_ylabel(PER_10K_LABEL)
    fig.legend(handles=_document_handles("#555555", docs) +
               [plt.Line2D([], [], linestyle="--", color="#555555", label="least-squares line")],
               loc="lower center", ncol=6, frameon=False, fontsize=8)
    if title:
        fig.suptitle(title, fontsize=11)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return fig


def plot_topic_stability(selection: pd.DataFrame, title: str = "") -> plt.Figure:
    """Topic-number selection (:func:`analysis.models.topics.choose_topic_number`): stability
    (mean matched Jaccard over subsets, ± one standard deviation) and NPMI coherence on a
    second axis, against k; the chosen k marked."""
    use_project_style()
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.errorbar(selection["k"], selection["stability"], yerr=selection["stability_sd"], marker="o", color="#4C72B0",
                capsize=3, label="stability (± 1 sd over subsets)")
    chosen = selection[selection["chosen"]]
    ax.plot(chosen["k"], chosen["stability"], marker="o", markersize=12, markerfacecolor="none", color="#C44E52",
            linestyle="", label="chosen k")
    ax.set_xlabel("主题数 number of topics k")
    ax.set_ylabel("稳定性 stability (Jaccard of top words)")
    ax.set_xticks(selection["k"])
    second = ax.twinx()
    second.plot(selection["k"], selection["coherence"], marker="s", color="#888888", linestyle=":",
                label="NPMI coherence (in-sample)")
    second.set_ylabel("NPMI 一致性 coherence", color="#555555")
    lines = ax.get_legend_handles_labels()
    extra = second.get_legend_handles_labels()
    ax.legend(lines[0] + extra[0], lines[1] + extra[1], fontsize=8, loc="upper center",
              bbox_to_anchor=(0.5, -0.16), ncol=3, frameon=False)
    if title:
        ax.set_title(title, fontsize=10)
    fig.tight_layout()
    return fig
