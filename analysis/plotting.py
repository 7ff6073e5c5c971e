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

__all__ = ["FONT_FILE", "FONT_NAME", "font_path", "use_project_style", "save_figure", "plot_document_sizes"]

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
