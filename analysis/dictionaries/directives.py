"""Directives: how strongly a report obliges — modal and obligation markers per 1,000 words.

The markers (:data:`DIRECTIVE_MARKERS`) are counted in the tokens of the token table: the
one-character 要 only as a whole token (so 主要 and 重要, one token each, do not count),
the two-character markers wherever they occur in a token (jieba joins 积极探索 into one
token, which holds two markers). They run from
binding to tentative: 必须, 坚决, 确保, 要 (obligation), 力争, 积极 (effort), 稳妥, 探索
(caution and trial). The rate is markers / word tokens × 1,000, where word tokens are the
tokens with ``is_word`` (markers that are stop words, such as 要, count in the numerator
only), by any grouping of the token table (document, part kind …).
"""
from __future__ import annotations

import pandas as pd

__all__ = ["DIRECTIVE_MARKERS", "directive_rates"]

DIRECTIVE_MARKERS = {
    "必须": "obligation", "坚决": "obligation", "确保": "obligation", "要": "obligation",
    "力争": "effort", "积极": "effort",
    "稳妥": "caution", "探索": "caution",
}
"""Marker -> strength class (obligation, effort, caution)."""


def directive_rates(tokens: pd.DataFrame, by: str | list[str] = "doc_id") -> pd.DataFrame:
    """Per group of ``by``: word tokens, the count of each marker, of each strength class and
    of all markers, and ``per_1000`` = all markers / word tokens × 1,000; groups in
    first-seen order, one row each (a group without markers has zeros; a missing key,
    such as the part of a document without parts, is a group of its own)."""
    by = [by] if isinstance(by, str) else list(by)
    words = tokens.groupby(by, sort=False, dropna=False)["is_word"].sum().rename("word_tokens")
    keys = [tokens[column] for column in by]
    columns = {}
    for marker in DIRECTIVE_MARKERS:
        found = (tokens["token"] == marker) if len(marker) == 1 else tokens["token"].str.count(marker)
        columns[marker] = found.astype("int64").groupby(keys, sort=False, dropna=False).sum()
    counts = pd.DataFrame(columns).reindex(index=words.index, fill_value=0)
    table = pd.concat([words, counts], axis=1)
    for strength in dict.fromkeys(DIRECTIVE_MARKERS.values()):
        table[strength] = counts[[m for m, s in DIRECTIVE_MARKERS.items() if s == strength]].sum(axis=1)
    table["markers"] = counts.sum(axis=1)
    table["per_1000"] = table["markers"] / table["word_tokens"].where(table["word_tokens"] > 0) * 1000
    return table.reset_index()
