"""Topic models: NPMI coherence, determinism, recovery of planted topics."""
import itertools

import numpy as np
import pandas as pd
import pytest

from analysis.models import topics
from analysis.dictionaries.themes import DictionaryEntry


def test_npmi_coherence_by_hand():
    docs = pd.Series([["甲", "乙"], ["甲", "乙"], ["丙"], ["丁"]])
    top = pd.DataFrame({"topic": ["T1", "T1"], "term": ["甲", "乙"]})
    # P(甲) = P(乙) = P(甲,乙) = 1/2 -> NPMI = ln(2) / ln(2) = 1
    assert topics.npmi_coherence(top, docs) == pytest.approx(1.0)
    never = pd.DataFrame({"topic": ["T1", "T1"], "term": ["甲", "丙"]})
    assert topics.npmi_coherence(never, docs) == pytest.approx(-1.0)


def test_npmi_coherence_matches_direct_counting():
    rng = np.random.default_rng(7)
    vocabulary = ["甲", "乙", "丙", "丁", "戊", "己"]
    docs = pd.Series([list(rng.choice(vocabulary, size=rng.integers(1, 5))) for _ in range(40)])
    top = pd.DataFrame({"topic": ["T1"] * 3 + ["T2"] * 3, "term": ["甲", "乙", "丙", "丁", "戊", "己"]})
    sets = [set(d) for d in docs]

    def p(*terms):
        return sum(all(t in s for t in terms) for s in sets) / len(sets)

    def npmi(a, b):
        joint = p(a, b)
        return -1.0 if joint == 0 else np.log(joint / (p(a) * p(b))) / -np.log(joint)

    expected = np.mean([np.mean([npmi(a, b) for a, b in itertools.combinations(group["term"], 2)])
                        for _, group in top.groupby("topic", sort=False)])
    assert topics.npmi_coherence(top, docs) == expected


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_topic_model_is_deterministic_and_recovers_planted_topics():
    a = ["改革", "审批", "营商环境", "开放", "贸易"]
    b = ["养老", "教育", "医疗", "健康", "就业"]
    docs = pd.Series([a[i % 5:] + a[:i % 5] + [a[i % 5]] for i in range(10)] +
                     [b[i % 5:] + b[:i % 5] + [b[i % 5]] for i in range(10)],
                     index=pd.MultiIndex.from_tuples([("x", i) for i in range(10)] + [("y", i) for i in range(10)],
                                                     names=["doc_id", "para_no"]))
    model = topics.fit_topics(docs, 2, seed=0, top_n=5)
    again = topics.fit_topics(docs, 2, seed=0, top_n=5)
    pd.testing.assert_frame_equal(model.top_terms, again.top_terms)
    sets = sorted(sorted(g["term"]) for _, g in model.top_terms.groupby("topic"))
    assert sets == sorted([sorted(a), sorted(b)])
    prevalence = topics.topic_prevalence(model)
    assert prevalence.sum(axis=1).to_numpy() == pytest.approx([1, 1])
    assert prevalence.max(axis=1).to_numpy() == pytest.approx([1, 1], abs=0.05)
    dictionary = [DictionaryEntry("reform", "改革", "Reform", tuple(a)), DictionaryEntry("livelihood", "民生", "Livelihood", tuple(b))]
    alignment = topics.topic_theme_alignment(model, dictionary)
    assert sorted(alignment["best_theme"]) == ["livelihood", "reform"]
    assert alignment["best_share"].to_numpy() == pytest.approx([1, 1], abs=0.05)
    selection = topics.choose_topic_number(docs, [2, 3], seed=0, top_n=5, n_samples=3)
    assert selection.loc[selection["chosen"], "k"].tolist() == [2]
    in_parallel = topics.choose_topic_number(docs, [2, 3], seed=0, top_n=5, n_samples=3, workers=2)
    pd.testing.assert_frame_equal(selection, in_parallel)


