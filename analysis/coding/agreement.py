"""Agreement between coders, and the adjudication of their disagreements.

* Krippendorff's α (nominal; the ``krippendorff`` package) per field, over the units every
  coder coded; a unit a coder left out of a field (unit and kind of a number not coded as a
  quantity) is missing for that coder, as α allows. α is NaN when the field takes one value
  only (no variation to agree on), with the observed agreement shown beside it.
* Cohen's κ per pair of coders and field (scikit-learn), on the units both coded.
* Disagreements: one row per (unit, field) where the coders' values differ, with an empty
  ``final`` column for the adjudicator; the adjudicated codes are the agreed value where all
  coders agree and ``final`` elsewhere.
"""
from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score

from ..paths import display_path
from .workbook import KINDS, NUMBER_SHEET, SENTENCE_SHEET, CodedWorkbook

__all__ = ["NUMBER_FIELDS", "coded_values", "field_agreement", "pairwise_kappa", "agreement_with_kappa",
           "disagreements", "read_adjudication", "adjudicated_codes"]

NUMBER_FIELDS = ("quantity", "unit", "kind")


def _normal_unit(unit: str) -> str:
    return unit.strip().replace("％", "%").replace(" ", "")


def coded_values(workbooks: Sequence[CodedWorkbook], fields: Sequence[str]) -> dict[tuple[str, str], pd.DataFrame]:
    """(sheet, field) -> units × coders table of values as text ('' = missing: not coded)."""
    out = {}
    for field in fields:
        out[(SENTENCE_SHEET, field)] = pd.DataFrame(
            {w.coder: w.sentences.set_index("sample_id")[field].astype(str) for w in workbooks})
    for field in NUMBER_FIELDS:
        columns = {}
        for w in workbooks:
            table = w.numbers.set_index("sample_id")
            values = table[field].astype(str) if field != "unit" else table["unit"].map(_normal_unit)
            columns[w.coder] = values.where(table["quantity"] == 1, "") if field != "quantity" else values
        out[(NUMBER_SHEET, field)] = pd.DataFrame(columns)
    return out


def _alpha(values: pd.DataFrame) -> float:
    paired = values[(values != "").sum(axis=1) >= 2]
    domain = sorted({v for v in paired.to_numpy().ravel() if v != ""})
    if len(domain) < 2:
        return float("nan")
    code = {v: i for i, v in enumerate(domain)}
    data = np.array([[code.get(v, np.nan) for v in paired[c]] for c in paired.columns], dtype=float)
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal",
                                    value_domain=list(range(len(domain)))))


def field_agreement(workbooks: Sequence[CodedWorkbook], fields: Sequence[str]) -> pd.DataFrame:
    """Per (sheet, field): units (coded by at least two coders), positives (units any coder
    coded 1, for binary fields), observed agreement (share of those units where all agree)
    and Krippendorff's α (nominal)."""
    rows = []
    for (sheet, field), values in coded_values(workbooks, fields).items():
        present = values[(values != "").sum(axis=1) >= 2]
        agree = present.apply(lambda r: len({v for v in r if v != ""}) == 1, axis=1) if len(present) else pd.Series(dtype=bool)
        positives = int((present == "1").any(axis=1).sum()) if field not in ("unit", "kind") else pd.NA
        rows.append({"sheet": sheet, "field": field, "units": len(present), "positives": positives,
                     "agreement": float(agree.mean()) if len(present) else float("nan"), "alpha": _alpha(values)})
    return pd.DataFrame(rows)


def pairwise_kappa(workbooks: Sequence[CodedWorkbook], fields: Sequence[str]) -> pd.DataFrame:
    """Cohen's κ per pair of coders (in workbook order) and field, on the units both coded;
    NaN when the pair's codes take one value only."""
    rows = []
    for (sheet, field), values in coded_values(workbooks, fields).items():
        for a, b in itertools.combinations(values.columns, 2):
            both = values[(values[a] != "") & (values[b] != "")]
            labels = set(both[a]) | set(both[b])
            kappa = float(cohen_kappa_score(both[a], both[b])) if len(labels) >= 2 else float("nan")
            rows.append({"sheet": sheet, "field": field, "coder_a": a, "coder_b": b, "units": len(both), "kappa": kappa})
    return pd.DataFrame(rows)


