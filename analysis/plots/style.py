"""Plot style and saving: one house style with a real CJK font, and one helper that saves every
figure.

The font is Noto Sans CJK SC, shipped by the pinned ``mplfonts`` package, registered with
matplotlib by file path (so no system font is ever picked by accident) and handed to
wordcloud by the same path. Figures are saved as PNG and SVG with no timestamps and a fixed
SVG hash salt, so re-running a notebook rewrites the same bytes; the CSV of the numbers
behind each figure is written beside it. No figure is larger than :data:`PAGE_INCHES`.
"""
from __future__ import annotations

import importlib.resources
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import font_manager

from .._internal.rounding import write_csv
from ..paths import FIGURES_DIR

__all__ = [
    "FONT_FILE", "FONT_NAME", "PAGE_INCHES", "PER_10K_LABEL", "font_path", "use_project_style", "set_figure_folder",
    "save_figure", "save_table", "panel_grid", "plot_heatmap",
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


PER_10K_LABEL = "每万词 per 10,000 word tokens"


def panel_grid(n: int, ncols: int, panel_width: float, panel_height: float, extra_height: float = 0.0,
                **subplots) -> tuple[plt.Figure, list]:
    """A grid of at least ``n`` panels, ``ncols`` wide; the first ``n`` axes are returned and
    the unused ones hidden."""
    nrows = -(-n // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(panel_width * ncols, panel_height * nrows + extra_height),
                             squeeze=False, **subplots)
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    return fig, list(axes.flat)[:n]


GROUP_COLOURS = ["#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860"]


def plot_heatmap(matrix: pd.DataFrame, title: str = "", fmt: str = "{:.2f}", cmap: str = "Blues",
                 vmin: float | None = None, vmax: float | None = None, *, colorbar_label: str) -> plt.Figure:
    """An annotated heat map of ``matrix`` (rows and columns labelled by its index and
    columns), with a colour bar labelled ``colorbar_label`` (required: a colour bar says what
    it measures). Cells shrink to keep the figure within a page (:data:`PAGE_INCHES`);
    values are written in the cells only while they are large enough to hold them, and a
    missing value (NaN) leaves its cell blank, never "nan"."""
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
        if np.isnan(value):                                  # an empty cell (no value defined) stays blank
            continue
        ax.text(j, i, fmt.format(value), ha="center", va="center", fontsize=7,
                color="white" if value > 0.6 * high else "black")
    fig.colorbar(image, ax=ax, shrink=0.8).set_label(colorbar_label, fontsize=8)
    ax.spines[:].set_visible(False)
    if title:
        ax.set_title(title, fontsize=10)
    fig.tight_layout()
    return fig
