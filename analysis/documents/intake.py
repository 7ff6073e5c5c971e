"""Adding documents: copy files unchanged next to the manifest and write their rows.

``python -m analysis add FILE… --district D`` is the one way in for new documents.
For each file it reads the text in its format (analysis.documents.formats), then fills the
manifest row:

* title: ``--title``, else the title in the file's metadata (Markdown front matter,
  HTML <title>, DOCX/PDF properties), else the text's first heading or title line
  (:func:`first_heading`), else an error;
* date: ``--date``, else the report's own meeting line (……年……月……日在……人民代表大会
  ……会议上) among the first lines of its text, else (a work report) a dated signature
  line (（2003年2月16日 陈良宇）); else, for a genre other than a work report, the date in
  the file's metadata (a publication date, said so in date_note); else the year alone,
  from the title (2004年……政府工作报告) or from the file name's one year (2004.md), written
  as YYYY with date_precision "year" (never turned into a day); an error when the title
  and the file name name different years, or when there is no year at all. A meeting line is not trusted, and is an
  error, when the first lines give two different meeting dates, when the metadata date
  is earlier than it (a report is not published before it is delivered), or when the
  title names another year (2019年……政府工作报告 delivered in 2020);
* genre: ``--genre``, else work_report when the title contains 政府工作报告 (or 政府 and
  工作报告 with at most 8 characters between: 湖北省人民政府2010年工作报告), else an error;
* publisher (the government body that issued the text): ``--publisher``, else the file's
  metadata (front matter publisher/issuer, HTML meta publisher/author), else empty;
* district: a Latin id (a row of analysis/data/districts.tsv), or a Chinese place name
  resolved to its id (长宁 → Changning; 杭州市 → cn330100, a division of China: see
  analysis.documents.districts); a name several divisions share is an error listing them;
* url: the source address in the metadata; district_zh: ``--district-zh``, the resolved
  place's name, or the one the manifest already has for the district; doc_id:
  ``{district}-{year}-{genre code}``; a second document of one place, year and genre gets
  ``-2`` (then ``-3`` …) unless ``--doc-id`` is given, and its date_note names the other
  and the year its review part says it reviews (一、2020年工作回顾), where the text says.

A sidecar (``--sidecar files.csv``, :func:`read_sidecar`) gives these fields per file: a
column ``file`` (relative to the sidecar) and any of district, district_zh, date, genre,
title, doc_id, speaker, source, publisher and scope; a filled cell overrides the call's
option for that file, an empty one leaves it. Copies of sidecar files are named
``{district}-{file name}``, as with ``--district-from-folder``, so places cannot clash.

A file whose text (its plain text without whitespace, :func:`content_hash`) is already in
the manifest, or twice in one call, is refused, naming the document it repeats: a copy under
another doc_id, or the .docx of an added .md. The hash is written in the row (text_sha256), so
the next ``add`` compares without re-reading; rows written without it are hashed from their
files.

Every problem of every file is reported at once and nothing is written. When writing
fails half-way, the files copied so far are removed and the manifest is left as it was.
"""
from __future__ import annotations

import csv
import datetime as dt
import difflib
import hashlib
import io
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .corpus import CorpusError, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, manifest_problems, prepare_text
from .cleaning import SENTENCE_END
from .formats import SUPPORTED_SUFFIXES, DocumentFormatError, read_document
from ..paths import MANIFEST, display_path
from .districts import DISTRICTS_FILE, read_districts, resolve_place
from .structure import chinese_numeral, paragraphs

__all__ = ["AddResult", "MANIFEST_COLUMNS", "GENRE_CODES", "SIDECAR_FIELDS", "AddedDocument", "meeting_dates",
           "signature_dates", "read_sidecar", "reviewed_year", "near_district", "TITLE_MAX_CHARS",
           "first_heading", "content_hash", "add_documents", "remove_documents", "manifest_rows",
           "write_manifest"]

