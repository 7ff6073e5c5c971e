"""Tokens: jieba segmentation with the project's policy-term lexicon, and stop words.

Segmentation and filtering are separate steps:

* :func:`tokenize` returns *every* token of a text, white space and punctuation
  included, so ``''.join(tokenize(text)) == text``.
* :func:`is_word` says whether a token counts as a word: not white space, not
  punctuation or symbols only, not digits only, and not a stop word.

The segmenter is a private ``jieba.Tokenizer`` (never jieba's global one) with
jieba's default dictionary plus ``data/lexicon.tsv``; each lexicon term is added
with the frequency jieba's ``suggest_freq`` gives it, so that it comes out as one
token. jieba's start-up messages are silenced and its cache lives in ``.cache/``.
"""
from __future__ import annotations

import csv
import functools
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import jieba
import pandas as pd
import stopwordsiso

from .paths import CACHE_DIR, DATA_DIR, display_path

__all__ = [
    "LEXICON_FILE",
    "PROJECT_STOPWORDS_FILE",
    "LexiconEntry",
    "read_lexicon",
    "lexicon_terms",
    "tokenizer",
    "tokenize",
    "stopwords",
    "is_word",
    "words",
    "corpus_tokens",
    "quoted_terms",
]

LEXICON_FILE = DATA_DIR / "lexicon.tsv"
PROJECT_STOPWORDS_FILE = DATA_DIR / "stopwords_project.tsv"
_DIGITS_ONLY = re.compile(r"^[\d.,%％·]+$")
_QUOTED = re.compile(r"“([^“”]{2,16})”")


@dataclass(frozen=True)
class LexiconEntry:
    term: str
    category: str
    source: str


def _read_tsv(path: Path, columns: list[str]) -> list[dict[str, str]]:
    """Rows of a tab-separated data file, checked for its columns and non-empty first column."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{display_path(path)}: missing column(s): {', '.join(missing)}")
        rows = list(reader)
    seen: dict[str, int] = {}
    for line_no, row in enumerate(rows, 2):
        key = (row[columns[0]] or "").strip()
        if not key:
            raise ValueError(f"{display_path(path)} line {line_no}: empty {columns[0]}")
        if key in seen:
            raise ValueError(f"{display_path(path)} line {line_no}: duplicate {columns[0]} {key!r} "
                             f"(first on line {seen[key]})")
        seen[key] = line_no
    return rows


def read_lexicon(path: Path = LEXICON_FILE) -> list[LexiconEntry]:
    """The lexicon entries (term, category, source), in file order."""
    rows = _read_tsv(path, ["term", "category", "source"])
    return [LexiconEntry(r["term"].strip(), r["category"].strip(), r["source"].strip()) for r in rows]


def lexicon_terms(path: Path = LEXICON_FILE) -> list[str]:
    return [entry.term for entry in read_lexicon(path)]


@functools.lru_cache(maxsize=None)
def tokenizer(lexicon: Path = LEXICON_FILE) -> jieba.Tokenizer:
    """The project's private jieba tokenizer, initialised once per process and lexicon."""
    tok = jieba.Tokenizer()
    CACHE_DIR.mkdir(exist_ok=True)
    tok.tmp_dir = str(CACHE_DIR)
    logger = jieba.default_logger
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        tok.initialize()
    finally:
        logger.setLevel(level)
    for term in lexicon_terms(lexicon):
        tok.add_word(term, freq=tok.suggest_freq(term, tune=False))
    return tok


def tokenize(text: str, lexicon: Path = LEXICON_FILE) -> list[str]:
    """All tokens of ``text`` (jieba precise mode, HMM on), white space and punctuation
    included: ``''.join(tokenize(text)) == text``."""
    return list(tokenizer(lexicon).cut(text, HMM=True))


@functools.lru_cache(maxsize=None)
def stopwords(path: Path = PROJECT_STOPWORDS_FILE) -> frozenset[str]:
    """The stop words: stopwords-iso's Chinese list plus the project's own list."""
    project = {row["word"].strip() for row in _read_tsv(path, ["word", "reason"])}
    return frozenset(stopwordsiso.stopwords("zh")) | frozenset(project)


def _is_punctuation_or_symbol(token: str) -> bool:
    return all(unicodedata.category(c)[0] in "PSZ" or c.isspace() for c in token)


def is_word(token: str) -> bool:
    """True for a token that counts as a word: not white space, punctuation or symbols
    only, not digits only (2018, 6.5, 30%), and not a stop word."""
    return not (
        not token.strip()
        or _is_punctuation_or_symbol(token)
        or _DIGITS_ONLY.match(token)
        or token in stopwords()
    )


def words(tokens: list[str]) -> list[str]:
    """The tokens that are words (:func:`is_word`), in order."""
    return [t for t in tokens if is_word(t)]


def corpus_tokens(paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """One row per token of every paragraph: doc_id, para_no, position (0-based in the
    paragraph), token and is_word. White-space tokens are left out (they carry nothing
    and paragraphs are already split)."""
    rows = [
        (doc_id, para_no, position, token, is_word(token))
        for doc_id, para_no, text in zip(paragraph_table["doc_id"], paragraph_table["para_no"],
                                         paragraph_table["text"])
        for position, token in enumerate(tokenize(text))
        if token.strip()
    ]
    return pd.DataFrame(rows, columns=["doc_id", "para_no", "position", "token", "is_word"])


def quoted_terms(corpus: pd.DataFrame) -> pd.DataFrame:
    """Lexicon candidates: every string of 2–16 characters in “…” quotes in the cleaned
    texts, with its count, the documents it occurs in, whether it is in the lexicon and
    how jieba segments it. Sorted by count (descending), then term."""
    counts: Counter[str] = Counter()
    docs: dict[str, set[str]] = {}
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        for term in _QUOTED.findall(text):
            counts[term] += 1
            docs.setdefault(term, set()).add(doc_id)
    lexicon = set(lexicon_terms())
    rows = [
        {"term": term, "count": n, "documents": ", ".join(sorted(docs[term])),
         "in_lexicon": term in lexicon, "segmented": " / ".join(tokenize(term))}
        for term, n in counts.items()
    ]
    table = pd.DataFrame(rows, columns=["term", "count", "documents", "in_lexicon", "segmented"])
    return table.sort_values(["count", "term"], ascending=[False, True], ignore_index=True)
