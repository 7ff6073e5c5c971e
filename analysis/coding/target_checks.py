"""Target checks: the blind codes of the target–outcome pairs, the main targets and the
indicator phrases (``analysis/data/coding/targets/``, README there), and the scores they give.

* **Pair precision** per round and coder: pairs the coder calls right / pairs coded, with
  its Wilson interval; ``both`` counts a pair right when every coder of the round does.
* **met accuracy**: among the pairs a coder calls right and judges met or not met, the share
  where the tool's ``met`` equals the coder's.
* **Main-target recall**: among the main targets a coder lists with an outcome number, the
  share the tool paired (``tool_paired``: a pair of the report holding one of the coder's
  target numbers and one of the outcome numbers, computed when the codes were shipped).
* **Coder agreement**: share of equal codes and Cohen's κ (NaN when one value only).
* **Indicator agreement** on the seeds' number sample (``key_numbers.csv``): among the numbers
  both coders call quantities and the extractor reads, the share whose extractor indicator
  equals the coder's phrase, or maps to the same canonical indicator (crosswalk.py); on the
  development corpus's samples the same, from the extractor's phrases written when the codes
  were shipped.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score

from ..extract.crosswalk import canonical_indicator
from ..textstats.inference_units import cluster_bootstrap_share
from ..textstats.intervals import wilson_interval
from .scores import extractor_reading
from .workflow import NUMBER_KEY_FILE, PROJECT_SAMPLE_DIR

__all__ = ["TARGET_CODES_DIR", "read_pair_codes", "read_main_target_codes", "pair_scores", "coder_agreement",
           "main_target_recall", "pairs_changed_after_round", "extractor_readings", "indicator_agreement", "development_indicator_agreement"]

TARGET_CODES_DIR = PROJECT_SAMPLE_DIR / "targets"


def _with_interval(table: pd.DataFrame, k: str, n: str, name: str) -> pd.DataFrame:
    low, high = wilson_interval(table[k].to_numpy(), np.maximum(table[n].to_numpy(), 1))
    share = np.where(table[n] > 0, table[k] / np.maximum(table[n], 1), np.nan)
    return table.assign(**{name: share, f"{name}_ci_low": np.where(table[n] > 0, low, np.nan),
                           f"{name}_ci_high": np.where(table[n] > 0, high, np.nan)})


def read_pair_codes(folder: Path = TARGET_CODES_DIR) -> pd.DataFrame:
    """``pair_codes.csv``: one row per round, coder and pair; a ValueError names a code
    outside yes/no (pair_correct) or yes/no/unclear (coder_met)."""
    codes = pd.read_csv(folder / "pair_codes.csv", dtype={"pair_correct": str, "coder_met": str})
    for column, allowed in (("pair_correct", {"yes", "no"}), ("coder_met", {"yes", "no", "unclear"})):
        bad = sorted(set(codes[column].dropna()) - allowed)
        if bad or codes[column].isna().any():
            raise ValueError(f"{folder / 'pair_codes.csv'}: {column} must be one of {sorted(allowed)}; found {bad or 'empty'}")
    return codes


def read_main_target_codes(folder: Path = TARGET_CODES_DIR) -> pd.DataFrame:
    """``main_target_codes.csv``: one row per round, coder and main target the coder listed."""
    return pd.read_csv(folder / "main_target_codes.csv", dtype={"target_numbers": str, "outcome_numbers": str})


def pair_scores(codes: pd.DataFrame) -> pd.DataFrame:
    """Per round and coder (then ``both``): pairs, correct, precision with its interval;
    met_judged, met_right, met_accuracy with its interval (module docstring)."""
    rows = []
    for (round_no, coder), group in codes.groupby(["round", "coder"], sort=True):
        rows.append(_scores(round_no, coder, group["pair_correct"] == "yes", group))
    for round_no, group in codes.groupby("round", sort=True):
        right = group.groupby("pair_id")["pair_correct"].agg(lambda v: bool((v == "yes").all()))
        first = group.drop_duplicates("pair_id").set_index("pair_id").loc[right.index]
        met = group.groupby("pair_id")["coder_met"].agg(lambda v: v.iloc[0] if v.nunique() == 1 else "unclear")
        rows.append(_scores(round_no, "both", right.to_numpy(), first.assign(coder_met=met.loc[right.index].to_numpy())))
    table = pd.DataFrame(rows)
    return _with_interval(_with_interval(table, "correct", "pairs", "precision"), "met_right", "met_judged",
                          "met_accuracy")


def _scores(round_no: int, coder: str, right, group: pd.DataFrame) -> dict:
    right = np.asarray(right, dtype=bool)
    judged = right & group["coder_met"].isin(["yes", "no"]).to_numpy()
    agrees = (group["coder_met"].to_numpy() == np.where(group["tool_met"].to_numpy(bool), "yes", "no"))
    return {"round": int(round_no), "coder": coder, "pairs": len(group), "correct": int(right.sum()),
            "met_judged": int(judged.sum()), "met_right": int((judged & agrees).sum())}


def coder_agreement(codes: pd.DataFrame, field: str = "pair_correct") -> pd.DataFrame:
    """Per round: the two coders, units, share of equal codes of ``field`` and Cohen's κ."""
    rows = []
    for round_no, group in codes.groupby("round", sort=True):
        wide = group.pivot(index="pair_id", columns="coder", values=field)
        a, b = wide.columns[:2]
        labels = set(wide[a]) | set(wide[b])
        kappa = float(cohen_kappa_score(wide[a], wide[b])) if len(labels) >= 2 else float("nan")
        rows.append({"round": int(round_no), "coder_a": a, "coder_b": b, "units": len(wide),
                     "agreement": float((wide[a] == wide[b]).mean()), "kappa": kappa})
    return pd.DataFrame(rows)


