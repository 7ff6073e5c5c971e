"""Appended material: notes printed after the report proper — glossaries (名词解释),
notes (注释), attachments (附件, 附录, 附表, 附：…) and lists of the revisions made after
delivery (政府工作报告修改10处; 关于……修改情况的说明).

They are not the report's own words, so they are set apart from the text that is
counted: everything from the first appended-material heading to the end of the
document. A heading is a short line (at most 40 characters, no 。) that matches
:data:`APPENDED_HEADING` and comes after the report's first line of running prose.
"""
from __future__ import annotations

import re

from .cleaning import is_prose

__all__ = ["APPENDED_HEADING", "is_appended_heading", "appended_start"]

_COUNT = r"[\d一二三四五六七八九十百]+"
APPENDED_HEADING = re.compile(
    r"^(?=[^。]{1,40}$)(?:"
    r"(?:附件|附录|附表)\s*[\d一二三四五六七八九十]*(?:[：:、.．\s].*)?"      # 附件 / 附件1：… / 附录二 …
    r"|附[：:].+"                                                          # 附：政府工作报告修改说明
    r"|(?:名词解释|名词注释|名词解读|术语解释|注释|注解|附注|编者注)[：:]?"  # 名词解释
    rf"|.{{0,20}}修改\s*{_COUNT}\s*处.{{0,10}}"                           # 政府工作报告修改10处
    r"|关于.{0,30}(?:修改|修订).{0,12}(?:说明|情况)"                        # 关于《政府工作报告》修改情况的说明
    r")$"
)
"""A heading that opens appended material (matched on a normalised line)."""


def is_appended_heading(line: str) -> bool:
    """True for a line that opens appended material (APPENDED_HEADING)."""
    return bool(APPENDED_HEADING.match(line.strip()))


def appended_start(lines: list[str]) -> int | None:
    """The index of the line that opens the appended material of a document's normalised
    lines: the first appended-material heading after its first line of prose; None when
    the document has none."""
    seen_prose = False
    for index, line in enumerate(lines):
        if seen_prose and is_appended_heading(line):
            return index
        seen_prose = seen_prose or is_prose(line)
    return None
