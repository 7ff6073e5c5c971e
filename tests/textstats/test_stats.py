"""Statistics on toy corpora checked by hand: sizes, frequencies, TF-IDF, TextRank, G² and
collocations, keyness, log-odds, similarity, rank agreement, trajectories."""
import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2, chi2_contingency, false_discovery_control

import analysis
import analysis.segmentation
import analysis.textstats
from analysis.textstats import stats
from toy_corpora import toy_tokens


def test_keyness_matches_the_published_ucrel_value():
    # UCREL log-likelihood wizard example: 52 in 50,000 tokens against 57 in 75,000: LL = +2.65.
    table = stats.keyness({"word": 52, "other": 50_000 - 52}, {"word": 57, "other": 75_000 - 57}).set_index("term")
    assert table.loc["word", "g2"] == pytest.approx(2.65, abs=0.005)
    assert table.loc["word", "log_ratio"] == pytest.approx(math.log2((52 / 50_000) / (57 / 75_000)))
    assert table.loc["word", "rate_target"] == pytest.approx(52 / 50_000 * 10_000)


@pytest.mark.parametrize("a, b, c, d", [(10, 1, 1000, 2000), (0, 30, 500, 800), (7, 7, 100, 100), (1, 0, 50, 5000)])
def test_keyness_matches_an_independent_g_test(a, b, c, d):
    target = {"t": a, "rest": c - a}
    reference = {"t": b, "rest": d - b}
    row = stats.keyness(target, reference).set_index("term").loc["t"]
    table = np.array([[a, b], [c - a, d - b]], dtype=float)
    g2 = chi2_contingency(table, correction=False, lambda_="log-likelihood")[0] if a + b else 0.0
    sign = 1 if a / c > b / d else -1
    assert row["g2"] == pytest.approx(sign * g2, abs=1e-9)
    assert row["p_value"] == pytest.approx(chi2.sf(g2, 1))
    expected_ratio = math.log2((0.5 if a == 0 else a) / c / ((0.5 if b == 0 else b) / d))
    assert row["log_ratio"] == pytest.approx(expected_ratio)


def test_keyness_zero_count_uses_half_and_sign_follows_proportions():
    table = stats.keyness({"x": 4, "y": 96}, {"y": 100}).set_index("term")
    assert table.loc["x", "log_ratio"] == pytest.approx(math.log2((4 / 100) / (0.5 / 100)))
    assert table.loc["x", "g2"] > 0 and table.loc["y", "g2"] < 0


def test_keyness_min_freq_and_benjamini_hochberg():
    target = {"a": 30, "b": 3, "c": 1, "d": 966}
    reference = {"a": 5, "b": 6, "c": 0, "d": 989}
    full = stats.keyness(target, reference)
    filtered = stats.keyness(target, reference, min_freq=5)
    assert set(full["term"]) == {"a", "b", "c", "d"}
    assert set(filtered["term"]) == {"a", "b", "d"}
    expected = false_discovery_control(filtered["p_value"].to_numpy(), method="bh")
    assert filtered["p_adjusted"].to_numpy() == pytest.approx(expected)
    assert (filtered["p_adjusted"] >= filtered["p_value"] - 1e-15).all()
    assert filtered["g2"].is_monotonic_decreasing


def test_log_odds_dirichlet_by_hand():
    target, reference = {"a": 10, "b": 90}, {"a": 30, "b": 170}
    background = {"a": 40, "b": 260}
    table = stats.log_odds_dirichlet(target, reference, background, alpha0=30).set_index("term")
    alpha_a = 30 * 40 / 300
    delta = (math.log((10 + alpha_a) / (100 + 30 - 10 - alpha_a))
             - math.log((30 + alpha_a) / (200 + 30 - 30 - alpha_a)))
    variance = 1 / (10 + alpha_a) + 1 / (30 + alpha_a)
    assert table.loc["a", "delta"] == pytest.approx(delta)
    assert table.loc["a", "variance"] == pytest.approx(variance)
    assert table.loc["a", "z"] == pytest.approx(delta / math.sqrt(variance))
    assert table.index.tolist() == ["b", "a"]          # sorted by z