def test_top_terms_equal_ranking_every_rounded_weight():
    """Only weights near the top are rounded and sorted; the result is that of sorting all."""
    from analysis._internal.rounding import RANK_SIGNIFICANT_DIGITS, round_significant
    rng = np.random.default_rng(0)
    terms = np.array([f"t{i:04d}" for i in range(800)])
    for trial in range(60):
        weights = rng.gamma(0.3, 1, size=(4, 800)) * (rng.random((4, 800)) < 0.3)
        if trial % 3 == 0:
            weights = np.round(weights, 2)                      # many ties, broken by the term
        if trial % 5 == 0:
            weights[1] = 0.0
        weights[2, :30] = weights[2, 30] * (1 - 1e-12)          # equal to the 9th digit, not in the bits
        expected = [np.lexsort((terms, -round_significant(row, RANK_SIGNIFICANT_DIGITS)))[:10] for row in weights]
        assert [t.tolist() for t in topics._top_terms(weights, terms, 10)] == [e.tolist() for e in expected]
    assert [t.tolist() for t in topics._top_terms(np.array([[0.5, 0.2]]), terms[:2], 10)] == [[0, 1]]


def test_above_the_limit_the_topic_number_is_chosen_on_a_seeded_sample_of_paragraphs():
    """choose_topic_number on more than max_paragraphs paragraphs is choose_topic_number on the
    seeded sample selection_paragraphs draws (that many, in corpus order); at or below the
    limit every paragraph is used."""
    rng = np.random.default_rng(1)
    words = [f"词{i}" for i in range(40)]
    docs = pd.Series([list(rng.choice(words[:20] if i % 2 else words[20:], size=12)) for i in range(60)],
                     index=pd.MultiIndex.from_tuples([("d", i) for i in range(60)], names=["doc_id", "para_no"]))
    assert topics.selection_paragraphs(docs, 60, seed=3) is docs and topics.selection_paragraphs(docs, None) is docs
    sample = topics.selection_paragraphs(docs, 40, seed=3)
    assert len(sample) == 40 and sample.index.is_monotonic_increasing and set(sample.index) < set(docs.index)
    assert sample.index.equals(topics.selection_paragraphs(docs, 40, seed=3).index)
    assert not sample.index.equals(topics.selection_paragraphs(docs, 40, seed=4).index)
    limited = topics.choose_topic_number(docs, [2, 3], seed=3, top_n=5, n_samples=3, max_paragraphs=40)
    pd.testing.assert_frame_equal(limited, topics.choose_topic_number(sample, [2, 3], seed=3, top_n=5, n_samples=3,
                                                                      max_paragraphs=None))


def test_a_topic_of_the_procedural_frame_is_marked_and_the_matrix_shows_the_unmatched_share():
    top = pd.DataFrame({"topic": ["T1 a"] * 3 + ["T2 b"] * 3, "rank": [0, 1, 2] * 2,
                        "term": ["审议", "政协委员", "发展", "改革", "代表", "开放"], "weight": [1.0] * 6})
    weights = pd.DataFrame([[1.0, 1.0, 2.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 3.0, 1.0, 0.0]],
                           index=["T1 a", "T2 b"], columns=["审议", "政协委员", "发展", "改革", "代表", "开放"])
    model = topics.TopicModel(pd.DataFrame(), weights, top)
    assert topics.procedural_topics(model) == ["T1 a"]
    dictionary = [DictionaryEntry("reform", "改革", "Reform", ("改革", "开放")), DictionaryEntry("economy", "经济", "Economy", ("发展",))]
    alignment = topics.topic_theme_alignment(model, dictionary)
    assert alignment["procedural"].tolist() == [True, False]
    matrix = topics.alignment_matrix(alignment, dictionary)
    assert matrix.index.tolist() == ["T1 a [procedural]", "T2 b"]
    assert matrix.columns.tolist() == ["reform", "economy", "no theme"]
    assert matrix.sum(axis=1).to_numpy() == pytest.approx([1, 1])
    assert matrix.loc["T1 a [procedural]", "no theme"] == pytest.approx(0.5)
