"""Keywords beside frequency: TF-IDF with IDF over paragraphs, TextRank, and how far the
rankings agree.

Every ranking breaks ties explicitly (by the term, in code-point order) and compares float
scores at :data:`analysis._internal.rounding.RANK_SIGNIFICANT_DIGITS` significant digits, so
tables are the same on every run and every CPU.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy.sparse import csr_array, eye_array, tril, triu
from scipy.sparse.linalg import spsolve_triangular

from ..segmentation.lexicon import LEXICON_POS
from ..segmentation.stop_words import stopwords
from ..segmentation.tagging import tags
from .._internal.rounding import rank_within_groups

__all__ = ["paragraph_idf", "tfidf_keywords", "textrank_keywords", "weighted_pagerank", "top_n_overlap"]


def paragraph_idf(words: pd.DataFrame, unit: Sequence[str] = ("doc_id", "para_no")) -> pd.Series:
    """Smooth IDF of each word type over the units ``unit`` (paragraphs) of the word tokens
    ``words``, as scikit-learn's TfidfVectorizer(smooth_idf=True) computes it:
    idf(t) = ln((1 + n) / (1 + df(t))) + 1, n the number of units and df(t) the number of
    units that contain t. Index: the terms, sorted."""
    unit = list(unit)
    n_units = len(words[unit].drop_duplicates())
    df = words[[*unit, "token"]].drop_duplicates()["token"].value_counts().sort_index()
    df.index.name = "term"
    return pd.Series(np.log((n_units + 1) / (df.to_numpy(dtype=np.float64) + 1)) + 1, index=df.index, name="idf")


def tfidf_keywords(tokens: pd.DataFrame, by: str = "doc_id", unit: Sequence[str] = ("doc_id", "para_no"),
                   sublinear: bool = True) -> pd.DataFrame:
    """TF-IDF keywords of each ``by`` group: sublinear term frequency times an IDF fitted
    on paragraphs (``sublinear=False``: the raw count times the IDF, for comparison).

    With five documents an IDF over documents has only six possible values, so the IDF
    is fitted on the units ``unit`` (paragraphs): idf(t) = ln((1 + n) / (1 + df(t))) + 1,
    n the number of paragraphs and df(t) the number containing t (scikit-learn's smooth
    IDF). A term's score in a group is tfidf = (1 + ln count) × idf, count its word-token
    frequency in the group (sublinear tf, Manning, Raghavan & Schütze 2008, §6.4.1): with
    raw counts the ranking stays close to plain frequency, because the IDF of ~300 short
    paragraphs varies far less than the counts. Columns: by, term, count, idf, tfidf,
    rank (ties by term).
    """
    words = tokens[tokens["is_word"]]
    idf = paragraph_idf(words, unit)
    counts = words.groupby([by, "token"], sort=True).size().rename("count").reset_index()
    counts = counts.rename(columns={"token": "term"})
    counts["idf"] = counts["term"].map(idf)
    tf = 1 + np.log(counts["count"]) if sublinear else counts["count"].astype(float)
    counts["tfidf"] = tf * counts["idf"]
    return rank_within_groups(counts, [by], "tfidf")


def textrank_keywords(tokens: pd.DataFrame, allow_pos: tuple[str, ...] = ("ns", "n", "vn", "v", LEXICON_POS),
                      window: int = 5) -> pd.DataFrame:
    """TextRank keywords (Mihalcea & Tarau 2004) of each document, over its tokens in the
    token table (the segmentation every count uses), ranked by jieba's implementation.

    Tokens are tagged by :func:`analysis.segmentation.tagging.token_part_of_speech` (lexicon terms
    nz). Words of the allowed parts of speech, two or more characters long and not stop
    words, are linked when they lie fewer than ``window`` tokens apart in the document
    (white space, punctuation and one line break between paragraphs count as tokens, as in
    jieba's TextRank on the text); an edge's weight is the number of such co-occurrences,
    word a before word b and b before a counted as two edges. Ranked by jieba's weighted
    PageRank (:func:`weighted_pagerank`: damping 0.85, 10 Gauss–Seidel sweeps, scaled as
    jieba scales it, so the top term of a document has weight 1), every document in one
    sparse solve. Columns: doc_id, term, weight, rank (ties by term); documents with no
    linked pair of words have no rows.
    """
    if window < 2:
        raise ValueError(f"window must be at least 2 tokens, not {window}")
    table = tokens[["doc_id", "para_no", "position", "token"]].copy()
    table["doc_id"] = pd.Categorical(table["doc_id"], categories=table["doc_id"].unique())
    table = table.sort_values(["doc_id", "para_no", "position"], kind="stable")
    # a document's token index: paragraphs follow each other with one line break between them
    lengths = table.groupby(["doc_id", "para_no"], observed=True, sort=False)["position"].max() + 2
    starts = lengths.groupby(level="doc_id", observed=True).cumsum() - lengths
    table["index"] = table[["doc_id", "para_no"]].join(starts.rename("start"), on=["doc_id", "para_no"])["start"] \
        + table["position"]
    stop = set(stopwords())
    distinct = pd.Series(table["token"].unique())
    linked = {token for token, tag in zip(distinct, tags(distinct.to_list()))
              if tag in set(allow_pos) and len(token.strip()) >= 2 and token.lower() not in stop}
    kept = table[table["token"].isin(linked)]
    term, vocabulary = pd.factorize(kept["token"], sort=True)     # codes in string order, as jieba sorts nodes
    doc, index = kept["doc_id"].cat.codes.to_numpy(), kept["index"].to_numpy()
    first, after = [], []
    for step in range(1, window):                         # the step-th next linked word, if near enough
        near = np.flatnonzero((doc[step:] == doc[:-step]) & (index[step:] - index[:-step] < window))
        first.append(near)
        after.append(near + step)
    first, after = np.concatenate(first), np.concatenate(after)
    edges = pd.DataFrame({"doc": doc[first], "a": term[first], "b": term[after]}).value_counts(sort=False)
    doc_of, term_of, weight = weighted_pagerank(*(edges.index.get_level_values(c).to_numpy() for c in ("doc", "a", "b")),
                                                edges.to_numpy(), len(vocabulary))
    ranked = pd.DataFrame({"doc_id": table["doc_id"].cat.categories.take(doc_of).to_numpy(dtype=object),
                           "term": np.asarray(vocabulary, dtype=object)[term_of], "weight": weight})
    return rank_within_groups(ranked, ["doc_id"], "weight")


def weighted_pagerank(doc: np.ndarray, a: np.ndarray, b: np.ndarray, weight: np.ndarray, n_terms: int,
                      damping: float = 0.85, sweeps: int = 10) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """jieba's TextRank PageRank (``UndirectWeightedGraph.rank``) of every document's graph
    at once: edges doc, a, b (term codes below ``n_terms``, in the order of the terms'
    strings) with integer weights; an edge a–b counts for a and for b, a self-edge twice.

    Per document, with out(m) the summed weight of m's edges and the nodes in sorted order,
    jieba sweeps ws(n) ← (1 − d) + d Σ_m w(n, m) / out(m) · ws(m) over the nodes in turn,
    each update using the nodes already updated in the sweep (Gauss–Seidel), from ws = 1/N,
    ``sweeps`` times; in matrix form each sweep solves (I − d L) ws' = (1 − d) + d U ws, L
    the part of M = w / out below the diagonal and U the rest, which is one sparse
    triangular solve for all documents (their blocks do not touch). Weights are then
    scaled as jieba scales them, (ws − min/10) / (max − min/10) per document. The sums run
    in another order than jieba's loop, so weights agree with it to about 1e-15 (relative),
    far below the 9 digits rankings compare. Returns each node's document, term and weight,
    by document then term.
    """
    if not len(doc):
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64), np.array([], dtype=float)
    keys = np.r_[doc.astype(np.int64) * n_terms + a, doc.astype(np.int64) * n_terms + b]
    nodes, node_of = np.unique(keys, return_inverse=True)         # by document, then term
    rows, columns = node_of, np.r_[node_of[len(doc):], node_of[:len(doc)]]
    values = np.r_[weight, weight].astype(float)
    out = np.bincount(columns, weights=values, minlength=len(nodes))
    shares = csr_array((values / out[columns], (rows, columns)), shape=(len(nodes), len(nodes)))
    lower, upper = tril(shares, k=-1, format="csr"), triu(shares, k=0, format="csr")
    system = (eye_array(len(nodes), format="csr") - damping * lower).tocsr()
    node_doc = nodes // n_terms
    starts = np.flatnonzero(np.r_[True, node_doc[1:] != node_doc[:-1]])
    sizes = np.diff(np.r_[starts, len(nodes)])
    ws = np.repeat(1.0 / sizes, sizes)
    for _ in range(sweeps):
        ws = spsolve_triangular(system, (1 - damping) + damping * (upper @ ws), lower=True, unit_diagonal=True)
    low, high = np.repeat(np.minimum.reduceat(ws, starts), sizes), np.repeat(np.maximum.reduceat(ws, starts), sizes)
    return node_doc, nodes % n_terms, (ws - low / 10.0) / (high - low / 10.0)


def top_n_overlap(rankings: dict[str, pd.DataFrame], n: int, by: str = "doc_id") -> pd.DataFrame:
    """How far the top ``n`` terms of several rankings agree, per group.

    ``rankings`` maps a method name to a ranked table (columns by, term, rank). For
    each group and each pair of methods: the Jaccard index |A ∩ B| / |A ∪ B| of their
    top-n term sets, the shared terms, and the terms only the first or only the second
    method has (each in its method's rank order).
    """
    tops = {name: {group: rows.sort_values("rank")["term"].head(n).to_list()
                   for group, rows in table.groupby(by, sort=False)}
            for name, table in rankings.items()}
    names = list(rankings)
    groups = list(dict.fromkeys(g for top in tops.values() for g in top))
    rows = []
    for group in groups:
        for i, first in enumerate(names):
            for second in names[i + 1:]:
                a, b = tops[first].get(group, []), tops[second].get(group, [])
                shared = [t for t in a if t in b]
                union = set(a) | set(b)
                rows.append({by: group, "methods": f"{first} / {second}",
                             "jaccard": len(shared) / len(union) if union else 0.0,
                             "shared": "、".join(shared),
                             "only_first": "、".join(t for t in a if t not in b),
                             "only_second": "、".join(t for t in b if t not in a)})
    return pd.DataFrame(rows)