def test_log_odds_requires_terms_in_the_background():
    with pytest.raises(ValueError, match="absent from the background corpus: x"):
        stats.log_odds_dirichlet({"x": 1}, {"y": 1}, {"y": 5})


def test_document_similarity():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["改革开放", "改革开放", "养老教育"]})
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus))
    sim = stats.document_similarity(tokens)
    assert sim.loc["a", "b"] == pytest.approx(1.0)
    assert sim.loc["a", "c"] == pytest.approx(0.0)
    assert np.diag(sim.to_numpy()) == pytest.approx([1, 1, 1])


def test_document_similarity_weights_by_paragraph_idf():
    # Paragraphs: a = [改革 创新 | 改革], b = [改革 养老]. idf over the 3 paragraphs (smooth):
    # 改革 ln(4/4)+1 = 1, 创新 and 养老 ln(4/2)+1; sublinear tf: 改革 in a counts 1 + ln 2.
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["改革，创新\n改革", "改革，养老"]})
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus))
    assert tokens[tokens["is_word"]].groupby("doc_id")["token"].agg(list).to_dict() == {
        "a": ["改革", "创新", "改革"], "b": ["改革", "养老"]}
    rare = math.log(2) + 1
    a, b = np.array([1 + math.log(2), rare, 0.0]), np.array([1.0, 0.0, rare])
    expected = a @ b / np.linalg.norm(a) / np.linalg.norm(b)
    assert stats.document_similarity(tokens).loc["a", "b"] == pytest.approx(expected)


def test_ranking_agreement():
    key = pd.DataFrame({"term": ["甲", "乙", "丙", "丁"], "g2": [5.0, 2.0, -1.0, -4.0]})
    odds = pd.DataFrame({"term": ["甲", "乙", "丙", "丁"], "z": [3.0, -0.5, 1.0, -2.0]})
    rho, table = stats.ranking_agreement(key, odds, top_n=2, names=("X", "Y"))
    assert rho == pytest.approx(0.8)
    assert table.values.tolist() == [["X", 1, "乙", "丙"], ["Y", 1, "丙", "乙"]]


def test_keyness_robustness_requires_the_same_sign():
    main = pd.DataFrame({"term": ["甲", "乙", "丙"], "g2": [9.0, 8.0, 1.0], "log_ratio": [2.0, 1.0, 0.1],
                         "p_adjusted": [0.001, 0.01, 0.5]})
    other = pd.DataFrame({"term": ["甲", "乙"], "g2": [7.0, -6.0], "p_adjusted": [0.01, 0.01]})
    table = stats.keyness_robustness({"main": main, "other": other}, "main", 0.05)
    assert table["term"].tolist() == ["甲", "乙"]
    assert table["other: significant"].tolist() == [True, False]
    assert table["other: g2"].tolist() == [7.0, -6.0]


def test_term_frequencies_counts_rates_and_tie_break():
    tokens = toy_tokens({"a": ["建设公园，建设学校。"], "b": ["学校"]})
    freq = stats.term_frequencies(tokens)
    assert freq[["doc_id", "term", "count", "rank"]].values.tolist() == [
        ["a", "建设", 2, 1], ["a", "公园", 1, 2], ["a", "学校", 1, 3], ["b", "学校", 1, 1]]
    assert freq["rate_per_10k"].tolist() == pytest.approx([5000, 2500, 2500, 10000])
    assert stats.top_terms(freq, 1)["term"].tolist() == ["建设", "学校"]


