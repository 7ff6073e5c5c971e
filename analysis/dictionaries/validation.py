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
from .themes import Theme, body_tokens, hit_offsets
from ..textstats.uncertainty import wilson_interval

__all__ = ["THEME_CODED_SAMPLE", "SAMPLE_COLUMNS", "sample_for_coding", "read_coded_sample", "precision_by_theme",
           "missed_paragraph_share"]

THEME_CODED_SAMPLE = DATA_DIR / "theme_validation_coded.csv"
SAMPLE_COLUMNS = ["sample_id", "unit", "theme", "keyword", "doc_id", "para_no", "left", "match", "right", "text",
                  "code", "coder", "note"]
"""unit is 'hit' (code: 1 = the keyword, in context, is about its theme; 0 = it is not) or
'paragraph' (a body paragraph without any hit; code: the ids of the themes it is about,
separated by ';', or 'none')."""


def sample_for_coding(hits: pd.DataFrame, tokens: pd.DataFrame, paragraph_table: pd.DataFrame,
                      themes: Sequence[Theme], per_theme: int = 10, no_hit_paragraphs: int = 30,
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


def precision_by_theme(coded: pd.DataFrame, themes: Sequence[Theme], low: float = 0.7) -> pd.DataFrame:
    """Precision of each theme's hits in the coded sample: coded (n), relevant (code 1),
    precision = relevant / n, its 95% Wilson interval, and flagged when the interval's upper
    limit is below ``low`` or the point estimate is (the theme measures too much else)."""
    hits = coded[coded["unit"] == "hit"]
    rows = []
    for theme in themes:
        codes = hits.loc[hits["theme"] == theme.id, "code"].astype(int)
        n, k = len(codes), int(codes.sum())
        ci = wilson_interval(k, n) if n else (np.nan, np.nan)
        rows.append({"theme": theme.id, "coded": n, "relevant": k, "precision": k / n if n else np.nan,
                     "ci_low": float(ci[0]), "ci_high": float(ci[1]), "flagged": bool(n and k / n < low)})
    return pd.DataFrame(rows)


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