def main_target_recall(codes: pd.DataFrame) -> pd.DataFrame:
    """Per round and coder: main_targets listed, with_outcome (an outcome number), paired
    (tool_paired among those), recall with its Wilson interval, and a percentile interval that
    resamples the reports (``recall_report_ci_low``/``high``, :func:`cluster_bootstrap_share`):
    a report's targets are read by the same rules and fail together, so the Wilson interval,
    which treats them as independent, is too narrow."""
    has = codes["outcome_numbers"].fillna("") != ""
    marked = codes.assign(with_outcome=has, paired=has & codes["tool_paired"].astype(bool))
    rows = []
    for (round_no, coder), group in marked.groupby(["round", "coder"], sort=True):
        stated = group[group["with_outcome"]]
        _, low, high, _ = cluster_bootstrap_share(stated["paired"].to_numpy(bool), stated["target_doc"].to_numpy())
        rows.append({"round": round_no, "coder": coder, "main_targets": len(group), "with_outcome": len(stated),
                     "paired": int(stated["paired"].sum()), "recall_report_ci_low": low, "recall_report_ci_high": high})
    table = _with_interval(pd.DataFrame(rows), "paired", "with_outcome", "recall")
    return table[[*table.columns.drop(["recall_report_ci_low", "recall_report_ci_high"]),
                  "recall_report_ci_low", "recall_report_ci_high"]]


def pairs_changed_after_round(codes: pd.DataFrame, round_no: int = 8, folder: Path = TARGET_CODES_DIR) -> pd.DataFrame:
    """Per change (removed, added) of ``pairs_changed_after_round<round_no>.csv`` (the rules
    added after that round, on the development corpus): pairs, those in the round's sample,
    and among those the pairs every coder called right and wrong (``codes``: pair codes)."""
    changed = pd.read_csv(folder / f"pairs_changed_after_round{round_no}.csv")
    verdicts = (codes[codes["round"] == round_no].groupby(["target_doc", "target", "outcome"])["pair_correct"]
                .agg(lambda v: "right" if (v == "yes").all() else "wrong" if (v == "no").all() else "split"))
    keys = pd.MultiIndex.from_frame(changed[["target_doc", "target", "outcome"]])
    changed["verdict"] = verdicts.reindex(keys).to_numpy()
    return (changed.groupby("change", sort=True)
            .agg(pairs=("target_doc", "size"), in_sample=(f"in_round{round_no}_sample", "sum"),
                 in_sample_right=("verdict", lambda v: int((v == "right").sum())),
                 in_sample_wrong=("verdict", lambda v: int((v == "wrong").sum())))
            .reset_index())


