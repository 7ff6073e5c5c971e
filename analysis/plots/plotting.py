"""Plotting: one house style with a real CJK font, and one helper that saves every figure.

The font is Noto Sans CJK SC, shipped by the pinned ``mplfonts`` package, registered
with matplotlib by file path (so no system font is ever picked by accident) and
handed to wordcloud by the same path. Figures are saved as PNG and SVG with no
timestamps and a fixed SVG hash salt, so re-running a notebook rewrites the same
bytes; the CSV of the numbers behind each figure is written beside it.
"""
from __future__ import annotations

import importlib.resources
import textwrap
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import font_manager

from ..documents.corpus import is_excerpt, is_rewritten
from ..documents.districts import district_colours, district_names
from ..documents.genres import genre_markers
from ..paths import FIGURES_DIR
from .._internal.rounding import sorted_by, write_csv

__all__ = [
    "FONT_FILE", "FONT_NAME", "font_path", "use_project_style", "set_figure_folder", "save_figure", "save_table", "plot_document_sizes",
    "plot_top_terms", "plot_dispersion", "plot_wordclouds", "plot_comparison_cloud",
    "plot_theme_timeline", "plot_grouped_rates", "plot_slope_chart", "plot_topic_stability", "plot_heatmap",
    "plot_keyness", "plot_term_scatter", "plot_expression_overlap", "plot_targets_by_theme", "PART_COLOURS",
    "plot_numeric_density", "PAGE_INCHES", "PER_10K_LABEL",
]

FONT_FILE = "NotoSansCJKsc-Regular.otf"
FONT_NAME = "Noto Sans CJK SC"
PAGE_INCHES = (11.69, 16.54)
"""A3 in inches: the largest a figure may be, in either orientation."""


def font_path() -> Path:
    """Path of the CJK font file inside the installed mplfonts package."""
    path = Path(str(importlib.resources.files("mplfonts") / "fonts" / FONT_FILE))
    if not path.is_file():
        raise FileNotFoundError(f"CJK font {FONT_FILE} not found in the mplfonts package")
    return path


