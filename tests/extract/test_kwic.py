"""Concordance and lexical dispersion."""
import pandas as pd

import analysis
from analysis.extract import kwic
from toy_corpora import toy_tokens


def test_concordance_windows_at_paragraph_edges():
    corpus = pd.DataFrame({"doc_id": ["d"], "text": ["城市更新是重点。\n推进城市更新"]})
    paras = analysis.paragraphs(corpus)
    lines = kwic.concordance(analysis.corpus_tokens(paras), paras, ["城市更新"], window=3)
    assert lines[["para_no", "left", "term", "right"]].values.tolist() == [
        [1, "", "城市更新", "是重点"], [2, "推进", "城市更新", ""]]
    assert lines["section_title"].tolist() == ["", ""]


def test_dispersion_offsets():
    tokens = toy_tokens({"a": ["城市更新推进", "公园城市更新"]})
    table = kwic.dispersion(tokens, ["城市更新"])
    assert table[["token_index", "offset"]].values.tolist() == [[0, 0.0], [3, 0.75]]
