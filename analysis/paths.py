"""Every path the project uses, in one place.

Notebooks and modules take their paths from here and never build them by hand.

Two folders can be moved with environment variables, read once at import:
``ANALYSIS_FIGURES_DIR`` (where figures and their CSVs are written) and
``ANALYSIS_CACHE_DIR`` (jieba's prefix dictionary and the token tables). The test
suite points both at a temporary folder, so running the tests never writes inside
the repository.
"""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ROOT", "SEEDS_DIR", "MANIFEST", "FIGURES_DIR", "COMMITTED_FIGURES_DIR", "NOTEBOOKS_DIR", "DATA_DIR",
           "CACHE_DIR", "display_path"]

ROOT = Path(__file__).resolve().parents[1]
"""The repository root (the folder that holds ``analysis/``)."""

SEEDS_DIR = ROOT / "seeds"
"""Raw texts as received (read-only) and their manifest."""

MANIFEST = SEEDS_DIR / "manifest.csv"
"""One row per document: metadata and the file that holds its raw text."""

FIGURES_DIR = Path(os.environ.get("ANALYSIS_FIGURES_DIR") or ROOT / "figures")
"""Generated figures (PNG + SVG) and the CSV of the numbers behind each."""

COMMITTED_FIGURES_DIR = ROOT / "figures"
"""The figures committed with the repository (what ``make reproduce`` writes)."""

NOTEBOOKS_DIR = ROOT / "notebooks"

DATA_DIR = Path(__file__).resolve().parent / "data"
"""Versioned data the package ships: lexicon, project stop words."""

CACHE_DIR = Path(os.environ.get("ANALYSIS_CACHE_DIR") or ROOT / ".cache")
"""Machine-local caches (jieba's prefix dictionary, token tables); never committed."""


def display_path(path: Path | str) -> str:
    """``path`` relative to the repository root when it lies inside it, else as given.

    Used in every message, so that no absolute path of a machine reaches output.
    """
    path = Path(path)
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)
