"""Stop words: stopwords-iso's Chinese list plus the project's own short list
(``analysis/data/stopwords_project.tsv``, each word with the reason it is there)."""
from __future__ import annotations

import functools
from pathlib import Path

import stopwordsiso

from .._internal.data_files import read_tsv
from ..paths import DATA_DIR

__all__ = ["PROJECT_STOPWORDS_FILE", "stopwords"]

PROJECT_STOPWORDS_FILE = DATA_DIR / "stopwords_project.tsv"


@functools.lru_cache(maxsize=None)
def stopwords(path: Path = PROJECT_STOPWORDS_FILE) -> frozenset[str]:
    """The stop words: stopwords-iso's Chinese list plus the project's own list."""
    project = {row["word"].strip() for row in read_tsv(path, ["word", "reason"])}
    return frozenset(stopwordsiso.stopwords("zh")) | frozenset(project)
