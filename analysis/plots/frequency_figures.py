"""Figures of word frequencies: document sizes, top terms, dispersion, word clouds and the
comparison cloud.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .style import PER_10K_LABEL, panel_grid, font_path, use_project_style

__all__ = ["plot_document_sizes", "plot_top_terms", "plot_dispersion", "plot_wordclouds", "plot_comparison_cloud"]


_DOCUMENT_SIZE_PANELS = ("词次 word tokens", "词型 word types")
"""The two panels' titles when each bar is one document."""


def plot_document_sizes(sizes: pd.DataFrame, labels: pd.Series, show_ids: bool = True,
                        panel_titles: tuple[str, str] = _DOCUMENT_SIZE_PANELS) -> plt.Figure:
    """Two bar panels per document (or per group of documents): word tokens and word types
    (``sizes`` from :func:`analysis.textstats.frequency.document_sizes`; ``labels`` maps doc_id
    to a display label, shown above the doc_id unless ``show_ids`` is False; ``panel_titles``
    say what a bar of each panel counts)."""
    use_project_style()
    ordered = sizes.iloc[::-1]
    names = [f"{labels[d]}\n{d}" if show_ids else labels[d] for d in ordered["doc_id"]]
    fig, axes = plt.subplots(1, 2, figsize=(9, 0.6 * len(sizes) + 1.4), sharey=True)
    panels = list(zip(("word_tokens", "word_types"), panel_titles))
    for ax, (column, title) in zip(axes, panels):
        bars = ax.barh(names, ordered[column], color="#4C72B0")
        ax.bar_label(bars, fmt="{:,.0f}", padding=3, fontsize=8)
        ax.set_title(title)
        ax.margins(x=0.18)
    fig.suptitle("文档规模（去除标点、纯数字与停用词后）\nDocument sizes after removing punctuation, "
                 "digits-only tokens and stop words", fontsize=11)
    fig.tight_layout()
    return fig


def plot_top_terms(top: pd.DataFrame, titles: dict[str, str], value: str = "rate_per_10k",
                   group: str = "doc_id", ncols: int = 3, xlabel: str = PER_10K_LABEL,
                   suptitle: str = "") -> plt.Figure:
    """Small multiples: one panel per group (in the order of ``titles``) with its terms as
    horizontal bars of ``value``, best-ranked at the top."""
    use_project_style()
    groups = list(titles)
    n_terms = int(top.groupby(group).size().max())
    fig, axes = panel_grid(len(groups), ncols, 3.4, 0.24 * n_terms + 1.2)
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
    fig, axes = panel_grid(len(titles), ncols, 4, 3.3)
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
    relatively more frequent. ``comparison`` is :func:`analysis.textstats.comparison.comparison_terms`
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
