"""Out-of-core counts and keyness (DuckDB over token partitions) equal the in-memory ones."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis import segmentation, textstats
from analysis.paths import MANIFEST


@pytest.fixture(scope="module")
def partitions(tmp_path_factory):
    folder = tmp_path_factory.mktemp("partitions")
    segmentation.write_token_partitions(MANIFEST, folder, batch_documents=2)
    return folder


@pytest.fixture(scope="module")
def tokens(corpus, paras):
    return analysis.annotate_tokens(analysis.corpus_tokens(paras), paras, corpus)


def _in_memory_counts(tokens: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    table = textstats.term_frequencies(tokens, by)[[*by, "term", "count"]]
    table = table.astype({column: str for column in by if column != "year"})
    return table.sort_values([*by, "term"]).reset_index(drop=True)


def test_counts_per_place_and_year_equal_the_in_memory_ones(partitions, tokens):
    counts = textstats.partition_word_counts(partitions)
    expected = _in_memory_counts(tokens, ["district", "year"])
    assert len(counts) == len(expected) > 1000
    pd.testing.assert_frame_equal(counts.astype({"year": "int64"}), expected.astype({"year": "int64"}), check_dtype=False)


def test_counts_of_one_part_kind_written_to_parquet(partitions, tokens, tmp_path):
    out = textstats.partition_word_counts(partitions, by=["doc_id"], filters={"part_kind": "plan"},
                                          out=tmp_path / "counts.parquet")
    counts = pd.read_parquet(out)
    expected = _in_memory_counts(tokens[tokens["part_kind"] == "plan"], ["doc_id"])
    assert counts["count"].sum() == expected["count"].sum() > 0
    pd.testing.assert_frame_equal(counts, expected, check_dtype=False)


def test_keyness_equals_the_in_memory_keyness(partitions, tokens):
    table = textstats.partition_keyness(partitions, {"district": "Changning", "year": [2017, 2024]},
                                        {"district": "Xuhui"}, min_freq=5)
    target = tokens[(tokens["district"] == "Changning") & tokens["year"].isin([2017, 2024])]
    expected = textstats.keyness(textstats.word_counts(target), textstats.word_counts(tokens[tokens["district"] == "Xuhui"]),
                                 min_freq=5)
    assert len(table) > 100
    pd.testing.assert_frame_equal(table.reset_index(drop=True), expected.reset_index(drop=True))


def test_groups_that_overlap_or_select_nothing_are_refused(partitions):
    with pytest.raises(ValueError, match="share"):
        textstats.partition_keyness(partitions, {"district": "Changning"}, {"year": 2024})
    with pytest.raises(ValueError, match="reference group .* selects no word token"):
        textstats.partition_keyness(partitions, {"district": "Changning"}, {"district": "Minhang"})
    with pytest.raises(ValueError, match="cannot filter on 'place'"):
        textstats.partition_group_counts(partitions, {"place": "Changning"})
    with pytest.raises(ValueError, match="cannot group by 'place'"):
        textstats.partition_word_counts(partitions, by=["place"])


def test_a_folder_without_partitions_is_named(tmp_path):
    with pytest.raises(ValueError, match="no token partitions"):
        textstats.partition_word_counts(tmp_path)