def use_project_style() -> None:
    """Register the CJK font and set the project's matplotlib defaults (idempotent)."""
    path = str(font_path())
    if path not in {f.fname for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(path)
    matplotlib.rcParams.update({
        "font.family": [FONT_NAME],
        "axes.unicode_minus": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": 11,
        "axes.labelsize": 10,
        "xtick.labelsize": 9,
        "ytick.labelsize": 9,
        "legend.fontsize": 9,
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "savefig.bbox": "tight",
        "svg.fonttype": "path",
        "svg.hashsalt": "analysis",
    })


_figure_folder: Path | None = None


def set_figure_folder(folder: Path | str | None) -> Path:
    """Send the figures :func:`save_figure` writes to ``folder`` (a notebook's FIGURES_DIR
    parameter), or back to :data:`analysis.paths.FIGURES_DIR` with None; returns the folder."""
    global _figure_folder
    _figure_folder = Path(folder) if folder is not None else None
    return _figure_folder or FIGURES_DIR


def save_figure(fig: plt.Figure, name: str, data: pd.DataFrame, folder: Path | None = None):
    """Write ``fig`` as ``folder/name.png`` and ``.svg`` and ``data`` as ``name.csv``, close
    the figure, and return the saved PNG as an IPython image for display. ``folder``
    defaults to the one set by :func:`set_figure_folder`, else analysis.paths.FIGURES_DIR.

    ``name`` starts with the number of the notebook that makes it (``00-document-sizes``).
    Output is byte-stable: no date or software metadata, fixed SVG hash salt; the CSV's
    floats are written at :data:`analysis._internal.rounding.CSV_SIGNIFICANT_DIGITS` significant
    digits, so they are the same on every CPU.
    """
    from IPython.display import Image  # optional import: only a notebook shows the image

    folder = _output_folder(folder)
    png, svg = (folder / f"{name}.{ext}" for ext in ("png", "svg"))
    fig.savefig(png, format="png", metadata={"Software": None})
    fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    save_table(data, name, folder)
    plt.close(fig)
    return Image(filename=str(png))


def _output_folder(folder: Path | str | None) -> Path:
    """``folder``, else the one set by :func:`set_figure_folder`, else FIGURES_DIR; created."""
    folder = Path(folder) if folder is not None else _figure_folder or FIGURES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_table(table: pd.DataFrame, name: str, folder: Path | None = None) -> Path:
    """Write ``table`` as ``folder/name.csv`` (a table with no figure, beside the figures;
    floats as in :func:`save_figure`) and return its path; ``folder`` as in save_figure."""
    path = _output_folder(folder) / f"{name}.csv"
    write_csv(table, path)
    return path


def plot_document_sizes(sizes: pd.DataFrame, labels: pd.Series, show_ids: bool = True) -> plt.Figure:
    """Two bar panels per document: word tokens and word types (``sizes`` from
    :func:`analysis.textstats.stats.document_sizes`; ``labels`` maps doc_id to a display label, shown
    above the doc_id unless ``show_ids`` is False)."""
    use_project_style()
    ordered = sizes.iloc[::-1]
    names = [f"{labels[d]}\n{d}" if show_ids else labels[d] for d in ordered["doc_id"]]
    fig, axes = plt.subplots(1, 2, figsize=(9, 0.6 * len(sizes) + 1.4), sharey=True)
    panels = [("word_tokens", "词次 word tokens"), ("word_types", "词型 word types")]
    for ax, (column, title) in zip(axes, panels):
        bars = ax.barh(names, ordered[column], color="#4C72B0")
        ax.bar_label(bars, fmt="{:,.0f}", padding=3, fontsize=8)
        ax.set_title(title)
        ax.margins(x=0.18)
    fig.suptitle("文档规模（去除标点、纯数字与停用词后）\nDocument sizes after removing punctuation, "
                 "digits-only tokens and stop words", fontsize=11)
    fig.tight_layout()
    return fig


PER_10K_LABEL = "每万词 per 10,000 word tokens"


def _panel_grid(n: int, ncols: int, panel_width: float, panel_height: float, extra_height: float = 0.0,
                **subplots) -> tuple[plt.Figure, list]:
    """A grid of at least ``n`` panels, ``ncols`` wide; the first ``n`` axes are returned and
    the unused ones hidden."""
    nrows = -(-n // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(panel_width * ncols, panel_height * nrows + extra_height),
                             squeeze=False, **subplots)
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    return fig, list(axes.flat)[:n]


def plot_top_terms(top: pd.DataFrame, titles: dict[str, str], value: str = "rate_per_10k",
                   group: str = "doc_id", ncols: int = 3, xlabel: str = PER_10K_LABEL,
                   suptitle: str = "") -> plt.Figure:
    """Small multiples: one panel per group (in the order of ``titles``) with its terms as
    horizontal bars of ``value``, best-ranked at the top."""
    use_project_style()
    groups = list(titles)
    n_terms = int(top.groupby(group).size().max())
    fig, axes = _panel_grid(len(groups), ncols, 3.4, 0.24 * n_terms + 1.2)
    for ax, name in zip(axes, groups):
        rows = top[top[group] == name].sort_values("rank", ascending=False)
        ax.barh(rows["term"], rows[value], color="#4C72B0")
        ax.set_title(titles[name], fontsize=10)
        ax.set_xlabel(xlabel, fontsize=8)
        ax.tick_params(axis="y", labelsize=9)
    if suptitle:
        fig.suptitle(suptitle, fontsize=11)
    fig.tight_layout()
    return fig


def plot_dispersion(positions: pd.DataFrame, titles: dict[str, str], terms: list[str]) -> plt.Figure:
    """Lexical dispersion: one panel per document (in the order of ``titles``); a tick at
    each occurrence of each term, at its relative position in the document (0 = start)."""
    use_project_style()
    fig, axes = plt.subplots(len(titles), 1, figsize=(9, 0.32 * len(terms) * len(titles) + 1.2),
                             sharex=True, squeeze=False)
    for ax, doc_id in zip(axes[:, 0], titles):
        rows = positions[positions["doc_id"] == doc_id]
        for y, term in enumerate(reversed(terms)):
            x = rows.loc[rows["term"] == term, "offset"]
            ax.plot(x, [y] * len(x), "|", color="#4C72B0", markersize=9, markeredgewidth=1.2)
        ax.set_yticks(range(len(terms)), list(reversed(terms)))
        ax.set_ylim(-0.7, len(terms) - 0.3)
        ax.set_xlim(0, 1)
        ax.set_title(titles[doc_id], fontsize=10, loc="left")
    axes[-1, 0].set_xlabel("文档中的相对位置 relative position in the document (0 = start, 1 = end)")
    fig.tight_layout()
    return fig


def _wordcloud(frequencies: dict[str, float], seed: int, colour_of=None, width: int = 600, height: int = 400):
    from wordcloud import WordCloud  # heavy optional import: only word clouds need it

    cloud = WordCloud(font_path=str(font_path()), width=width, height=height, background_color="white",
                      random_state=seed, prefer_horizontal=1.0, max_words=len(frequencies) or 1,
                      relative_scaling=0.5, margin=3)
    cloud.generate_from_frequencies(frequencies)
    if colour_of is not None:
        cloud.recolor(color_func=lambda word, **_: colour_of(word), random_state=seed)
    return cloud.to_array()


def plot_wordclouds(top: pd.DataFrame, titles: dict[str, str], value: str = "rate_per_10k",
                    group: str = "doc_id", seed: int = 0, ncols: int = 3) -> plt.Figure:
    """One word cloud per group (in the order of ``titles``), word size by ``value``;
    horizontal words, fixed ``seed`` for the layout, so the image is byte-stable."""
    use_project_style()
    fig, axes = _panel_grid(len(titles), ncols, 4, 3.3)
    for ax, name in zip(axes, titles):
        rows = top[top[group] == name]
        image = _wordcloud(dict(zip(rows["term"], rows[value])), seed,
                           colour_of=lambda word: "#1f3b73")
        ax.imshow(image, interpolation="bilinear")
        ax.set_title(titles[name], fontsize=10)
        ax.axis("off")
    fig.tight_layout()
    return fig


def plot_comparison_cloud(comparison: pd.DataFrame, names: dict[str, str], colours: dict[str, str],
                          seed: int = 0) -> plt.Figure:
    """Comparison cloud: each term sized by |Log Ratio| and coloured by the side where it is
    relatively more frequent. ``comparison`` is :func:`analysis.textstats.stats.comparison_terms`
    (columns term, log_ratio, side); ``names`` and ``colours`` map the sides (target,
    reference) to legend labels and colours."""
    use_project_style()
    side_of = dict(zip(comparison["term"], comparison["side"]))
    image = _wordcloud(dict(zip(comparison["term"], comparison["log_ratio"].abs())), seed,
                       colour_of=lambda word: colours[side_of[word]], width=900, height=500)
    fig, ax = plt.subplots(figsize=(9, 5.4))
    ax.imshow(image, interpolation="bilinear")
    ax.axis("off")
    handles = [plt.Line2D([], [], marker="s", linestyle="", color=colours[s], label=label) for s, label in names.items()]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0), ncol=len(names), frameon=False)
    ax.set_title("比较词云：字号 = |Log Ratio|（相对频率之比的对数）Comparison cloud: size = |log2 ratio of relative "
                 "frequencies|", fontsize=10)
    fig.tight_layout()
    return fig


