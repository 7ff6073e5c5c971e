"""Figures of quantities and targets: targets by theme and numeric density with hedged-target
shares.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .style import use_project_style

__all__ = ["plot_targets_by_theme", "PART_COLOURS", "MIN_TARGETS_FOR_INTERVAL", "WHOLE_DOCUMENT_COLOUR", "plot_numeric_density"]


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


MIN_TARGETS_FOR_INTERVAL = 3
"""Below this many targets a share is drawn without its interval."""
WHOLE_DOCUMENT_COLOUR = "#8172B3"
"""The bar colour of a document without review and plan parts."""


def plot_numeric_density(density: pd.DataFrame, group: str = "group", title: str = "",
                         min_targets: int = MIN_TARGETS_FOR_INTERVAL) -> plt.Figure:
    """Two panels, one row per (group, part kind) of ``density``
    (:func:`analysis.extract.targets.numeric_density`): quantities per 1,000 word tokens, bars
    coloured by part kind (legend); and the shares of targets that are hedged and floors,
    with their Wilson intervals, each row labelled with its n. Rows without targets are left
    empty; a row with fewer than ``min_targets`` targets shows its shares as open markers
    without an interval (an interval on one or two targets spans most of [0, 1]). Front matter
    (the lines before a document's first part: title, meeting line, salutation) gets no row
    when it holds no quantity."""
    use_project_style()
    front = density["part_kind"].astype(object).eq("front") & density["quantities"].eq(0)
    rows = density[(density["word_tokens"] > 0) & ~front].reset_index(drop=True)
    parts = rows["part_kind"].astype(object).fillna("").astype(str)
    labels = [f"{g} · {p}" if p else f"{g}" for g, p in zip(rows[group].astype(str).str.replace("\n", " "), parts)]
    y = np.arange(len(rows))[::-1]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 0.32 * len(rows) + 2.1), sharey=True)
    left.barh(y, rows["per_1000"], color=[PART_COLOURS.get(p, WHOLE_DOCUMENT_COLOUR) for p in parts])
    left.set_yticks(y, labels, fontsize=8)
    left.set_xlabel("每千词数量 quantities per 1,000 word tokens")
    shown_parts = list(dict.fromkeys(parts))
    part_handles = [plt.Rectangle((0, 0), 1, 1, color=PART_COLOURS.get(p, WHOLE_DOCUMENT_COLOUR),
                                  label=p or "whole document (no parts)") for p in shown_parts]
    for share, offset, colour, name in (("hedged", 0.15, "#C44E52", "hedged 左右/力争/约/近/预计"),
                                        ("floor", -0.15, "#55A868", "floor 以上/不低于/超过/多")):
        enough = rows["targets"] >= min_targets
        few = (rows["targets"] > 0) & ~enough
        right.errorbar(rows.loc[enough, f"{share}_share"], y[enough] + offset,
                       xerr=np.clip([rows.loc[enough, f"{share}_share"] - rows.loc[enough, f"{share}_ci_low"],  # ≥ 0 but
                                     rows.loc[enough, f"{share}_ci_high"] - rows.loc[enough, f"{share}_share"]],  # for rounding
                                    0, None),
                       fmt="o", ms=4, color=colour, elinewidth=0.8, capsize=2, label=name)
        right.plot(rows.loc[few, f"{share}_share"], y[few] + offset, "o", ms=4, markerfacecolor="white", color=colour)
    for yy, n in zip(y, rows["targets"]):
        if n:
            note = f"n = {int(n)}" + ("" if n >= min_targets else ": no interval")
            right.text(1.02, yy, note, va="center", fontsize=7, transform=right.get_yaxis_transform())
    right.set_xlim(0, 1)
    right.set_xlabel("目标中的比例 share of targets (95% Wilson intervals)")
    right.legend(fontsize=8, loc="lower right", frameon=False)
    if title:
        fig.suptitle(title, fontsize=10)
    legend_height = 0.7                                              # inches below the panels for the bar legend
    fig.set_size_inches(fig.get_size_inches()[0], fig.get_size_inches()[1] + legend_height)
    fig.legend(handles=part_handles, loc="lower left", bbox_to_anchor=(0.02, 0.0), ncol=len(part_handles),
               frameon=False, fontsize=8, title="bar colour: part of the document", title_fontsize=8)
    fig.tight_layout(rect=(0, legend_height / fig.get_size_inches()[1], 1, 1))
    return fig
