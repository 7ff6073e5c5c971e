"""Export: the analysis tables a researcher takes to Excel, Stata or R, each described
column by column in a data dictionary (``python -m analysis export --format
xlsx|csv|parquet OUT_DIR``).

Tables (:func:`analysis_tables`): documents (manifest, format, sizes), paragraphs with
their structure, tokens, frequencies per document, keyness per design (G², Log Ratio,
adjusted p; the designs of notebook 03 by default), theme hits, concordance lines of the
terms asked for, the quantities, target–outcome pairs and unmatched main targets of
notebook 04, and notebook 05's government × year table of every measure and growth targets. The dictionary
(``analysis/data/export_dictionary.tsv``: table, column, meaning, unit) must describe every
column written; a column it lacks is an error, not an undocumented column.

Formats: ``csv`` and ``parquet`` write one file per table plus ``data_dictionary``;
``xlsx`` writes one workbook, ``analysis_tables.xlsx``: the dictionary's sheet first, then a
sheet per table, each with a frozen header row, filters, columns fitted to their content (at
most MAX_COLUMN_WIDTH characters, longer text wrapped) and dates as Excel dates (a table longer
than an Excel sheet is an error that says to use csv or parquet). Floats in CSV at 6 significant digits; the workbook's zip entries and document
properties carry a fixed date, so the same tables give the same bytes.
"""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..documents.corpus import document_labels
from ..documents.districts import district_names
from ..paths import DATA_DIR, display_path
from .._internal.rounding import write_csv
from ..dictionaries import instruments, themes
from ..models import panel
from ..extract import kwic, quantities, targets
from ..textstats.frequency import document_sizes, term_frequencies, word_counts
from ..textstats.comparison import keyness

__all__ = ["FORMATS", "EXCEL_MAX_ROWS", "MAX_COLUMN_WIDTH", "WRAP_MAX_ROWS", "DICTIONARY_FILE", "DEFAULT_DESIGNS",
           "side_label", "display_width", "read_dictionary", "analysis_tables",
           "data_dictionary", "write_tables"]

FORMATS = ("csv", "parquet", "xlsx")
EXCEL_MAX_ROWS = 1_048_576
"""Rows of an Excel sheet, the header included."""
DICTIONARY_FILE = DATA_DIR / "export_dictionary.tsv"
DEFAULT_DESIGNS = {
    "main": ("doc_id == 'cn-2018-wr'", "doc_id == 'xh-2019-wr'"),
    "same year": ("doc_id == 'cn-2018-wr' and part_kind == 'plan'", "doc_id == 'xh-2019-wr' and part_kind == 'review'"),
    "sensitivity": ("district == 'Changning'", "district == 'Xuhui'"),
}
"""Notebook 03's designs on the seeds: name -> (target query, reference query) on the tokens."""
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)
MAX_COLUMN_WIDTH = 60
"""The widest a workbook column is fitted (in characters, a CJK character counting two)."""
WRAP_MAX_ROWS = 20_000
"""Sheets up to this many rows have their over-wide text wrapped (per-cell styling is slow)."""


def read_dictionary(path: Path = DICTIONARY_FILE) -> pd.DataFrame:
    """The data dictionary (table, column, meaning, unit), checked: those columns, a meaning
    on every row, no (table, column) twice; a ValueError names the file and line."""
    table = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    where = display_path(path)
    missing = [c for c in ("table", "column", "meaning", "unit") if c not in table.columns]
    if missing:
        raise ValueError(f"{where}: missing column(s): {', '.join(missing)}")
    for line, (name, column, meaning) in enumerate(zip(table["table"], table["column"], table["meaning"]), 2):
        if not name.strip() or not column.strip() or not meaning.strip():
            raise ValueError(f"{where} line {line}: table, column and meaning must not be empty")
    doubled = table[table.duplicated(["table", "column"])]
    if len(doubled):
        first = doubled.index[0] + 2
        raise ValueError(f"{where} line {first}: {doubled.iloc[0]['table']}.{doubled.iloc[0]['column']} is listed twice")
    return table


_PART_LABELS = {"review": "回顾 review part", "plan": "任务 plan part", "other": "其他 other parts"}
_CONDITION = re.compile(r"(\w+)\s*==\s*['\"]([^'\"]*)['\"]")


