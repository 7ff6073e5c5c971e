"""Heading lines with running text: a part or section heading that carries its lead
sentences on the same line (（一）坚持创新驱动，产业结构持续优化。新建研发平台十二个……) is
cut after its heading sentence, so that the heading stays a heading and the text after it
is a paragraph of its own, counted with the body.

The rule: a line that starts with a part or section marker (``一、``, ``（一）``) is cut after
its first sentence end (。！？ and any closing quote or bracket) when text follows it. A
heading with no sentence end, or with nothing after its first one, is left as it is, and so
is a 一、 line that ends in ；(a list item inside the text, not a heading). Numbered items
(``1.``) are not cut: their whole line is already counted with the body.
"""
from __future__ import annotations

import re

from .structure import HEADING_MARKER, chinese_numeral

__all__ = ["split_heading_lines"]

_HEADING_SENTENCE = re.compile(rf"(?:{HEADING_MARKER.pattern})[^。！？]*[。！？]+[”’」』）]*")
"""A heading marker (:data:`analysis.documents.structure.HEADING_MARKER`: part, section or item)
and the text up to its first sentence end (with closing marks); items are not cut."""


def _is_numeral(text: str) -> bool:
    try:
        chinese_numeral(text)
    except ValueError:
        return False
    return True


def split_heading_lines(lines: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """Cut every part or section heading line with running text after its heading sentence
    (module rule). Returns the new lines and, for each line cut, (its index in ``lines``,
    the heading kept)."""
    out: list[str] = []
    cuts: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        m = _HEADING_SENTENCE.match(line)
        rest = line[m.end():].strip() if m else ""
        if not rest or m.group(3) or line.rstrip().endswith(("；", ";")) or not _is_numeral(m.group(1) or m.group(2)):
            out.append(line)
            continue
        out += [m.group(0), rest]
        cuts.append((index, m.group(0)))
    return out, cuts