def extractor_readings(key: pd.DataFrame, paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """``tool_indicator`` and ``tool_measure`` (:func:`analysis.coding.scores.extractor_reading`;
    '' where the extractor reads no quantity) at each number of an indicator sample's ``key``
    (number_id, doc_id, para_no, sent_no, start), indexed by number_id."""
    reading = extractor_reading(key.rename(columns={"number_id": "sample_id"}), paragraph_table)
    return reading[["extractor_indicator", "extractor_measure"]].rename_axis("number_id").rename(
        columns={"extractor_indicator": "tool_indicator", "extractor_measure": "tool_measure"})


def indicator_agreement(paragraph_table: pd.DataFrame, folder: Path = TARGET_CODES_DIR,
                        key_dir: Path = PROJECT_SAMPLE_DIR, coders: Sequence[str] | None = None) -> pd.DataFrame:
    """Per coder of ``indicator_codes_seeds.csv``: numbers (both coders call a quantity and the
    extractor reads one there), exact, canonical (same canonical indicator, not equal),
    agree = exact + canonical, agreement with its interval (module docstring)."""
    key = pd.read_csv(key_dir / NUMBER_KEY_FILE, dtype={"number": str})
    wide, coded_by = _coded(folder / "indicator_codes_seeds.csv")
    reading = extractor_reading(key, paragraph_table)[["extractor_indicator", "extractor_measure"]]
    return _agreement(reading.set_axis(["tool_indicator", "tool_measure"], axis=1), wide, list(coders or coded_by))


def development_indicator_agreement(sample: str = "development_round8", folder: Path = TARGET_CODES_DIR) -> pd.DataFrame:
    """:func:`indicator_agreement` on a sample of the development corpus, whose texts are not
    shipped: the extractor's indicator of each number (``tool_indicator``, ``tool_measure`` of
    ``indicator_key_<sample>.csv``, :func:`extractor_readings`) was written when the codes were
    shipped, under the rules measured; numbers where it read no quantity are left out, as on
    the seeds."""
    key = pd.read_csv(folder / f"indicator_key_{sample}.csv", dtype=str, keep_default_na=False).set_index("number_id")
    wide, coders = _coded(folder / f"indicator_codes_{sample}.csv")
    return _agreement(key[["tool_indicator", "tool_measure"]], wide, coders)


def _coded(path: Path) -> tuple[pd.DataFrame, list[str]]:
    """An indicator code file as one row per number (is_quantity and indicator per coder) and
    its coders, sorted."""
    codes = pd.read_csv(path, dtype=str)
    return codes.pivot(index="number_id", columns="coder", values=["is_quantity", "indicator"]), \
        sorted(codes["coder"].unique())


def _agreement(readings: pd.DataFrame, wide: pd.DataFrame, coders: Sequence[str]) -> pd.DataFrame:
    """Per coder, over the numbers every coder calls a quantity and the extractor reads
    (``readings``: tool_indicator, tool_measure by number id): exact (equal phrase), canonical
    (same canonical indicator, not equal), agree, agreement."""
    quantities = [number_id for number_id in readings.index
                  if all(wide.at[number_id, ("is_quantity", c)] == "yes" for c in coders)]
    found = {number_id: (readings.at[number_id, "tool_indicator"], readings.at[number_id, "tool_measure"])
             for number_id in quantities if readings.at[number_id, "tool_measure"]}
    rows = []
    for coder in coders:
        exact = canonical = 0
        for number_id, (indicator, measure) in found.items():
            coded = str(wide.at[number_id, ("indicator", coder)])
            if indicator == coded:
                exact += 1
            elif (same := canonical_indicator(indicator, measure)[0]) and same == canonical_indicator(coded, measure)[0]:
                canonical += 1
        rows.append({"coder": coder, "numbers": len(found), "exact": exact, "canonical": canonical,
                     "agree": exact + canonical})
    return _with_interval(pd.DataFrame(rows), "agree", "numbers", "agreement")
