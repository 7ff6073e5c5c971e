"""The blind coding sample: which sentences and numbers coders see, drawn with a seeded
generator, and the key that links each sample_id to its sentence and stratum (kept from the
coders).

Sentences (:func:`draw_sentences`), from the body paragraphs (running text and numbered
items, :data:`analysis.dictionaries.themes.BODY_KINDS`):

1. ``random``: a simple random sample of ``random_sentences`` body sentences, for
   sentence-level recall;
2. ``hit:<dictionary>:<entry>``: for each entry of each dictionary in order, up to
   ``per_entry`` of the remaining sentences that hold a hit of it, drawn without
   replacement (all of them when fewer), for precision.

Numbers (:func:`draw_numbers`): ``n_sentences`` body sentences drawn at random among those
holding an Arabic number (:data:`NUMBER`); every number of them is a unit to code. The
sample over-represents numbers on purpose: only about a quarter of body sentences hold one.

sample_ids are assigned in a seeded random order, so that neither the order of the rows nor
the ids tell a coder a sentence's stratum.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..dictionaries.themes import BODY_KINDS
from ..documents.structure import sentence_numbers, sentences

__all__ = ["SENTENCE_KEY_COLUMNS", "NUMBER_KEY_COLUMNS", "NUMBER", "body_sentences", "draw_sentences", "draw_numbers"]

SENTENCE_KEY_COLUMNS = ["sample_id", "stratum", "doc_id", "para_no", "sent_no"]
NUMBER_KEY_COLUMNS = ["sample_id", "doc_id", "para_no", "sent_no", "start", "end", "number"]
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
"""An Arabic number (3, 3,000, 6.5): the unit of the number sample."""


def body_sentences(paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """The sentences of the body paragraphs (:func:`analysis.documents.structure.sentences`),
    in document order, with ``before`` and ``after``: the neighbouring sentences of the
    same paragraph ('' at its ends)."""
    body = paragraph_table[paragraph_table["kind"].isin(BODY_KINDS)]
    table = sentences(body)
    same_paragraph = ["doc_id", "para_no"]
    grouped = table.groupby(same_paragraph, sort=False)["text"]
    table["before"] = grouped.shift(1).fillna("")
    table["after"] = grouped.shift(-1).fillna("")
    return table[table["text"].str.strip().astype(bool)].reset_index(drop=True)


def _hit_sentences(hits: pd.DataFrame, tokens: pd.DataFrame, paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """(entry, doc_id, para_no, sent_no) of every hit, each once, sorted."""
    located = hits.merge(tokens[["doc_id", "para_no", "position", "start"]].astype({"doc_id": str}),
                         on=["doc_id", "para_no", "position"])
    located = located.assign(doc_id=located["doc_id"].astype(str))
    located["sent_no"] = sentence_numbers(paragraph_table, *(located[c].to_list() for c in ("doc_id", "para_no", "start")))
    return located[["theme", "doc_id", "para_no", "sent_no"]].drop_duplicates().sort_values(
        ["theme", "doc_id", "para_no", "sent_no"], kind="mergesort").reset_index(drop=True)


def draw_sentences(paragraph_table: pd.DataFrame, tokens: pd.DataFrame, dictionaries: Mapping[str, tuple],
                   per_entry: int = 8, random_sentences: int = 100, seed: int = 2026) -> pd.DataFrame:
    """The sentence key (SENTENCE_KEY_COLUMNS; rules in the module docstring), sorted by
    sample_id. ``dictionaries`` maps a name (themes, instruments) to (entries, hits), hits as
    :func:`analysis.dictionaries.themes.theme_hits` gives them for ``tokens``."""
    rng = np.random.default_rng(seed)
    pool = body_sentences(paragraph_table)[["doc_id", "para_no", "sent_no"]]
    pool = pool.astype({"doc_id": str}).sort_values(["doc_id", "para_no", "sent_no"], kind="mergesort")
    keys = list(pool.itertuples(index=False, name=None))
    chosen: dict[tuple, str] = {}
    for i in np.sort(rng.choice(len(keys), size=min(random_sentences, len(keys)), replace=False)):
        chosen[keys[i]] = "random"
    body = set(keys)
    for name, (entries, hits) in dictionaries.items():
        located = _hit_sentences(hits, tokens, paragraph_table)
        for entry in entries:
            candidates = [k for k in located.loc[located["theme"] == entry.id, ["doc_id", "para_no", "sent_no"]]
                          .itertuples(index=False, name=None) if k in body and k not in chosen]
            for i in np.sort(rng.choice(len(candidates), size=min(per_entry, len(candidates)), replace=False)):
                chosen[candidates[i]] = f"hit:{name}:{entry.id}"
    key = pd.DataFrame([(stratum, *k) for k, stratum in chosen.items()], columns=SENTENCE_KEY_COLUMNS[1:])
    key.insert(0, "sample_id", [f"S{i:03d}" for i in rng.permutation(len(key)) + 1])
    return key.sort_values("sample_id", kind="mergesort").reset_index(drop=True)


def draw_numbers(paragraph_table: pd.DataFrame, n_sentences: int = 40, seed: int = 2026,
                 exclude: pd.DataFrame | None = None) -> pd.DataFrame:
    """The number key (NUMBER_KEY_COLUMNS): every Arabic number of ``n_sentences`` body
    sentences drawn at random among those holding one (sentences of ``exclude``, a sentence
    key, left out), sorted by sample_id (N + sentence + number)."""
    rng = np.random.default_rng(seed + 1)
    table = body_sentences(paragraph_table).astype({"doc_id": str})
    table = table[table["text"].str.contains(NUMBER)].sort_values(["doc_id", "para_no", "sent_no"], kind="mergesort")
    if exclude is not None:
        taken = set(zip(exclude["doc_id"], exclude["para_no"], exclude["sent_no"]))
        table = table[np.array([k not in taken for k in zip(table["doc_id"], table["para_no"], table["sent_no"])],
                               dtype=bool)]
    picked = table.iloc[np.sort(rng.choice(len(table), size=min(n_sentences, len(table)), replace=False))]
    order = rng.permutation(len(picked)) + 1
    rows = []
    for rank, (doc_id, para_no, sent_no, text) in zip(order, picked[["doc_id", "para_no", "sent_no", "text"]]
                                                       .itertuples(index=False, name=None)):
        for j, m in enumerate(NUMBER.finditer(text), 1):
            rows.append((f"N{rank:03d}-{j:02d}", doc_id, para_no, sent_no, m.start(), m.end(), m.group()))
    key = pd.DataFrame(rows, columns=NUMBER_KEY_COLUMNS)
    return key.sort_values("sample_id", kind="mergesort").reset_index(drop=True)
