"""The token table: one row per token of every paragraph, segmented in worker processes or on a
Dask cluster and cached per document as Parquet, keyed by the text and a fingerprint of
everything segmentation depends on; and the table annotated with each token's paragraph,
part and document.
"""
from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import importlib.metadata
import os
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from tqdm import tqdm

from .._internal.parallel import ordered_map
from ..paths import CACHE_DIR, display_path
from . import segmenter, tokens
from .lexicon import LEXICON_FILE
from .stop_words import PROJECT_STOPWORDS_FILE
from .tokens import CacheWarning, is_word, tokenizer, usable_cache_dir

__all__ = ["segment_paragraphs", "corpus_tokens", "segmentation_fingerprint", "annotate_tokens", "stack_groups"]


TOKEN_CACHE_DIR = CACHE_DIR / "tokens"


TOKEN_TABLE_VERSION = "2"
"""Bump when the rules that build a token table change, so cached tables are rebuilt."""


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@functools.lru_cache(maxsize=None)
def segmentation_fingerprint(lexicon: Path = LEXICON_FILE, stopword_file: Path = PROJECT_STOPWORDS_FILE) -> str:
    """What a cached token table depends on besides its text: the token-table rules
    (TOKEN_TABLE_VERSION; the source of this module, of analysis.segmentation.tokens and of
    the segmenter), jieba's and stopwords-iso's versions, and the contents of the lexicon and
    the project stop-word list."""
    parts = [TOKEN_TABLE_VERSION, _file_digest(Path(__file__)), _file_digest(Path(tokens.__file__)),
             _file_digest(Path(segmenter.__file__)),
             importlib.metadata.version("jieba"),
             importlib.metadata.version("stopwordsiso"), _file_digest(lexicon), _file_digest(stopword_file)]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


_ARROW_SCHEMA = pa.schema([("para_no", pa.int32()), ("position", pa.int32()), ("start", pa.int32()),
                           ("token", pa.string()), ("is_word", pa.bool_())])


def segment_paragraphs(paragraphs: list[tuple[int, str]]) -> pa.Table:
    """The token table of one document (without doc_id) from its (para_no, text) pairs.

    The paragraphs are segmented in one call, joined by line breaks: jieba never joins
    anything across a line break (it is a token of its own), so this gives exactly the
    tokens of segmenting each paragraph alone, with one call's overhead instead of one per
    paragraph. Positions and character offsets (running sums of token lengths) restart
    after each line break; white space is dropped and :func:`is_word` applied once per
    distinct token, all over one Arrow array.
    """
    for para_no, text in paragraphs:
        if "\n" in text:
            raise ValueError(f"paragraph {para_no} contains a line break; a paragraph is one line "
                             "(see analysis.paragraphs)")
    encoded = pa.array(tokenizer().lcut("\n".join(text for _, text in paragraphs), HMM=True),
                       pa.string()).dictionary_encode()
    distinct = encoded.dictionary.to_pylist()
    codes = encoded.indices.to_numpy()
    breaks = np.array([token == "\n" for token in distinct], dtype=bool)[codes]
    paragraph_of = np.cumsum(breaks) - breaks                     # a break belongs to the paragraph it ends
    first = np.r_[0, np.flatnonzero(breaks) + 1][paragraph_of]    # index of each paragraph's first token
    lengths = pc.utf8_length(encoded.dictionary).to_numpy()[codes]
    offsets = np.cumsum(lengths) - lengths
    keep = ~np.array([token.isspace() for token in distinct], dtype=bool)[codes]
    flags = np.array([is_word(token) for token in distinct], dtype=bool)[codes]
    columns = [np.array([p for p, _ in paragraphs], dtype=np.int32)[paragraph_of],
               (np.arange(len(codes)) - first).astype(np.int32), (offsets - offsets[first]).astype(np.int32)]
    return pa.Table.from_arrays(
        [pa.array(c[keep]) for c in columns] + [pa.array(distinct, pa.string()).take(codes[keep]),
                                                pa.array(flags[keep])], schema=_ARROW_SCHEMA)


