"""The measurements scored against the adjudicated codes of the blind sample.

Dictionaries (themes, instruments), for each entry e:

* precision = sentences of stratum ``hit:<dictionary>:e`` coded 1 for e / the stratum's
  sentences that still hold a hit of e (a random sample of e's hit sentences, so this is
  sentence-level precision), with its Wilson interval; ``below_0_7`` flags a point estimate
  under 0.7;
* keyword precision: the same share among the stratum's sentences holding keyword k, and
  the frequency-weighted precision Σₖ Nₖ pₖ / Σₖ Nₖ over the keywords seen in the stratum,
  Nₖ = k's hits in the corpus (``weighted_coverage`` = Σₖ Nₖ over those keywords / all of e's hits);
* recall = sentences of the ``random`` stratum coded 1 for e that hold a hit of e / those
  coded 1 for e, with its Wilson interval (sentence-level recall).

Quantities (:func:`quantity_scores`), on the number sample: a number is *extracted* when the
extractor (:func:`analysis.extract.quantities.find_quantities`) has a quantity whose span
starts at it, or covers it as the upper end of a range. Detection precision and recall
against ``quantity``; unit agreement (magnitude and unit, 万元, %) and the kind table
(extractor kind × coded kind) on the numbers both call quantities; target precision =
coded target / extractor target, target recall = extractor target / coded target.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pandas as pd

from ..textstats.intervals import proportion_with_interval
from ..extract.quantities import extract_quantities, find_quantities, measure_of
from ..documents.structure import sentence_numbers
from .blind_sample import body_sentences

__all__ = ["PRECISION_FLOOR", "LOW_PRECISION_MARK", "mark_low_precision", "low_precision_ids", "located_keywords", "extractor_reading", "entry_precision", "keyword_precision", "entry_recall", "quantity_scores"]

PRECISION_FLOOR = 0.7
"""An entry whose precision is below this is flagged wherever it is shown."""
LOW_PRECISION_MARK = "† precision < 0.7"
"""Added to the English name of a flagged entry (:func:`mark_low_precision`), so figures show it."""


def mark_low_precision(entries: Sequence, precision: pd.DataFrame) -> list:
    """``entries`` with :data:`LOW_PRECISION_MARK` added to the English name of each entry that
    ``precision`` (:func:`entry_precision`) flags ``below_0_7``; figures label entries by name."""
    flagged = _flagged(precision)
    return [replace(e, en=f"{e.en} {LOW_PRECISION_MARK}") if e.id in flagged else e for e in entries]


def low_precision_ids(precision: pd.DataFrame) -> dict[str, str]:
    """entry id -> ``<id> †`` for each entry ``precision`` flags ``below_0_7``: the labels
    tables of rates use (``.rename(index=...)``)."""
    return {entry: f"{entry} †" for entry in sorted(_flagged(precision))}


def _flagged(precision: pd.DataFrame) -> set[str]:
    return set(precision.loc[precision["below_0_7"].astype(bool), "entry"])


def located_keywords(hits: pd.DataFrame, tokens: pd.DataFrame, paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """(theme, keyword, doc_id, para_no, sent_no) of every hit."""
    located = hits.assign(doc_id=hits["doc_id"].astype(str)).merge(tokens[["doc_id", "para_no", "position", "start"]].astype({"doc_id": str}),
                            on=["doc_id", "para_no", "position"])
    located["sent_no"] = sentence_numbers(paragraph_table, *(located[c].to_list() for c in ("doc_id", "para_no", "start")))
    return located[["theme", "keyword", "doc_id", "para_no", "sent_no"]]


def _field(name: str, entry_id: str) -> str:
    return f"{name.rstrip('s')}.{entry_id}"


def entry_precision(key: pd.DataFrame, final: pd.DataFrame, name: str, entries: Sequence, hits: pd.DataFrame,
                    tokens: pd.DataFrame, paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """Per entry: entry, hits (in the corpus), coded (stratum sentences still hit), relevant, precision, ci_low,
    ci_high, below_0_7, dropped (stratum sentences no longer hit by the dictionary),
    weighted_precision, weighted_coverage (rules in the module docstring)."""
    located = located_keywords(hits, tokens, paragraph_table)
    by_keyword = keyword_precision(key, final, name, entries, located)
    rows = []
    for entry in entries:
        units = key[key["stratum"] == f"hit:{name}:{entry.id}"]
        hit = set(map(tuple, located.loc[located["theme"] == entry.id, ["doc_id", "para_no", "sent_no"]].to_numpy()))
        still = units[np.array([k in hit for k in zip(units["doc_id"], units["para_no"], units["sent_no"])], dtype=bool)]
        relevant = int((final.loc[still["sample_id"], _field(name, entry.id)] == "1").sum())
        keywords = by_keyword[by_keyword["entry"] == entry.id]
        total = int((located["theme"] == entry.id).sum())
        weight = keywords["hits"].sum()
        rows.append({"entry": entry.id, "hits": total, "coded": len(still), "relevant": relevant,
                     "dropped": len(units) - len(still),
                     "weighted_precision": float((keywords["hits"] * keywords["precision"]).sum() / weight)
                     if weight else np.nan,
                     "weighted_coverage": float(weight / total) if total else np.nan})
    table = pd.DataFrame(rows)
    precision, low, high = proportion_with_interval(table["relevant"].to_numpy(), table["coded"].to_numpy())
    table.insert(4, "precision", precision)
    table.insert(5, "ci_low", low)
    table.insert(6, "ci_high", high)
    table.insert(7, "below_0_7", table["precision"] < PRECISION_FLOOR)
    return table


def keyword_precision(key: pd.DataFrame, final: pd.DataFrame, name: str, entries: Sequence,
                      located: pd.DataFrame) -> pd.DataFrame:
    """Per (entry, keyword seen in the entry's stratum): hits (in the corpus), coded (stratum
    sentences holding it), relevant, precision."""
    rows = []
    for entry in entries:
        units = key[key["stratum"] == f"hit:{name}:{entry.id}"].set_index(["doc_id", "para_no", "sent_no"])["sample_id"]
        of_entry = located[located["theme"] == entry.id]
        counts = of_entry["keyword"].value_counts()
        in_sample = of_entry[np.array([k in units.index for k in zip(of_entry["doc_id"], of_entry["para_no"],
                                                                     of_entry["sent_no"])], dtype=bool)]
        for keyword, group in in_sample.groupby("keyword", sort=True):
            ids = sorted({units[k] for k in zip(group["doc_id"], group["para_no"], group["sent_no"])})
            relevant = int((final.loc[ids, _field(name, entry.id)] == "1").sum())
            rows.append({"entry": entry.id, "keyword": keyword, "hits": int(counts[keyword]), "coded": len(ids),
                         "relevant": relevant, "precision": relevant / len(ids)})
    return pd.DataFrame(rows, columns=["entry", "keyword", "hits", "coded", "relevant", "precision"])


def entry_recall(key: pd.DataFrame, final: pd.DataFrame, name: str, entries: Sequence, hits: pd.DataFrame,
                 tokens: pd.DataFrame, paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """Per entry, on the random sentences: relevant (coded 1), found (of those, hit by the
    entry), recall, ci_low, ci_high; and ``all`` pooled over entries (relevant sentence-entry pairs)."""
    located = located_keywords(hits, tokens, paragraph_table)
    units = key[key["stratum"] == "random"]
    rows = []
    for entry in entries:
        hit = set(map(tuple, located.loc[located["theme"] == entry.id, ["doc_id", "para_no", "sent_no"]].to_numpy()))
        coded = final.loc[units["sample_id"], _field(name, entry.id)].to_numpy() == "1"
        found = np.array([k in hit for k in zip(units["doc_id"], units["para_no"], units["sent_no"])])
        rows.append({"entry": entry.id, "relevant": int(coded.sum()), "found": int((coded & found).sum())})
    table = pd.DataFrame(rows)
    table.loc[len(table)] = {"entry": "all", "relevant": table["relevant"].sum(), "found": table["found"].sum()}
    recall, low, high = proportion_with_interval(table["found"].to_numpy(), table["relevant"].to_numpy())
    return table.assign(recall=recall, ci_low=low, ci_high=high)


_MAGNITUDE = re.compile(r"(万亿|亿|万)?[多余]?$")


def extractor_reading(number_key: pd.DataFrame, paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """For each number of the key: extracted (bool), unit (magnitude + unit), kind, indicator
    and measure of the extractor's quantity at it ('' when none)."""
    keys = set(zip(number_key["doc_id"], number_key["para_no"]))
    paragraphs = paragraph_table[np.array([k in keys for k in zip(paragraph_table["doc_id"].astype(str),
                                                                  paragraph_table["para_no"])], dtype=bool)]
    quantities = extract_quantities(paragraphs.assign(doc_id=paragraphs["doc_id"].astype(str)))
    kinds = {(d, p, s, st): k for d, p, s, st, k in zip(quantities["doc_id"], quantities["para_no"], quantities["sent_no"],
                                                         quantities["start"], quantities["kind"])}
    text = body_sentences(paragraph_table).astype({"doc_id": str}).set_index(["doc_id", "para_no", "sent_no"])["text"]
    rows = []
    for doc_id, para_no, sent_no, start in zip(*(number_key[c] for c in ("doc_id", "para_no", "sent_no", "start"))):
        sentence = text[(doc_id, para_no, sent_no)]
        match = next((q for q in find_quantities(sentence) if q.start <= start < q.end), None)
        if match is None:
            rows.append((False, "", "", "", ""))
            continue
        magnitude = _MAGNITUDE.search(match.value).group(1) or ""
        rows.append((True, magnitude + match.unit.replace("％", "%"), kinds.get((doc_id, para_no, sent_no, match.start), ""),
                     match.indicator, measure_of(match)))
    return pd.DataFrame(rows, columns=["extracted", "extractor_unit", "extractor_kind", "extractor_indicator",
                                       "extractor_measure"], index=number_key["sample_id"])


