"""Keywords: TF-IDF against scikit-learn, TextRank against jieba's own loop, ranking overlap."""
import math

import numpy as np
import pandas as pd
import pytest
from toy_corpora import toy_tokens

import analysis
import analysis.segmentation
import analysis.textstats
from analysis import textstats
from analysis._internal.rounding import rank_within_groups


class _PreTagged:
    """A tokenizer for jieba's TextRank that hands back words already tagged."""

    def __init__(self, pairs):
        self.pairs = pairs

    def cut(self, _):
        return self.pairs


def test_tfidf_idf_fitted_on_paragraphs_by_hand():
    # Three paragraphs: 建设 in all three, 公园 in one, 学校 in two.
    tokens = toy_tokens({"a": ["建设公园", "建设学校"], "b": ["建设学校学校"]})
    table = textstats.tfidf_keywords(tokens).set_index(["doc_id", "term"])
    idf = {"建设": math.log(4 / 4) + 1, "公园": math.log(4 / 2) + 1, "学校": math.log(4 / 3) + 1}
    assert table.loc[("a", "建设"), "idf"] == pytest.approx(idf["建设"])
    assert table.loc[("a", "建设"), "tfidf"] == pytest.approx((1 + math.log(2)) * idf["建设"])
    assert table.loc[("a", "公园"), "tfidf"] == pytest.approx(1 * idf["公园"])
    assert table.loc[("b", "学校"), "tfidf"] == pytest.approx((1 + math.log(2)) * idf["学校"])
    # 建设 (1 + ln 2) × 1 and 公园 1 × (ln 2 + 1) tie exactly: the tie goes to the term (公 < 建)
    assert table.loc["a"].sort_values("rank").index.tolist() == ["公园", "建设", "学校"]
    raw = textstats.tfidf_keywords(tokens, sublinear=False).set_index(["doc_id", "term"])
    assert raw.loc[("a", "建设"), "tfidf"] == pytest.approx(2 * idf["建设"])
    assert raw.loc[("b", "学校"), "tfidf"] == pytest.approx(2 * idf["学校"])


def test_textrank_ranks_lexicon_terms_and_breaks_ties():
    table = textstats.textrank_keywords(toy_tokens({"d": ["深化一网通办改革，推进一网通办建设，一网通办服务群众。"]}))
    assert table.loc[table["rank"] == 1, "term"].item() == "一网通办"
    assert table["weight"].max() == pytest.approx(1.0)
    assert table["rank"].tolist() == list(range(1, len(table) + 1))
    ties = table[table.duplicated("weight", keep=False)]
    for _, group in ties.groupby("weight"):
        assert group["term"].tolist() == sorted(group["term"])


def test_top_n_overlap():
    a = pd.DataFrame({"doc_id": ["d"] * 3, "term": ["甲", "乙", "丙"], "rank": [1, 2, 3]})
    b = pd.DataFrame({"doc_id": ["d"] * 3, "term": ["乙", "丁", "甲"], "rank": [1, 2, 3]})
    row = textstats.top_n_overlap({"f": a, "g": b}, n=2).iloc[0]
    assert row["methods"] == "f / g"
    assert row["jaccard"] == pytest.approx(1 / 3)
    assert (row["shared"], row["only_first"], row["only_second"]) == ("乙", "甲", "丁")


