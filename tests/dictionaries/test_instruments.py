"""Policy instruments: the dictionary, sentence-level use, and the instruments × themes table."""
import numpy as np
import pandas as pd
import pytest

import analysis
from analysis.dictionaries import instruments, themes
from analysis.dictionaries.themes import DictionaryEntry


def test_the_shipped_dictionary_covers_the_three_sides():
    table = instruments.read_instruments()
    sides = instruments.instrument_sides()
    assert [i.id for i in table] == list(sides)
    assert set(sides.values()) == set(instruments.SIDES)
    assert {"funding", "talent", "infrastructure", "public_services", "procurement", "outsourcing", "pilots",
            "planning", "regulation", "tax_finance", "institutional"} <= set(sides)


def test_a_side_that_is_not_one_of_the_three_is_named(tmp_path):
    path = tmp_path / "instruments.yml"
    path.write_text("instruments:\n  - {id: x, side: market, zh: 甲, en: X, keywords: [试点]}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="instruments.yml: side of x \\('market'\\) is not one of"):
        instruments.read_instruments(path)


def test_sentence_level_use_and_cross_tabulation(tmp_path):
    import pandas as pd

    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["设立专项资金支持科技创新。开展改革试点。加强执法。"]})
    paras = analysis.paragraphs(corpus).assign(part_kind="plan")
    tokens = analysis.corpus_tokens(paras).merge(paras[["doc_id", "para_no", "kind"]], on=["doc_id", "para_no"])
    dictionary = instruments.read_instruments()
    themes = [DictionaryEntry("innovation", "创新", "Innovation", ("科技创新",)), DictionaryEntry("reform", "改革", "Reform", ("改革",))]
    used = instruments.sentence_instruments(tokens, paras, dictionary, themes)
    assert used[["sent_no", "instrument", "side", "keywords", "themes"]].values.tolist() == [
        [1, "funding", "supply", "专项资金", "innovation"],
        [2, "pilots", "demand", "试点", "reform"],
        [3, "regulation", "environment", "执法", ""],
    ]
    table = instruments.instruments_by_theme(used, dictionary, themes)
    assert table.loc["funding", "innovation"] == 1 and table.loc["regulation", "(none)"] == 1
    assert table.values.sum() == 3 and list(table.columns) == ["innovation", "reform", "(none)"]


def test_no_instrument_keyword_is_a_theme_keyword_or_a_bare_generic_noun():
    """The dictionary's rules (instruments.yml header): a word in both dictionaries would put
    its hit in an instruments × themes cell by construction; bare nouns name no means."""
    theme_words = {k for t in themes.read_themes() for k in t.keywords}
    words = {k for i in instruments.read_instruments() for k in i.keywords}
    assert not words & theme_words
    assert not words & {"制度", "机制", "体制", "监管", "目标", "计划", "办法", "标准", "规范"}


def test_precision_by_side_pools_the_strata_and_weights_by_hits():
    precision = pd.DataFrame({"entry": ["funding", "talent", "planning"], "hits": [30, 10, 5],
                              "coded": [8, 4, 0], "relevant": [8, 2, 0], "precision": [1.0, 0.5, float("nan")]})
    sides = instruments.precision_by_side(precision, {"funding": "supply", "talent": "supply", "planning": "environment"})
    supply = sides.set_index("side").loc["supply"]
    assert sides["side"].tolist() == list(instruments.SIDES)
    assert (supply["coded"], supply["relevant"]) == (12, 10) and supply["precision"] == pytest.approx(10 / 12)
    assert supply["hit_weighted"] == pytest.approx((30 * 1.0 + 10 * 0.5) / 40)
    environment = sides.set_index("side").loc["environment"]
    assert environment["coded"] == 0 and np.isnan(environment["precision"]) and np.isnan(environment["hit_weighted"])
