"""Document similarity against scikit-learn's TF-IDF vectors."""
import math

import numpy as np
import pandas as pd
import pytest

import analysis
import analysis.segmentation
import analysis.textstats
from analysis import textstats


def test_document_similarity():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["改革开放", "改革开放", "养老教育"]})
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus))
    sim = textstats.document_similarity(tokens)
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
    assert textstats.document_similarity(tokens).loc["a", "b"] == pytest.approx(expected)


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
    sim = textstats.document_similarity(tokens)
    assert sim.index.to_list() == ["b", "a", "c"] == sim.columns.to_list()
    np.testing.assert_allclose(sim.to_numpy(), expected, rtol=1e-12, atol=1e-15)
