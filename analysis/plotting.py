"""Plotting: one house style with a real CJK font, and one helper that saves every figure.

The font is Noto Sans CJK SC, shipped by the pinned ``mplfonts`` package, registered
with matplotlib by file path (so no system font is ever picked by accident) and
handed to wordcloud by the same path. Figures are saved as PNG and SVG with no
timestamps and a fixed SVG hash salt, so re-running a notebook rewrites the same
bytes; the CSV of the numbers behind each figure is written beside it.
"""
from __future__ import annotations

import importlib.resources
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import font_manager

from .paths import FIGURES_DIR

__all__ = [
    "FONT_FILE", "FONT_NAME", "font_path", "use_project_style", "save_figure", "plot_document_sizes",
    "plot_top_terms", "plot_dispersion", "plot_wordclouds", "plot_comparison_cloud",
]

FONT_FILE = "NotoSansCJKsc-Regular.otf"
FONT_NAME = "Noto Sans CJK SC"


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


def save_figure(fig: plt.Figure, name: str, data: pd.DataFrame, folder: Path = FIGURES_DIR):
    """Write ``fig`` as ``folder/name.png`` and ``.svg`` and ``data`` as ``name.csv``, close
    the figure, and return the saved PNG as an IPython image for display.

    ``name`` starts with the number of the notebook that makes it (``00-document-sizes``).
    Output is byte-stable: no date or software metadata, fixed SVG hash salt.
    """
    from IPython.display import Image

    folder.mkdir(parents=True, exist_ok=True)
    png, svg, csv = (folder / f"{name}.{ext}" for ext in ("png", "svg", "csv"))
    fig.savefig(png, format="png", metadata={"Software": None})
    fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    data.to_csv(csv, index=False, lineterminator="\n")
    plt.close(fig)
    return Image(filename=str(png))


def plot_document_sizes(sizes: pd.DataFrame, labels: pd.Series) -> plt.Figure:
    """Two bar panels per document: word tokens and word types (``sizes`` from
    :func:`analysis.stats.document_sizes`; ``labels`` maps doc_id to a display label)."""
    use_project_style()
    ordered = sizes.iloc[::-1]
    names = [f"{labels[d]}\n{d}" for d in ordered["doc_id"]]
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
DISTRICT_COLOURS = {"Changning": "#4C72B0", "Xuhui": "#DD8452"}
"""One colour per district, used in every figure that compares districts."""


def plot_top_terms(top: pd.DataFrame, titles: dict[str, str], value: str = "rate_per_10k",
                   group: str = "doc_id", ncols: int = 3, xlabel: str = PER_10K_LABEL,
                   suptitle: str = "") -> plt.Figure:
    """Small multiples: one panel per group (in the order of ``titles``) with its terms as
    horizontal bars of ``value``, best-ranked at the top."""
    use_project_style()
    groups = list(titles)
    nrows = -(-len(groups) // ncols)
    n_terms = int(top.groupby(group).size().max())
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.4 * ncols, 0.24 * n_terms * nrows + 1.2 * nrows),
                             squeeze=False)
    for ax, name in zip(axes.flat, groups):
        rows = top[top[group] == name].sort_values("rank", ascending=False)
        ax.barh(rows["term"], rows[value], color="#4C72B0")
        ax.set_title(titles[name], fontsize=10)
        ax.set_xlabel(xlabel, fontsize=8)
        ax.tick_params(axis="y", labelsize=9)
    for ax in list(axes.flat)[len(groups):]:
        ax.set_visible(False)
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
    from wordcloud import WordCloud

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
    nrows = -(-len(titles) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4 * ncols, 3.3 * nrows), squeeze=False)
    for ax, name in zip(axes.flat, titles):
        rows = top[top[group] == name]
        image = _wordcloud(dict(zip(rows["term"], rows[value])), seed,
                           colour_of=lambda word: "#1f3b73")
        ax.imshow(image, interpolation="bilinear")
        ax.set_title(titles[name], fontsize=10)
    for ax in axes.flat:
        ax.axis("off")
    fig.tight_layout()
    return fig


def plot_comparison_cloud(comparison: pd.DataFrame, names: dict[str, str], seed: int = 0) -> plt.Figure:
    """Comparison cloud: each term sized by |rate difference| and coloured by the side
    where it is relatively more frequent. ``comparison`` has columns term, difference
    and side (a key of ``names``, which maps sides to legend labels)."""
    use_project_style()
    colours = {side: DISTRICT_COLOURS.get(side, "#555555") for side in names}
    side_of = dict(zip(comparison["term"], comparison["side"]))
    image = _wordcloud(dict(zip(comparison["term"], comparison["difference"].abs())), seed,
                       colour_of=lambda word: colours[side_of[word]], width=900, height=500)
    fig, ax = plt.subplots(figsize=(9, 5.4))
    ax.imshow(image, interpolation="bilinear")
    ax.axis("off")
    handles = [plt.Line2D([], [], marker="s", linestyle="", color=colours[s], label=label) for s, label in names.items()]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0), ncol=len(names), frameon=False)
    ax.set_title("比较词云：字号 = 每万词频率之差 Comparison cloud: size = difference in rate per 10,000 words",
                 fontsize=10)
    fig.tight_layout()
    return fig
