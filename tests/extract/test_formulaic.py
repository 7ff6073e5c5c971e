"""Formulaic expressions: quoted names and numeric slogans, variants, rarefied counts."""
import pandas as pd
import pytest

import analysis
from analysis.extract import formulaic


def test_formulaic_expressions_and_overlap():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "district": ["X", "Y"],
                           "text": ["增强“四个意识”，落实“家门口工程”，四个意识。", "增强“四个意识”，推进“邻里汇”。"]})
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus))
    expressions = formulaic.formulaic_expressions(corpus, tokens, analysis.read_lexicon(), "district")
    assert expressions.values.tolist() == [["X", "四个意识", "numeric", 2], ["X", "家门口工程", "named", 1],
                                           ["Y", "四个意识", "numeric", 1], ["Y", "邻里汇", "named", 1]]
    overlap = formulaic.expression_overlap(expressions, "district", "X", "Y")
    assert overlap[["expression", "count_a", "count_b", "status"]].values.tolist() == [
        ["四个意识", 2, 1, "shared"], ["家门口工程", 1, 0, "X only"], ["邻里汇", 0, 1, "Y only"]]


def test_formulaic_expressions_merge_digit_variants_and_drop_numbers():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "district": ["X", "Y"],
                           "text": ["实现“0次上门”“1次上门”，拨打“12345”，落实“27条”“100条”。",
                                    "推进“1次上门”，热线“12345”。"]})
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus))
    expressions = formulaic.formulaic_expressions(corpus, tokens, [], "district")
    assert expressions.values.tolist() == [["X", "0次上门 / 1次上门", "numeric", 2], ["X", "100条", "numeric", 1],
                                           ["X", "27条", "numeric", 1], ["Y", "0次上门 / 1次上门", "numeric", 1]]
    assert formulaic.variant_key("十三五") != formulaic.variant_key("十四五")
    assert formulaic.variant_key("1+4") != formulaic.variant_key("1+5")


def test_rarefied_expression_count_matches_enumeration():
    import itertools
    # Six word positions: expression A at 0 and 1, B at 2; samples of 3 positions.
    samples = list(itertools.combinations(range(6), 3))
    expected = sum(bool({0, 1} & set(s)) + (2 in s) for s in samples) / len(samples)
    assert expected == pytest.approx(1.3)
    assert formulaic.rarefied_expression_count([2, 1], 6, 3) == pytest.approx(expected)
    assert formulaic.rarefied_expression_count([2, 1], 6, 6) == pytest.approx(2.0)
    with pytest.raises(ValueError, match="sample_words"):
        formulaic.rarefied_expression_count([2, 1], 6, 7)


def test_expression_summary_adjusts_for_length():
    expressions = pd.DataFrame({"g": ["X", "Y", "Y"], "expression": ["甲", "甲", "乙"], "count": [1, 1, 1]})
    table = formulaic.expression_summary(expressions, {"X": 10, "Y": 20}, "g").set_index("g")
    assert table.loc["Y", "per_10k"] == pytest.approx(2 / 20 * 10_000)
    assert table.loc["Y", "distinct_in_10_words"] == pytest.approx(2 * (1 - 10 / 20))
    assert table.loc["X", "distinct_in_10_words"] == pytest.approx(1.0)