@contextlib.contextmanager
def _cyclic_gc_paused():
    """Pause Python's cyclic garbage collector: segmentation allocates millions of token
    strings without cycles, and repeated full collections over them cost about a tenth of
    the run on a large corpus. Reference counting still frees memory as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def _system_memory_pool():
    """Arrow allocates from the C library's allocator while the token table is read and built:
    its default pool (mimalloc) keeps the pages of the per-document tables after they are
    freed, which held about 300 MiB more at the peak on 1,200 reports. The previous pool is
    restored afterwards."""
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


def _prepare_segmentation_worker() -> None:
    """Run once in each segmentation worker: build the tokenizer and pause the cyclic
    garbage collector (the worker only segments, see :func:`_cyclic_gc_paused`)."""
    gc.disable()
    tokenizer()


def _read_cached(path: Path) -> pa.Table | None:
    """The token table cached at ``path``; None when there is none, or when the file cannot
    be read (truncated, empty, not Parquet, wrong columns): then it is removed, with a
    CacheWarning, and the document is segmented again."""
    if not path.is_file():
        return None
    try:
        return pq.read_table(path, schema=_ARROW_SCHEMA)
    except (OSError, pa.ArrowException, ValueError) as error:
        reason = str(error).replace(str(path), display_path(path))        # no absolute path in messages
        warnings.warn(f"token cache file {display_path(path)} cannot be read ({reason}); it is removed and "
                      "rebuilt", CacheWarning, stacklevel=3)
        path.unlink(missing_ok=True)
        return None


STALE_TEMPORARY_SECONDS = 3600
"""A temporary cache file older than this was left by a run that was killed; it is removed."""


def _write_cached(table: pa.Table, path: Path) -> bool:
    """Write ``table`` to ``path`` through a temporary file in the same folder and an atomic
    rename, so a run killed midway leaves at most a ``*.tmp`` file, which no reader opens
    (and which is removed once stale). False, with a CacheWarning, when it cannot be written."""
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        pq.write_table(table, partial)
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        warnings.warn(f"token cache file {display_path(path)} cannot be written ({error.strerror or error}); "
                      "running without the cache", CacheWarning, stacklevel=3)
        return False
    now = time.time()
    for stale in path.parent.glob("*.tmp"):
        with contextlib.suppress(OSError):
            if now - stale.stat().st_mtime > STALE_TEMPORARY_SECONDS:
                stale.unlink()
    return True


def _cache_path(paragraphs: list[tuple[int, str]]) -> Path:
    digest = hashlib.sha256(segmentation_fingerprint().encode())
    for para_no, text in paragraphs:
        digest.update(f"{para_no}\t{text}\n".encode())
    return TOKEN_CACHE_DIR / f"{digest.hexdigest()}.parquet"


def corpus_tokens(paragraph_table: pd.DataFrame, cache: bool = True, workers: int | None = 1,
                  progress: bool = False,
                  mapper: Callable[[Callable, list], Iterable] | None = None) -> pd.DataFrame:
    """One row per token of every paragraph: doc_id (categorical, its categories the doc_ids
    sorted, so that it sorts as text does and costs 4 bytes a token), para_no, position
    (0-based token index in the paragraph), start (character offset in the paragraph), token
    and is_word.
    White-space tokens are left out (they carry nothing and paragraphs are already split).

    With ``cache``, each document's table is read from, or written to, a Parquet file in
    ``.cache/tokens/`` named by a hash of its paragraphs and :func:`segmentation_fingerprint`,
    so a warm run skips segmentation and a change of text, lexicon, stop words or jieba
    version rebuilds exactly the tables it affects. A cache file that cannot be read is
    removed and rebuilt, and a cache folder that cannot be written is left out, each with
    a CacheWarning; the tokens are the same either way. ``workers`` > 1 (None = every core)
    segments documents in that many worker processes, each building the same private
    tokenizer and lexicon once (:func:`analysis._internal.parallel.ordered_map`); ``progress``
    shows a progress bar (leave it off in notebooks compared by nbval). With ``mapper``,
    documents are segmented by ``mapper(segment_paragraphs, documents)``, which must give
    the results in order, instead: on a Dask cluster, :func:`analysis.segmentation.cluster.cluster_mapper`;
    the table is the same.
    """
    with _system_memory_pool():
        return _corpus_tokens(paragraph_table, cache, workers, progress, mapper)


def _corpus_tokens(paragraph_table: pd.DataFrame, cache: bool, workers: int | None, progress: bool,
                   mapper: Callable[[Callable, list], Iterable] | None) -> pd.DataFrame:
    documents = [(doc_id, list(zip(group["para_no"].tolist(), group["text"].tolist())))
                 for doc_id, group in paragraph_table.groupby("doc_id", sort=False)]
    cache = cache and usable_cache_dir(TOKEN_CACHE_DIR)
    tables: dict[str, pa.Table] = {}
    todo = []
    for doc_id, paragraphs in documents:
        path = _cache_path(paragraphs) if cache else None
        table = _read_cached(path) if path is not None else None
        if table is not None:
            tables[doc_id] = table
        else:
            todo.append((doc_id, paragraphs, path))
    writable = cache
    with _cyclic_gc_paused():
        if mapper is not None:
            segmented = mapper(segment_paragraphs, [paragraphs for _, paragraphs, _ in todo])
        else:
            segmented = ordered_map(segment_paragraphs, [paragraphs for _, paragraphs, _ in todo], workers,
                                    initializer=_prepare_segmentation_worker)
        for (doc_id, _, path), table in zip(todo, tqdm(segmented, total=len(todo), disable=not progress,
                                                        desc="segmenting", unit="doc")):
            tables[doc_id] = table                # written to the cache while the workers segment the next
            if writable and path is not None:
                writable = _write_cached(table, path)
    names = sorted(doc_id for doc_id, _ in documents)
    dictionary, code_of = pa.array(names, pa.string()), {doc_id: code for code, doc_id in enumerate(names)}
    parts = [tables[doc_id].add_column(0, "doc_id", pa.DictionaryArray.from_arrays(
                 pa.array(np.full(tables[doc_id].num_rows, code_of[doc_id], dtype=np.int32)), dictionary))
             for doc_id, _ in documents]
    schema = pa.schema([("doc_id", pa.dictionary(pa.int32(), pa.string())), *_ARROW_SCHEMA])
    if not parts:
        return schema.empty_table().to_pandas()
    whole = pa.concat_tables(parts)
    del parts, tables
    frame = whole.to_pandas(split_blocks=True, self_destruct=True)     # arrow buffers freed as converted
    del whole
    return frame


def _compact(column: pd.Series) -> pd.Series | pd.api.extensions.ExtensionArray:
    """A column stored small: text as a categorical (categories sorted, so it sorts as text
    does), part and section numbers as Int16, integers within ±32,767 (years) as int16;
    other columns unchanged."""
    if column.dtype == object or pd.api.types.is_string_dtype(column.dtype):
        return pd.Categorical(column)
    if isinstance(column.dtype, pd.Int64Dtype):
        return column.astype("Int16")
    if column.dtype == np.int64 and len(column) and -2**15 <= column.min() and column.max() < 2**15:
        return column.astype(np.int16)
    return column


def annotate_tokens(tokens: pd.DataFrame, paragraph_table: pd.DataFrame, corpus: pd.DataFrame,
                    columns: tuple[str, ...] = ("district", "year", "genre")) -> pd.DataFrame:
    """``tokens`` with each token's paragraph kind, part and section (kind, part_kind, part_no,
    section_no, section_title, from ``paragraph_table``) and the document's ``columns`` from
    ``corpus``; NA where a token's paragraph or document is not in them.

    The table is compact (49 bytes a token on the provincial work reports, against 195 with merges): doc_id and every text
    column categorical, part and section numbers Int16, para_no, position and start int32.
    Each token finds its paragraph row by binary search on (doc_id, para_no), so no merge
    copies the table."""
    out = tokens.copy(deep=False)
    out["doc_id"] = pd.Categorical(out["doc_id"])
    doc_ids = out["doc_id"].cat.categories
    token_doc = out["doc_id"].cat.codes.to_numpy()
    structure = paragraph_table[["doc_id", "para_no", "kind", "part_kind", "part_no", "section_no", "section_title"]]
    width = int(max(structure["para_no"].max(), out["para_no"].max() if len(out) else 0, 0)) + 1
    paragraph_key = doc_ids.get_indexer(structure["doc_id"]).astype(np.int64) * width + structure["para_no"].to_numpy()
    token_para = out["para_no"].to_numpy()
    rows = np.empty(len(out), dtype=np.int32)
    lookup = _row_lookup(paragraph_key)
    for start in range(0, len(out), _CHUNK):                   # in chunks: int64 keys of every token at once cost 8 bytes each
        end = start + _CHUNK
        rows[start:end] = lookup(token_doc[start:end].astype(np.int64) * width + token_para[start:end])
    _put(out, structure.drop(columns=["doc_id", "para_no"]), rows)
    documents = corpus[["doc_id", *columns]]
    rows = _row_lookup(doc_ids.get_indexer(documents["doc_id"]).astype(np.int64))(np.arange(len(doc_ids)))[token_doc]
    _put(out, documents.drop(columns=["doc_id"]), rows)
    return out


_CHUNK = 1 << 20


def _row_lookup(source_key: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    """A function giving, for each of an array of keys, the row of ``source_key`` that equals
    it (int32; -1 where none does, or where the source key is negative). A ValueError when a
    key is listed twice in the source."""
    valid = source_key >= 0
    order = np.argsort(source_key[valid], kind="stable")
    sorted_keys = source_key[valid][order]
    if len(sorted_keys) != len(np.unique(sorted_keys)):
        raise ValueError("annotate_tokens: a paragraph (doc_id, para_no) or document is listed twice")
    rows_of_sorted = np.flatnonzero(valid)[order].astype(np.int32)

    def rows_of(key: np.ndarray) -> np.ndarray:
        if not len(sorted_keys):
            return np.full(len(key), -1, dtype=np.int32)
        at = np.minimum(np.searchsorted(sorted_keys, key), len(sorted_keys) - 1)
        rows = rows_of_sorted[at]
        rows[sorted_keys[at] != key] = -1
        return rows

    return rows_of


def _put(out: pd.DataFrame, source: pd.DataFrame, rows: np.ndarray) -> None:
    """Add ``source``'s columns to ``out``: row i takes source row ``rows[i]`` (NA where it
    is -1), each column compacted."""
    found = rows >= 0
    taken_rows = np.maximum(rows, 0)
    for name in source.columns:
        column = _compact(source[name].reset_index(drop=True))
        if isinstance(column, pd.Categorical):
            codes = column.codes[taken_rows]
            codes[~found] = -1
            out[name] = pd.Categorical.from_codes(codes, dtype=column.dtype)
        else:
            taken = column.take(taken_rows).reset_index(drop=True)
            out[name] = (taken if found.all() else taken.where(pd.Series(found))).array


def stack_groups(table: pd.DataFrame, queries: dict[str, str], column: str = "group") -> pd.DataFrame:
    """Rows of ``table`` selected by each pandas query in ``queries`` (name -> query),
    stacked with the name in ``column``; a row may belong to several groups. Works on
    token and hit tables alike, so both can be grouped the same way."""
    return pd.concat([table.query(query).assign(**{column: name}) for name, query in queries.items()],
                     ignore_index=True)
