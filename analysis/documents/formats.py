"""File formats: read a document file of any supported format as plain text, one
paragraph per line, with its metadata and an audit of the markup taken out.

Supported (by file-name suffix):

* ``.txt``            UTF-8 text, read as is.
* ``.md``/``.markdown`` Markdown: a YAML front matter gives the metadata; front
  matter, HTML comments and tags, image syntax, link syntax (the link text stays),
  heading and list markers, emphasis, escapes and tables are removed by the audited
  rules of :data:`MARKDOWN_RULES`, line by line, so every audit row names the source line.
* ``.html``/``.htm``  through BeautifulSoup (Python's html.parser): scripts, styles and
  comments dropped, one line per block element, table rows as their cells joined by
  "；"; metadata from ``<title>``, ``<meta>`` dates and the canonical URL.
* ``.docx``           through python-docx: paragraphs and table rows in document order;
  the title from the core properties.
* ``.pdf``            through pypdf: page-number lines removed, lines wrapped by the
  page width joined back into paragraphs (:func:`reflow_pdf_lines`).

Every text file is checked before it is decoded (:func:`decode_text`): a UTF-16 file, a
PDF, Word or ZIP file with a text suffix, text that is not UTF-8, and control characters
(NUL and the like) are errors naming the file and what it is.
"""
from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from ..paths import display_path

__all__ = [
    "SUPPORTED_SUFFIXES",
    "DocumentFormatError",
    "ExtractedDocument",
    "MarkupRule",
    "MARKDOWN_RULES",
    "decode_text",
    "read_document",
    "markdown_to_text",
    "html_to_text",
    "docx_to_text",
    "pdf_to_text",
    "reflow_pdf_lines",
]

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + (".docx", ".pdf")
"""File-name suffixes :func:`read_document` reads (case-insensitive)."""

TABLE_CELL_SEPARATOR = "；"
"""Joins the cells of one table row into one line, in every format."""


class DocumentFormatError(ValueError):
    """A document file that cannot be read as text; the message names the file and the problem."""


@dataclass(frozen=True)
class ExtractedDocument:
    """A document file as plain text (one paragraph per line, LF line ends), the
    metadata its markup carries (title, url, date — each a string, absent when not
    given) and one audit row per piece of markup removed or rewritten. An audit row's
    line_no is the line of the file for Markdown and HTML, the line of ``text`` for
    DOCX, and missing (NA) where there is no line (an HTML comment, a PDF page number)."""

    text: str
    metadata: dict[str, str] = field(default_factory=dict)
    markup_rows: tuple[dict, ...] = ()
    format: str = "text"


def _markup_row(line_no, action: str, rule: str, raw_line: str, note: str = "") -> dict:
    """One audit row in the columns of analysis.documents.cleaning.AUDIT_COLUMNS, zone "markup"."""
    return {"line_no": line_no, "zone": "markup", "action": action, "rule": rule,
            "raw_line": raw_line.strip()[:200], "note": note}


# --------------------------------------------------------------------------- bytes and text