def test_textrank_equals_jiebas_own_loop_over_the_same_tagged_tokens(corpus):
    """The vectorised window scan gives exactly jieba's TextRank.textrank run on the token
    table's tokens (a line break between paragraphs, white space where it was dropped)."""
    import jieba.analyse
    import jieba.posseg

    from analysis.segmentation import stop_words, tagging
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus.iloc[1:3]))
    ranker = jieba.analyse.TextRank()
    ranker.stop_words = set(stop_words.stopwords())
    rows = []
    for doc_id, doc in tokens.groupby("doc_id", sort=False):
        pairs, last_para, last_position = [], None, None
        for para_no, position, token in zip(doc["para_no"], doc["position"], doc["token"]):
            if last_para is not None and para_no != last_para:
                pairs.append(jieba.posseg.pair("\n", "x"))
            elif last_position is not None:
                pairs += [jieba.posseg.pair(" ", "x")] * (position - last_position - 1)
            last_para, last_position = para_no, position
            pairs.append(jieba.posseg.pair(token, tagging.token_part_of_speech(token)))
        ranker.tokenizer = _PreTagged(pairs)
        rows += [(doc_id, term, weight) for term, weight in
                 ranker.textrank(None, topK=None, withWeight=True, allowPOS=("ns", "n", "vn", "v", "nz"))]
    expected = rank_within_groups(pd.DataFrame(rows, columns=["doc_id", "term", "weight"]), ["doc_id"], "weight")
    pd.testing.assert_frame_equal(textstats.textrank_keywords(tokens).reset_index(drop=True),
                                  expected.reset_index(drop=True))
    assert len(expected) > 1000


def test_textrank_window_must_link_neighbours():
    with pytest.raises(ValueError, match="window"):
        textstats.textrank_keywords(toy_tokens({"d": ["推进建设。"]}), window=1)


def test_paragraph_idf_equals_scikit_learns_smooth_idf():
    from sklearn.feature_extraction.text import TfidfVectorizer
    rng = np.random.default_rng(7)
    vocabulary = ["改革", "创新", "养老", "教育", "城市", "更新", "治理"]
    words = pd.DataFrame([{"doc_id": f"d{d}", "para_no": p, "token": vocabulary[rng.integers(len(vocabulary))]}
                          for d in range(3) for p in range(int(rng.integers(1, 6))) for _ in range(int(rng.integers(1, 9)))])
    units = words.groupby(["doc_id", "para_no"], sort=True)["token"].agg(list).to_list()
    reference = TfidfVectorizer(analyzer=analysis.segmentation.tokens.pretokenized, smooth_idf=True).fit(units)
    idf = textstats.paragraph_idf(words)
    assert idf.index.to_list() == reference.get_feature_names_out().tolist()
    assert idf.to_numpy().tolist() == reference.idf_.tolist()           # the same float operations: equal bits


def test_weighted_pagerank_equals_jiebas_loop():
    """Random graphs of several documents, with repeated pairs, self-edges and a graph of one
    node: every weight within 1e-12 (relative) of jieba's UndirectWeightedGraph.rank over
    the same edges, each document's nodes in the terms' order."""
    from jieba.analyse.textrank import UndirectWeightedGraph
    rng = np.random.default_rng(11)
    terms = sorted(f"词{i:03d}" for i in range(300))
    docs, a, b, weights, expected = [], [], [], [], {}
    for doc, size in enumerate([2, 3, 40, 300, 1]):
        pairs = {}
        for _ in range(size * 3):
            x, y = int(rng.integers(size)), int(rng.integers(size))
            pairs[(x, y)] = pairs.get((x, y), 0) + int(rng.integers(1, 4))
        graph = UndirectWeightedGraph()
        for (x, y), weight in pairs.items():
            graph.addEdge(terms[x], terms[y], weight)
            docs.append(doc), a.append(x), b.append(y), weights.append(weight)
        expected.update({(doc, term): value for term, value in graph.rank().items()})
    node_doc, node_term, weight = textstats.weighted_pagerank(np.array(docs), np.array(a), np.array(b), np.array(weights),
                                                          len(terms))
    found = {(int(d), terms[t]): w for d, t, w in zip(node_doc, node_term, weight)}
    assert found.keys() == expected.keys()
    assert all(found[k] == pytest.approx(v, rel=1e-12) for k, v in expected.items())
    assert [terms[t] for t in node_term[node_doc == 3]] == sorted(terms[t] for t in node_term[node_doc == 3])
    assert len(textstats.weighted_pagerank(*(np.array([], dtype=int),) * 4, 5)[0]) == 0