def agreement_with_kappa(agreement: pd.DataFrame, kappa: pd.DataFrame, prefix: str = "") -> pd.DataFrame:
    """One row per field whose name starts with ``prefix``: :func:`field_agreement`'s columns
    and one column ``κ <coder>/<coder>`` per pair of :func:`pairwise_kappa`, in its order."""
    kappa = kappa.assign(pair="κ " + kappa["coder_a"] + "/" + kappa["coder_b"])
    wide = kappa.pivot(index=["sheet", "field"], columns="pair", values="kappa")[list(dict.fromkeys(kappa["pair"]))]
    table = agreement.merge(wide.reset_index(), on=["sheet", "field"], how="left", validate="one_to_one")
    return table[table["field"].str.startswith(prefix)].reset_index(drop=True)


def disagreements(workbooks: Sequence[CodedWorkbook], fields: Sequence[str]) -> pd.DataFrame:
    """The adjudication sheet: sheet, sample_id, field, each coder's value, final (empty)."""
    rows = []
    for (sheet, field), values in coded_values(workbooks, fields).items():
        for sample_id, row in values.iterrows():
            if len(set(row)) > 1:
                rows.append({"sheet": sheet, "sample_id": sample_id, "field": field, **row.to_dict(), "final": ""})
    coders = [w.coder for w in workbooks]
    return pd.DataFrame(rows, columns=["sheet", "sample_id", "field", *coders, "final"])


def read_adjudication(path: Path | str) -> pd.DataFrame:
    """The adjudicated disagreements (:func:`disagreements` with ``final`` filled in), from a
    .xlsx (sheet ``adjudication``) or .csv file, checked: final is 0 or 1 for a binary field
    and for quantity, one of KINDS or '' for kind. Errors name the file, the row and the field."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{display_path(path)}: no such adjudication file")
    if path.suffix == ".csv":
        table, sheet = pd.read_csv(path, dtype=str, keep_default_na=False), ""
    else:
        table, sheet = pd.read_excel(path, sheet_name="adjudication", dtype=str, keep_default_na=False), ", sheet adjudication"
    for column in ("sheet", "sample_id", "field", "final"):
        if column not in table.columns:
            raise ValueError(f"{display_path(path)}{sheet}: missing column {column}")
    for row, (field, final) in enumerate(zip(table["field"], table["final"]), 2):
        final = final.strip()
        where = f"{display_path(path)}{sheet}, row {row}"
        if field == "kind":
            if final not in (*KINDS, ""):
                raise ValueError(f"{where}: final kind is {final!r}, not one of {', '.join(KINDS)} or empty")
        elif field != "unit" and final not in ("0", "1"):
            raise ValueError(f"{where}: final {field} is {final!r}, not 0 or 1")
    return table.assign(final=table["final"].str.strip())


def adjudicated_codes(workbooks: Sequence[CodedWorkbook], fields: Sequence[str],
                      adjudication: pd.DataFrame | None) -> dict[str, pd.DataFrame]:
    """sheet -> sample_id × field table of the final codes (text): the coders' value where
    they all agree, else the adjudication's ``final``; ValueError listing the first
    disagreement the adjudication does not settle."""
    settled = {} if adjudication is None else {
        (s, i, f): v for s, i, f, v in zip(adjudication["sheet"], adjudication["sample_id"], adjudication["field"],
                                           adjudication["final"])}
    out: dict[str, dict[str, pd.Series]] = {SENTENCE_SHEET: {}, NUMBER_SHEET: {}}
    for (sheet, field), values in coded_values(workbooks, fields).items():
        final = []
        for sample_id, row in values.iterrows():
            distinct = set(row)
            if len(distinct) == 1:
                final.append(distinct.pop())
            elif (sheet, sample_id, field) in settled:
                final.append(settled[(sheet, sample_id, field)])
            else:
                raise ValueError(f"adjudication: the disagreement on {sheet} {sample_id} {field} "
                                 f"({', '.join(f'{c}={v!r}' for c, v in row.items())}) has no final value")
        out[sheet][field] = pd.Series(final, index=values.index)
    return {sheet: pd.DataFrame(columns) for sheet, columns in out.items()}