_SIGNATURES = (
    (b"\xff\xfe", "a UTF-16 text file (byte-order mark FF FE); save it as UTF-8"),
    (b"\xfe\xff", "a UTF-16 text file (byte-order mark FE FF); save it as UTF-8"),
    (b"%PDF-", "a PDF file with a text-file name; rename it to .pdf"),
    (b"PK\x03\x04", "a ZIP container (a .docx or similar) with a text-file name; rename it to .docx if it is one"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97–2003 (.doc) file; save it as .docx or UTF-8 text"),
    (b"{\\rtf", "an RTF file; save it as .docx or UTF-8 text"),
)

_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
"""Unicode category Cc (C0 and C1 controls, DEL) other than tab, line feed, form feed and
carriage return."""


_COMMON_TEXT = re.compile("[\u0020-\u007e\n\t\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2010-\u2027]")


def _utf16_without_bom(data: bytes) -> str | None:
    """'LE' or 'BE' when ``data`` decodes as UTF-16 of that byte order into text that is at
    least 95% common characters (ASCII, CJK ideographs and punctuation, full-width forms),
    as UTF-16 text without a byte-order mark does and GBK or random bytes do not; else None."""
    if len(data) % 2:
        return None
    for order in ("le", "be"):
        try:
            text = data[:4000].decode(f"utf-16-{order}")
        except UnicodeDecodeError:
            continue
        if text and len(_COMMON_TEXT.findall(text)) >= 0.95 * len(text):
            return order.upper()
    return None


def control_character_problem(where: str, text: str) -> str | None:
    """A message naming the control characters in ``text`` (Unicode category Cc other than
    tab, line feed, carriage return and form feed): their count and the first one's
    code point, line and column; None when there are none."""
    first = _CONTROL_CHARACTERS.search(text)
    if first is None:
        return None
    count = len(_CONTROL_CHARACTERS.findall(text))
    offset, char = first.start(), first.group()
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    name = unicodedata.name(char, "NUL" if char == "\x00" else "control character")
    return (f"{where}: {count} control character(s), the first U+{ord(char):04X} ({name}) at line {line}, "
            f"column {column}; remove them (they are not text)")


def decode_text(path: Path, data: bytes) -> str:
    """The text of a text-format file: UTF-8 (a BOM is dropped), CRLF and CR read as LF.

    Raises DocumentFormatError naming the file when the bytes are UTF-16, a PDF, ZIP
    (.docx), Word 97–2003 or RTF file, not UTF-8 (saying when they decode as GB18030),
    or hold control characters.
    """
    where = display_path(path)
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise DocumentFormatError(f"{where}: this is {what}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        byte = data[exc.start:exc.start + 1].hex()
        if order := _utf16_without_bom(data):
            raise DocumentFormatError(f"{where}: this looks like UTF-16 text ({order}) without a byte-order mark; "
                                      "save it as UTF-8") from None
        try:
            data.decode("gb18030")
            hint = "it decodes as GB18030 (GBK); save it as UTF-8"
        except UnicodeDecodeError:
            hint = "save it as UTF-8"
        raise DocumentFormatError(f"{where}: not valid UTF-8 (byte 0x{byte} at offset {exc.start}); {hint}") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problem = control_character_problem(where, text)
    if problem:
        raise DocumentFormatError(problem)
    return text


# --------------------------------------------------------------------------- Markdown

@dataclass(frozen=True)
class MarkupRule:
    """A named piece of Markdown syntax: ``pattern`` is replaced by ``replacement``
    (a regex template) on every line outside the front matter and comments."""

    name: str
    description: str
    pattern: re.Pattern
    replacement: str


MARKDOWN_RULES: tuple[MarkupRule, ...] = (
    MarkupRule("html_tag", "inline HTML tags (<br>, <span …>, </p>)",
               re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"), ""),
    MarkupRule("md_image", "image syntax, alt text and address included (![图1](a.jpg))",
               re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    MarkupRule("md_link", "link syntax; the link text stays ([文本](https://…) -> 文本)",
               re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
    MarkupRule("md_autolink", "an address in angle brackets (<https://…>)",
               re.compile(r"<(?:https?|ftp)://[^>]*>|<[^@\s<>]+@[^@\s<>]+>"), ""),
    MarkupRule("heading_marker", "ATX heading marker (## 一、…)",
               re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$"), ""),
    MarkupRule("blockquote_marker", "block-quote marker (> …)", re.compile(r"^\s{0,3}(?:>\s?)+"), ""),
    MarkupRule("list_marker", "bullet-list marker (- …, * …, + …)", re.compile(r"^\s*[-*+]\s+"), ""),
    MarkupRule("ordered_list_marker", "the space after an ordered-list number (1. 文本 -> 1.文本)",
               re.compile(r"^\s*(\d{1,3})\.\s+"), r"\1."),
    MarkupRule("emphasis", "bold, italic and strike-through markers (**文本**, *文本*, __文本__, ~~文本~~)",
               re.compile(r"(\*{1,3}|_{2,3}|~~)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    MarkupRule("unpaired_emphasis", "a bold marker whose partner is on another line (**一、…回顾 … 工作：**)",
               re.compile(r"^\*{2,3}(?=\S)|(?<=\S)\*{2,3}$"), ""),
    MarkupRule("code_span", "inline-code backticks (`文本`)", re.compile(r"`+([^`]*)`+"), r"\1"),
    MarkupRule("escape", "backslash escapes (\\* -> *)", re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),
)
"""Markdown syntax rules in the order they are applied to one line."""

_FRONT_MATTER_OPEN = re.compile(r"^---\s*$")
_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)\s*$")
_THEMATIC_BREAK = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$")
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_COMMENT_OPEN, _COMMENT_CLOSE = "<!--", "-->"
_META_KEYS = {"title": ("title",), "url": ("source", "url", "link", "original_url", "source_url"),
              "date": ("date", "published", "pubdate", "publish_date"), "publisher": ("publisher", "issuer")}


def _front_matter_metadata(where: str, block: str) -> dict[str, str]:
    """title, url, date and publisher from a YAML front matter (keys of _META_KEYS), as strings."""
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        raise DocumentFormatError(f"{where}: the front matter is not valid YAML ({exc.problem})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DocumentFormatError(f"{where}: the front matter is not a YAML mapping of keys to values")
    lowered = {str(key).lower(): value for key, value in data.items()}
    metadata = {}
    for name, keys in _META_KEYS.items():
        for key in keys:
            value = lowered.get(key)
            if value not in (None, ""):
                metadata[name] = str(value).strip()
                break
    return metadata


def markdown_to_text(where: str, text: str) -> ExtractedDocument:
    """Markdown as plain text by the rules of :data:`MARKDOWN_RULES` plus block rules:
    the front matter (``---`` … ``---`` on line 1), HTML comments, thematic breaks and
    code fences are removed; a table row becomes its cells joined by "；" and its
    separator row is removed. One audit row per line changed, naming its rules."""
    lines = text.split("\n")
    out: list[str] = []
    rows: list[dict] = []
    metadata: dict[str, str] = {}
    start = 0
    if lines and _FRONT_MATTER_OPEN.match(lines[0]):
        close = next((i for i in range(1, len(lines)) if _FRONT_MATTER_CLOSE.match(lines[i])), None)
        if close is None:
            raise DocumentFormatError(f"{where}: the front matter opened on line 1 is never closed with ---")
        metadata = _front_matter_metadata(where, "\n".join(lines[1:close]))
        rows += [_markup_row(no, "removed", "front_matter", lines[no - 1]) for no in range(1, close + 2)
                 if lines[no - 1].strip()]
        out += [""] * (close + 1)
        start = close + 1
    in_comment = False
    for no, line in enumerate(lines[start:], start + 1):
        original = line
        rules: list[str] = []
        # HTML comments, possibly over several lines
        kept, rest = "", line
        while rest:
            if in_comment:
                end = rest.find(_COMMENT_CLOSE)
                if end < 0:
                    rest = ""
                else:
                    rest, in_comment = rest[end + len(_COMMENT_CLOSE):], False
            else:
                begin = rest.find(_COMMENT_OPEN)
                if begin < 0:
                    kept, rest = kept + rest, ""
                else:
                    kept, rest, in_comment = kept + rest[:begin], rest[begin + len(_COMMENT_OPEN):], True
        if kept != line or in_comment:
            rules.append("html_comment")
        line = kept
        if _FENCE.match(line):
            line, rules = "", rules + ["code_fence"]
        elif _THEMATIC_BREAK.match(line):
            line, rules = "", rules + ["thematic_break"]
        elif _TABLE_ROW.match(line) or (_TABLE_SEPARATOR.match(line) and "|" in line):
            if _TABLE_SEPARATOR.match(line):
                line, rules = "", rules + ["table_separator"]
            else:
                cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
                line, rules = TABLE_CELL_SEPARATOR.join(cell for cell in cells if cell), rules + ["table_row"]
        for rule in MARKDOWN_RULES:
            changed = rule.pattern.sub(rule.replacement, line)
            if changed != line:
                line = changed
                rules.append(rule.name)
        if rules:
            action = "removed" if not line.strip() else "rewritten"
            rows.append(_markup_row(no, action, "+".join(rules), original,
                                    "" if action == "removed" else f"kept: {line.strip()[:120]}"))
        out.append(line)
    if in_comment:
        raise DocumentFormatError(f"{where}: an HTML comment (<!--) is never closed with -->")
    return ExtractedDocument("\n".join(out), metadata, tuple(rows), "markdown")


# --------------------------------------------------------------------------- HTML

_BLOCK_TAGS = ("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
               "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
               "p", "pre", "section", "table", "ul", "center")
_DROPPED_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas")
_DATE_META = ("pubdate", "publishdate", "article:published_time", "date", "dc.date", "dcterms.date",
              "firstpublishedtime", "og:release_date")
_DATE_VALUE = re.compile(r"(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})")


def _iso_date(value: str) -> str:
    """The first Y-M-D date in ``value`` as YYYY-MM-DD, or '' when there is none."""
    m = _DATE_VALUE.search(value or "")
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else ""


def html_to_text(where: str, text: str) -> ExtractedDocument:
    """An HTML page as plain text, through BeautifulSoup with Python's html.parser.

    Dropped (one audit row each): comments and the elements of _DROPPED_TAGS (head,
    script, style …). Block elements and <br> end a line; a table row becomes its
    cells joined by "；" (audited). Metadata: title from <title> (else og:title), date
    from the first date-bearing <meta> of _DATE_META, url from the canonical link (else og:url).
    """
    from bs4 import BeautifulSoup, Comment  # optional import: only HTML files need the parser

    soup = BeautifulSoup(text, "html.parser")
    metadata: dict[str, str] = {}
    if soup.title and soup.title.get_text(strip=True):
        metadata["title"] = soup.title.get_text(" ", strip=True)
    metas = {(tag.get("name") or tag.get("property") or tag.get("itemprop") or "").lower(): tag.get("content") or ""
             for tag in soup.find_all("meta")}
    if "title" not in metadata and metas.get("og:title"):
        metadata["title"] = metas["og:title"].strip()
    for key in _DATE_META:
        if _iso_date(metas.get(key, "")):
            metadata["date"] = _iso_date(metas[key])
            break
    for key in ("publisher", "article:publisher", "author"):
        if metas.get(key, "").strip():
            metadata["publisher"] = metas[key].strip()
            break
    canonical = soup.find("link", rel="canonical")
    url = (canonical.get("href") if canonical else "") or metas.get("og:url", "")
    if url:
        metadata["url"] = url.strip()
    rows: list[dict] = []
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        rows.append(_markup_row(pd.NA, "removed", "html_comment", str(comment)))
        comment.extract()
    for tag in soup.find_all(_DROPPED_TAGS):
        if tag.parent is None and tag is not soup:
            continue
        rows.append(_markup_row(tag.sourceline or pd.NA, "removed", f"html_{tag.name}",
                                tag.get_text(" ", strip=True) or f"<{tag.name}>"))
        tag.decompose()
    for row in soup.find_all("tr"):
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])]
        joined = TABLE_CELL_SEPARATOR.join(cell for cell in cells if cell)
        rows.append(_markup_row(row.sourceline or pd.NA, "rewritten" if joined else "removed", "table_row",
                                " | ".join(cells), f"kept: {joined[:120]}" if joined else ""))
        row.replace_with(soup.new_string("\n" + joined + "\n"))
    for br in soup.find_all("br"):
        br.replace_with(soup.new_string("\n"))
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before(soup.new_string("\n"))
        tag.insert_after(soup.new_string("\n"))
    body = soup.body or soup
    lines = [line.strip() for line in body.get_text("").split("\n")]
    return ExtractedDocument("\n".join(line for line in lines if line), metadata, tuple(rows), "html")


# --------------------------------------------------------------------------- DOCX

def docx_to_text(where: str, data: bytes) -> ExtractedDocument:
    """A .docx as plain text, through python-docx: each paragraph a line, each table row
    its cells joined by "；" (audited; a merged cell counted once), in document order.
    Metadata: the title from the core properties."""
    import docx  # optional import: only .docx files need python-docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a file that is not a .docx
        raise DocumentFormatError(f"{where}: not a readable .docx file ({type(exc).__name__}: {exc})") from None
    lines: list[str] = []
    rows: list[dict] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = cell.text.strip()
                    if value and (not cells or cells[-1] != value):
                        cells.append(value)
                joined = TABLE_CELL_SEPARATOR.join(cells)
                rows.append(_markup_row(len(lines) + 1, "rewritten" if joined else "removed", "table_row",
                                        " | ".join(cells), f"kept: {joined[:120]}" if joined else ""))
                lines.append(joined)
        else:
            lines.extend(block.text.split("\n"))
    metadata = {}
    title = (document.core_properties.title or "").strip()
    if title:
        metadata["title"] = title
    return ExtractedDocument("\n".join(lines), metadata, tuple(rows), "docx")


# --------------------------------------------------------------------------- PDF

_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"
                          r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4}|Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)\s*$", re.IGNORECASE)
_PARAGRAPH_END = re.compile(r"[。！？：；”」』）)]\s*$")
_HEADING_START = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,3}\.(?!\d)"
                            r"|——|各位代表)")


