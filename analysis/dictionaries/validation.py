"""Validating a dictionary as a measurement instrument: a seeded, stratified sample of its
hits (and of paragraphs without a hit) exported for hand coding, and precision and recall
computed from the coded sample with Wilson intervals.

The coding rules are in ``data/theme_codebook.md``; the coded sample the project ships is
``data/theme_validation_coded.csv`` (who coded it and how is stated in the codebook).
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ..documents.structure import context
from ..paths import DATA_DIR, display_path
from .themes import DictionaryEntry, body_tokens, hit_offsets
from ..textstats.intervals import wilson_interval

__all__ = ["THEME_CODED_SAMPLE", "SAMPLE_COLUMNS", "sample_for_coding", "read_coded_sample", "proportion_with_interval", "precision_by_entry",
           "missed_paragraph_share"]

THEME_CODED_SAMPLE = DATA_DIR / "theme_validation_coded.csv"
SAMPLE_COLUMNS = ["sample_id", "unit", "theme", "keyword", "doc_id", "para_no", "left", "match", "right", "text",
                  "code", "coder", "note"]
"""unit is 'hit' (code: 1 = the keyword, in context, is about its theme; 0 = it is not) or
'paragraph' (a body paragraph without any hit; code: the ids of the themes it is about,
separated by ';', or 'none')."""


def sample_for_coding(hits: pd.DataFrame, tokens: pd.DataFrame, paragraph_table: pd.DataFrame,
                      themes: Sequence[DictionaryEntry], per_theme: int = 10, no_hit_paragraphs: int = 30,
                      seed: int = 2024, window: int = 30) -> pd.DataFrame:
    """A stratified random sample for hand coding: ``per_theme`` hits of each theme (all of
    them when a theme has fewer), drawn without replacement by a generator seeded with
    ``seed``, each with ``window`` characters of context; and ``no_hit_paragraphs`` body
    paragraphs without any hit, for an estimate of what the dictionary misses. The code,
    coder and note columns are left empty (SAMPLE_COLUMNS). Rows: hits by theme in
    dictionary order, then paragraphs; sample_id numbers them."""
    rng = np.random.default_rng(seed)
    located = hit_offsets(hits, tokens)
    located = located.sort_values(["theme", "doc_id", "para_no", "start"], kind="mergesort").reset_index(drop=True)
    text = paragraph_table.set_index(["doc_id", "para_no"])["text"]
    rows = []
    for theme in themes:
        candidates = located[located["theme"] == theme.id]
        chosen = candidates.iloc[np.sort(rng.choice(len(candidates), size=min(per_theme, len(candidates)),
                                                    replace=False))] if len(candidates) else candidates
        for doc_id, para_no, start, keyword in zip(chosen["doc_id"], chosen["para_no"], chosen["start"],
                                                   chosen["keyword"]):
            left, match, right = context(text[(doc_id, para_no)], start, start + len(keyword), window)
            rows.append({"unit": "hit", "theme": theme.id, "keyword": keyword, "doc_id": doc_id,
                         "para_no": int(para_no), "left": left, "match": match, "right": right, "text": ""})
    body = body_tokens(tokens)[["doc_id", "para_no"]].drop_duplicates()
    with_hit = set(zip(hits["doc_id"], hits["para_no"]))
    empty = [(d, p) for d, p in zip(body["doc_id"], body["para_no"]) if (d, p) not in with_hit]
    empty.sort()
    for i in np.sort(rng.choice(len(empty), size=min(no_hit_paragraphs, len(empty)), replace=False)) if empty else []:
        doc_id, para_no = empty[i]
        rows.append({"unit": "paragraph", "theme": "", "keyword": "", "doc_id": doc_id, "para_no": int(para_no),
                     "left": "", "match": "", "right": "", "text": text[(doc_id, para_no)]})
    sample = pd.DataFrame(rows)
    sample.insert(0, "sample_id", np.arange(1, len(sample) + 1))
    for column in ("code", "coder", "note"):
        sample[column] = ""
    return sample[SAMPLE_COLUMNS]


def read_coded_sample(path: Path | str = THEME_CODED_SAMPLE) -> pd.DataFrame:
    """The coded sample, checked: the SAMPLE_COLUMNS, a coder on every row, code 0 or 1 on
    hit rows and 'none' or theme ids separated by ';' on paragraph rows. Errors name the
    file, the row and the problem."""
    path = Path(path)
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    where = display_path(path)
    missing = [c for c in SAMPLE_COLUMNS if c not in table.columns]
    if missing:
        raise ValueError(f"{where}: missing column(s): {', '.join(missing)}")
    for line, (unit, code, coder) in enumerate(zip(table["unit"], table["code"], table["coder"]), 2):
        if not coder.strip():
            raise ValueError(f"{where} line {line}: no coder")
        if unit == "hit" and code not in {"0", "1"}:
            raise ValueError(f"{where} line {line}: a hit is coded 1 (about its theme) or 0, not {code!r}")
        if unit == "paragraph" and not code.strip():
            raise ValueError(f"{where} line {line}: a paragraph is coded 'none' or theme ids separated by ';'")
        if unit not in {"hit", "paragraph"}:
            raise ValueError(f"{where} line {line}: unit must be 'hit' or 'paragraph', not {unit!r}")
    return table


def proportion_with_interval(k, n, confidence_level: float = 0.95) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(estimate, ci_low, ci_high) of k successes in n trials, elementwise: estimate = k / n
    (NaN where n = 0) and its Wilson score interval. The one routine for classifier
    precision and recall of every dictionary and of the quantity extractor."""
    k, n = np.atleast_1d(np.asarray(k, dtype=float)), np.atleast_1d(np.asarray(n, dtype=float))
    estimate, low, high = (np.full(k.shape, np.nan) for _ in range(3))
    some = n > 0
    if some.any():
        estimate[some] = k[some] / n[some]
        low[some], high[some] = wilson_interval(k[some], n[some], confidence_level)
    return estimate, low, high


