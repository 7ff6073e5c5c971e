"""Directive strength: markers counted as whole tokens, rates per 1,000 word tokens."""
import pandas as pd
import pytest

from analysis.dictionaries import directives
from toy_corpora import toy_tokens


def test_markers_in_tokens_and_rates_are_per_1000_words():
    tokens = toy_tokens({"a": ["我们要坚决推进改革，确保完成主要任务。", "积极探索新的办法。"],
                         "b": ["重要的是稳妥推进。"]})
    table = directives.directive_rates(tokens).set_index("doc_id")
    assert table.loc["a", ["要", "坚决", "确保", "积极", "探索"]].tolist() == [1, 1, 1, 1, 1]   # 积极探索: one token
    assert table.loc["a", "obligation"] == 3 and table.loc["a", "effort"] == 1 and table.loc["a", "caution"] == 1
    assert table.loc["b", "要"] == 0 and table.loc["b", "稳妥"] == 1          # 重要 is one token, not 要
    words_a = int(tokens.loc[tokens["doc_id"] == "a", "is_word"].sum())
    assert table.loc["a", "per_1000"] == pytest.approx(5 / words_a * 1000)


def test_groups_without_markers_have_zeros(paras):
    tokens = toy_tokens({"x": ["推进城市更新。"]})
    table = directives.directive_rates(tokens)
    assert table["markers"].tolist() == [0] and table["per_1000"].tolist() == [0.0]
    assert isinstance(table, pd.DataFrame)


def test_a_document_without_parts_is_a_group_of_its_own():
    import pandas as pd

    from analysis.dictionaries import directives

    tokens = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "part_kind": ["plan", "plan", None, None],
                           "token": ["必须", "发展", "要", "改革"], "is_word": [True, True, False, True]})
    table = directives.directive_rates(tokens, ["doc_id", "part_kind"])
    assert table["doc_id"].tolist() == ["a", "b"]
    assert table["markers"].tolist() == [1, 1] and table["word_tokens"].tolist() == [2, 1]
