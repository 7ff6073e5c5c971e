"""Small corpora for the tests: token tables from inline paragraphs, and manifest folders
written to a temporary directory."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

import analysis

HEADER = "doc_id,file,district,date,year,genre,title,scope"
"""The manifest's required columns."""

GOOD_TEXT = "某区政府工作报告\n二〇一八年，我们坚持稳中求进工作总基调，经济运行总体平稳，城区环境品质持续提升。\n"
"""A minimal valid document: a title and one line of prose."""


def toy_tokens(texts: dict[str, list[str]]) -> pd.DataFrame:
    """A token table from documents given as lists of paragraphs."""
    corpus = pd.DataFrame({"doc_id": list(texts), "text": ["\n".join(paras) for paras in texts.values()]})
    return analysis.corpus_tokens(analysis.paragraphs(corpus))


def make_corpus(folder: Path, rows: list[str], files: dict[str, bytes], header: str = HEADER) -> Path:
    """Write ``files`` and a manifest of ``rows`` into ``folder``; returns the manifest."""
    for name, data in files.items():
        (folder / name).write_bytes(data)
    manifest = folder / "manifest.csv"
    manifest.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return manifest


def row(doc_id="a-2018", file="a.txt", date="2018-01-10", year="2018"):
    """One manifest row (Changning work report) with the required columns."""
    return f"{doc_id},{file},Changning,{date},{year},work_report,标题,whole"