def precision_by_entry(coded: pd.DataFrame, entries: Sequence[DictionaryEntry], low: float = 0.7) -> pd.DataFrame:
    """Precision of each dictionary entry's hits in the coded sample (themes or instruments):
    coded (n), relevant (code 1), precision = relevant / n with its 95% Wilson interval
    (:func:`proportion_with_interval`), and flagged when the point estimate is below ``low``
    (the entry measures too much else). The column ``theme`` holds the entry's id."""
    hits = coded[coded["unit"] == "hit"]
    n = np.array([int((hits["theme"] == entry.id).sum()) for entry in entries])
    k = np.array([int(hits.loc[hits["theme"] == entry.id, "code"].astype(int).sum()) for entry in entries])
    precision, ci_low, ci_high = proportion_with_interval(k, n)
    return pd.DataFrame({"theme": [entry.id for entry in entries], "coded": n, "relevant": k, "precision": precision,
                         "ci_low": ci_low, "ci_high": ci_high, "flagged": (n > 0) & (precision < low)})


def missed_paragraph_share(coded: pd.DataFrame) -> pd.DataFrame:
    """What the dictionary misses: among the coded body paragraphs without any hit, the
    share the coder judged to be about at least one theme, with its 95% Wilson interval,
    and which themes were named. A high share means low recall at paragraph level."""
    paragraphs = coded[coded["unit"] == "paragraph"]
    about = paragraphs["code"].str.strip() != "none"
    n, k = len(paragraphs), int(about.sum())
    low, high = wilson_interval(k, n) if n else (np.nan, np.nan)
    named = sorted({t for code in paragraphs.loc[about, "code"] for t in code.split(";") if t})
    return pd.DataFrame([{"paragraphs_coded": n, "about_a_theme": k, "share": k / n if n else np.nan,
                          "ci_low": float(low), "ci_high": float(high), "themes_named": "、".join(named)}])