def side_label(query: str, corpus: pd.DataFrame) -> str:
    """A reader's label for a side of a keyness design: each ``column == 'value'`` condition of
    its pandas query named (doc_id by its document label and id, district by its name, part_kind
    by the part), joined by " · "; the query itself when it has another form."""
    conditions = _CONDITION.findall(query)
    rest = _CONDITION.sub("", query).replace("and", "").strip(" ()")
    if not conditions or rest:
        return query
    labels, places = document_labels(corpus), district_names()
    named = []
    for column, value in conditions:
        if column == "doc_id":
            named.append(f"{labels.get(value, value)} ({value})")
        elif column == "district":
            named.append(places.get(value, value))
        elif column == "part_kind":
            named.append(_PART_LABELS.get(value, value))
        else:
            named.append(f"{column} {value}")
    return " · ".join(named)


def _keyness_tables(tokens: pd.DataFrame, designs: dict[str, tuple[str, str]], min_freq: int,
                    corpus: pd.DataFrame) -> pd.DataFrame:
    tables = []
    for design, (target, reference) in designs.items():
        sides = []
        for query in (target, reference):
            try:
                side = tokens.query(query)
            except Exception as exc:            # pandas raises many kinds for a bad query
                raise ValueError(f"design {design!r}: the query {query!r} cannot be run on the token table "
                                 f"({type(exc).__name__}: {exc})") from exc
            if not side["is_word"].any():
                raise ValueError(f"design {design!r}: the query {query!r} selects no word token")
            sides.append(side)
        table = keyness(word_counts(sides[0]), word_counts(sides[1]), min_freq)
        tables.append(table.assign(design=design, target=target, reference=reference,
                                   target_label=side_label(target, corpus), reference_label=side_label(reference, corpus)))
    columns = ["design", "target", "reference", "target_label", "reference_label", "term", "freq_target", "freq_reference", "rate_target",
               "rate_reference", "g2", "log_ratio", "p_value", "p_adjusted"]
    return pd.concat(tables, ignore_index=True)[columns] if tables else pd.DataFrame(columns=columns)


def analysis_tables(corpus: pd.DataFrame, paragraph_table: pd.DataFrame, tokens: pd.DataFrame,
                    designs: dict[str, tuple[str, str]], terms: Sequence[str] = (), min_freq: int = 5,
                    window: int = 15) -> dict[str, pd.DataFrame]:
    """The export tables, in order (module docstring), from :func:`analysis.prepare`'s
    corpus, paragraphs and annotated tokens. Keyness per design of ``designs`` (name ->
    pandas queries on the tokens for target and reference), terms seen ``min_freq`` times;
    concordance lines (``window`` characters each side) only when ``terms`` are given."""
    dictionary = themes.read_themes()
    sizes = document_sizes(corpus, tokens).set_index("doc_id")
    documents = corpus.drop(columns=["raw_text", "text", "appended", "audit_rows"]).assign(
        date=corpus["date"].dt.strftime("%Y-%m-%d").where(corpus["date_precision"] != "year", corpus["year"].astype(str)),
        chars_clean=corpus["text"].str.len(),
        chars_appended=corpus["appended"].str.len(),
        word_tokens=corpus["doc_id"].map(sizes["word_tokens"]).fillna(0).astype(int))
    hits = themes.theme_hits(tokens, dictionary)
    tables = {
        "documents": documents,
        "paragraphs": paragraph_table,
        "tokens": tokens[["doc_id", "para_no", "position", "start", "token", "is_word", "kind", "part_kind",
                          "section_no"]],
        "frequencies": term_frequencies(tokens, "doc_id"),
        "keyness": _keyness_tables(tokens, designs, min_freq, corpus),
        "theme_hits": hits[["doc_id", "para_no", "position", "theme", "keyword", "n_tokens", "part_kind", "section_no"]],
    }
    if terms:
        tables["concordance"] = kwic.concordance(tokens, paragraph_table, list(terms), window)
    tables["quantities"] = quantities.extract_quantities(paragraph_table, dictionary)
    checked = targets.target_outcomes(tables["quantities"], corpus, paragraph_table)
    tables["target_outcomes"] = checked.pairs
    tables["unmatched_main_targets"] = checked.unmatched
    uses = instruments.sentence_instruments(tokens, paragraph_table, instruments.read_instruments(), dictionary)
    measures = panel.document_measures(corpus, tokens, paragraph_table, hits, tables["quantities"], uses, dictionary)
    tables["government_year_measures"] = panel.government_year_measures(measures)
    tables["growth_targets"] = targets.growth_targets(checked, corpus)
    return {name: table.reset_index(drop=True) for name, table in tables.items()}


