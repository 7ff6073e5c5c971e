"""Word frequencies: document sizes, counts and rates per 10,000 word tokens, top terms.

Counts are taken over *word tokens*: tokens for which
:func:`analysis.segmentation.tokens.is_word` is true (no white space, punctuation, symbols,
digits-only tokens or stop words).

Every ranking breaks ties explicitly (by the term, in code-point order) and compares float
scores at :data:`analysis._internal.rounding.RANK_SIGNIFICANT_DIGITS` significant digits, so
tables are the same on every run and every CPU.
"""
from __future__ import annotations

import pandas as pd

from .._internal.rounding import rank_within_groups

__all__ = ["document_sizes", "term_frequencies", "top_terms", "lexicon_frequencies", "word_counts"]


PER = 10_000
"""Rates are per 10,000 word tokens."""


def document_sizes(corpus: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """Per document (in corpus order): chars (non-white-space characters of the cleaned
    text), paragraphs, tokens (all non-white-space tokens, punctuation included),
    word_tokens (tokens that are words: no punctuation, digits-only tokens or stop
    words) and word_types (distinct word tokens)."""
    words = tokens[tokens["is_word"]]
    table = pd.DataFrame({"doc_id": corpus["doc_id"]})
    table["chars"] = [sum(not c.isspace() for c in text) for text in corpus["text"]]
    table["paragraphs"] = [text.count("\n") + 1 if text else 0 for text in corpus["text"]]
    table["tokens"] = table["doc_id"].map(tokens.groupby("doc_id").size()).fillna(0).astype(int)
    table["word_tokens"] = table["doc_id"].map(words.groupby("doc_id").size()).fillna(0).astype(int)
    table["word_types"] = table["doc_id"].map(words.groupby("doc_id")["token"].nunique()).fillna(0).astype(int)
    return table.reset_index(drop=True)


def term_frequencies(tokens: pd.DataFrame, by: str | list[str] = "doc_id") -> pd.DataFrame:
    """Word frequencies per group: the ``by`` column(s), term, count, rate and rank.

    rate = count / (word tokens in the group) × 10,000. Rank 1 is the most frequent
    term of the group; ties are broken by the term. Whether a token is a word depends on
    the token alone, so count = Σ is_word over the (group, token) rows, and pairs with a
    zero sum are not words: no filtered copy of the token table is made.
    """
    by = [by] if isinstance(by, str) else list(by)
    counts = tokens.groupby([*by, "token"], sort=True)["is_word"].sum()
    counts = counts[counts > 0].astype("int64").rename("count").reset_index()
    counts = counts.rename(columns={"token": "term"})
    group_words = counts.groupby(by, sort=False)["count"].transform("sum")     # word tokens of the group
    counts["rate_per_10k"] = counts["count"] / group_words * PER
    return rank_within_groups(counts, by, "count")


def top_terms(frequencies: pd.DataFrame, n: int) -> pd.DataFrame:
    """The ``n`` best-ranked rows of each group of a ranked table (rank ≤ n)."""
    return frequencies[frequencies["rank"] <= n].reset_index(drop=True)


def lexicon_frequencies(tokens: pd.DataFrame, entries: list, by: str = "doc_id") -> pd.DataFrame:
    """Occurrences of lexicon terms (as whole tokens) per ``by`` group: by, term,
    category, count, rate per 10,000 word tokens of the group, rank (ties by term)."""
    category = {entry.term: entry.category for entry in entries}
    freq = term_frequencies(tokens, by)
    freq = freq[freq["term"].isin(category)].drop(columns="rank").copy()
    freq.insert(freq.columns.get_loc("term") + 1, "category", freq["term"].map(category))
    return rank_within_groups(freq, [by], "count")


def word_counts(tokens: pd.DataFrame) -> dict[str, int]:
    """term -> count over the word tokens of ``tokens`` (for :func:`keyness`)."""
    return tokens.loc[tokens["is_word"], "token"].value_counts().sort_index().to_dict()
