"""Bigram collocations by hand; they never cross a paragraph."""
import math

import pytest
from scipy.stats import chi2_contingency
from toy_corpora import toy_tokens

from analysis import textstats


def test_bigram_collocations_by_hand():
    # Word pairs per paragraph (stop words and punctuation break adjacency):
    # (建设,公园) x2, (建设,学校), (推进,公园); 我们 is a stop word. N = 4 pairs.
    tokens = toy_tokens({"a": ["建设公园", "建设公园。我们建设学校", "推进公园"]})
    table = textstats.bigram_collocations(tokens, min_freq=1).set_index("bigram")
    assert table["freq"].to_dict() == {"建设公园": 2, "建设学校": 1, "推进公园": 1}
    # 建设公园: a = 2, 建设 first in 3 pairs, 公园 second in 3 -> table [[2, 1], [1, 0]]
    assert table.loc["建设公园", "pmi"] == pytest.approx(math.log2(2 * 4 / (3 * 3)))
    g2, _, _, _ = chi2_contingency([[2, 1], [1, 0]], correction=False, lambda_="log-likelihood")
    assert table.loc["建设公园", "g2"] == pytest.approx(g2)
    assert "p_value" not in table.columns          # an association score, not a test
    assert textstats.bigram_collocations(tokens, min_freq=2)["bigram"].tolist() == ["建设公园"]


def test_bigrams_do_not_cross_paragraphs():
    tokens = toy_tokens({"a": ["建设", "公园"]})
    assert textstats.bigram_collocations(tokens, min_freq=1).empty