def reflow_pdf_lines(lines: list[str]) -> tuple[list[str], int]:
    """Join lines that a PDF wrapped at the page width back into paragraphs.

    A line starts a new paragraph when the one before ends a sentence or clause
    (。！？：； or a closing quote or bracket), is short (under 15 characters: a title or
    heading), or when the line itself starts a numbered heading (一、 （一） 1.), a
    signature dash (——) or 各位代表; otherwise it continues the line before. Returns the
    paragraphs and the number of joins."""
    out: list[str] = []
    joins = 0
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and not _PARAGRAPH_END.search(out[-1]) and len(out[-1]) >= 15 and not _HEADING_START.match(line):
            out[-1] += line
            joins += 1
        else:
            out.append(line)
    return out, joins


def pdf_to_text(where: str, data: bytes) -> ExtractedDocument:
    """A PDF as plain text, through pypdf: per page, page-number lines removed (audited),
    then lines re-flowed into paragraphs over the whole document (:func:`reflow_pdf_lines`,
    the number of joins audited). Metadata: the title from the document information.
    A PDF with no extractable text (a scan) is an error: it needs OCR first."""
    from pypdf import PdfReader  # optional import: only PDF files need pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as exc:
        raise DocumentFormatError(f"{where}: not a readable PDF ({type(exc).__name__}: {exc})") from None
    rows: list[dict] = []
    lines: list[str] = []
    for page_no, page in enumerate(pages, 1):
        for line in page.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            if _PAGE_NUMBER.match(line) and line.strip():
                rows.append(_markup_row(pd.NA, "removed", "pdf_page_number", line, f"page {page_no}"))
            else:
                lines.append(line)
    if not any(line.strip() for line in lines):
        raise DocumentFormatError(f"{where}: the PDF has no extractable text (a scanned image?); "
                                  "run OCR on it and add the text instead")
    paragraphs, joins = reflow_pdf_lines(lines)
    if joins:
        rows.append(_markup_row(pd.NA, "rewritten", "pdf_line_joins", "",
                                f"{joins} line(s) wrapped at the page width joined into their paragraphs"))
    metadata = {}
    info = reader.metadata
    if info and (info.title or "").strip():
        metadata["title"] = info.title.strip()
    return ExtractedDocument("\n".join(paragraphs), metadata, tuple(rows), "pdf")