def test_term_frequencies_by_other_column():
    tokens = toy_tokens({"a": ["建设公园"], "b": ["建设学校"]}).assign(district=lambda t: "X")
    freq = stats.term_frequencies(tokens, "district")
    assert freq[["term", "count"]].values.tolist() == [["建设", 2], ["公园", 1], ["学校", 1]]


def test_tfidf_idf_fitted_on_paragraphs_by_hand():
    # Three paragraphs: 建设 in all three, 公园 in one, 学校 in two.
    tokens = toy_tokens({"a": ["建设公园", "建设学校"], "b": ["建设学校学校"]})
    table = stats.tfidf_keywords(tokens).set_index(["doc_id", "term"])
    idf = {"建设": math.log(4 / 4) + 1, "公园": math.log(4 / 2) + 1, "学校": math.log(4 / 3) + 1}
    assert table.loc[("a", "建设"), "idf"] == pytest.approx(idf["建设"])
    assert table.loc[("a", "建设"), "tfidf"] == pytest.approx((1 + math.log(2)) * idf["建设"])
    assert table.loc[("a", "公园"), "tfidf"] == pytest.approx(1 * idf["公园"])
    assert table.loc[("b", "学校"), "tfidf"] == pytest.approx((1 + math.log(2)) * idf["学校"])
    # 建设 (1 + ln 2) × 1 and 公园 1 × (ln 2 + 1) tie exactly: the tie goes to the term (公 < 建)
    assert table.loc["a"].sort_values("rank").index.tolist() == ["公园", "建设", "学校"]


def test_textrank_ranks_lexicon_terms_and_breaks_ties():
    table = stats.textrank_keywords(toy_tokens({"d": ["深化一网通办改革，推进一网通办建设，一网通办服务群众。"]}))
    assert table.loc[table["rank"] == 1, "term"].item() == "一网通办"
    assert table["weight"].max() == pytest.approx(1.0)
    assert table["rank"].tolist() == list(range(1, len(table) + 1))
    ties = table[table.duplicated("weight", keep=False)]
    for _, group in ties.groupby("weight"):
        assert group["term"].tolist() == sorted(group["term"])


def test_signed_g2_against_a_hand_computation():
    table = [[10, 20], [30, 940]]
    n = 1000
    rows, cols = [30, 970], [40, 960]
    expected = [[rows[i] * cols[j] / n for j in range(2)] for i in range(2)]
    g2 = 2 * sum(table[i][j] * math.log(table[i][j] / expected[i][j]) for i in range(2) for j in range(2))
    # signed_g2's form [[a, b], [c − a, d − b]]: a = 10, b = 20, c = 40, d = 960
    assert stats.signed_g2(np.array([10.0]), np.array([20.0]), 40.0, 960.0)[0] == pytest.approx(g2)
    # vectorised over the margins too, as the collocations use it
    got = stats.signed_g2(np.array([10.0, 10.0]), np.array([20.0, 20.0]), np.array([40.0, 40.0]),
                          np.array([960.0, 960.0]))
    assert got == pytest.approx([g2, g2])
    assert chi2.sf(g2, 1) < 1e-6


def test_signed_g2_with_an_empty_margin():
    assert stats.signed_g2(np.array([0.0]), np.array([0.0]), 3.0, 4.0)[0] == 0.0


def test_bigram_collocations_by_hand():
    # Word pairs per paragraph (stop words and punctuation break adjacency):
    # (建设,公园) x2, (建设,学校), (推进,公园); 我们 is a stop word. N = 4 pairs.
    tokens = toy_tokens({"a": ["建设公园", "建设公园。我们建设学校", "推进公园"]})
    table = stats.bigram_collocations(tokens, min_freq=1).set_index("bigram")
    assert table["freq"].to_dict() == {"建设公园": 2, "建设学校": 1, "推进公园": 1}
    # 建设公园: a = 2, 建设 first in 3 pairs, 公园 second in 3 -> table [[2, 1], [1, 0]]
    assert table.loc["建设公园", "pmi"] == pytest.approx(math.log2(2 * 4 / (3 * 3)))
    g2, _, _, _ = chi2_contingency([[2, 1], [1, 0]], correction=False, lambda_="log-likelihood")
    assert table.loc["建设公园", "g2"] == pytest.approx(g2)
    assert table.loc["建设公园", "p_value"] == pytest.approx(chi2.sf(g2, 1))
    assert stats.bigram_collocations(tokens, min_freq=2)["bigram"].tolist() == ["建设公园"]


