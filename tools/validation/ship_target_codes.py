"""Write the blind codes of the target checks into ``analysis/data/coding/targets/``, without
any text of the reports: the pairs' ids, documents, numbers as written and the coders'
decisions; the main targets' documents and numbers; the positions of the indicator sample.

Usage: ``python tools/validation/ship_target_codes.py SCRATCH PAIRS PARAGRAPHS`` where PAIRS is
the pairs table of the development corpus under the rules being measured
(``target_outcomes(...).pairs`` as CSV), PARAGRAPHS its paragraph table (``analysis.paragraphs``,
pickled), from which the extractor's indicator of each number of the development indicator
samples is written (``tool_indicator``, ``tool_measure``: ``extractor_readings``), and SCRATCH
holds, per round
``R`` (``coding``, ``coding2`` …), the round's ``sample_key.csv`` (the pairs drawn, as
``analysis.extract.target_outcomes`` wrote them), ``coder_*/codes.csv``, and, for rounds with a
recall sample, ``recall_key.csv`` and ``coder_*/main_targets.csv``; and ``indcoding`` (seeds) and
``indcoding2``, ``indcoding3`` and ``indcoding4`` (development corpus, seeds 2612, 2712 and
2812) with ``coder_*/codes.csv`` (and ``key.csv`` for the last three).
The folder's layout is the one the checks of issue 27 used (README of the codes folder).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

from analysis.coding.target_checks import extractor_readings

OUT = Path(__file__).resolve().parents[2] / "analysis" / "data" / "coding" / "targets"
ROUNDS = {1: "coding", 2: "coding2", 3: "coding3", 4: "coding4", 5: "coding5", 6: "coding6", 7: "coding7",
          8: "coding8"}
INDICATOR_SAMPLES = {"seeds": "indcoding", "development": "indcoding2", "development_round7": "indcoding3",
                     "development_round8": "indcoding4"}
"""The indicator samples: the seeds' numbers, and three samples of the provincial reports."""
PAIR_COLUMNS = ["pair_id", "target_doc", "outcome_doc", "target_year", "target_span", "main_target", "indicator",
                "indicator_as_written", "target", "outcome", "target_type", "direction", "met"]


def numbers(text: object) -> str:
    """The numbers of a coder's text, half-width, joined by ;: what the recall check compares."""
    half = str(text).replace(",", "").translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
    return ";".join(re.findall(r"\d+(?:\.\d+)?", half)) if str(text).lower() not in ("none", "nan", "") else ""


def paired(target_doc: str, target_numbers: str, outcome_numbers: str, pairs: pd.DataFrame) -> bool:
    """True when a pair of ``target_doc`` holds one of the coder's target numbers in its target
    and one of the coder's outcome numbers in its outcome (the recall rule)."""
    if not target_numbers or not outcome_numbers:
        return False
    here = pairs[pairs["target_doc"] == target_doc]
    return any(_values(target_numbers) & _values(numbers(t)) and _values(outcome_numbers) & _values(numbers(o))
               for t, o in zip(here["target"], here["outcome"]))


def _values(joined: str) -> set[float]:
    """The numbers of a ;-joined string (:func:`numbers`) as floats."""
    return {float(v) for v in joined.split(";")} if joined else set()


def main(scratch: Path, pairs_file: Path, paragraphs_file: Path) -> None:
    tool_pairs = pd.read_csv(pairs_file)
    OUT.mkdir(parents=True, exist_ok=True)
    pairs, main_targets = [], []
    for round_no, folder in ROUNDS.items():
        base = scratch / folder
        if not (base / "sample_key.csv").is_file():
            continue
        key = pd.read_csv(base / "sample_key.csv")[PAIR_COLUMNS].rename(columns={"met": "tool_met"})
        for codes_file in sorted(base.glob("coder_*/codes.csv")):
            codes = pd.read_csv(codes_file)[["pair_id", "pair_correct", "met"]].rename(columns={"met": "coder_met"})
            merged = key.merge(codes, on="pair_id", how="left", validate="one_to_one")
            pairs.append(merged.assign(round=round_no, coder=codes_file.parent.name.removeprefix("coder_")))
        if (base / "recall_key.csv").is_file():
            docs = pd.read_csv(base / "recall_key.csv")
            for codes_file in sorted(base.glob("coder_*/main_targets.csv")):
                coded = pd.read_csv(codes_file).merge(docs, on="report_id", how="left", validate="many_to_one")
                main_targets.append(pd.DataFrame({
                    "round": round_no, "report_id": coded["report_id"], "target_doc": coded["doc_id"],
                    "coder": codes_file.parent.name.removeprefix("coder_"),
                    "target_indicator": coded["target_indicator"].astype(str).str.slice(0, 24),
                    "target_numbers": coded["target_as_written"].map(numbers),
                    "outcome_numbers": coded["outcome_as_written"].map(numbers)}))
    table = pd.concat(pairs, ignore_index=True)
    table[["round", "coder", *[c for c in table.columns if c not in ("round", "coder")]]].to_csv(
        OUT / "pair_codes.csv", index=False)
    recall = pd.concat(main_targets, ignore_index=True)
    recall["tool_paired"] = [paired(d, t, o, tool_pairs) for d, t, o in
                             zip(recall["target_doc"], recall["target_numbers"], recall["outcome_numbers"])]
    recall.to_csv(OUT / "main_target_codes.csv", index=False)
    paragraph_table = pd.read_pickle(paragraphs_file)
    for name, folder in INDICATOR_SAMPLES.items():
        frames = [pd.read_csv(f).assign(coder=f.parent.name.removeprefix("coder_"))
                  for f in sorted((scratch / folder).glob("coder_*/codes.csv"))]
        pd.concat(frames, ignore_index=True)[["coder", "number_id", "is_quantity", "indicator"]].to_csv(
            OUT / f"indicator_codes_{name}.csv", index=False)
        if name != "seeds":
            key = pd.read_csv(scratch / folder / "key.csv", dtype={"number": str})
            key.join(extractor_readings(key, paragraph_table), on="number_id").to_csv(OUT / f"indicator_key_{name}.csv", index=False)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