def quantity_scores(number_key: pd.DataFrame, final: pd.DataFrame, paragraph_table: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """``measures``: measure, numerator, denominator, share, ci_low, ci_high (detection
    precision and recall, unit agreement, target precision and recall); ``kinds``: the
    extractor kind × coded kind counts on the numbers both call quantities; ``numbers``:
    each number with its final codes and the extractor's reading."""
    table = extractor_reading(number_key, paragraph_table).join(final[["quantity", "unit", "kind"]])
    table = table.join(number_key.set_index("sample_id")[["doc_id", "para_no", "sent_no", "number"]])
    coded = table["quantity"] == "1"
    both = table[coded & table["extracted"]]
    measures = [
        ("detection precision (extracted numbers that are quantities)", int((coded & table["extracted"]).sum()),
         int(table["extracted"].sum())),
        ("detection recall (quantities the extractor found)", int((coded & table["extracted"]).sum()), int(coded.sum())),
        ("unit agreement (found quantities)", int((both["extractor_unit"] == both["unit"]).sum()), len(both)),
        ("target precision (extractor targets coded target)",
         int(((both["extractor_kind"] == "target") & (both["kind"] == "target")).sum()),
         int((both["extractor_kind"] == "target").sum())),
        ("target recall (coded targets the extractor calls target)",
         int(((both["extractor_kind"] == "target") & (both["kind"] == "target")).sum()), int((both["kind"] == "target").sum())),
        ("achieved precision (extractor achieved coded achieved)",
         int(((both["extractor_kind"] == "achieved") & (both["kind"] == "achieved")).sum()),
         int((both["extractor_kind"] == "achieved").sum())),
    ]
    out = pd.DataFrame(measures, columns=["measure", "numerator", "denominator"])
    share, low, high = proportion_with_interval(out["numerator"].to_numpy(), out["denominator"].to_numpy())
    out = out.assign(share=share, ci_low=low, ci_high=high)
    kinds = pd.crosstab(both["extractor_kind"].rename("extractor kind"), both["kind"].rename("coded kind"))
    return {"measures": out, "kinds": kinds, "numbers": table.reset_index()}
