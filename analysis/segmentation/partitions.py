"""Token partitions: the token table of a corpus too large for memory, written as a folder
of Parquet files, one per batch of documents, by worker processes.

The main process reads only the manifest. Each worker reads its batch's files, cleans
them and splits their paragraphs exactly as :func:`analysis.prepare.prepare` does,
segments them (:func:`analysis.segmentation.token_table.segment_paragraphs`) and writes
``part-NNNNN.parquet`` itself, so no token crosses between processes and a worker holds
one batch at a time: its memory is bounded by the batch, not by the corpus. Partitions
are numbered in manifest order and rows keep document, paragraph and token order, so the
folder is the same on every run. :mod:`analysis.textstats.out_of_core` queries it with
DuckDB.
"""
from __future__ import annotations

import gc
import resource
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .._internal.parallel import ordered_map
from ..documents.corpus import prepare_text, read_document_file, read_manifest
from ..documents.structure import paragraphs
from ..paths import display_path
from .token_table import segment_paragraphs
from .tokens import tokenizer

__all__ = ["PARTITION_SCHEMA", "PartitionSummary", "write_token_partitions"]

PARTITION_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("district", pa.string()), ("year", pa.int16()), ("genre", pa.string()),
    ("para_no", pa.int32()), ("kind", pa.string()), ("part_kind", pa.string()),
    ("position", pa.int32()), ("token", pa.string()), ("is_word", pa.bool_()),
])
"""Columns of every partition: the document's doc_id, district, year and genre, the
paragraph's number, kind and part kind (null outside parts), the token's position in its
paragraph, the token and whether it is a word (:func:`analysis.segmentation.tokens.is_word`)."""

_DOCUMENT_COLUMNS = ("doc_id", "district", "year", "genre", "file")


@dataclass(frozen=True)
class PartitionSummary:
    """What :func:`write_token_partitions` wrote: the partition files in order, the
    documents and tokens they hold, and the largest resident set size (MiB) any worker
    reached (the process's own when one worker ran)."""

    files: tuple[Path, ...]
    documents: int
    tokens: int
    peak_worker_mib: float


def _peak_rss_mib() -> float:
    """This process's maximum resident set size so far, in MiB (ru_maxrss is KiB on Linux,
    bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _write_partition(task: tuple[Path, Path, list[dict]]) -> tuple[int, int, float]:
    """Read, clean, split and segment one batch of manifest rows and write it to ``path``;
    (documents, tokens, this worker's peak RSS in MiB)."""
    path, folder, rows = task
    batch = pd.DataFrame(rows, columns=list(_DOCUMENT_COLUMNS))
    batch["text"] = [prepare_text(read_document_file(folder / name)).text for name in batch["file"]]
    paras = paragraphs(batch)
    groups = dict(tuple(paras.groupby("doc_id", sort=False)))
    tables = []
    for document in batch.itertuples(index=False):
        if document.doc_id not in groups:                 # a text with no paragraph has no token
            continue
        group = groups[document.doc_id]
        segmented = segment_paragraphs(list(zip(group["para_no"].tolist(), group["text"].tolist())))
        row_of = pd.Index(group["para_no"]).get_indexer(segmented.column("para_no").to_numpy())
        n = segmented.num_rows
        tables.append(pa.table({
            "doc_id": pa.repeat(pa.scalar(document.doc_id, pa.string()), n),
            "district": pa.repeat(pa.scalar(document.district, pa.string()), n),
            "year": pa.repeat(pa.scalar(int(document.year), pa.int16()), n),
            "genre": pa.repeat(pa.scalar(document.genre, pa.string()), n),
            "para_no": segmented.column("para_no"),
            "kind": pa.array(group["kind"].to_numpy()[row_of], pa.string()),
            "part_kind": pa.array(group["part_kind"].astype(object).where(group["part_kind"].notna(), None)
                                  .to_numpy()[row_of], pa.string()),
            "position": segmented.column("position"),
            "token": segmented.column("token"),
            "is_word": segmented.column("is_word"),
        }, schema=PARTITION_SCHEMA))
    table = pa.concat_tables(tables) if tables else PARTITION_SCHEMA.empty_table()
    pq.write_table(table, path, compression="zstd")
    tokens = table.num_rows
    del table, tables, paras, batch
    gc.collect()
    return len(rows), tokens, _peak_rss_mib()


def _start_partition_worker() -> None:
    """Run once in each worker: build the tokenizer (jieba with the lexicon)."""
    tokenizer()


def write_token_partitions(manifest: Path | str, out_dir: Path | str, batch_documents: int = 100,
                           workers: int | None = 1) -> PartitionSummary:
    """Write the token table of every document of ``manifest`` to ``out_dir`` as
    ``part-00000.parquet``, ``part-00001.parquet`` …, ``batch_documents`` documents each in
    manifest order (:data:`PARTITION_SCHEMA`), in ``workers`` processes (None = every core).

    The manifest is validated first without reading the files (each file must exist); a
    file that cannot be read stops the run with a CorpusError naming it. ``out_dir`` must
    not hold partitions already (a ValueError names it), so that no stale file is queried."""
    manifest, out_dir = Path(manifest), Path(out_dir)
    if batch_documents < 1:
        raise ValueError(f"batch_documents must be at least 1, not {batch_documents}")
    if out_dir.is_dir() and any(out_dir.glob("part-*.parquet")):
        raise ValueError(f"{display_path(out_dir)} already holds token partitions: write to an empty folder")
    table = read_manifest(manifest, read_files=())
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = table[list(_DOCUMENT_COLUMNS)].to_dict("records")
    tasks = [(out_dir / f"part-{i // batch_documents:05d}.parquet", manifest.parent, rows[i:i + batch_documents])
             for i in range(0, len(rows), batch_documents)]
    results = list(ordered_map(_write_partition, tasks, workers, chunks_per_worker=max(1, len(tasks)),
                               initializer=_start_partition_worker))     # one batch per task
    return PartitionSummary(files=tuple(path for path, _, _ in tasks), documents=sum(r[0] for r in results),
                            tokens=sum(r[1] for r in results), peak_worker_mib=max((r[2] for r in results), default=0.0))