def data_dictionary(tables: dict[str, pd.DataFrame], dictionary: pd.DataFrame | None = None) -> pd.DataFrame:
    """The dictionary's rows for every column of every table, in table and column order. A
    ValueError lists the columns the dictionary does not describe."""
    dictionary = read_dictionary() if dictionary is None else dictionary
    described = dictionary.set_index(["table", "column"])
    keys = [(name, column) for name, table in tables.items() for column in table.columns]
    missing = [f"{name}.{column}" for name, column in keys if (name, column) not in described.index]
    if missing:
        raise ValueError(f"{display_path(DICTIONARY_FILE)} does not describe: {', '.join(missing)}")
    return described.loc[keys].reset_index()


def _stable_xlsx(path: Path) -> None:
    """Rewrite the workbook with a fixed date on every zip entry and in its document
    properties (created, modified), so the same tables give the same bytes."""
    entries = []
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            data = archive.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                              rb"\g<1>1980-01-01T00:00:00Z\g<3>", data)
            entries.append((info.filename, data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    path.write_bytes(buffer.getvalue())


def display_width(text: str) -> int:
    """Characters as a spreadsheet shows them: a wide or full-width character (CJK) counts two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _format_sheet(sheet, table: pd.DataFrame) -> None:
    """Freeze the header, add filters, fit each column to its header and first 200 values
    (MAX_COLUMN_WIDTH at most; longer text wrapped on sheets of up to WRAP_MAX_ROWS rows)."""
    from openpyxl.styles import Alignment  # optional import: openpyxl serves only the workbook
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = "A2"
    if len(table.columns):
        sheet.auto_filter.ref = sheet.dimensions
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, column in enumerate(table.columns, 1):
        values = ["" if pd.isna(v) else str(v) for v in table[column].head(200)]
        width = max([display_width(str(column)), *map(display_width, values)]) + 2
        letter = get_column_letter(number)
        sheet.column_dimensions[letter].width = min(width, MAX_COLUMN_WIDTH)
        if width > MAX_COLUMN_WIDTH and len(table) <= WRAP_MAX_ROWS:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=number, max_col=number):
                cell.alignment = wrap


def _with_excel_dates(table: pd.DataFrame) -> pd.DataFrame:
    """The ``date`` column of the documents table as dates where it gives a day (YYYY-MM-DD);
    a year-only date stays text."""
    if "date" not in table.columns:
        return table
    days = pd.to_datetime(table["date"].where(table["date"].astype(str).str.fullmatch(r"\d{4}-\d{2}-\d{2}")),
                          format="%Y-%m-%d")
    return table.assign(date=[d if not pd.isna(d) else v for d, v in zip(days, table["date"])])


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path | str, fmt: str) -> list[Path]:
    """Write ``tables`` and their :func:`data_dictionary` to ``out_dir`` in ``fmt``
    (FORMATS); returns the paths written. Errors: an unknown format, a column the dictionary
    does not describe, a table too long for an Excel sheet."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    described = data_dictionary(tables)
    out_dir = Path(out_dir)
    everything = {"data_dictionary": described, **tables}
    if fmt == "xlsx":
        too_long = {n: len(t) for n, t in everything.items() if len(t) + 1 > EXCEL_MAX_ROWS}
        if too_long:
            raise ValueError("too many rows for an Excel sheet (1,048,576 with the header): "
                             + ", ".join(f"{n} has {r:,}" for n, r in too_long.items()) + "; use --format csv or parquet")
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        path = out_dir / "analysis_tables.xlsx"
        with pd.ExcelWriter(path, engine="openpyxl", date_format="YYYY-MM-DD", datetime_format="YYYY-MM-DD") as writer:
            for name, table in everything.items():
                table = _with_excel_dates(table) if name == "documents" else table
                table.to_excel(writer, sheet_name=name, index=False)
                _format_sheet(writer.sheets[name], table)
        _stable_xlsx(path)
        return [path]
    paths = []
    for name, table in everything.items():
        path = out_dir / f"{name}.{fmt}"
        if fmt == "csv":
            write_csv(table, path)
        else:
            table.to_parquet(path, index=False)
        paths.append(path)
    return paths
