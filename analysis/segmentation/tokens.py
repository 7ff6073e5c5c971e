"""Tokens: jieba segmentation with the project's policy-term lexicon, and which tokens are words.

Segmentation and filtering are separate steps:

* :func:`tokenize` returns *every* token of a text, white space and punctuation
  included, so ``''.join(tokenize(text)) == text``.
* :func:`is_word` says whether a token counts as a word: not white space, not
  punctuation or symbols only, not digits only, and not a stop word.

The segmenter is a private ``jieba.Tokenizer`` (never jieba's global one; an
:class:`analysis.segmentation.segmenter.Segmenter`, jieba's tokenizer with faster inner loops and the
same output) with jieba's default dictionary plus ``data/lexicon.tsv``; each lexicon term is added
with the frequency jieba's ``suggest_freq`` gives it, so that it comes out as one
token. jieba's start-up messages are silenced and its cache lives in ``.cache/``.
"""
from __future__ import annotations

import functools
import logging
import os
import re
import tempfile
import unicodedata
import warnings
from pathlib import Path

import jieba

from ..paths import CACHE_DIR, display_path
from . import segmenter
from .lexicon import LEXICON_FILE, LEXICON_POS, lexicon_terms
from .stop_words import stopwords

__all__ = ["CacheWarning", "usable_cache_dir", "tokenizer", "tokenize", "is_word", "is_number", "pretokenized"]


_DIGITS_ONLY = re.compile(r"^[\d.,%％·〇]+$")


def tokenizer(lexicon: Path = LEXICON_FILE) -> jieba.Tokenizer:
    """The project's private jieba tokenizer, initialised once per process and lexicon."""
    return _tokenizer(Path(lexicon).resolve())


class CacheWarning(UserWarning):
    """A cache file could not be read or written; the run goes on without it."""


_UNUSABLE_CACHE_DIRS: set[Path] = set()
"""Cache folders already reported as unusable in this process (each is reported once)."""


def usable_cache_dir(folder: Path) -> bool:
    """Whether ``folder`` exists or can be made, and can be written; warns once per
    folder (CacheWarning) when it cannot."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
        return True
    except OSError as error:
        if folder not in _UNUSABLE_CACHE_DIRS:
            _UNUSABLE_CACHE_DIRS.add(folder)
            warnings.warn(f"cache folder {display_path(folder)} cannot be written ({error.strerror or error}); "
                          "running without it", CacheWarning, stacklevel=3)
        return False


@functools.lru_cache(maxsize=None)
def _tokenizer(lexicon: Path) -> jieba.Tokenizer:
    """jieba's prefix dictionary is cached in CACHE_DIR (jieba writes it through a temporary
    file, so a killed run leaves no half-written cache, and rebuilds a cache it cannot
    read). When CACHE_DIR cannot be written, jieba keeps its cache in the system's
    temporary folder. jieba's own log is silenced; a rebuild of an existing cache file,
    which means it could not be read, is reported as a CacheWarning."""
    tok = segmenter.Segmenter()
    if usable_cache_dir(CACHE_DIR):
        tok.tmp_dir = str(CACHE_DIR)
    cache_file = Path(tok.tmp_dir or tempfile.gettempdir()) / "jieba.cache"
    before = cache_file.stat().st_mtime_ns if cache_file.is_file() else None
    logger = jieba.default_logger
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        tok.initialize()
    finally:
        logger.setLevel(level)
    if before is not None and cache_file.is_file() and cache_file.stat().st_mtime_ns != before:
        warnings.warn(f"jieba's dictionary cache {display_path(cache_file)} could not be read; it was rebuilt",
                      CacheWarning, stacklevel=3)
    for term in lexicon_terms(lexicon):
        tok.add_word(term, freq=tok.suggest_freq(term, tune=False), tag=LEXICON_POS)
    return tok


def tokenize(text: str, lexicon: Path = LEXICON_FILE) -> list[str]:
    """All tokens of ``text`` (jieba precise mode, HMM on), white space and punctuation
    included: ``''.join(tokenize(text)) == text``."""
    return list(tokenizer(lexicon).cut(text, HMM=True))


def _is_punctuation_or_symbol(token: str) -> bool:
    return all(unicodedata.category(c)[0] in "PSZ" or c.isspace() for c in token)


def pretokenized(terms: list[str]) -> list[str]:
    """Analyzer for scikit-learn vectorizers whose documents are already lists of terms
    (a named function rather than a lambda, so a vectorizer can be sent to a worker)."""
    return terms


def is_number(text: str) -> bool:
    """True for digits only, with decimal points, separators or a percent sign (2018, 6.5,
    30%, 12345): a number, not a word or a slogan."""
    return bool(_DIGITS_ONLY.match(text))


@functools.lru_cache(maxsize=None)
def is_word(token: str) -> bool:
    """True for a token that counts as a word: not white space, punctuation or symbols
    only, not digits only (2018, 6.5, 30%), and not a stop word (remembered per token)."""
    return not (
        not token.strip()
        or _is_punctuation_or_symbol(token)
        or is_number(token)
        or token in stopwords()
    )
