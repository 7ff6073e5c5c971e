"""Formulaic language: quoted programme names and numeric slogans, their variants merged,
compared between groups at equal text length; quoted strings as lexicon candidates.

An expression is (a) a string of 2–16 characters in “…” quotes, counted where it is
quoted, or (b) a lexicon term of category numeric_slogan, counted as a whole token
wherever it occurs (a quoted occurrence once). Not expressions: strings of digits only
(the hotline “12345” is a number, not a slogan). Variants are one expression: strings with
at least two Chinese characters that differ only in single Arabic digits (“0次上门” and
“1次上门” become “0次上门 / 1次上门”); numbered measures such as “27条” and “100条”, or 1+4
and 1+15, name different policies and stay apart.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.special import gammaln

from ..segmentation.lexicon import LexiconEntry, lexicon_terms
from ..segmentation.tokens import is_number, tokenize

__all__ = ["quoted_terms", "formulaic_expressions", "expression_overlap", "variant_key", "rarefied_expression_count",
           "expression_summary"]

_QUOTED = re.compile(r"“([^“”]{2,16})”")
_NUMERAL = re.compile(r"[0-9〇零一二三四五六七八九十两双百千万]")
_SINGLE_DIGIT = re.compile(r"(?<![\d.])\d(?![\d.])")
_CHINESE = re.compile(r"[\u4E00-\u9FFF]")


def variant_key(expression: str) -> str:
    """The key shared by variants: with at least two Chinese characters in the expression,
    each single Arabic digit replaced by # (0次上门, 1次上门 → #次上门); otherwise the
    expression itself. Chinese numerals are kept, so 十三五 and 十四五 stay apart."""
    if len(_CHINESE.findall(expression)) < 2:
        return expression
    return _SINGLE_DIGIT.sub("#", expression)


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


def formulaic_expressions(corpus: pd.DataFrame, tokens: pd.DataFrame, entries: Sequence[LexiconEntry],
                          by: str = "doc_id") -> pd.DataFrame:
    """Formulaic expressions per ``by`` group (a corpus column, e.g. doc_id or district),
    by the rules of this module. kind is *numeric* when the expression contains a numeral
    (四个意识, 1+13+X, 一网通办), else *named*; ``expression`` names the variants found anywhere
    in ``corpus``, joined by " / ". Columns: by, expression, kind, count; sorted by group,
    count (descending) and expression.
    """
    counts: Counter[tuple[str, str]] = Counter()
    group_of = dict(zip(corpus["doc_id"], corpus[by]))
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        for term in _QUOTED.findall(text):
            counts[(group_of[doc_id], term)] += 1
    slogans = {e.term for e in entries if e.category == "numeric_slogan"}
    for doc_id, token_table in tokens[tokens["token"].isin(slogans)].groupby("doc_id", sort=False):
        text = corpus.loc[corpus["doc_id"] == doc_id, "text"].item()
        for term, n in token_table["token"].value_counts().items():
            counts[(group_of[doc_id], term)] += n - text.count(f"“{term}”")
    counts = Counter({key: n for key, n in counts.items() if n > 0 and not is_number(key[1])})
    members: dict[str, set[str]] = {}
    for _, term in counts:
        members.setdefault(variant_key(term), set()).add(term)
    label = {key: " / ".join(sorted(terms)) for key, terms in members.items()}
    merged: Counter[tuple[str, str]] = Counter()
    for (group, term), n in counts.items():
        merged[(group, label[variant_key(term)])] += n
    rows = [{by: group, "expression": expression, "kind": "numeric" if _NUMERAL.search(expression) else "named",
             "count": n} for (group, expression), n in merged.items()]
    table = pd.DataFrame(rows, columns=[by, "expression", "kind", "count"])
    return table.sort_values([by, "count", "expression"], ascending=[True, False, True], ignore_index=True)


def expression_overlap(expressions: pd.DataFrame, by: str, a: str, b: str) -> pd.DataFrame:
    """Which expressions two groups share: expression, kind, count_a, count_b and status
    (shared, a-only or b-only, with the group names); sorted by status, total count
    (descending) and expression."""
    wide = expressions[expressions[by].isin([a, b])].pivot_table(
        index=["expression", "kind"], columns=by, values="count", fill_value=0, aggfunc="sum")
    wide = wide.reindex(columns=[a, b], fill_value=0).reset_index()
    wide.columns.name = None
    wide = wide.rename(columns={a: "count_a", b: "count_b"})
    wide["status"] = np.select([(wide["count_a"] > 0) & (wide["count_b"] > 0), wide["count_a"] > 0],
                               ["shared", f"{a} only"], f"{b} only")
    wide["total"] = wide["count_a"] + wide["count_b"]
    order = {"shared": 0, f"{a} only": 1, f"{b} only": 2}
    wide = wide.assign(_order=wide["status"].map(order)).sort_values(
        ["_order", "total", "expression"], ascending=[True, False, True], ignore_index=True)
    return wide.drop(columns=["_order", "total"])


def rarefied_expression_count(counts: Sequence[int], words: int, sample_words: int) -> float:
    """Expected number of distinct expressions in a random sample of ``sample_words`` of a
    text's ``words`` word tokens (rarefaction, Hurlbert 1971):

        E[S] = Σ_i [1 − C(W − n_i, m) / C(W, m)]

    n_i the occurrences of expression i, W = ``words``, m = ``sample_words`` (each
    occurrence counted as one token position). Makes counts of distinct expressions
    comparable between texts of different length."""
    n = np.asarray(counts, dtype=float)
    if sample_words > words or sample_words < 0 or np.any(n < 0) or n.sum() > words:
        raise ValueError("need 0 ≤ sample_words ≤ words and occurrences that fit in the words")

    def log_choose(total, k):
        return gammaln(total + 1) - gammaln(k + 1) - gammaln(total - k + 1)

    absent = np.where(words - n >= sample_words,
                      np.exp(log_choose(words - n, sample_words) - log_choose(words, sample_words)), 0.0)
    return float(np.sum(1 - absent))


def expression_summary(expressions: pd.DataFrame, words: Mapping[str, int], by: str) -> pd.DataFrame:
    """Formulaic language per group, adjusted for length: word tokens, occurrences,
    occurrences per 10,000 word tokens, distinct expressions, and distinct expressions
    expected in a sample as long as the shortest group (:func:`rarefied_expression_count`).
    ``words`` maps each group to its word tokens; groups in its order."""
    smallest = min(words.values())
    rows = []
    for group, size in words.items():
        counts = expressions.loc[expressions[by] == group, "count"].to_numpy()
        rows.append({by: group, "words": int(size), "occurrences": int(counts.sum()),
                     "per_10k": counts.sum() / size * 10_000, "distinct": len(counts),
                     f"distinct_in_{smallest}_words": rarefied_expression_count(counts, size, smallest)})
    return pd.DataFrame(rows)
