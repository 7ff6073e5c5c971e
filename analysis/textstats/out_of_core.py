"""Out of core: word counts per group and keyness between two groups of documents, run by
DuckDB over the token partitions of :mod:`analysis.segmentation.partitions`, so a corpus
larger than memory is counted without loading its token table.

DuckDB streams the Parquet files and spills its hash tables to disk past
``memory_limit``; the project adds no layer of its own. The counts equal
:func:`analysis.textstats.frequency.term_frequencies` and
:func:`analysis.textstats.frequency.word_counts` of the in-memory token table, and the
keyness table is :func:`analysis.textstats.comparison.keyness` of those counts (tested).
"""
from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb
import pandas as pd

from ..paths import display_path
from ..segmentation.partitions import PARTITION_SCHEMA
from .comparison import keyness

__all__ = ["DEFAULT_MEMORY_LIMIT", "partition_connection", "partition_word_counts", "partition_group_counts",
           "partition_keyness"]

DEFAULT_MEMORY_LIMIT = "1GB"
"""DuckDB's memory limit for a query; beyond it, hash tables spill to a temporary folder."""

Filter = Mapping[str, object]
"""Column -> value, or -> a list of values: the rows where every column holds its value
(or one of its values), e.g. ``{"district": "Changning", "part_kind": ["review", "plan"]}``."""


def partition_connection(memory_limit: str = DEFAULT_MEMORY_LIMIT, threads: int | None = None,
                         temp_directory: Path | str | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection limited to ``memory_limit``, with ``threads`` threads
    (None: DuckDB's default, every core) and spilling to ``temp_directory`` (default: a
    folder under the system's temporary directory)."""
    spill = Path(temp_directory) if temp_directory is not None else Path(tempfile.gettempdir()) / "analysis-duckdb"
    config = {"memory_limit": memory_limit, "temp_directory": str(spill), "preserve_insertion_order": "false"}
    if threads is not None:
        config["threads"] = threads
    return duckdb.connect(config=config)


def _source(folder: Path | str) -> str:
    """The read_parquet expression over ``folder``'s partitions (a ValueError when none)."""
    folder = Path(folder)
    if not sorted(folder.glob("part-*.parquet")):
        raise ValueError(f"{display_path(folder)}: no token partitions (part-*.parquet); "
                         "write them with segmentation.write_token_partitions")
    return f"read_parquet('{(folder / 'part-*.parquet').as_posix()}')"


def _where(filters: Filter | None) -> tuple[str, list]:
    """SQL conditions (with ? parameters) for ``filters``, always including is_word."""
    clauses, parameters = ["is_word"], []
    for column, value in (filters or {}).items():
        if column not in PARTITION_SCHEMA.names:
            raise ValueError(f"cannot filter on {column!r}: the partitions' columns are "
                             f"{', '.join(PARTITION_SCHEMA.names)}")
        values = list(value) if isinstance(value, (list, tuple, set, frozenset)) else [value]
        if not values:
            raise ValueError(f"filter on {column!r} lists no value")
        clauses.append(f'"{column}" IN ({", ".join("?" * len(values))})')
        parameters += sorted(values) if isinstance(value, (set, frozenset)) else values
    return " AND ".join(clauses), parameters


def partition_word_counts(folder: Path | str, by: Sequence[str] = ("district", "year"), filters: Filter | None = None,
                          out: Path | str | None = None,
                          connection: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame | Path:
    """Word counts per group: the ``by`` columns, term and count = the number of word tokens
    of that term in the group's rows (``filters`` applied), sorted by the groups and term
    (DuckDB's binary collation: code-point order, as Python sorts).

    With ``out`` the table is written there as one Parquet file by DuckDB (never held in
    memory) and the path returned; else it is returned as a DataFrame."""
    by = list(by)
    for column in by:
        if column not in PARTITION_SCHEMA.names:
            raise ValueError(f"cannot group by {column!r}: the partitions' columns are "
                             f"{', '.join(PARTITION_SCHEMA.names)}")
    where, parameters = _where(filters)
    keys = ", ".join(f'"{column}"' for column in by)
    query = (f"SELECT {keys}, token AS term, count(*) AS count FROM {_source(folder)} WHERE {where} "
             f"GROUP BY {keys}, token ORDER BY {keys}, term")
    connection = connection or partition_connection()
    if out is not None:
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        connection.execute(f"COPY ({query}) TO '{out.as_posix()}' (FORMAT parquet, COMPRESSION zstd)", parameters)
        return out
    table = connection.execute(query, parameters).df()
    table["count"] = table["count"].astype("int64")
    return table


def partition_group_counts(folder: Path | str, filters: Filter | None = None,
                           connection: duckdb.DuckDBPyConnection | None = None) -> dict[str, int]:
    """term -> word-token count over the rows that ``filters`` select, terms in sorted
    order (for :func:`analysis.textstats.comparison.keyness`)."""
    where, parameters = _where(filters)
    connection = connection or partition_connection()
    rows = connection.execute(f"SELECT token, count(*) FROM {_source(folder)} WHERE {where} GROUP BY token",
                              parameters).fetchall()
    return {term: int(count) for term, count in sorted(rows)}


def partition_keyness(folder: Path | str, target: Filter, reference: Filter, min_freq: int = 1,
                      connection: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """:func:`analysis.textstats.comparison.keyness` of the documents ``target`` selects against
    those ``reference`` selects, both counted out of core. The groups must not overlap and
    neither may be empty (a ValueError says which)."""
    connection = connection or partition_connection()
    counts = {}
    for side, filters in (("target", target), ("reference", reference)):
        counts[side] = partition_group_counts(folder, filters, connection)
        if not counts[side]:
            raise ValueError(f"the {side} group {dict(filters)} selects no word token in {display_path(Path(folder))}")
    where_target, p_target = _where(target)
    where_reference, p_reference = _where(reference)
    overlap = connection.execute(f"SELECT count(*) FROM {_source(folder)} WHERE ({where_target}) AND ({where_reference})",
                                 p_target + p_reference).fetchone()[0]
    if overlap:
        raise ValueError(f"the target {dict(target)} and reference {dict(reference)} groups share {overlap} word tokens")
    return keyness(counts["target"], counts["reference"], min_freq=min_freq)
