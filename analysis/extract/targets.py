"""Targets: what a work report promises — its main targets set side by side with another
report's, each target against the outcome the next report of the same government gives,
and how hedged the targets are.

Input is the quantity table of :func:`analysis.extract.quantities.extract_quantities`. Two
quantities *measure the same indicator* (:func:`match_indicators`) when they have the same
base unit and measure (level, change, share/rate) and their indicator phrases are equal, or
else one holds the other (区级一般公共预算收入 and 一般公共预算收入); each is matched at
most once, equal phrases first, then in table order.

Hedges and bounds of a target (:data:`HEDGES`, :data:`FLOORS`, :data:`CEILINGS`) are read
from its ``qualifier``.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..textstats.intervals import wilson_interval

__all__ = ["HEDGES", "FLOORS", "CEILINGS", "MAIN_TARGETS", "report_targets", "match_indicators",
           "targets_side_by_side", "targets_by_theme", "repeated_reports", "consecutive_reports", "target_outcomes", "numeric_density"]

HEDGES = ("左右", "力争", "约", "近", "预计")
"""Qualifiers that make a target an estimate or an aim rather than a commitment."""
FLOORS = ("以上", "不低于", "不少于", "超过", "突破", "多")
"""Qualifiers that make a target a floor (at least)."""
CEILINGS = ("以内", "以下", "不超过", "控制在")
"""Qualifiers that make a target a ceiling (at most)."""
MAIN_TARGETS = re.compile(r"主要预期(?:目标|指标)|预期目标|主要目标")
"""A paragraph that names the report's main targets (主要预期目标段)."""


def _value_text(table: pd.DataFrame) -> pd.Series:
    """'6.5% (增长, 左右)': the value and unit as written, with direction and qualifier."""
    extra = [", ".join(x for x in (d, q) if x) for d, q in zip(table["direction"], table["qualifier"])]
    return pd.Series([f"{v}{u}" + (f" ({e})" if e else "") for v, u, e in zip(table["value"], table["unit"], extra)],
                     index=table.index, dtype=object)