GROUP_COLOURS = ["#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860"]


REWRITTEN_FILL = "#BBBBBB"
"""Marker fill of a machine-rewritten document (an excerpt's marker is hollow)."""


def _marker_fill(scope: str, quality: str, colour: str) -> str:
    return "white" if is_excerpt(scope) else REWRITTEN_FILL if is_rewritten(quality) else colour


def _document_handles(colour: str, genres: list[str]) -> list[plt.Line2D]:
    """Legend entries for the genre markers and the excerpt and rewritten fills."""
    markers = genre_markers()
    handles = [plt.Line2D([], [], marker=markers.get(g, "D"), linestyle="", color=colour, label=g)
               for g in genres]
    handles.append(plt.Line2D([], [], marker="o", linestyle="", color=colour, markerfacecolor="white",
                              label="excerpt (hollow)"))
    handles.append(plt.Line2D([], [], marker="o", linestyle="", color=colour, markerfacecolor=REWRITTEN_FILL,
                              label="machine-rewritten (grey fill)"))
    return handles


def _year_axis(ax, dates: pd.Series) -> None:
    """A time axis proportional to dates, ticks at whole years."""
    years = range(dates.min().year, dates.max().year + 2)
    ax.set_xticks([pd.Timestamp(year=y, month=1, day=1) for y in years], [str(y) for y in years], fontsize=8)
    ax.set_xlim(pd.Timestamp(year=dates.min().year, month=1, day=1) - pd.Timedelta(days=60),
                pd.Timestamp(year=dates.max().year + 1, month=1, day=1))


