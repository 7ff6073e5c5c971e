"""Statistics on token tables: sizes and frequencies."""
from __future__ import annotations

import pandas as pd

__all__ = ["document_sizes"]


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
