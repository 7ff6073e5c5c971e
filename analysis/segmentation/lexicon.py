"""Lexicon: the project's policy-term lexicon (``analysis/data/lexicon.tsv``), each term
with its category, where it was found, and, for a campaign, its level and start year.

The segmenter (analysis.segmentation.tokens) adds every term to jieba so that it comes out as one
token; a term jieba would always split is an error here, naming its file and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .._internal.data_files import read_tsv
from ..paths import DATA_DIR, display_path

__all__ = ["LEXICON_FILE", "LEXICON_POS", "CAMPAIGN_LEVELS", "LexiconEntry", "read_lexicon", "lexicon_terms"]

LEXICON_FILE = DATA_DIR / "lexicon.tsv"
LEXICON_POS = "nz"
"""Part-of-speech tag given to lexicon terms (jieba's tag for other proper nouns)."""
_JIEBA_WORD = re.compile(r"^[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+$")
"""Characters jieba can join into one token (its re_han_default); 〇 and punctuation split."""

CAMPAIGN_LEVELS = ("shanghai", "national")
"""Values of the lexicon's optional ``campaign`` column: a Shanghai-wide or a national campaign."""


@dataclass(frozen=True)
class LexiconEntry:
    """One lexicon term; ``campaign``, ``campaign_start`` and ``campaign_source`` are set when
    the term names a Shanghai-wide or national campaign: its level, the year it was launched
    and the document or event that dates it (empty, None otherwise)."""

    term: str
    category: str
    source: str
    campaign: str = ""
    campaign_start: int | None = None
    campaign_source: str = ""


def read_lexicon(path: Path = LEXICON_FILE) -> list[LexiconEntry]:
    """The lexicon entries (term, category, source, and the optional campaign,
    campaign_start and campaign_source columns), in file order. An error names the file and
    line of a term jieba cannot keep whole (one with punctuation, spaces or 〇 in it), of a
    campaign level other than those of ``CAMPAIGN_LEVELS``, of a campaign without a four-digit
    start year, or of a campaign without the source of its start year."""
    rows = read_tsv(path, ["term", "category", "source"])
    entries = []
    for line_no, row in enumerate(rows, 2):
        where = f"{display_path(path)} line {line_no}"
        term = row["term"].strip()
        if not _JIEBA_WORD.match(term):
            raise ValueError(f"{where}: term {term!r} has characters jieba always splits at "
                             "(punctuation, spaces, 〇); it can never be one token")
        level, start = (row.get("campaign") or "").strip(), (row.get("campaign_start") or "").strip()
        if level and level not in CAMPAIGN_LEVELS:
            raise ValueError(f"{where}: campaign {level!r} is not one of {', '.join(CAMPAIGN_LEVELS)}")
        if level and not re.fullmatch(r"(19|20)\d\d", start):
            raise ValueError(f"{where}: campaign {term!r} needs the year it began in campaign_start, not {start!r}")
        if start and not level:
            raise ValueError(f"{where}: campaign_start {start!r} given but no campaign level")
        campaign_source = (row.get("campaign_source") or "").strip()
        if level and not campaign_source:
            raise ValueError(f"{where}: campaign {term!r} needs campaign_source, the document or event that dates "
                             f"its start year {start}")
        entries.append(LexiconEntry(term, row["category"].strip(), row["source"].strip(), level,
                                    int(start) if start else None, campaign_source))
    return entries


def lexicon_terms(path: Path = LEXICON_FILE) -> list[str]:
    """The lexicon's terms, in file order."""
    return [entry.term for entry in read_lexicon(path)]
