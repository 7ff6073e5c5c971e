"""The coding workflow end to end, as ``python -m analysis validate`` runs it.

* :func:`export_sample`: draw the blind sample of a corpus (:mod:`.blind_sample`), write its
  keys (``key_sentences.csv``, ``key_numbers.csv``: never give these to coders) and one blank
  workbook per coder (``coding-<coder>.xlsx``).
* :func:`import_codes`: read two or more coders' workbooks against the keys, write the
  agreement (``agreement.csv``: α per field; ``kappa.csv``: κ per pair and field) and the
  disagreements to adjudicate (``adjudication.xlsx``); given the adjudication (or when there
  is no disagreement), write the final codes and the scores (:mod:`.scores`).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..dictionaries.instruments import instrument_hits, read_instruments
from ..dictionaries.themes import not_attention_phrases, read_themes, theme_hits
from ..paths import DATA_DIR, display_path
from .agreement import adjudicated_codes, disagreements, field_agreement, pairwise_kappa, read_adjudication
from .blind_sample import draw_numbers, draw_sentences
from .scores import entry_precision, entry_recall, keyword_precision, located_keywords, quantity_scores
from .workbook import NUMBER_SHEET, SENTENCE_SHEET, number_rows, read_workbook, sentence_fields, sentence_rows, write_workbook

__all__ = ["SENTENCE_KEY_FILE", "NUMBER_KEY_FILE", "PROJECT_SAMPLE_DIR", "Measured", "measured_dictionaries",
           "export_sample", "read_keys", "coded_tables", "import_codes", "project_sample_tables"]

SENTENCE_KEY_FILE = "key_sentences.csv"
NUMBER_KEY_FILE = "key_numbers.csv"
PROJECT_SAMPLE_DIR = DATA_DIR / "coding"
"""The project's blind double-coded sample of the seeds: its keys, the coders' workbooks
(``coding-*.xlsx``), the adjudication (``adjudication.xlsx``) and who coded how (README.md)."""


@dataclass(frozen=True)
class Measured:
    """A prepared corpus with the dictionaries' entries and hits: name -> (entries, hits)."""
    corpus: pd.DataFrame
    paras: pd.DataFrame
    tokens: pd.DataFrame
    dictionaries: dict[str, tuple]


def measured_dictionaries(corpus: pd.DataFrame, paras: pd.DataFrame, tokens: pd.DataFrame) -> Measured:
    """A prepared corpus (:func:`analysis.prepare`) with the hits of the theme and instrument dictionaries."""
    themes, instruments = read_themes(), read_instruments()
    return Measured(corpus, paras, tokens, {
        "themes": (themes, theme_hits(tokens, themes, not_attention=not_attention_phrases())),
        "instruments": (instruments, instrument_hits(tokens, instruments))})


def export_sample(out_dir: Path | str, coders: Sequence[str], measured: Measured, per_entry: int = 8,
                  random_sentences: int = 100, number_sentences: int = 40, seed: int = 2026) -> list[Path]:
    """Write the keys and one blank workbook per coder into ``out_dir``; return the workbooks."""
    if len(set(coders)) != len(coders) or not coders:
        raise ValueError("validate export: give one or more distinct coder ids")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    key = draw_sentences(measured.paras, measured.tokens, measured.dictionaries, per_entry, random_sentences, seed)
    numbers = draw_numbers(measured.paras, number_sentences, seed, exclude=key)
    key.to_csv(out_dir / SENTENCE_KEY_FILE, index=False, lineterminator="\n")
    numbers.to_csv(out_dir / NUMBER_KEY_FILE, index=False, lineterminator="\n")
    entries = {name: e for name, (e, _) in measured.dictionaries.items()}
    shown = sentence_rows(key, measured.paras, measured.corpus)
    shown_numbers = number_rows(numbers, measured.paras, measured.corpus)
    return [write_workbook(out_dir / f"coding-{coder}.xlsx", coder, shown, shown_numbers, entries) for coder in coders]


