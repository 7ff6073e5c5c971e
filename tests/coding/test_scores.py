"""Precision, frequency-weighted precision and recall from adjudicated codes (hand-made tables)."""
import pandas as pd
import pytest

from analysis import coding
from analysis.dictionaries.themes import DictionaryEntry

ENTRY = [DictionaryEntry("economy", "经济", "Economy", ("企业", "税收"))]


def test_keyword_precision_is_weighted_by_each_keywords_hits_in_the_corpus():
    key = pd.DataFrame({"sample_id": ["S1", "S2", "S3", "S4"], "stratum": ["hit:themes:economy"] * 3 + ["random"],
                        "doc_id": ["d"] * 4, "para_no": [1, 2, 3, 4], "sent_no": [1] * 4})
    final = pd.DataFrame({"theme.economy": ["1", "0", "1", "1"]}, index=key["sample_id"])
    located = pd.DataFrame({"theme": ["economy"] * 12, "keyword": ["企业"] * 9 + ["税收"] * 3,
                            "doc_id": ["d"] * 12, "para_no": [1, 2] + [9] * 7 + [3, 9, 9], "sent_no": [1] * 12})
    table = coding.keyword_precision(key, final, "themes", ENTRY, located).set_index("keyword")
    assert table.loc["企业", ["hits", "coded", "relevant", "precision"]].to_list() == [9, 2, 1, 0.5]
    assert table.loc["税收", ["hits", "coded", "relevant", "precision"]].to_list() == [3, 1, 1, 1.0]
    weighted = (9 * 0.5 + 3 * 1.0) / 12
    assert weighted == pytest.approx(0.625)


def test_recall_counts_the_random_sentences_coded_for_the_entry():
    key = pd.DataFrame({"sample_id": ["S1", "S2", "S3"], "stratum": ["random"] * 3, "doc_id": ["d"] * 3,
                        "para_no": [1, 2, 3], "sent_no": [1] * 3})
    final = pd.DataFrame({"theme.economy": ["1", "1", "0"]}, index=key["sample_id"])
    hits = pd.DataFrame({"doc_id": ["d"], "para_no": [1], "position": [0], "theme": ["economy"], "keyword": ["企业"]})
    tokens = pd.DataFrame({"doc_id": ["d"], "para_no": [1], "position": [0], "start": [0]})
    paras = pd.DataFrame({"doc_id": ["d"] * 3, "para_no": [1, 2, 3], "text": ["企业。", "工厂。", "其他。"],
                          "kind": ["text"] * 3})
    recall = coding.entry_recall(key, final, "themes", ENTRY, hits, tokens, paras).set_index("entry")
    assert recall.loc["economy", ["relevant", "found", "recall"]].to_list() == [2, 1, 0.5]
    assert recall.loc["all", "relevant"] == 2
    assert 0 < recall.loc["economy", "ci_low"] < 0.5 < recall.loc["economy", "ci_high"] < 1


def test_mark_low_precision_names_only_the_flagged_entries():
    from analysis.dictionaries.themes import DictionaryEntry

    entries = [DictionaryEntry("a", "甲", "Alpha", ("甲",)), DictionaryEntry("b", "乙", "Beta", ("乙",))]
    precision = pd.DataFrame({"entry": ["a", "b"], "below_0_7": [False, True]})
    marked = coding.mark_low_precision(entries, precision)
    assert [e.en for e in marked] == ["Alpha", f"Beta {coding.LOW_PRECISION_MARK}"]
    assert marked[1].keywords == entries[1].keywords and entries[1].en == "Beta"
    assert coding.low_precision_ids(precision) == {"b": "b †"}