MANIFEST_COLUMNS = ["doc_id", "file", "district", "district_zh", "date", "year", "genre", "title", "speaker",
                    "publisher", "scope", "source", "url", "date_precision", "date_note", "quality_note",
                    "text_quality", "text_sha256"]
"""The manifest's columns in their written order (required and optional)."""
assert set(MANIFEST_COLUMNS) == set(REQUIRED_COLUMNS) | set(OPTIONAL_COLUMNS)

GENRE_CODES = {"work_report": "wr", "plan_proposal": "fyp", "news_article": "news"}
"""The short code of a genre in a doc_id; any other genre is used as it is."""

_YEAR = r"\d{4}|[〇零一二三四五六七八九]{4}"
_MONTH_DAY = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
MEETING_LINE = re.compile(rf"({_YEAR})年({_MONTH_DAY})月({_MONTH_DAY})日[^。！？]{{0,4}}在?[^。！？]{{0,60}}?"
                          r"(?:人民代表大会|人大)[^。！？]{0,40}?会议上")
"""The delivery line of a work report: ——2019年1月16日在上海市徐汇区第十六届人民代表大会第四次会议上
(在 may be missing: ——2010年1月26日上海市第十三届人民代表大会第三次会议上)."""
MEETING_LINE_DATE_AFTER = re.compile(r"在[^。！？]{0,60}?(?:人民代表大会|人大)[^。！？]{0,40}?会议上\s*"
                                     rf"[（(]({_YEAR})年({_MONTH_DAY})月({_MONTH_DAY})日[）)]")
"""A meeting line with its date after it: 在四川省第十一届人民代表大会第四次会议上（2011年1月18日）."""
SIGNATURE_LINE = re.compile(rf"^[（(]\s*({_YEAR})年({_MONTH_DAY})月({_MONTH_DAY})日[^）)。]{{0,16}}[）)]$")
"""A dated signature line under the title: （2003年2月16日 陈良宇）."""
MEETING_LINE_WINDOW = 40
"""How many first lines of the text are searched for the meeting line."""
_TITLE_YEAR = re.compile(r"(\d{4})年.*政府工作报告")
_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
"""A year in a file name (2004.md, shanghai-2004.txt); used only when it is the name's one year."""
_GENRE = re.compile(r"^[a-z][a-z_]*$")
_WORK_REPORT_TITLE = re.compile(r"政府.{0,8}工作报告")
"""A work report's title: 政府工作报告, or 政府 and 工作报告 a year apart (湖北省人民政府2010年工作报告)."""
_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def _number(text: str) -> int:
    """An Arabic number, a year in Chinese digits (二〇一九) or a Chinese numeral to 三十一."""
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(c in _DIGITS for c in text):
        return int("".join(str(_DIGITS[c]) for c in text))

    return chinese_numeral(text)


def signature_dates(text: str) -> list[tuple[str, str]]:
    """(ISO date, the line) of every dated signature line among the first
    MEETING_LINE_WINDOW lines of ``text``; an impossible date gives ('', line)."""
    found = []
    for line in text.split("\n")[:MEETING_LINE_WINDOW]:
        if m := SIGNATURE_LINE.match(line.strip()):
            try:
                date = dt.date(_number(m.group(1)), _number(m.group(2)), _number(m.group(3))).isoformat()
            except ValueError:
                date = ""
            found.append((date, line.strip()))
    return found


def meeting_dates(text: str) -> list[tuple[str, str]]:
    """(ISO date, the matched words) of every meeting line (MEETING_LINE, or
    MEETING_LINE_DATE_AFTER) among the first MEETING_LINE_WINDOW lines of ``text`` (joined,
    since a title page breaks such a line); an impossible date gives ('', words)."""
    head = "".join(text.split("\n")[:MEETING_LINE_WINDOW])
    found = []
    for m in [*MEETING_LINE.finditer(head), *MEETING_LINE_DATE_AFTER.finditer(head)]:
        try:
            date = dt.date(_number(m.group(1)), _number(m.group(2)), _number(m.group(3))).isoformat()
        except ValueError:
            date = ""
        found.append((date, m.group(0)))
    return found