def read_keys(key_dir: Path | str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(sentence key, number key) written by :func:`export_sample`."""
    key_dir = Path(key_dir)
    tables = []
    for name in (SENTENCE_KEY_FILE, NUMBER_KEY_FILE):
        if not (key_dir / name).is_file():
            raise ValueError(f"{display_path(key_dir / name)}: no sample key (written by validate export)")
        tables.append(pd.read_csv(key_dir / name, dtype={"doc_id": str, "sample_id": str}, keep_default_na=False))
    return tables[0], tables[1]


def coded_tables(key_dir: Path | str, workbooks: Sequence[Path | str], measured: Measured,
                 adjudication: Path | str | None = None) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """(tables, disagreements) of two or more coders' workbooks read against the keys (a
    ValueError names any document of the keys that ``measured`` does not hold):
    ``agreement`` and ``kappa`` always; with every disagreement settled (by ``adjudication``,
    or because there is none) also the final codes and the scores, by file stem."""
    if len(workbooks) < 2:
        raise ValueError("validate import: give two or more coders' workbooks")
    key, number_key = read_keys(key_dir)
    missing = sorted((set(key["doc_id"]) | set(number_key["doc_id"])) - set(measured.paras["doc_id"].astype(str)))
    if missing:
        raise ValueError(f"{display_path(Path(key_dir))}: the sample's keys name documents the corpus does not hold: "
                         f"{', '.join(missing)}")
    entries = {name: e for name, (e, _) in measured.dictionaries.items()}
    fields = sentence_fields(entries)
    coded = [read_workbook(w, key["sample_id"].to_list(), number_key["sample_id"].to_list(), fields) for w in workbooks]
    coders = [c.coder for c in coded]
    if len(set(coders)) != len(coders):
        raise ValueError(f"validate import: two workbooks carry the same coder id ({', '.join(coders)})")
    tables = {"agreement": field_agreement(coded, fields), "kappa": pairwise_kappa(coded, fields)}
    open_points = disagreements(coded, fields)
    settled = read_adjudication(adjudication) if adjudication is not None else None
    if settled is None and len(open_points):
        return tables, open_points
    final = adjudicated_codes(coded, fields, settled)
    tables["final_sentences"] = final[SENTENCE_SHEET].reset_index(names="sample_id")
    tables["final_numbers"] = final[NUMBER_SHEET].reset_index(names="sample_id")
    for name, (dictionary, hits) in measured.dictionaries.items():
        args = (key, final[SENTENCE_SHEET], name, dictionary, hits, measured.tokens, measured.paras)
        tables[f"precision_{name}"] = entry_precision(*args)
        tables[f"recall_{name}"] = entry_recall(*args)
        tables[f"keyword_precision_{name}"] = keyword_precision(
            key, final[SENTENCE_SHEET], name, dictionary, located_keywords(hits, measured.tokens, measured.paras))
    scored = quantity_scores(number_key, final[NUMBER_SHEET], measured.paras)
    tables["quantity_measures"] = scored["measures"]
    tables["quantity_kinds"] = scored["kinds"].reset_index()
    tables["quantity_numbers"] = scored["numbers"]
    return tables, open_points


def import_codes(key_dir: Path | str, workbooks: Sequence[Path | str], measured: Measured, out_dir: Path | str,
                 adjudication: Path | str | None = None) -> dict[str, pd.DataFrame]:
    """:func:`coded_tables`, written into ``out_dir`` as CSV (4 decimals), with
    ``adjudication.xlsx`` (the disagreements and their text, final empty) when coders
    disagree and no adjudication was given. Returns the tables written, by file stem."""
    tables, open_points = coded_tables(key_dir, workbooks, measured, adjudication)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if len(open_points) and adjudication is None:
        key, number_key = read_keys(key_dir)
        _write_adjudication(out_dir / "adjudication.xlsx", open_points, key, number_key, measured)
    for stem, table in tables.items():
        table.to_csv(out_dir / f"{stem}.csv", index=False, lineterminator="\n", float_format="%.4f")
    return tables


def _write_adjudication(path: Path, open_points: pd.DataFrame, key: pd.DataFrame, number_key: pd.DataFrame,
                        measured: Measured) -> None:
    """The disagreements with the text each concerns (the sentence and, for a sentence row,
    the sentences before and after it, as the coders saw them), and an empty final column."""
    text = pd.concat([sentence_rows(key, measured.paras, measured.corpus)[["sample_id", "before", "sentence", "after"]],
                      number_rows(number_key, measured.paras, measured.corpus)[["sample_id", "sentence"]]]).fillna("")
    table = open_points.merge(text, on="sample_id", how="left")
    columns = [c for c in table.columns if c != "final"] + ["final"]
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        table[columns].to_excel(writer, sheet_name="adjudication", index=False)


def project_sample_tables(measured: Measured, sample_dir: Path | str = PROJECT_SAMPLE_DIR) -> dict[str, pd.DataFrame]:
    """:func:`coded_tables` of every ``coding-*.xlsx`` in ``sample_dir`` (in name order) with its
    ``adjudication.xlsx``; ``measured`` is the corpus the keys were drawn from (the seeds for
    the project's sample)."""
    sample_dir = Path(sample_dir)
    workbooks = sorted(sample_dir.glob("coding-*.xlsx"))
    tables, _ = coded_tables(sample_dir, workbooks, measured, sample_dir / "adjudication.xlsx")
    return tables