# --------------------------------------------------------------------------- any format

def read_document(path: Path | str) -> ExtractedDocument:
    """The document at ``path`` as plain text, read by its suffix (SUPPORTED_SUFFIXES).

    Raises DocumentFormatError naming the file when it is missing, has an unsupported
    suffix, cannot be read in its format, or is empty.
    """
    path = Path(path)
    where = display_path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentFormatError(f"{where}: unsupported file type {path.suffix or '(no suffix)'!r}; "
                                  f"supported: {', '.join(SUPPORTED_SUFFIXES)}")
    if not path.is_file():
        raise DocumentFormatError(f"{where}: file not found")
    data = path.read_bytes()
    if suffix == ".docx":
        document = docx_to_text(where, data)
    elif suffix == ".pdf":
        if not data.startswith(b"%PDF-"):
            raise DocumentFormatError(f"{where}: not a PDF file (it does not start with %PDF-)")
        document = pdf_to_text(where, data)
    else:
        text = decode_text(path, data)
        if suffix in MARKDOWN_SUFFIXES:
            document = markdown_to_text(where, text)
        elif suffix in HTML_SUFFIXES:
            document = html_to_text(where, text)
        else:
            document = ExtractedDocument(text)
    if document.format in ("docx", "pdf"):                 # text formats were checked when decoded
        problem = control_character_problem(where, document.text)
        if problem:
            raise DocumentFormatError(problem)
    if not document.text.strip():
        raise DocumentFormatError(f"{where}: file is empty (no text after its markup is removed)")
    return document
