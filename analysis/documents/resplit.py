"""Re-splitting run-together text: a report pasted as one long line (as PDF copies and
some web pages give it) is cut back into paragraphs at its numbered headings.

A line is re-split only when it is long (at least :data:`RUN_TOGETHER_MIN_CHARS`
characters) and holds at least two embedded headings that continue the document's
numbering. An embedded heading is a part (``一、``), section (``（一）``) or item
(``1.``) marker right after a sentence end (。！？, with any closing quote or bracket),
accepted only when its number is the next one expected: the next part; the next
section within the current part (from （一）); the next item within the current
section, the current part or the whole document (reports number items all three ways). A stray "。二、" inside prose is left alone.
"""
from __future__ import annotations

import copy
import re

from .structure import HEADING_MARKER, chinese_numeral

__all__ = ["RUN_TOGETHER_MIN_CHARS", "resplit_run_together"]

RUN_TOGETHER_MIN_CHARS = 1000
"""Shortest line considered for re-splitting (the seeds' longest paragraph has 1,159
characters and no embedded heading)."""

_BOUNDARY = re.compile(rf"(?<=[。！？])[”’」』）]*(?=(?:{HEADING_MARKER.pattern}))")
"""A sentence end (and any closing quote or bracket) followed by a heading marker."""


class _Numbering:
    """The document's numbering so far: last part, section, and item in the section, in the
    part and overall."""

    def __init__(self) -> None:
        self.part = self.section = self.item = self.item_in_part = self.item_overall = 0

    def heading(self, text: str) -> tuple[str, int] | None:
        """(level, number) of the heading ``text`` starts with, or None."""
        m = HEADING_MARKER.match(text)
        if not m:
            return None
        try:
            if m.group(1):
                return "part", chinese_numeral(m.group(1))
            if m.group(2):
                return "section", chinese_numeral(m.group(2))
        except ValueError:
            return None
        return "item", int(m.group(3))

    def expected(self, level: str, number: int) -> bool:
        if level == "part":
            return number == self.part + 1
        if level == "section":
            return number == self.section + 1
        return number in (self.item + 1, self.item_in_part + 1, self.item_overall + 1)

    def advance(self, level: str, number: int) -> None:
        if level == "part":
            self.part, self.section, self.item, self.item_in_part = number, 0, 0, 0
        elif level == "section":
            self.section, self.item = number, 0
        else:
            self.item = number
            self.item_in_part = max(number, self.item_in_part)
            self.item_overall = max(number, self.item_overall)


def resplit_run_together(lines: list[str]) -> tuple[list[str], list[tuple[int, int, list[str]]]]:
    """Re-split run-together lines at their embedded headings (module docstring rule).

    ``lines`` are normalised lines of one text. Returns the new lines and, for each line
    re-split, (its index in ``lines``, the number of pieces, the headings cut at)."""
    numbering = _Numbering()
    out: list[str] = []
    resplit: list[tuple[int, int, list[str]]] = []
    for index, line in enumerate(lines):
        if start := numbering.heading(line):
            numbering.advance(*start)
        if len(line) < RUN_TOGETHER_MIN_CHARS:
            out.append(line)
            continue
        trial = copy.copy(numbering)
        cuts: list[int] = []
        for boundary in _BOUNDARY.finditer(line):
            heading = trial.heading(line[boundary.end():])
            if heading and trial.expected(*heading):
                trial.advance(*heading)
                cuts.append(boundary.end())
        if len(cuts) < 2:
            out.append(line)
            continue
        pieces = [line[a:b] for a, b in zip([0] + cuts, cuts + [len(line)])]
        out.extend(piece for piece in pieces if piece)
        resplit.append((index, len(pieces), [HEADING_MARKER.match(line[c:]).group(0) for c in cuts]))
        numbering = trial
    return out, resplit
