"""Topic model over paragraphs: NMF on TF-IDF, a coherence criterion for the number of
topics, prevalence per document, and alignment with the theme dictionary."""
from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from threadpoolctl import ThreadpoolController

from .._internal.parallel import ordered_map
from .._internal.rounding import RANK_SIGNIFICANT_DIGITS, round_significant, sorted_by
from ..dictionaries.themes import DictionaryEntry
from ..segmentation.tokens import pretokenized

__all__ = ["TopicModel", "paragraph_documents", "fit_topics", "npmi_coherence", "SELECTION_MAX_PARAGRAPHS",
           "selection_paragraphs", "choose_topic_number", "topic_prevalence", "PROCEDURAL_WORDS", "PROCEDURAL_MIN_WORDS",
           "procedural_topics", "topic_theme_alignment", "alignment_matrix"]


@dataclass(frozen=True)
class TopicModel:
    """A fitted model: paragraph weights (paragraphs × topics), term weights
    (topics × terms), and the top terms of each topic."""

    paragraph_weights: pd.DataFrame
    term_weights: pd.DataFrame
    top_terms: pd.DataFrame


def paragraph_documents(tokens: pd.DataFrame, min_words: int = 10) -> pd.Series:
    """Word tokens of each paragraph with at least ``min_words`` of them, indexed by
    (doc_id, para_no): the units of the topic model (short headings say little)."""
    words = tokens[tokens["is_word"]].sort_values(["doc_id", "para_no", "position"], kind="mergesort")
    docs = words.groupby(["doc_id", "para_no"], sort=True)["token"].agg(list)
    return docs[docs.map(len) >= min_words]


def _tfidf(docs: list[list[str]], min_df: int):
    """The sublinear TF-IDF paragraph vectors of ``docs`` (terms in at least ``min_df`` of
    them) and their terms."""
    vectorizer = TfidfVectorizer(analyzer=pretokenized, min_df=min_df, sublinear_tf=True)
    return vectorizer.fit_transform(docs), vectorizer.get_feature_names_out()


@functools.lru_cache(maxsize=1)
def _threadpools() -> ThreadpoolController:
    """The process's BLAS and OpenMP thread pools, found once (finding them reads the
    process's loaded libraries, which costs more than fitting a small NMF)."""
    return ThreadpoolController()