def test_bigrams_do_not_cross_paragraphs():
    tokens = toy_tokens({"a": ["建设", "公园"]})
    assert stats.bigram_collocations(tokens, min_freq=1).empty


def test_lexicon_frequencies():
    tokens = toy_tokens({"a": ["深化一网通办，推进城市更新和一网通办"]})
    table = stats.lexicon_frequencies(tokens, analysis.read_lexicon())
    assert table[["term", "category", "count"]].values.tolist() == [
        ["一网通办", "service_reform", 2], ["城市更新", "formula", 1]]


def test_comparison_terms_rank_by_effect_size_not_frequency():
    table = stats.keyness({"甲": 400, "乙": 10, "丙": 2, "丁": 588}, {"甲": 300, "乙": 1, "丙": 0, "丁": 699})
    chosen = stats.comparison_terms(table, n=2, min_freq=5)
    # 甲 and 丁 have by far the largest rate differences, but 乙's ratio is larger; 丙 is too rare
    assert chosen["term"].to_list() == ["乙", "甲"]
    assert chosen["side"].to_list() == ["target", "target"]
    assert chosen["rank"].to_list() == [1, 2]
    assert "丙" not in stats.comparison_terms(table, n=4, min_freq=5)["term"].to_list()


def test_top_n_overlap():
    a = pd.DataFrame({"doc_id": ["d"] * 3, "term": ["甲", "乙", "丙"], "rank": [1, 2, 3]})
    b = pd.DataFrame({"doc_id": ["d"] * 3, "term": ["乙", "丁", "甲"], "rank": [1, 2, 3]})
    row = stats.top_n_overlap({"f": a, "g": b}, n=2).iloc[0]
    assert row["methods"] == "f / g"
    assert row["jaccard"] == pytest.approx(1 / 3)
    assert (row["shared"], row["only_first"], row["only_second"]) == ("乙", "甲", "丁")


def test_document_sizes_by_hand():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["建设公园，建设学校。\n我们建设2018", "改革"]})
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus))
    assert tokens["token"].tolist() == ["建设", "公园", "，", "建设", "学校", "。", "我们", "建设", "2018", "改革"]
    sizes = analysis.textstats.document_sizes(corpus, tokens)
    # a: 18 characters; 9 tokens; words 建设 公园 建设 学校 建设 -> 5 word tokens, 3 word types
    assert sizes.values.tolist() == [["a", 18, 2, 9, 5, 3], ["b", 2, 1, 1, 1, 1]]
    assert list(sizes.columns) == ["doc_id", "chars", "paragraphs", "tokens", "word_tokens", "word_types"]


def test_document_sizes_keeps_a_document_without_words():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["改革", "。"]})
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus))
    sizes = analysis.textstats.document_sizes(corpus, tokens)
    assert sizes.loc[1, ["tokens", "word_tokens", "word_types"]].tolist() == [1, 0, 0]


def test_term_trajectories_slope_by_hand():
    tokens = toy_tokens({"a": ["改革改革公园"], "b": ["改革公园公园"], "c": ["公园公园公园"]})
    timeline = pd.DataFrame({"doc_id": ["a", "b", "c"], "x": [2018.0, 2019.0, 2020.0]})
    table = stats.term_trajectories(tokens, timeline, min_freq=1).set_index("term")
    # rates per 10,000: 改革 6666.7, 3333.3, 0 -> slope -3333.3 per year; 公园 the opposite
    assert table.loc["改革", ["a", "b", "c"]].tolist() == pytest.approx([20000 / 3, 10000 / 3, 0])
    assert table.loc["改革", "slope"] == pytest.approx(-10000 / 3)
    assert table.loc["公园", "slope"] == pytest.approx(10000 / 3)
    assert table.index.tolist() == ["公园", "改革"]
    assert stats.term_trajectories(tokens, timeline, min_freq=4).index.tolist() == [0]


