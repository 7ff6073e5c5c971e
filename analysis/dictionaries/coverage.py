"""Coverage: where a dictionary keyword occurs in the body text but no hit covers it.

A keyword matches only where its characters occupy whole jieba tokens (analysis.dictionaries.themes),
so a keyword can occur in a text and never be counted: 治安 inside the token 社会治安, 防汛 inside
防汛防台. This module lists those occurrences so that a dictionary can be given forms that match.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .themes import BODY_KINDS, DictionaryEntry, hit_offsets, occurrence_starts, phrase_mask

__all__ = ["keyword_coverage", "unmatched_occurrences"]

_OCCURRENCE_COLUMNS = ["entry", "keyword", "doc_id", "para_no", "start", "covered", "tokens"]


def unmatched_occurrences(paras: pd.DataFrame, tokens: pd.DataFrame, hits: pd.DataFrame,
                          entries: Sequence[DictionaryEntry], not_attention: Sequence[str] = ()) -> pd.DataFrame:
    """Every occurrence of every keyword of ``entries`` in a body paragraph (kind in BODY_KINDS) of
    ``paras``: entry, keyword, doc_id, para_no, start (character offset), covered (True when a hit of
    ``hits`` — :func:`analysis.dictionaries.themes.theme_hits` on the same entries — or a
    ``not_attention`` phrase covers all its characters), and tokens (the jieba tokens that
    overlap it, joined by '/'). Rows by doc_id, para_no, start, keyword."""
    body = paras[paras["kind"].isin(BODY_KINDS)]
    hits = hits if "start" in hits.columns else hit_offsets(hits, tokens)
    hit_spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for doc_id, para_no, start, keyword in zip(hits["doc_id"].astype(str), hits["para_no"], hits["start"],
                                               hits["keyword"]):
        hit_spans.setdefault((doc_id, int(para_no)), []).append((int(start), int(start) + len(keyword)))
    token_groups = {key: group for key, group in tokens.groupby(
        [tokens["doc_id"].astype(str), "para_no"], sort=False, observed=True)}
    rows = []
    for doc_id, para_no, text in zip(body["doc_id"].astype(str), body["para_no"], body["text"]):
        key = (doc_id, int(para_no))
        found = [(entry.id, keyword, start) for entry in entries for keyword in entry.keywords
                 for start in occurrence_starts(text, keyword)]
        if not found:
            continue
        covered = phrase_mask(text, not_attention)
        for start, end in hit_spans.get(key, []):
            covered[start:end] = True
        para_tokens = token_groups.get(key)
        if para_tokens is not None:
            token_starts = para_tokens["start"].to_numpy()
            token_texts = para_tokens["token"].astype(str).to_numpy()
            token_ends = token_starts + np.array([len(t) for t in token_texts])
        for entry_id, keyword, start in found:
            end = start + len(keyword)
            overlapping = "" if para_tokens is None else \
                "/".join(token_texts[(token_starts < end) & (token_ends > start)])
            rows.append((entry_id, keyword, doc_id, int(para_no), start, bool(covered[start:end].all()), overlapping))
    table = pd.DataFrame(rows, columns=_OCCURRENCE_COLUMNS)
    return table.sort_values(["doc_id", "para_no", "start", "keyword"], kind="mergesort").reset_index(drop=True)


def keyword_coverage(occurrences: pd.DataFrame) -> pd.DataFrame:
    """Per keyword of :func:`unmatched_occurrences`: entry, keyword, occurrences, uncovered (occurrences
    no hit covers) and the most frequent token form of an uncovered occurrence (ties by form);
    only keywords with an uncovered occurrence, most uncovered first, then by entry and keyword."""
    uncovered = occurrences[~occurrences["covered"]]
    counts = occurrences.groupby(["entry", "keyword"]).size().rename("occurrences")
    forms = (uncovered.groupby(["entry", "keyword", "tokens"]).size().rename("n").reset_index()
             .sort_values(["entry", "keyword", "n", "tokens"], ascending=[True, True, False, True], kind="mergesort")
             .drop_duplicates(["entry", "keyword"]).set_index(["entry", "keyword"])["tokens"].rename("form"))
    table = pd.concat([counts, uncovered.groupby(["entry", "keyword"]).size().rename("uncovered"), forms],
                      axis=1, join="inner").reset_index()
    table["uncovered"] = table["uncovered"].astype(int)
    return table.sort_values(["uncovered", "entry", "keyword"], ascending=[False, True, True],
                             kind="mergesort").reset_index(drop=True)[["entry", "keyword", "occurrences", "uncovered", "form"]]
