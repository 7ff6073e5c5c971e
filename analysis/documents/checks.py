"""Checks of a corpus before anything runs (``python -m analysis check``): the manifest and
its files, cleaning that removed an unusual share, districts and genres without a row in
their data files, and work reports whose structure lacks a review or a plan part."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .._internal.memory import release_freed_memory
from ..paths import display_path
from .corpus import CorpusError, cleaning_summary, load_corpus
from .districts import DISTRICTS_FILE, missing_districts
from .genres import GENRES_FILE, missing_genres
from .structure import (PART_HEADINGS_FILE, first_headings, paragraphs, part_headings, reports_missing_parts,
                        structure_summary)

__all__ = ["CorpusCheck", "corpus_problems", "metadata_problems", "structure_warnings", "heading_lines"]


@dataclass(frozen=True)
class CorpusCheck:
    """What :func:`corpus_problems` found: problems (the check fails), warnings, the number of
    documents read (None when the manifest could not be read) and every part heading with
    its kind (:func:`analysis.documents.structure.part_headings`; empty when not read)."""

    problems: list[str]
    warnings: list[str]
    documents: int | None
    part_headings: pd.DataFrame

    def __iter__(self):
        """``problems, warnings, documents = corpus_problems(...)`` (the headings apart)."""
        return iter((self.problems, self.warnings, self.documents))


def corpus_problems(manifest: Path | str, flag_share: float = 0.2) -> CorpusCheck:
    """The check of the corpus of ``manifest``: every manifest and file problem at once; when
    there is none, the corpus is loaded and each document whose cleaning removed more than
    ``flag_share`` of its text is a problem, as is each district or genre without its data
    row (:func:`metadata_problems`); :func:`structure_warnings` are warnings."""
    try:
        corpus = load_corpus(manifest)              # validates the manifest and reads each file once
    except CorpusError as error:
        return CorpusCheck(error.problems, [], None,
                           pd.DataFrame(columns=["doc_id", "part_no", "part_title", "part_kind", "rule"]))
    problems: list[str] = []
    summary = cleaning_summary(corpus, flag_share)
    corpus = corpus.drop(columns=["raw_text", "audit_rows"])           # not needed below: memory at scale
    release_freed_memory()
    files = dict(zip(corpus["doc_id"], corpus["file"]))
    for row in summary[summary["flagged"]].itertuples():
        problems.append(f"{display_path(Path(manifest).parent / files[row.doc_id])}: cleaning removed "
                        f"{row.share_removed:.1%} of the text (more than {flag_share:.0%}); "
                        "inspect its cleaning audit")
    paras = paragraphs(corpus)
    warnings = structure_warnings(corpus, paras, summary, Path(manifest).parent)
    problems += metadata_problems(corpus, manifest)
    return CorpusCheck(problems, warnings, len(corpus), part_headings(paras, corpus))


def heading_lines(headings: pd.DataFrame) -> list[str]:
    """One line per document with part headings: ``doc_id: kind title | kind title …``."""
    return [f"{doc_id}: " + " | ".join(f"{kind} {title}" for kind, title in zip(group["part_kind"], group["part_title"]))
            for doc_id, group in headings.groupby("doc_id", sort=False)]


def metadata_problems(corpus: pd.DataFrame, manifest: Path | str) -> list[str]:
    """A message per manifest district or genre with no row in analysis/data/districts.tsv or
    genres.tsv (their names, colours and markers come from there), or per error in those files."""
    problems = []
    for what, column, missing, path, columns in (
            ("district", "district", missing_districts, DISTRICTS_FILE, "district, name_zh, name_en, level, colour"),
            ("genre", "genre", missing_genres, GENRES_FILE, "genre, label_zh, label_en, marker")):
        try:
            unknown = missing(corpus[column])
        except ValueError as exc:
            problems.append(str(exc))
            continue
        if unknown:
            problems.append(f"{display_path(manifest)}: {what}(s) {', '.join(unknown)} not in {display_path(path)}; "
                            f"add a row for each ({columns})")
    return problems


def structure_warnings(corpus: pd.DataFrame, paragraph_table: pd.DataFrame, summary: pd.DataFrame,
                       folder: Path) -> list[str]:
    """One message per work report without a review or a plan part (naming its scope, its
    first headings and the file of part-heading rules to extend), per run-together text
    re-split at its headings, and per document with appended material."""
    messages = []
    table = corpus.set_index("doc_id")
    for row in reports_missing_parts(corpus, structure_summary(paragraph_table)).itertuples():
        headings = "; ".join(first_headings(paragraph_table, row.doc_id)) or "none"
        messages.append(f"{display_path(folder / table.at[row.doc_id, 'file'])}: work report {row.doc_id} has no "
                        f"{row.missing.replace(' and ', ' and no ')} part (scope: {row.scope}); "
                        "it is left out of review/plan comparisons. Its first headings: "
                        f"{headings}. If one of them heads its review or plan, add a row for it to "
                        f"{display_path(PART_HEADINGS_FILE)} (pattern, kind, genres, unnumbered, example, seen_in)")
    for row in summary.itertuples():
        where = display_path(folder / table.at[row.doc_id, "file"])
        if row.resplit:
            messages.append(f"{where}: {row.resplit} run-together line(s) re-split at their headings; "
                            "see the cleaning audit")
        if row.appended_lines:
            messages.append(f"{where}: {row.appended_lines} line(s) of appended material set apart from the counts")
    return messages