def report_targets(quantities: pd.DataFrame, paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """The targets (kind 'target') of the quantity table, in document order, with
    ``main_paragraph`` (True in a paragraph matching :data:`MAIN_TARGETS`, the 主要预期目标
    paragraph) and ``stated`` (value, unit, direction and qualifier as one text)."""
    main = paragraph_table.loc[paragraph_table["text"].str.contains(MAIN_TARGETS), ["doc_id", "para_no"]]
    keys = set(zip(main["doc_id"], main["para_no"]))
    targets = quantities[quantities["kind"] == "target"].copy()
    targets["main_paragraph"] = np.array([(d, p) in keys for d, p in zip(targets["doc_id"], targets["para_no"])],
                                         dtype=bool)
    targets["stated"] = _value_text(targets)
    return targets.reset_index(drop=True)


def match_indicators(left: pd.DataFrame, right: pd.DataFrame) -> list[tuple[int, int, str]]:
    """Pairs (row of ``left``, row of ``right``, how) of quantities that measure the same
    indicator (module docstring): how is 'same indicator' or 'one inside the other'. Rows
    are positions (0-based); each row is used at most once."""
    pairs: list[tuple[int, int, str]] = []
    used_left: set[int] = set()
    used_right: set[int] = set()
    for how in ("same indicator", "one inside the other"):
        for i, (a, unit_a, measure_a) in enumerate(zip(left["indicator"], left["base_unit"], left["measure"])):
            if i in used_left or not a:
                continue
            for j, (b, unit_b, measure_b) in enumerate(zip(right["indicator"], right["base_unit"], right["measure"])):
                if j in used_right or not b or unit_a != unit_b or measure_a != measure_b:
                    continue
                if (a == b) if how == "same indicator" else (a in b or b in a):
                    pairs.append((i, j, how))
                    used_left.add(i)
                    used_right.add(j)
                    break
    return sorted(pairs)


def targets_side_by_side(targets: pd.DataFrame, doc_a: str, doc_b: str) -> pd.DataFrame:
    """The targets of two reports in one table (from :func:`report_targets`): matched pairs
    first (in the order of ``doc_a``), then the targets of ``doc_a`` only, then of ``doc_b``
    only. Columns: theme, indicator_a, stated_a, main_a, indicator_b, stated_b, main_b,
    base_unit, measure, match ('same indicator', 'one inside the other', 'only a', 'only b')."""
    a = targets[targets["doc_id"] == doc_a].reset_index(drop=True)
    b = targets[targets["doc_id"] == doc_b].reset_index(drop=True)
    pairs = match_indicators(a, b)
    rows = []

    def side(table, i, suffix):
        if i is None:
            return {f"indicator_{suffix}": "", f"stated_{suffix}": "", f"main_{suffix}": False}
        return {f"indicator_{suffix}": table.at[i, "indicator"], f"stated_{suffix}": table.at[i, "stated"],
                f"main_{suffix}": bool(table.at[i, "main_paragraph"])}

    for i, j, how in pairs:
        rows.append({"theme": a.at[i, "theme"] or b.at[j, "theme"], **side(a, i, "a"), **side(b, j, "b"),
                     "base_unit": a.at[i, "base_unit"], "measure": a.at[i, "measure"], "match": how})
    matched_a, matched_b = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    for table, matched, label in ((a, matched_a, "a"), (b, matched_b, "b")):
        for i in range(len(table)):
            if i not in matched:
                this = side(table, i, label)
                other = side(None, None, "b" if label == "a" else "a")
                rows.append({"theme": table.at[i, "theme"], **(this | other if label == "a" else other | this),
                             "base_unit": table.at[i, "base_unit"], "measure": table.at[i, "measure"],
                             "match": f"only {label}"})
    columns = ["theme", "indicator_a", "stated_a", "main_a", "indicator_b", "stated_b", "main_b", "base_unit",
               "measure", "match"]
    return pd.DataFrame(rows, columns=columns)


def targets_by_theme(side_by_side: pd.DataFrame, doc_a: str, doc_b: str) -> pd.DataFrame:
    """Per theme (``(none)`` for a target without one) and report of
    :func:`targets_side_by_side`: targets (the report's targets of that theme) and matched
    (those matched by indicator in the other report; a pair counts under its theme).
    Columns theme, doc_id, targets, matched; themes sorted, then doc_a before doc_b."""
    matched = side_by_side["match"].isin(["same indicator", "one inside the other"])
    theme = side_by_side["theme"].replace("", "(none)")
    rows = []
    for name in sorted(set(theme)):
        here = theme == name
        for doc_id, suffix in ((doc_a, "a"), (doc_b, "b")):
            has = here & (side_by_side[f"indicator_{suffix}"] != "")
            rows.append({"theme": name, "doc_id": doc_id, "targets": int(has.sum()), "matched": int((has & matched).sum())})
    return pd.DataFrame(rows, columns=["theme", "doc_id", "targets", "matched"])


def repeated_reports(corpus: pd.DataFrame, genre: str = "work_report") -> pd.DataFrame:
    """District-years with more than one document of ``genre``: district, year, doc_ids
    (joined by ", "). Which of them reviews the year is not for the code to guess, so
    :func:`consecutive_reports` leaves these years out and the notebook names them."""
    reports = corpus.loc[corpus["genre"] == genre, ["doc_id", "district", "year"]]
    doubled = reports[reports.duplicated(["district", "year"], keep=False)]
    return (doubled.groupby(["district", "year"], sort=True)["doc_id"].agg(", ".join).rename("doc_ids")
            .reset_index())


def consecutive_reports(corpus: pd.DataFrame, genre: str = "work_report") -> pd.DataFrame:
    """Pairs of reports of the same government (district) in consecutive years: columns
    district, target_doc (year y), outcome_doc (year y + 1); the report of year y + 1
    reviews year y, so it gives the outcomes of the targets set in year y. District-years
    with two or more such reports (:func:`repeated_reports`) take part in no pair."""
    reports = corpus.loc[corpus["genre"] == genre, ["doc_id", "district", "year"]]
    reports = reports[~reports.duplicated(["district", "year"], keep=False)]
    later = reports.assign(year=reports["year"] - 1)
    pairs = reports.merge(later, on=["district", "year"], suffixes=("_target", "_outcome"))
    return (pairs.rename(columns={"doc_id_target": "target_doc", "doc_id_outcome": "outcome_doc"})
            [["district", "target_doc", "outcome_doc"]].sort_values(["district", "target_doc"]).reset_index(drop=True))


def _met(target: float, outcome: float, qualifier: str) -> bool:
    """A ceiling is met by an outcome at or below it; any other target by one at or above it
    (a decline target compares the sizes of the declines)."""
    return bool(outcome <= target) if qualifier in CEILINGS else bool(outcome >= target)


def target_outcomes(quantities: pd.DataFrame, corpus: pd.DataFrame, genre: str = "work_report") -> pd.DataFrame:
    """Each target of a report next to the outcome the next report of the same government
    gives for the same indicator (:func:`consecutive_reports`, :func:`match_indicators`;
    the next report's quantities of kind 'achieved'). The comparison uses the low end of a
    range target. Columns: district, target_doc, outcome_doc, indicator, target, outcome
    (as stated), base_unit, measure, target_value, outcome_value, gap = outcome − target
    (base units), met (:func:`_met`: at or below a ceiling, else at or above). Empty, with
    these columns, when the corpus has no consecutive reports or they share no indicator."""
    columns = ["district", "target_doc", "outcome_doc", "indicator", "target", "outcome", "base_unit", "measure",
               "target_value", "outcome_value", "gap", "met"]
    rows = []
    for district, target_doc, outcome_doc in consecutive_reports(corpus, genre).itertuples(index=False):
        targets = quantities[(quantities["doc_id"] == target_doc) & (quantities["kind"] == "target")]
        outcomes = quantities[(quantities["doc_id"] == outcome_doc) & (quantities["kind"] == "achieved")]
        targets, outcomes = targets.reset_index(drop=True), outcomes.reset_index(drop=True)
        stated_t, stated_o = _value_text(targets), _value_text(outcomes)
        for i, j, _ in match_indicators(targets, outcomes):
            t, o = float(targets.at[i, "base_value"]), float(outcomes.at[j, "base_value"])
            rows.append({"district": district, "target_doc": target_doc, "outcome_doc": outcome_doc,
                         "indicator": targets.at[i, "indicator"], "target": stated_t[i], "outcome": stated_o[j],
                         "base_unit": targets.at[i, "base_unit"], "measure": targets.at[i, "measure"],
                         "target_value": t, "outcome_value": o, "gap": o - t,
                         "met": _met(t, o, targets.at[i, "qualifier"])})
    return pd.DataFrame(rows, columns=columns)


def numeric_density(quantities: pd.DataFrame, tokens: pd.DataFrame, paragraph_table: pd.DataFrame,
                    by: list[str], confidence_level: float = 0.95) -> pd.DataFrame:
    """Per group of ``by`` (columns of the paragraph table, e.g. doc_id and part_kind; groups
    in the token table's first-seen order): word_tokens, quantities, per_1000 = quantities /
    word tokens × 1,000, targets, and the shares of targets that are hedged (:data:`HEDGES`),
    floors (:data:`FLOORS`) and ceilings (:data:`CEILINGS`), each = count / targets with its
    Wilson interval (NaN where a group has no target)."""
    keys = ["doc_id", "para_no"]
    located = quantities.merge(paragraph_table[[*keys, *[c for c in by if c not in keys]]].drop_duplicates(keys),
                               on=keys, how="left", validate="many_to_one")
    words = tokens[tokens["is_word"]].groupby(by, sort=False, dropna=False).size().rename("word_tokens")
    grouped = located.groupby(by, sort=False, dropna=False)
    table = pd.concat([words, grouped.size().rename("quantities"),
                       grouped["kind"].agg(lambda s: int((s == "target").sum())).rename("targets")], axis=1)
    table = table.loc[words.index].fillna(0).astype({"quantities": int, "targets": int})
    table["per_1000"] = table["quantities"] / table["word_tokens"] * 1000
    targets = located[located["kind"] == "target"]
    for name, qualifiers in (("hedged", HEDGES), ("floor", FLOORS), ("ceiling", CEILINGS)):
        counts = targets[targets["qualifier"].isin(qualifiers)].groupby(by, sort=False, dropna=False).size()
        k = counts.reindex(table.index, fill_value=0).to_numpy()
        n = table["targets"].to_numpy()
        low, high = wilson_interval(k, np.maximum(n, 1), confidence_level)
        table[name] = k
        table[f"{name}_share"] = np.where(n > 0, k / np.maximum(n, 1), np.nan)
        table[f"{name}_ci_low"] = np.where(n > 0, low, np.nan)
        table[f"{name}_ci_high"] = np.where(n > 0, high, np.nan)
    return table.reset_index()