class _PreTagged:
    """A tokenizer for jieba's TextRank that hands back words already tagged."""

    def __init__(self, pairs):
        self.pairs = pairs

    def cut(self, _):
        return self.pairs


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
    expected = stats._ranked(pd.DataFrame(rows, columns=["doc_id", "term", "weight"]), ["doc_id"], "weight")
    pd.testing.assert_frame_equal(stats.textrank_keywords(tokens).reset_index(drop=True),
                                  expected.reset_index(drop=True))
    assert len(expected) > 1000


def test_textrank_window_must_link_neighbours():
    with pytest.raises(ValueError, match="window"):
        stats.textrank_keywords(toy_tokens({"d": ["推进建设。"]}), window=1)


def test_paragraph_idf_equals_scikit_learns_smooth_idf():
    from sklearn.feature_extraction.text import TfidfVectorizer
    rng = np.random.default_rng(7)
    vocabulary = ["改革", "创新", "养老", "教育", "城市", "更新", "治理"]
    words = pd.DataFrame([{"doc_id": f"d{d}", "para_no": p, "token": vocabulary[rng.integers(len(vocabulary))]}
                          for d in range(3) for p in range(int(rng.integers(1, 6))) for _ in range(int(rng.integers(1, 9)))])
    units = words.groupby(["doc_id", "para_no"], sort=True)["token"].agg(list).to_list()
    reference = TfidfVectorizer(analyzer=analysis.segmentation.tokens.pretokenized, smooth_idf=True).fit(units)
    idf = stats.paragraph_idf(words)
    assert idf.index.to_list() == reference.get_feature_names_out().tolist()
    assert idf.to_numpy().tolist() == reference.idf_.tolist()           # the same float operations: equal bits


def test_document_similarity_equals_scikit_learns_tfidf_vectors():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity
    corpus = pd.DataFrame({"doc_id": ["b", "a", "c"],
                           "text": ["改革，创新\n改革开放，养老", "改革，养老\n教育，教育", "城市更新\n治理，改革，创新"]})
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus))
    words = tokens[tokens["is_word"]]
    vectorizer = TfidfVectorizer(analyzer=analysis.segmentation.tokens.pretokenized, smooth_idf=True, sublinear_tf=True, norm="l2")
    vectorizer.fit(words.groupby(["doc_id", "para_no"])["token"].agg(list).to_list())
    docs = words.groupby("doc_id", sort=False)["token"].agg(list)
    expected = cosine_similarity(vectorizer.transform(docs.to_list()))
    sim = stats.document_similarity(tokens)
    assert sim.index.to_list() == ["b", "a", "c"] == sim.columns.to_list()
    np.testing.assert_allclose(sim.to_numpy(), expected, rtol=1e-12, atol=1e-15)


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
    node_doc, node_term, weight = stats.weighted_pagerank(np.array(docs), np.array(a), np.array(b), np.array(weights),
                                                          len(terms))
    found = {(int(d), terms[t]): w for d, t, w in zip(node_doc, node_term, weight)}
    assert found.keys() == expected.keys()
    assert all(found[k] == pytest.approx(v, rel=1e-12) for k, v in expected.items())
    assert [terms[t] for t in node_term[node_doc == 3]] == sorted(terms[t] for t in node_term[node_doc == 3])
    assert len(stats.weighted_pagerank(*(np.array([], dtype=int),) * 4, 5)[0]) == 0