def _nmf_of(matrix, k: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """NMF of a TF-IDF matrix: (paragraph weights, term weights)."""
    model = NMF(n_components=k, init="nndsvd", random_state=seed, max_iter=5000, tol=1e-4)
    with _threadpools().limit(limits=1):          # matrices this small fit faster without BLAS threads
        weights = model.fit_transform(matrix)
    return weights, model.components_


def _nmf(docs: list[list[str]], k: int, seed: int, min_df: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """NMF of the sublinear TF-IDF paragraph vectors of ``docs`` (terms in at least
    ``min_df`` of them): (paragraph weights, term weights, terms)."""
    matrix, terms = _tfidf(docs, min_df)
    return *_nmf_of(matrix, k, seed), terms


def _top_terms(term_weights: np.ndarray, terms: np.ndarray, top_n: int) -> list[np.ndarray]:
    """Column numbers of each topic's ``top_n`` terms: weight descending (compared at
    RANK_SIGNIFICANT_DIGITS significant digits), ties by term. Only the weights within
    10⁻⁷ (relative) of the ``top_n``-th largest or above can round into the top, so only
    those are rounded and sorted."""
    out = []
    for row in term_weights:
        near = np.arange(len(row))
        if len(row) > top_n:
            kth = np.partition(row, len(row) - top_n)[len(row) - top_n]
            near = np.flatnonzero(row >= kth - abs(kth) * 1e-7)
        out.append(near[np.lexsort((terms[near], -round_significant(row[near], RANK_SIGNIFICANT_DIGITS)))][:top_n])
    return out


NAME_WORDS = 3
"""A topic is named by its number and this many top words (T1 产业·企业·创新)."""


def fit_topics(docs: pd.Series, k: int, seed: int = 0, top_n: int = 10, min_df: int = 3) -> TopicModel:
    """NMF with ``k`` topics on sublinear TF-IDF paragraph vectors (terms in at least
    ``min_df`` paragraphs; scikit-learn, NNDSVD initialisation, Frobenius loss, fixed
    ``seed``). Top terms are ranked by weight, ties by term. Each topic is named by its
    number and its ``NAME_WORDS`` top words, and that name is used in every table."""
    weights, components, terms = _nmf(docs.to_list(), k, seed, min_df)
    tops = _top_terms(components, terms, top_n)
    topics = [f"T{i + 1} " + "·".join(terms[order[:NAME_WORDS]]) for i, order in enumerate(tops)]
    rows = [{"topic": topic, "rank": r, "term": terms[j], "weight": components[t, j]}
            for t, (topic, order) in enumerate(zip(topics, tops))
            for r, j in enumerate(order, 1)]
    return TopicModel(pd.DataFrame(weights, index=docs.index, columns=topics),
                      pd.DataFrame(components, index=topics, columns=terms), pd.DataFrame(rows))


def npmi_coherence(top_terms: pd.DataFrame, docs: pd.Series) -> float:
    """Mean NPMI coherence of the topics' top terms, co-occurrence counted in paragraphs.

    NPMI(a, b) = ln(P(a, b) / (P(a) P(b))) / −ln P(a, b), with P the share of
    paragraphs containing the term(s), and −1 for a pair that never co-occurs
    (Bouma 2009; Röder et al. 2015). Averaged over term pairs, then over topics.
    Co-occurrence counts come from a binary paragraph × term matrix (scikit-learn's
    CountVectorizer) multiplied by its transpose.
    """
    vectorizer = CountVectorizer(analyzer=pretokenized, binary=True,
                                 vocabulary=sorted(set(top_terms["term"])))
    present = vectorizer.transform(docs.to_list())
    joint_counts = (present.T @ present).toarray()
    column = vectorizer.vocabulary_
    n = len(docs)
    scores = []
    for _, group in top_terms.groupby("topic", sort=False):
        pairs = []
        for a, b in itertools.combinations(group["term"], 2):
            i, j = column[a], column[b]
            joint = joint_counts[i, j] / n
            if joint == 0:
                pairs.append(-1.0)
            elif joint == 1:
                pairs.append(1.0)
            else:
                pairs.append(np.log(joint / ((joint_counts[i, i] / n) * (joint_counts[j, j] / n))) / -np.log(joint))
        scores.append(np.mean(pairs))
    return float(np.mean(scores))


def _matched_jaccard(a: list[set[str]], b: list[set[str]]) -> float:
    """Mean Jaccard index of two topic sets' top terms under the best one-to-one matching."""
    similarity = np.array([[len(x & y) / len(x | y) for y in b] for x in a])
    rows, cols = linear_sum_assignment(-similarity)
    return float(similarity[rows, cols].mean())


def _ranked_top_terms(job: tuple) -> list[list[str]]:
    """Each topic's top terms, best first, of an NMF fitted on a TF-IDF matrix; ``job`` is
    (matrix, terms, k, seed, top_n)."""
    matrix, terms, k, seed, top_n = job
    _, components = _nmf_of(matrix, k, seed)
    return [terms[order].tolist() for order in _top_terms(components, terms, top_n)]


SELECTION_MAX_PARAGRAPHS = 1000
"""Above this many paragraphs, the topic number is chosen on a seeded random sample of this
many (:func:`selection_paragraphs`): 231 fits on every paragraph of a long timeline took
minutes, and the stability of a topic's top words needs hundreds of paragraphs, not all."""


def selection_paragraphs(docs: pd.Series, max_paragraphs: int | None = SELECTION_MAX_PARAGRAPHS,
                         seed: int = 0) -> pd.Series:
    """The paragraphs the topic number is chosen on: all of ``docs`` when there are at most
    ``max_paragraphs`` (or it is None), else a simple random sample of ``max_paragraphs`` of
    them without replacement (numpy generator seeded with ``seed``), in corpus order."""
    if max_paragraphs is None or len(docs) <= max_paragraphs:
        return docs
    rows = np.sort(np.random.default_rng(seed).choice(len(docs), size=max_paragraphs, replace=False))
    return docs.iloc[rows]


def choose_topic_number(docs: pd.Series, ks: Sequence[int], seed: int = 0, top_n: int = 10,
                        n_samples: int = 20, fraction: float = 0.8, min_df: int = 3, workers: int | None = 1,
                        max_paragraphs: int | None = SELECTION_MAX_PARAGRAPHS) -> pd.DataFrame:
    """Topic-number selection by stability (Greene, O'Callaghan & Cunningham 2014).

    The paragraphs are ``docs``, or above ``max_paragraphs`` a seeded random sample of them
    (:func:`selection_paragraphs`, seeded with ``seed``).
    For each k: fit on all those paragraphs (the reference) and on ``n_samples`` random
    subsets of ``fraction`` of them (numpy generator seeded with ``seed``); stability
    is the mean, over subsets, of the Jaccard index between reference and subset
    topics' top-``top_n`` term sets under the best one-to-one matching (Hungarian
    algorithm); stability_sd is the standard deviation of that index over the subsets.
    The chosen k has the highest stability; ties go to the smaller k. The
    mean NPMI coherence of the reference model is reported beside it (in-sample
    coherence rises with k on a corpus this small, so it is not the criterion).
    The fits are independent and run in ``workers`` worker processes (None = every
    core; :func:`analysis._internal.parallel.ordered_map`); the result does not depend on ``workers``.
    """
    if n_samples < 2:
        raise ValueError(f"n_samples must be at least 2 (a spread over one subset is undefined), not {n_samples}")
    docs = selection_paragraphs(docs, max_paragraphs, seed)
    rng = np.random.default_rng(seed)
    size = int(round(fraction * len(docs)))
    samples = [np.sort(rng.choice(len(docs), size=size, replace=False)) for _ in range(n_samples)]
    subsets = [docs.to_list(), *([docs.iloc[rows].to_list() for rows in samples])]
    matrices = [_tfidf(subset, min_df) for subset in subsets]          # one TF-IDF per subset, for every k
    fitted = ordered_map(_ranked_top_terms, [(matrix, terms, k, seed, top_n) for k in ks for matrix, terms in matrices],
                         workers, chunks_per_worker=4)
    rows = []
    for k in ks:
        reference, *resampled = [next(fitted) for _ in range(n_samples + 1)]
        top = pd.DataFrame([{"topic": f"T{t + 1}", "term": term}
                            for t, ranked in enumerate(reference) for term in ranked])
        agreement = [_matched_jaccard([set(r) for r in reference], [set(r) for r in other]) for other in resampled]
        rows.append({"k": k, "stability": float(np.mean(agreement)), "stability_sd": float(np.std(agreement, ddof=1)),
                     "coherence": npmi_coherence(top, docs)})
    table = pd.DataFrame(rows)
    best = sorted_by(table, ["stability", "k"], ascending=[False, True]).iloc[0]["k"]
    table["chosen"] = table["k"] == best
    return table


def topic_prevalence(model: TopicModel) -> pd.DataFrame:
    """Share of each document's topic weight on each topic: Σ_p W[p, t] / Σ_p Σ_t W[p, t]
    over the document's paragraphs p (rows: doc_id in first-seen order; columns: topics)."""
    weights = model.paragraph_weights.groupby(level="doc_id", sort=False).sum()
    return weights.div(weights.sum(axis=1), axis=0)


PROCEDURAL_WORDS = ("审议", "请予", "各位代表", "代表", "政协委员", "委员", "列席", "意见", "报告", "现在")
"""Words of a report's procedural frame (现在，我代表市人民政府向大会报告工作，请予审议，并请
市政协委员和其他列席人员提出意见), not of its policy content."""
PROCEDURAL_MIN_WORDS = 2


def procedural_topics(model: TopicModel, words: Sequence[str] = PROCEDURAL_WORDS,
                      min_words: int = PROCEDURAL_MIN_WORDS) -> list[str]:
    """Topics whose top terms hold at least ``min_words`` of ``words``: the report's
    procedural frame (the opening address and its boilerplate), not a policy subject."""
    listed = set(words)
    found = model.top_terms.groupby("topic", sort=False)["term"].agg(lambda terms: len(listed & set(terms)))
    return found.index[found >= min_words].to_list()


def topic_theme_alignment(model: TopicModel, themes: Sequence[DictionaryEntry], min_share: float = 0.02) -> pd.DataFrame:
    """Which dictionary theme each topic corresponds to: the share of the topic's term
    weight that falls on each theme's (single-token) keywords, the best theme and its
    share, the share of weight on no theme's keywords (unmatched_share), and whether the
    topic is procedural (:func:`procedural_topics`). A topic whose best share is below
    ``min_share`` corresponds to no theme (best_theme "none")."""
    weights = model.term_weights
    total = weights.sum(axis=1)
    shares = pd.DataFrame({t.id: weights[[k for k in t.keywords if k in weights.columns]].sum(axis=1) / total
                           for t in themes})
    table = shares.copy()
    table["best_theme"] = shares.idxmax(axis=1).where(shares.max(axis=1) >= min_share, "none")
    table["best_share"] = shares.max(axis=1)
    table["unmatched_share"] = 1 - shares.sum(axis=1)
    table["procedural"] = table.index.isin(procedural_topics(model))
    table.index.name = "topic"
    return table.reset_index()


def alignment_matrix(alignment: pd.DataFrame, themes: Sequence[DictionaryEntry]) -> pd.DataFrame:
    """The heat map of :func:`topic_theme_alignment`: topics (rows; a procedural one marked
    "[procedural]") × themes, and a last column "no theme" (unmatched_share), so that every
    row sums to 1 and a colour scale from 0 to 1 shows how little falls on any theme."""
    matrix = alignment.set_index("topic")[[t.id for t in themes]].copy()
    matrix["no theme"] = alignment.set_index("topic")["unmatched_share"]
    procedural = set(alignment.loc[alignment["procedural"], "topic"])
    return matrix.rename(index=lambda topic: f"{topic} [procedural]" if topic in procedural else topic)