@dataclass(frozen=True)
class AddedDocument:
    """One file to add: where it is, its manifest row, and whether it must be copied."""

    source: Path
    row: dict[str, str]
    copy: bool


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def manifest_rows(manifest: Path) -> tuple[list[str], list[dict[str, str]]]:
    """(header, rows) of ``manifest`` as written; ([], []) when it does not exist yet."""
    if not manifest.is_file():
        return [], []
    reader = csv.DictReader(io.StringIO(manifest.read_bytes().decode("utf-8-sig")))
    return list(reader.fieldnames or []), list(reader)


def write_manifest(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    """Write ``rows`` as CSV (UTF-8, LF line ends, quoting only where needed)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    writer.writerows([{column: row.get(column) or "" for column in header} for row in rows])
    path.write_bytes(buffer.getvalue().encode("utf-8"))


def _date_of(where: str, text: str, metadata: dict[str, str], genre: str, title: str,
             file_name: str = "") -> tuple[str, str, list[str]]:
    """(date, date_note, problems) by the rule of the module docstring; a year-only date is
    the year alone (YYYY)."""
    advice = "pass --date YYYY-MM-DD"
    found = meeting_dates(text)
    kind = "meeting line"
    if not found and genre == "work_report":
        found, kind = signature_dates(text) or signature_dates(f"（{title.split('（', 1)[1]}" if "（" in title else ""), \
            "dated signature line"
    dates = sorted({date for date, _ in found})
    if found:
        if "" in dates:
            words = next(words for date, words in found if not date)
            return "", "", [f"{where}: the {kind} “{words}” gives an impossible date; {advice}"]
        if len(dates) > 1:
            return "", "", [f"{where}: the {kind}s give different dates ({', '.join(dates)}); {advice}"]
        date, words = dates[0], found[0][1]
        meta_date = metadata.get("date", "")
        if meta_date and meta_date < date:
            return "", "", [f"{where}: the file's metadata dates it {meta_date}, before its {kind} "
                            f"“{words}” ({date}); the date cannot be trusted; {advice}"]
        title_year = _TITLE_YEAR.search(title)
        if title_year and int(title_year.group(1)) != int(date[:4]):
            return "", "", [f"{where}: the title “{title}” names {title_year.group(1)}, the {kind} "
                            f"“{words}” {date[:4]}; the date cannot be trusted; {advice}"]
        return date, f"Date read from the report's {kind} “{words}”.", []
    if genre != "work_report" and metadata.get("date"):
        return (metadata["date"], f"Publication date read from the file's metadata ({metadata['date']}); "
                                  "the text has no meeting line.", [])
    title_year, file_year = _TITLE_YEAR.search(title), _FILE_YEAR.findall(file_name)
    file_year = file_year[0] if len(file_year) == 1 else None
    if title_year and file_year and title_year.group(1) != file_year:
        return "", "", [f"{where}: no meeting line or dated signature line; the title “{title}” names "
                        f"{title_year.group(1)}, the file name {file_name} {file_year}; {advice}"]
    if title_year or file_year:
        year = title_year.group(1) if title_year else file_year
        source = f"the title “{title}”" if title_year else f"the file name {file_name}"
        return year, (f"Year only, read from {source}: the text has no meeting line and no dated signature "
                      "line (date_precision year; the day is unknown)."), []
    why = ("no meeting line (……年……月……日在……人民代表大会……会议上) and no dated signature line "
           f"(（……年……月……日 ……）) among its first {MEETING_LINE_WINDOW} lines")
    if metadata.get("date"):
        why += f", and the date in its metadata ({metadata['date']}) is a publication date, not a delivery date"
    return "", "", [f"{where}: {why}; {advice}"]


def _place(district: str, district_zh: str | None) -> tuple[str, str | None, list[str]]:
    """(district id, Chinese name or None, problems) of a ``--district`` value."""
    if not district.isascii() or re.fullmatch(r"cn\d{6}", district):
        try:
            place, resolved_zh = resolve_place(district)
            return place, district_zh or resolved_zh, []
        except ValueError as exc:
            return district, district_zh, [str(exc)]
    if not _slug(district) or _slug(district) != district.lower().replace(" ", "-"):
        return district, district_zh, [f"--district {district!r}: use Latin letters (pinyin), digits, spaces or "
                                       "hyphens, or a Chinese place name (杭州市); give the Chinese name with --district-zh"]
    if district_zh is None and (near := near_district(district)):
        return district, district_zh, [f"--district {district!r} is not in {display_path(DISTRICTS_FILE)}; did you mean "
                                       f"{near!r}? (for a new place, give its Chinese name with --district-zh and add "
                                       "its row to that file)"]
    return district, district_zh, []


def near_district(district: str, cutoff: float = 0.8) -> str | None:
    """The listed district id (analysis/data/districts.tsv, not the divisions) closest to an
    unlisted ``district``, compared in lower case with difflib's ratio ≥ ``cutoff``
    (Minghang → Minhang); None when ``district`` is listed or nothing is that close."""
    listed = [d for d in read_districts().index if not d.startswith("cn")]
    if district in listed:
        return None
    lower = {d.lower(): d for d in listed}
    if district.lower() in lower:
        return lower[district.lower()]
    close = difflib.get_close_matches(district.lower(), list(lower), n=1, cutoff=cutoff)
    return lower[close[0]] if close else None


@dataclass(frozen=True)
class AddResult:
    """What :func:`add_documents` did with ``keep_going``: the rows added, and one message
    per refused file (file and reason)."""

    rows: list[dict[str, str]]
    refused: list[str]


SIDECAR_FIELDS = ("district", "district_zh", "date", "genre", "title", "doc_id", "speaker", "source", "publisher",
                  "scope")
"""The fields a sidecar may give per file, beside its ``file`` column."""


def read_sidecar(path: Path | str) -> dict[Path, dict[str, str]]:
    """A sidecar CSV or TSV (by its suffix; UTF-8): file (relative to the sidecar's folder)
    -> the fields of :data:`SIDECAR_FIELDS` its row fills (empty cells left out), in row
    order. Raises CorpusError naming the sidecar, line and problem: no ``file`` column, an
    unknown column, an empty or repeated file, a file that does not exist."""
    path = Path(path)
    where = display_path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CorpusError([f"{where}: sidecar not found"]) from None
    except UnicodeDecodeError:
        raise CorpusError([f"{where}: the sidecar is not UTF-8"]) from None
    reader = csv.DictReader(io.StringIO(text), delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
    header = [name.strip() for name in reader.fieldnames or []]
    if "file" not in header:
        raise CorpusError([f"{where}: no 'file' column (columns: {', '.join(header) or 'none'})"])
    unknown = [name for name in header if name != "file" and name not in SIDECAR_FIELDS]
    if unknown:
        raise CorpusError([f"{where}: unknown column(s) {', '.join(unknown)}; a sidecar gives file and any of "
                           f"{', '.join(SIDECAR_FIELDS)}"])
    entries: dict[Path, dict[str, str]] = {}
    lines: dict[Path, int] = {}
    problems = []
    for line_no, row in enumerate(reader, 2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        if not row.get("file"):
            problems.append(f"{where} line {line_no}: empty file")
            continue
        file = path.parent / row["file"]
        if file in entries:
            problems.append(f"{where} line {line_no}: {row['file']} is already listed on line {lines[file]}")
        elif not file.is_file():
            problems.append(f"{where} line {line_no}: {display_path(file)}: file not found")
        else:
            entries[file] = {k: v for k, v in row.items() if k in SIDECAR_FIELDS and v}
            lines[file] = line_no
    if problems:
        raise CorpusError(problems)
    if not entries:
        raise CorpusError([f"{where}: lists no file"])
    return entries


def _date_problem(date: str, label: str) -> list[str]:
    """[] when ``date`` is an ISO date (YYYY-MM-DD) or a year (YYYY), else the problem."""
    try:
        if not re.fullmatch(r"\d{4}", date):
            dt.date.fromisoformat(date)
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                raise ValueError
    except ValueError:
        return [f"{label} {date!r}: not an ISO date (YYYY-MM-DD) nor a year (YYYY)"]
    return []


def reviewed_year(text: str, year: int, genre: str) -> str:
    """What a report's review part says it reviews: "reviews 2020 (一、2020年工作回顾)" from
    the first review heading that names a year, else that its review heading names none, or
    that no review part was found."""
    corpus = {"doc_id": ["new"], "text": [text], "year": [year], "genre": [genre]}
    table = paragraphs(pd.DataFrame(corpus))
    headings = table[(table["kind"] == "part_heading") & (table["part_kind"] == "review")]["text"].tolist()
    for heading in headings:
        if m := re.search(r"(\d{4})年", heading):
            return f"reviews {m.group(1)} ({heading})"
    if headings:
        return f"its review heading names no year ({headings[0]})"
    return "no review part found"


def add_documents(files: list[Path | str], district: str | None, *, district_zh: str | None = None,
                  genre: str | None = None, date: str | None = None, title: str | None = None,
                  doc_id: str | None = None, scope: str = "whole", speaker: str = "", source: str = "",
                  publisher: str = "", manifest: Path | str = MANIFEST, district_from_folder: bool = False,
                  keep_going: bool = False, per_file: dict[Path, dict[str, str]] | None = None,
                  dry_run: bool = False) -> list[dict[str, str]] | AddResult:
    """Copy ``files`` unchanged into the manifest's folder and append their manifest rows
    (rules in the module docstring). Returns the rows added. Raises CorpusError listing
    every problem; then nothing is written.

    With ``district_from_folder`` (and no ``district``), each file's place is the name of
    its folder (浙江省/2003.md is 浙江省, cn330000), its copy is named ``{district}-{file
    name}`` so that places cannot clash, and ``source`` records the file it came from
    (``file 浙江省/2003.md``) unless given. With ``keep_going``, the files without problems
    are added and the others listed with their reasons (an AddResult); problems of the call
    itself (options, the manifest) still stop it. ``per_file`` (:func:`read_sidecar`) gives
    fields per file that override the call's. With ``dry_run``, the rows are made and checked
    as for a real call, and nothing is copied or written."""
    manifest = Path(manifest)
    folder = manifest.parent
    files = [Path(f) for f in files]
    per_file = {Path(f): fields for f, fields in (per_file or {}).items()}
    problems: list[str] = []
    if not files:
        raise CorpusError(["no files given"])
    if len(files) > 1 and (date or title or doc_id):
        raise CorpusError(["--date, --title and --doc-id describe one document; add the files one at a time "
                           "(or give them per file in a sidecar)"])
    placed = all(per_file.get(f, {}).get("district") for f in files)
    if district_from_folder and district is not None or not (district_from_folder or district is not None or placed):
        raise CorpusError(["give either --district or --district-from-folder"
                           + (", or a district for every file in the sidecar" if per_file else "")])
    if district is not None:
        district, district_zh, place_problems = _place(district, district_zh)
        problems += place_problems
    if genre is not None and not _GENRE.match(genre):
        problems.append(f"--genre {genre!r}: use lower-case letters and underscores (work_report, plan_proposal …)")
    if date is not None:
        problems += _date_problem(date, "--date")
    for path, fields in per_file.items():
        if fields.get("date"):
            problems += _date_problem(fields["date"], f"{display_path(path)}: date")
        if fields.get("genre") and not _GENRE.match(fields["genre"]):
            problems.append(f"{display_path(path)}: genre {fields['genre']!r}: use lower-case letters and underscores")
    if manifest.is_file():
        problems += [f"the manifest has problems; fix them before adding documents: {p}"
                     for p in manifest_problems(manifest, read_files=())]
    if problems:
        raise CorpusError(problems)
    header, rows = manifest_rows(manifest)
    listed_files = {row["file"] for row in rows}
    listed_ids = {row["doc_id"] for row in rows}
    known_zh = {row["district"]: row["district_zh"] for row in rows if row.get("district_zh")}
    texts = _listed_hashes(folder, rows)
    places: dict[str, tuple[str, str | None, list[str]]] = {}
    added: list[AddedDocument] = []
    refused: list[str] = []
    for path in files:
        where = display_path(path)
        file_problems: list[str] = []
        given = per_file.get(path, {})
        if given.get("district"):
            key = (given["district"], given.get("district_zh"))
            if key not in places:
                places[key] = _place(*key)
            place, place_zh, place_problems = places[key]
            if place_problems:
                problems.append(f"{where}: {place_problems[0]}")
                refused.append(problems[-1])
                continue
            name = f"{place}-{path.name}"
            file_source = given.get("source", source)
        elif district_from_folder:
            if path.parent.name not in places:
                places[path.parent.name] = _place(path.parent.name, None)
            place, place_zh, place_problems = places[path.parent.name]
            if place_problems:
                problems.append(f"{where}: its folder {path.parent.name!r} is not a place: {place_problems[0]}")
                refused.append(problems[-1])
                continue
            name = f"{place}-{path.name}"
            file_source = source or f"file {path.parent.name}/{path.name}"
        else:
            place, place_zh, name, file_source = district, district_zh, path.name, source
        place_zh = place_zh if place_zh is not None else known_zh.get(place, "")
        target = folder / name
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            file_problems.append(f"{where}: unsupported file type {path.suffix or '(no suffix)'!r}; "
                                 f"supported: {', '.join(SUPPORTED_SUFFIXES)}")
        elif name in listed_files:
            file_problems.append(f"{where}: a file named {name} is already listed in {display_path(manifest)}")
        elif any(name == other.row["file"] for other in added):
            file_problems.append(f"{where}: another file named {name} is in the same call")
        copy = not (target.exists() and path.exists() and target.resolve() == path.resolve())
        if not file_problems and copy and target.exists():
            file_problems.append(f"{where}: {display_path(target)} already exists (not listed in the manifest); "
                                 "remove it or rename the file")
        explicit_id = given.get("doc_id", doc_id)
        row = None if file_problems else _row(
            path, where, place, place_zh, name, file_source, given.get("genre", genre), given.get("date", date),
            given.get("title", title), explicit_id, given.get("scope", scope), given.get("speaker", speaker),
            given.get("publisher", publisher), file_problems)
        if row is not None and given.get("date"):
            row["date_note"] = f"Date given in the sidecar for {path.name}."
        if row is not None:
            same = texts.get(row["text_sha256"])
            twin = next((other for other in added if other.row["text_sha256"] == row["text_sha256"]), None)
            if same is not None:
                file_problems.append(f"{where}: the same text as {same['doc_id']} ({same['file']}), already in "
                                     f"{display_path(manifest)}; a document is added once")
            elif twin is not None:
                file_problems.append(f"{where}: the same text as {display_path(twin.source)} in the same call")
        if row is not None and not file_problems:
            used = listed_ids | {other.row["doc_id"] for other in added}
            if row["doc_id"] in used and explicit_id:
                clash = [other.source for other in added if other.row["doc_id"] == row["doc_id"]]
                where_else = display_path(clash[0]) if clash else display_path(manifest)
                file_problems.append(f"{where}: doc_id {row['doc_id']!r} is already used (by {where_else})")
            elif row["doc_id"] in used:
                _number_second_document(row, used, path)
        if file_problems:
            problems += file_problems
            refused += file_problems
            continue
        added.append(AddedDocument(path, row, copy))
    if problems and not keep_going:
        raise CorpusError(problems)
    if added and not dry_run:
        new_columns = [c for c in MANIFEST_COLUMNS if c not in header and any(a.row.get(c) for a in added)]
        new_header = _in_manifest_order(header, new_columns) if header else list(MANIFEST_COLUMNS)
        _write(manifest, new_header, rows + [a.row for a in added], added)
    if keep_going:
        return AddResult([a.row for a in added], refused)
    return [a.row for a in added]


def _number_second_document(row: dict[str, str], used: set[str], path: Path) -> None:
    """Give ``row``, whose inferred doc_id is taken by another document of the same place,
    year and genre, the first free id ``{doc_id}-2``, ``-3`` …, and say so in its date_note
    with what its review part says it reviews (:func:`reviewed_year`)."""
    first = row["doc_id"]
    number = 2
    while f"{first}-{number}" in used:
        number += 1
    row["doc_id"] = f"{first}-{number}"
    text = prepare_text(read_document(path)).text
    row["date_note"] = (f"{row['date_note']} Document {number} of {row['district']} in {row['year']} with genre "
                        f"{row['genre']} (the first: {first}); {reviewed_year(text, int(row['year']), row['genre'])}.")


def content_hash(text: str) -> str:
    """SHA-256 (hex) of a document's plain text with every whitespace character removed: the
    same words give the same hash whatever the format (.md, .docx, .html) or line breaks."""
    return hashlib.sha256(re.sub(r"\s+", "", text).encode("utf-8")).hexdigest()


def _listed_hashes(folder: Path, rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    """content hash -> the manifest row holding that text: the row's text_sha256, or, for a
    row written without one, the hash of its file (read once per call)."""
    known = {}
    for row in rows:
        digest = row.get("text_sha256", "")
        if not digest and (folder / row["file"]).is_file():
            try:
                digest = content_hash(prepare_text(read_document(folder / row["file"])).text)
            except DocumentFormatError:
                continue                      # check reports an unreadable listed file; add compares what it can
        if digest:
            known.setdefault(digest, row)
    return known


def _row(path: Path, where: str, district: str, district_zh: str, name: str, source: str, genre: str | None,
         date: str | None, title: str | None, doc_id: str | None, scope: str, speaker: str, publisher: str,
         problems: list[str]) -> dict[str, str] | None:
    """The manifest row of one file, or None with its problems appended to ``problems``."""
    try:
        document = read_document(path)
    except DocumentFormatError as exc:
        problems.append(str(exc))
        return None
    text = prepare_text(document).text
    doc_title = title or document.metadata.get("title", "") or first_heading(document.text)
    if not doc_title:
        problems.append(f"{where}: no title in the file's metadata and no title line first in the text; pass --title")
        return None
    doc_genre = genre or ("work_report" if _WORK_REPORT_TITLE.search(doc_title) else "")
    if not doc_genre:
        problems.append(f"{where}: cannot tell the genre from the title “{doc_title}”; pass --genre")
        return None
    if date:
        doc_date, note, date_problems = date, "Date given when the document was added (--date).", []
    else:
        doc_date, note, date_problems = _date_of(where, text, document.metadata, doc_genre, doc_title, path.name)
    if date_problems:
        problems += date_problems
        return None
    code = GENRE_CODES.get(doc_genre, _slug(doc_genre))
    return {"doc_id": doc_id or f"{_slug(district)}-{doc_date[:4]}-{code}", "file": name, "district": district,
            "district_zh": district_zh, "date": doc_date, "year": doc_date[:4], "genre": doc_genre,
            "title": doc_title, "speaker": speaker, "publisher": publisher or document.metadata.get("publisher", ""),
            "scope": scope, "source": source, "url": document.metadata.get("url", ""),
            "date_precision": "year" if len(doc_date) == 4 else "", "date_note": note, "quality_note": "", "text_quality": "original",
            "text_sha256": content_hash(text)}


def remove_documents(doc_ids: list[str], manifest: Path | str = MANIFEST) -> list[dict[str, str]]:
    """Undo ``add``: drop the rows of ``doc_ids`` from ``manifest`` and delete their files from
    its folder (a file another remaining row lists is kept). Returns the rows removed. A
    doc_id not in the manifest is a CorpusError naming it (with the nearest listed ids);
    then nothing is changed."""
    manifest = Path(manifest)
    header, rows = manifest_rows(manifest)
    if not header:
        raise CorpusError([f"{display_path(manifest)}: manifest not found"])
    listed = [row["doc_id"] for row in rows]
    unknown = [d for d in doc_ids if d not in listed]
    if unknown:
        raise CorpusError([f"{display_path(manifest)}: no document {d!r}"
                           + (f"; did you mean {', '.join(repr(n) for n in near)}?"
                              if (near := difflib.get_close_matches(d, listed, n=3, cutoff=0.8)) else "")
                           for d in unknown])
    removed = [row for row in rows if row["doc_id"] in doc_ids]
    kept = [row for row in rows if row["doc_id"] not in doc_ids]
    still_listed = {row["file"] for row in kept}
    handle, temporary = tempfile.mkstemp(prefix=".manifest-", suffix=".csv", dir=manifest.parent)
    os.close(handle)
    if "text_sha256" in header and not any(row.get("text_sha256") for row in kept):
        header = [c for c in header if c != "text_sha256"]      # the column add brought goes with its last row
    write_manifest(Path(temporary), header, kept)
    os.replace(temporary, manifest)
    for row in removed:
        if row["file"] not in still_listed:
            (manifest.parent / row["file"]).unlink(missing_ok=True)
    return removed


TITLE_MAX_CHARS = 60


def first_heading(text: str) -> str:
    """A document's title line when its metadata has none: the first non-empty line of its
    plain text (a Markdown ``#`` heading or a DOCX Heading 1 once read), if it has at most
    TITLE_MAX_CHARS characters, no sentence end (。！？) and is not a meeting line (——…); else ''."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(line) > TITLE_MAX_CHARS or SENTENCE_END.search(line) or line.startswith(("——", "--")):
        return ""
    return line


def _in_manifest_order(header: list[str], new_columns: list[str]) -> list[str]:
    """The existing ``header`` with each new column placed after the last column that
    precedes it in MANIFEST_COLUMNS."""
    out = list(header)
    for column in new_columns:
        before = MANIFEST_COLUMNS[:MANIFEST_COLUMNS.index(column)] if column in MANIFEST_COLUMNS else []
        anchor = max((out.index(c) for c in before if c in out), default=-1)
        out.insert(anchor + 1, column)
    return out


def _write(manifest: Path, header: list[str], rows: list[dict[str, str]], added: list[AddedDocument]) -> None:
    """Copy the files, write the manifest to a temporary file beside it, validate it, and
    put it in place; on any failure remove what was copied and the temporary file."""
    manifest.parent.mkdir(parents=True, exist_ok=True)
    copied: list[Path] = []
    handle, temporary = tempfile.mkstemp(prefix=".manifest-", suffix=".csv", dir=manifest.parent)
    os.close(handle)
    temporary = Path(temporary)
    try:
        for document in added:
            if document.copy:
                target = manifest.parent / document.row["file"]
                shutil.copyfile(document.source, target)
                copied.append(target)
        write_manifest(temporary, header, rows)
        problems = manifest_problems(temporary, read_files={document.row["file"] for document in added})
        if problems:
            raise CorpusError([p.replace(display_path(temporary), display_path(manifest)) for p in problems])
        os.replace(temporary, manifest)
    except BaseException:
        for path in copied:
            path.unlink(missing_ok=True)
        raise
    finally:
        temporary.unlink(missing_ok=True)
