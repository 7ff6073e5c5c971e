"""Token partitions written by worker processes: the same tokens as the in-memory token
table, the same files whatever the workers, and clear errors."""
from __future__ import annotations

import pyarrow.parquet as pq
import pytest

import analysis
from analysis import segmentation
from analysis.documents import CorpusError
from analysis.paths import MANIFEST

from toy_corpora import GOOD_TEXT, make_corpus, row


@pytest.fixture(scope="module")
def seed_partitions(tmp_path_factory):
    folder = tmp_path_factory.mktemp("partitions")
    return segmentation.write_token_partitions(MANIFEST, folder, batch_documents=2), folder


def test_partitions_hold_the_in_memory_token_table(seed_partitions, corpus, paras):
    summary, folder = seed_partitions
    assert [path.name for path in summary.files] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    table = pq.ParquetDataset(sorted(folder.glob("part-*.parquet"))).read().to_pandas()
    assert list(table.columns) == segmentation.PARTITION_SCHEMA.names
    tokens = analysis.annotate_tokens(analysis.corpus_tokens(paras, cache=False), paras, corpus)
    assert summary.documents == len(corpus) and summary.tokens == len(tokens) == len(table)
    for column in ("doc_id", "district", "genre", "kind", "token"):
        assert table[column].tolist() == tokens[column].astype(str).tolist(), column
    assert table["part_kind"].fillna("<none>").tolist() == tokens["part_kind"].astype(object).fillna("<none>").tolist()
    for column in ("year", "para_no", "position", "is_word"):
        assert table[column].tolist() == tokens[column].tolist(), column


def test_two_workers_write_the_same_files(seed_partitions, tmp_path):
    summary, _ = seed_partitions
    parallel = segmentation.write_token_partitions(MANIFEST, tmp_path, batch_documents=2, workers=2)
    assert [pq.read_table(a).equals(pq.read_table(b)) for a, b in zip(summary.files, parallel.files)] == [True] * 3
    assert parallel.peak_worker_mib > 0


def test_a_folder_with_partitions_is_refused(seed_partitions):
    _, folder = seed_partitions
    with pytest.raises(ValueError, match="already holds token partitions"):
        segmentation.write_token_partitions(MANIFEST, folder)


def test_an_unreadable_file_is_named(tmp_path):
    manifest = make_corpus(tmp_path, [row(), row("b-2019", "b.txt", "2019-01-10", "2019")],
                           {"a.txt": GOOD_TEXT.encode(), "b.txt": b"\xff\xfe\x00bad"})
    with pytest.raises(CorpusError, match="b.txt"):
        segmentation.write_token_partitions(manifest, tmp_path / "out")


def test_a_missing_file_is_named_before_anything_is_written(tmp_path):
    manifest = make_corpus(tmp_path, [row(), row("b-2019", "b.txt", "2019-01-10", "2019")], {"a.txt": GOOD_TEXT.encode()})
    with pytest.raises(CorpusError, match="b.txt: file not found"):
        segmentation.write_token_partitions(manifest, tmp_path / "out")
    assert not (tmp_path / "out").exists()