def plot_theme_timeline(rates: pd.DataFrame, documents: pd.DataFrame, themes: list, reference: str | None = None,
                        ncols: int = 5) -> plt.Figure:
    """Small multiples, one panel per theme: rate per 1,000 word tokens with its bootstrap
    interval for each document, on a time axis proportional to the dates. Each district
    has its colour (analysis/data/districts.tsv) and its own line; markers show the genre,
    hollow for an excerpt, grey fill for a machine-rewritten text; a line joins two
    consecutive timeline documents of a district only when they share genre and scope (no
    line across genres, as if they formed a trend); ``reference`` (a doc_id) is drawn in grey.

    ``rates`` is :func:`analysis.dictionaries.themes.bootstrap_theme_rates`; ``documents`` has doc_id,
    district, date, genre, scope and text_quality for every document drawn, timeline first.
    """


    use_project_style()
    docs = documents.set_index("doc_id")
    timeline = [d for d in docs.index if d != reference]
    colours = district_colours()
    places = list(dict.fromkeys(docs.loc[timeline, "district"]))
    fig, axes = _panel_grid(len(themes), ncols, 3.1, 2.7, extra_height=1.0, sharex=True)
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
            ax.errorbar(docs.loc[doc_id, "date"], row["per_1000"],
                        yerr=[[row["per_1000"] - row["ci_low"]], [row["ci_high"] - row["per_1000"]]],
                        fmt=genre_markers().get(docs.loc[doc_id, "genre"], "D"), color=colour, ecolor=colour,
                        markerfacecolor=_marker_fill(docs.loc[doc_id, "scope"], docs.loc[doc_id, "text_quality"],
                                                     colour),
                        markersize=6, capsize=2, linewidth=1, zorder=2)
        ax.set_title(f"{theme.zh}\n" + "\n".join(textwrap.wrap(theme.en, 34)), fontsize=8.5)
        ax.set_ylim(bottom=0)
        _year_axis(ax, docs["date"])
        ax.tick_params(axis="x", rotation=45)
    handles = _document_handles(colours[places[0]] if len(places) == 1 else "#555555", list(genre_markers()))
    if len(places) > 1:
        names = district_names()
        handles += [plt.Line2D([], [], color=colours[p], linewidth=2, label=names[p]) for p in places]
    if reference:
        handles.append(plt.Line2D([], [], marker="o", linestyle="", color="#888888", label=f"{reference} (reference)"))
    fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 6), frameon=False, fontsize=7.5)
    fig.supylabel("每千词命中 hits per 1,000 word tokens", fontsize=9)
    fig.suptitle("政策注意力的变化（95% 自助法区间）Policy attention over time (95% bootstrap intervals; "
                 "lines only between documents of the same genre and scope)", fontsize=10)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def plot_grouped_rates(rates: pd.DataFrame, groups: dict[str, str], themes: list, group: str = "group",
                       title: str = "") -> plt.Figure:
    """Horizontal grouped bars: one cluster per theme, one bar per group (labels from
    ``groups``), rate per 1,000 word tokens with bootstrap error bars. A group flagged
    ``small_n`` (fewer paragraphs than :data:`analysis.textstats.uncertainty.MIN_PARAGRAPHS`) is
    hatched and pale, and its legend entry says how many paragraphs it rests on."""
    use_project_style()
    n = len(groups)
    height = 0.8 / n
    fig, ax = plt.subplots(figsize=(8, 0.25 * n * len(themes) + 1.5 + 0.25 * n))
    for i, (key, label) in enumerate(groups.items()):
        rows = rates[rates[group] == key].set_index("theme").loc[[t.id for t in themes]]
        small = bool(rows["small_n"].any()) if "small_n" in rows else False
        if small:
            label = f"{label} — only {int(rows['paragraphs'].iloc[0])} paragraphs: interval unreliable"
        y = [len(themes) - 1 - j + (n - 1 - i - (n - 1) / 2) * height for j in range(len(themes))]
        ax.barh(y, rows["per_1000"], height=height, color=GROUP_COLOURS[i % len(GROUP_COLOURS)], label=label,
                alpha=0.45 if small else 1.0, hatch="///" if small else None, edgecolor="white",
                xerr=[rows["per_1000"] - rows["ci_low"], rows["ci_high"] - rows["per_1000"]],
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


def plot_slope_chart(trajectories: pd.DataFrame, documents: pd.DataFrame, title: str = "") -> plt.Figure:
    """Term rates along a timeline on a time axis proportional to the dates: each term's
    rate in each document (marker by genre, hollow for an excerpt, grey fill for a
    machine-rewritten text) and its least-squares line (dashed: a fitted trend, not a
    path through the documents), rising terms (slope > 0) left, falling right, labels
    spread so that none overlap. ``trajectories`` has term, slope and a rate column per
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
        colour = "#C44E52" if rising else "#4C72B0"
        ends = []
        for _, row in rows.iterrows():
            y = row[doc_ids].to_numpy(dtype=float)
            intercept = y.mean() - row["slope"] * x.mean()
            ax.plot(dates, intercept + row["slope"] * x, color=colour, linestyle="--", linewidth=0.9, alpha=0.7)
            for doc_id, value in zip(doc_ids, y):
                ax.plot(dates[doc_id], value, marker=genre_markers().get(docs.loc[doc_id, "genre"], "D"), color=colour,
                        markerfacecolor=_marker_fill(docs.loc[doc_id, "scope"], docs.loc[doc_id, "text_quality"],
                                                     colour), markersize=4.5, linestyle="")
            ends.append(intercept + row["slope"] * x[-1])
        label_y = _spread(np.array(ends), 0.045 * top)
        label_x = dates.iloc[-1] + pd.Timedelta(days=150)
        for term, end, placed in zip(rows["term"], ends, label_y):
            ax.annotate(term, (dates.iloc[-1], end), xytext=(label_x, placed), textcoords="data", fontsize=8,
                        va="center", color=colour, arrowprops={"arrowstyle": "-", "color": "#BBBBBB", "lw": 0.5})
        _year_axis(ax, dates)
        ax.set_xlim(right=dates.iloc[-1] + pd.Timedelta(days=700))
        ax.set_title("上升 rising" if rising else "下降 falling", fontsize=10)
    axes[0].set_ylabel(PER_10K_LABEL)
    fig.legend(handles=_document_handles("#555555", sorted(set(docs["genre"]))) +
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


def plot_heatmap(matrix: pd.DataFrame, title: str = "", fmt: str = "{:.2f}", cmap: str = "Blues",
                 vmin: float | None = None, vmax: float | None = None, *, colorbar_label: str) -> plt.Figure:
    """An annotated heat map of ``matrix`` (rows and columns labelled by its index and
    columns), with a colour bar labelled ``colorbar_label`` (required: a colour bar says what
    it measures). Cells shrink to keep the figure within a page (:data:`PAGE_INCHES`);
    values are written in the cells only while they are large enough to hold them."""
    use_project_style()

    # cells shrink so that the figure fits a page (landscape); values are written in cells wide enough
    cell_width = min(0.9, (PAGE_INCHES[1] - 2.5) / max(matrix.shape[1], 1))
    cell_height = min(0.5, (PAGE_INCHES[0] - 1.6) / max(matrix.shape[0], 1))
    annotate = cell_width >= 0.45 and cell_height >= 0.2
    fig, ax = plt.subplots(figsize=(cell_width * matrix.shape[1] + 2.5, cell_height * matrix.shape[0] + 1.6))
    image = ax.imshow(matrix.to_numpy(dtype=float), cmap=cmap, aspect="auto", vmin=vmin, vmax=vmax)
    ax.set_xticks(range(matrix.shape[1]), matrix.columns, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(matrix.shape[0]), matrix.index, fontsize=8)
    high = np.nanmax(matrix.to_numpy(dtype=float)) if vmax is None else vmax
    for (i, j), value in np.ndenumerate(matrix.to_numpy(dtype=float) if annotate else np.empty((0, 0))):
        ax.text(j, i, fmt.format(value), ha="center", va="center", fontsize=7,
                color="white" if value > 0.6 * high else "black")
    fig.colorbar(image, ax=ax, shrink=0.8).set_label(colorbar_label, fontsize=8)
    ax.spines[:].set_visible(False)
    if title:
        ax.set_title(title, fontsize=10)
    fig.tight_layout()
    return fig


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
                label.set_color("#777777" if is_p else "#222222")
                label.set_style("italic" if is_p else "normal")
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
             "灰色斜体 grey italic, below the dotted line: 地名 place names; "
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
    and labelled without overlaps (adjustText); place names are grey italic, so they do
    not crowd out the policy vocabulary. ``table`` is :func:`analysis.textstats.stats.keyness`."""
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
                             style="italic" if place else "normal", zorder=4))
    # A fixed iteration count, not adjustText's default one-second time limit, so the layout
    # (and the saved file) is the same on every run and machine.
    adjust_text(texts, ax=ax, expand=(1.6, 2.4), force_text=(0.4, 0.8), max_move=(40, 40), iter_lim=1000,
                arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.5})
    ax.set_xlabel(f"{names[0]}：每万词 per 10,000 word tokens (log)")
    ax.set_ylabel(f"{names[1]}：每万词 per 10,000 word tokens (log)")
    ax.text(0.02, 0.98, f"above the diagonal: more frequent in {names[1]}\ngrey italic: place names\n"
            "a term absent from one side is drawn at half an occurrence (the lowest row and column of points)",
            transform=ax.transAxes, va="top", fontsize=8, color="#555555")
    if title:
        ax.set_title(title, fontsize=10)
    fig.tight_layout()
    return fig


def plot_expression_overlap(overlap: pd.DataFrame, names: tuple[str, str], colours: tuple[str, str],
                            top_n: int = 12) -> plt.Figure:
    """Formulaic expressions: counts of shared and district-specific expressions by kind
    (left), and the most frequent expressions of each status with their counts (right)."""
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
    left.set_ylabel("表达数 number of distinct expressions")
    left.legend(fontsize=8)
    left.tick_params(axis="x", labelrotation=20)
    shown = overlap.groupby("status", sort=False).head(top_n).iloc[::-1]
    y = np.arange(len(shown))
    right.barh(y - 0.2, shown["count_a"], height=0.4, color=colours[0], label=names[0])
    right.barh(y + 0.2, shown["count_b"], height=0.4, color=colours[1], label=names[1])
    right.set_yticks(y, [f"{e}  [{s}]" for e, s in zip(shown["expression"], shown["status"])], fontsize=8)
    right.set_xlabel("出现次数 occurrences")
    right.legend(fontsize=8, loc="lower right")
    fig.suptitle("程式化表达：共有与独有 Formulaic expressions: shared and district-specific", fontsize=11)
    fig.tight_layout()
    return fig


def plot_targets_by_theme(counts: pd.DataFrame, themes: list, names: dict[str, str], colours: dict[str, str],
                          title: str = "") -> plt.Figure:
    """Horizontal grouped bars: for each theme (dictionary order, then ``(none)``), the
    number of targets of each report (``counts``: theme, doc_id, targets, matched), the
    part matched by indicator in the other report drawn dark, the rest pale."""
    use_project_style()
    labels = {t.id: f"{t.zh}\n{t.en}" for t in themes} | {"(none)": "无主题\n(no theme)"}
    order = [t for t in labels if t in set(counts["theme"])]
    docs = list(names)
    height = 0.8 / len(docs)
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(docs) * len(order) + 1.8))
    for i, doc_id in enumerate(docs):
        rows = counts[counts["doc_id"] == doc_id].set_index("theme").reindex(order, fill_value=0)
        y = [len(order) - 1 - j + (len(docs) - 1 - i - (len(docs) - 1) / 2) * height for j in range(len(order))]
        ax.barh(y, rows["targets"], height=height, color=colours[doc_id], alpha=0.35, edgecolor="white")
        ax.barh(y, rows["matched"], height=height, color=colours[doc_id], edgecolor="white",
                label=f"{names[doc_id]} (dark: matched in the other report)")
        for yy, n in zip(y, rows["targets"]):
            if n:
                ax.text(n + 0.1, yy, str(int(n)), va="center", fontsize=7)
    ax.set_yticks(range(len(order)), [labels[t] for t in reversed(order)], fontsize=8)
    ax.set_xlabel("目标数 number of quantified targets")
    ax.set_ylim(-0.6, len(order) - 0.4)
    if title:
        ax.set_title(title, fontsize=10)
    fig.tight_layout()
    legend_height = 0.22 * len(docs) + 0.3                          # inches below the axes for the legend
    fig.set_size_inches(fig.get_size_inches()[0], fig.get_size_inches()[1] + legend_height)
    fig.legend(loc="lower center", fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, legend_height / fig.get_size_inches()[1], 1, 1))
    return fig


PART_COLOURS = {"review": "#4C72B0", "plan": "#DD8452", "other": "#937860", "front": "#BBBBBB", "": "#8172B3"}
"""Colours of the part kinds of a report (no part: the whole document)."""


def plot_numeric_density(density: pd.DataFrame, group: str = "group", title: str = "") -> plt.Figure:
    """Two panels, one row per (group, part kind) of ``density``
    (:func:`analysis.extract.targets.numeric_density`): quantities per 1,000 word tokens; and the
    shares of targets that are hedged and floors, with their Wilson intervals (rows without
    targets left empty, and each share labelled with its n)."""
    use_project_style()
    rows = density[density["word_tokens"] > 0].reset_index(drop=True)
    parts = rows["part_kind"].fillna("").astype(str)
    labels = [f"{g} · {p}" if p else f"{g}" for g, p in zip(rows[group].astype(str).str.replace("\n", " "), parts)]
    y = np.arange(len(rows))[::-1]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 0.32 * len(rows) + 1.8), sharey=True)
    left.barh(y, rows["per_1000"], color=[PART_COLOURS.get(p, "#8172B3") for p in parts])
    left.set_yticks(y, labels, fontsize=8)
    left.set_xlabel("每千词数量 quantities per 1,000 word tokens")
    for share, offset, colour, name in (("hedged", 0.15, "#C44E52", "hedged 左右/力争/约/近/预计"),
                                        ("floor", -0.15, "#55A868", "floor 以上/不低于/超过/多")):
        has = rows["targets"] > 0
        right.errorbar(rows.loc[has, f"{share}_share"], y[has] + offset,
                       xerr=np.clip([rows.loc[has, f"{share}_share"] - rows.loc[has, f"{share}_ci_low"],   # ≥ 0 but
                                     rows.loc[has, f"{share}_ci_high"] - rows.loc[has, f"{share}_share"]],  # for rounding
                                    0, None),
                       fmt="o", ms=4, color=colour, elinewidth=0.8, capsize=2, label=name)
    for yy, n in zip(y, rows["targets"]):
        if n:
            right.text(1.02, yy, f"n = {int(n)}", va="center", fontsize=7, transform=right.get_yaxis_transform())
    right.set_xlim(0, 1)
    right.set_xlabel("目标中的比例 share of targets (95% Wilson intervals)")
    right.legend(fontsize=8, loc="lower right", frameon=False)
    if title:
        fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    return fig
