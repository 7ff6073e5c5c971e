"""Statistics on token tables: sizes, frequencies, keywords, collocations.

Counts are taken over *word tokens*: tokens for which :func:`analysis.segmentation.tokens.is_word`
is true (no white space, punctuation, symbols, digits-only tokens or stop words).
Every ranking breaks ties explicitly (by the term, in code-point order), and compares
float scores at :data:`analysis._internal.rounding.RANK_SIGNIFICANT_DIGITS` significant digits,
so tables are the same on every run and every CPU.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.sparse import csr_array, csr_matrix, eye_array, tril, triu
from scipy.sparse.linalg import spsolve_triangular
from scipy.stats import chi2, false_discovery_control, spearmanr
from sklearn.metrics.pairwise import cosine_similarity
from sklearn.preprocessing import normalize

from .._internal.rounding import sorted_by
from ..segmentation.lexicon import LEXICON_POS
from ..segmentation.tagging import tags
from ..segmentation.stop_words import stopwords

__all__ = [
    "document_sizes",
    "term_frequencies",
    "top_terms",
    "paragraph_idf",
    "tfidf_keywords",
    "textrank_keywords",
    "weighted_pagerank",
    "bigram_collocations",
    "lexicon_frequencies",
    "comparison_terms",
    "top_n_overlap",
    "term_trajectories",
    "signed_g2",
    "log_ratio",
    "keyness",
    "log_odds_dirichlet",
    "word_counts",
    "document_similarity",
    "ranking_agreement",
    "keyness_robustness",
]

PER = 10_000
"""Rates are per 10,000 word tokens."""


def document_sizes(corpus: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """Per document (in corpus order): chars (non-white-space characters of the cleaned
    text), paragraphs, tokens (all non-white-space tokens, punctuation included),
    word_tokens (tokens that are words: no punctuation, digits-only tokens or stop
    words) and word_types (distinct word tokens)."""
    words = tokens[tokens["is_word"]]
    table = pd.DataFrame({"doc_id": corpus["doc_id"]})
    table["chars"] = [sum(not c.isspace() for c in text) for text in corpus["text"]]
    table["paragraphs"] = [text.count("\n") + 1 if text else 0 for text in corpus["text"]]
    table["tokens"] = table["doc_id"].map(tokens.groupby("doc_id").size()).fillna(0).astype(int)
    table["word_tokens"] = table["doc_id"].map(words.groupby("doc_id").size()).fillna(0).astype(int)
    table["word_types"] = table["doc_id"].map(words.groupby("doc_id")["token"].nunique()).fillna(0).astype(int)
    return table.reset_index(drop=True)


def _ranked(table: pd.DataFrame, by: list[str], score: str) -> pd.DataFrame:
    """Sort by group, score (descending) and term; add rank 1, 2, … within each group."""
    table = sorted_by(table, [*by, score, "term"], ascending=[True] * len(by) + [False, True])
    table["rank"] = table.groupby(by, sort=False).cumcount() + 1 if by else np.arange(1, len(table) + 1)
    return table


def term_frequencies(tokens: pd.DataFrame, by: str | list[str] = "doc_id") -> pd.DataFrame:
    """Word frequencies per group: the ``by`` column(s), term, count, rate and rank.

    rate = count / (word tokens in the group) × 10,000. Rank 1 is the most frequent
    term of the group; ties are broken by the term. Whether a token is a word depends on
    the token alone, so count = Σ is_word over the (group, token) rows, and pairs with a
    zero sum are not words: no filtered copy of the token table is made.
    """
    by = [by] if isinstance(by, str) else list(by)
    counts = tokens.groupby([*by, "token"], sort=True)["is_word"].sum()
    counts = counts[counts > 0].astype("int64").rename("count").reset_index()
    counts = counts.rename(columns={"token": "term"})
    group_words = counts.groupby(by, sort=False)["count"].transform("sum")     # word tokens of the group
    counts["rate_per_10k"] = counts["count"] / group_words * PER
    return _ranked(counts, by, "count")


def top_terms(frequencies: pd.DataFrame, n: int) -> pd.DataFrame:
    """The ``n`` best-ranked rows of each group of a ranked table (rank ≤ n)."""
    return frequencies[frequencies["rank"] <= n].reset_index(drop=True)


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


def tfidf_keywords(tokens: pd.DataFrame, by: str = "doc_id", unit: Sequence[str] = ("doc_id", "para_no")
                   ) -> pd.DataFrame:
    """TF-IDF keywords of each ``by`` group: sublinear term frequency times an IDF fitted
    on paragraphs.

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
    counts["tfidf"] = (1 + np.log(counts["count"])) * counts["idf"]
    return _ranked(counts, [by], "tfidf")


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
    return _ranked(ranked, ["doc_id"], "weight")


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


def bigram_collocations(tokens: pd.DataFrame, min_freq: int = 3) -> pd.DataFrame:
    """Two-word collocations: pairs of word tokens next to each other in a paragraph.

    Over the N adjacent word pairs (no punctuation or stop word between them), for
    the pair (x, y) with frequency a, x first in a + b pairs and y second in a + c:
    PMI = log2(a·N / ((a + b)(a + c))) (Church & Hanks 1990), and the log-likelihood
    G² of the table [[a, b], [c, N − a − b − c]] (Dunning 1993) with its p from χ²(1).
    Pairs seen fewer than ``min_freq`` times are left out (PMI overrates rare pairs).
    Columns: bigram, first, second, freq, freq_first, freq_second, pmi, g2, p_value,
    rank (by G², ties by the bigram).
    """
    ordered = tokens.sort_values(["doc_id", "para_no", "position"], kind="mergesort")
    following = ordered.groupby(["doc_id", "para_no"], sort=False).shift(-1)
    adjacent = (ordered["is_word"] & following["is_word"].eq(True)
                & (following["position"] == ordered["position"] + 1))
    pairs = pd.DataFrame({"first": ordered.loc[adjacent, "token"].to_numpy(),
                          "second": following.loc[adjacent, "token"].to_numpy()})
    n = len(pairs)
    freq = pairs.value_counts().rename("freq").reset_index()
    freq["freq_first"] = freq["first"].map(pairs["first"].value_counts())
    freq["freq_second"] = freq["second"].map(pairs["second"].value_counts())
    freq = freq[freq["freq"] >= min_freq].copy()
    a, first, second = freq["freq"], freq["freq_first"], freq["freq_second"]
    freq["pmi"] = np.log2(a * n / (first * second))
    # the table [[a, f − a], [s − a, n − f − s + a]] in signed_g2's form [[a, b], [c − a, d − b]]
    g2 = np.abs(signed_g2(a.to_numpy(float), (first - a).to_numpy(float), second.to_numpy(float),
                          (n - second).to_numpy(float)))
    freq["g2"] = g2
    freq["p_value"] = chi2.sf(g2, 1)
    freq.insert(0, "bigram", freq["first"] + freq["second"])
    freq["term"] = freq["bigram"]
    return _ranked(freq, [], "g2").drop(columns="term")


def lexicon_frequencies(tokens: pd.DataFrame, entries: list, by: str = "doc_id") -> pd.DataFrame:
    """Occurrences of lexicon terms (as whole tokens) per ``by`` group: by, term,
    category, count, rate per 10,000 word tokens of the group, rank (ties by term)."""
    category = {entry.term: entry.category for entry in entries}
    freq = term_frequencies(tokens, by)
    freq = freq[freq["term"].isin(category)].drop(columns="rank").copy()
    freq.insert(freq.columns.get_loc("term") + 1, "category", freq["term"].map(category))
    return _ranked(freq, [by], "count")


def comparison_terms(keyness_table: pd.DataFrame, n: int, min_freq: int = 5) -> pd.DataFrame:
    """The terms of a :func:`keyness` table that most separate target and reference, for a
    comparison cloud: among terms seen at least ``min_freq`` times on the two sides
    together, the ``n`` with the largest |Log Ratio| (an effect size, so a frequent word
    does not win by its frequency alone), ties by |G²| and term. Columns: term,
    freq_target, freq_reference, log_ratio, g2, side (target or reference), rank."""
    table = keyness_table[keyness_table["freq_target"] + keyness_table["freq_reference"] >= min_freq]
    table = table.assign(abs_log_ratio=table["log_ratio"].abs(), abs_g2=table["g2"].abs(),
                         side=np.where(table["g2"] > 0, "target", "reference"))
    table = sorted_by(table, ["abs_log_ratio", "abs_g2", "term"], ascending=[False, False, True]).head(n)
    table = table.assign(rank=np.arange(1, len(table) + 1))
    return table[["term", "freq_target", "freq_reference", "log_ratio", "g2", "side", "rank"]]


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


def least_squares_slopes(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Least-squares slope of each row of ``y`` on ``x``: Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²."""
    y, x = np.asarray(y, dtype=float), np.asarray(x, dtype=float)
    dx = x - x.mean()
    return (y - y.mean(axis=-1, keepdims=True)) @ dx / (dx @ dx)


def term_trajectories(tokens: pd.DataFrame, timeline: pd.DataFrame, min_freq: int = 10) -> pd.DataFrame:
    """How each term's rate changes along a timeline of documents.

    ``timeline`` has columns doc_id and x (the time of each document, e.g. its decimal
    year), in display order. For every term seen at least ``min_freq`` times in those
    documents: its rate per 10,000 word tokens in each (0 where absent, one column per
    doc_id), its total count, and slope = Σ(x − x̄)(r − r̄) / Σ(x − x̄)², the least-squares
    change in rate per unit of x. Sorted by slope (descending), ties by term.
    """
    doc_ids = timeline["doc_id"].to_list()
    freq = term_frequencies(tokens[tokens["doc_id"].isin(doc_ids)], "doc_id")
    rates = freq.pivot_table(index="term", columns="doc_id", values="rate_per_10k", fill_value=0.0)
    rates = rates.reindex(columns=doc_ids, fill_value=0.0)
    total = freq.groupby("term")["count"].sum()
    rates = rates[total.reindex(rates.index) >= min_freq]
    slope = least_squares_slopes(rates.to_numpy(), timeline["x"].to_numpy(dtype=float))
    table = rates.reset_index()
    table.columns.name = None
    table["count"] = table["term"].map(total).astype(int)
    table["slope"] = slope
    return sorted_by(table, ["slope", "term"], ascending=[False, True])


def signed_g2(a: np.ndarray, b: np.ndarray, c: float, d: float) -> np.ndarray:
    """Signed log-likelihood G² = 2 Σ O ln(O / E) of the 2×2 tables [[a, b], [c − a, d − b]]
    (E from the margins; Dunning 1993), + where a/c > b/d, − otherwise. Vectorised over a
    and b (and over c and d when they are arrays). The project's one G² implementation."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    observed = np.stack([a, b, c - a, d - b])
    n = c + d
    expected = np.stack([c * (a + b) / n, d * (a + b) / n, c * (n - a - b) / n, d * (n - a - b) / n])
    with np.errstate(divide="ignore", invalid="ignore"):
        cells = np.where(observed > 0, observed * np.log(observed / expected), 0.0)
    g2 = np.maximum(2 * cells.sum(axis=0), 0.0)            # rounding noise for identical proportions
    return np.where(a / c > b / d, 1.0, -1.0) * g2


def log_ratio(a: np.ndarray, b: np.ndarray, c: float, d: float) -> np.ndarray:
    """Log Ratio = log2((a / c) / (b / d)) (Hardie 2014), 0.5 in place of a zero count."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.log2((np.where(a == 0, 0.5, a) / c) / (np.where(b == 0, 0.5, b) / d))


def keyness(target: Mapping[str, int], reference: Mapping[str, int], min_freq: int = 1) -> pd.DataFrame:
    """Keyness of every term of a target corpus against a reference corpus.

    For a term with counts a (target) and b (reference) in corpora of c and d word
    tokens (c, d summed over all terms, before filtering):

    * g2: the log-likelihood G² = 2 Σ O ln(O / E) of the 2×2 table [[a, b], [c − a, d − b]]
      (Dunning 1993; the G-test on that table), signed + where a/c > b/d, − otherwise;
    * p_value from χ² with 1 degree of freedom; p_adjusted by Benjamini–Hochberg over the
      terms tested (scipy.stats.false_discovery_control);
    * log_ratio = log2((a / c) / (b / d)) (Hardie 2014), with 0.5 in place of a zero count;
    * rate_target, rate_reference per 10,000 word tokens.

    Terms with a + b < ``min_freq`` are not tested (and not in the table). Rows are
    sorted by g2 (descending), ties by term.
    """
    terms = sorted(set(target) | set(reference))
    a = np.array([target.get(t, 0) for t in terms], dtype=float)
    b = np.array([reference.get(t, 0) for t in terms], dtype=float)
    c, d = float(sum(target.values())), float(sum(reference.values()))
    keep = a + b >= min_freq
    terms, a, b = [t for t, k in zip(terms, keep) if k], a[keep], b[keep]
    g2 = signed_g2(a, b, c, d)
    p_value = chi2.sf(np.abs(g2), 1)
    table = pd.DataFrame({
        "term": terms, "freq_target": a.astype(int), "freq_reference": b.astype(int),
        "rate_target": a / c * PER, "rate_reference": b / d * PER,
        "g2": g2,
        "log_ratio": log_ratio(a, b, c, d),
        "p_value": p_value,
        "p_adjusted": false_discovery_control(p_value, method="bh") if len(terms) else p_value,
    })
    return sorted_by(table, ["g2", "term"], ascending=[False, True])


def log_odds_dirichlet(target: Mapping[str, int], reference: Mapping[str, int], background: Mapping[str, int],
                       alpha0: float = 1000.0, min_freq: int = 1) -> pd.DataFrame:
    """Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).

    With y_i, y_j the term's counts in target and reference, n_i, n_j their sizes, and
    the prior α_w = α_0 × (the term's share of the ``background`` corpus):

        δ = ln[(y_i + α_w) / (n_i + α_0 − y_i − α_w)] − ln[(y_j + α_w) / (n_j + α_0 − y_j − α_w)]
        Var(δ) ≈ 1 / (y_i + α_w) + 1 / (y_j + α_w)         (Monroe et al., eq. 20)
        z = δ / √Var(δ)

    α_0 = 1,000 by default: a moderate prior, as if 1,000 word tokens distributed like
    the background were added to each side. Terms with y_i + y_j < ``min_freq`` are left
    out. Columns: term, freq_target, freq_reference, delta, variance, z; sorted by z
    (descending), ties by term. Every term must occur in the background.
    """
    terms = sorted(t for t in set(target) | set(reference) if target.get(t, 0) + reference.get(t, 0) >= min_freq)
    missing = [t for t in terms if background.get(t, 0) <= 0]
    if missing:
        raise ValueError(f"terms absent from the background corpus: {', '.join(missing[:10])}")
    total = float(sum(background.values()))
    alpha = alpha0 * np.array([background[t] for t in terms], dtype=float) / total
    yi = np.array([target.get(t, 0) for t in terms], dtype=float)
    yj = np.array([reference.get(t, 0) for t in terms], dtype=float)
    ni, nj = float(sum(target.values())), float(sum(reference.values()))
    delta = (np.log((yi + alpha) / (ni + alpha0 - yi - alpha))
             - np.log((yj + alpha) / (nj + alpha0 - yj - alpha)))
    variance = 1 / (yi + alpha) + 1 / (yj + alpha)
    table = pd.DataFrame({"term": terms, "freq_target": yi.astype(int), "freq_reference": yj.astype(int),
                          "delta": delta, "variance": variance, "z": delta / np.sqrt(variance)})
    return sorted_by(table, ["z", "term"], ascending=[False, True])


def word_counts(tokens: pd.DataFrame) -> dict[str, int]:
    """term -> count over the word tokens of ``tokens`` (for :func:`keyness`)."""
    return tokens.loc[tokens["is_word"], "token"].value_counts().sort_index().to_dict()


def document_similarity(tokens: pd.DataFrame, unit: Sequence[str] = ("doc_id", "para_no")) -> pd.DataFrame:
    """Cosine similarity of the documents' TF-IDF vectors: weight (1 + ln count) × idf of
    each word token type in a document, idf fitted on the paragraphs (``unit``) as in
    :func:`tfidf_keywords` (an IDF over a handful of documents takes only a few values and
    weights almost nothing), rows l2-normalised; documents in first-seen order."""
    words = tokens[tokens["is_word"]]
    idf = paragraph_idf(words, unit)
    doc, docs = pd.factorize(words["doc_id"])
    column = idf.index.get_indexer(words["token"])
    counts = pd.DataFrame({"doc": doc, "column": column}).value_counts(sort=False).sort_index()
    rows, columns = (counts.index.get_level_values(level).to_numpy() for level in ("doc", "column"))
    weights = (1 + np.log(counts.to_numpy(dtype=np.float64))) * idf.to_numpy()[columns]
    vectors = normalize(csr_matrix((weights, (rows, columns)), shape=(len(docs), len(idf))), norm="l2")
    index = pd.Index(docs, name="doc_id")
    return pd.DataFrame(cosine_similarity(vectors), index=index, columns=index)


def _top_by_side(table: pd.DataFrame, score: str, n: int) -> tuple[list[str], list[str]]:
    """The n best terms for the target (highest score) and the reference (lowest score)."""
    ordered = sorted_by(table, [score, "term"], ascending=[False, True])
    reverse = sorted_by(table, [score, "term"], ascending=[True, True])
    return ordered["term"].head(n).to_list(), reverse["term"].head(n).to_list()


def ranking_agreement(keyness_table: pd.DataFrame, log_odds_table: pd.DataFrame, top_n: int,
                      names: tuple[str, str] = ("target", "reference")) -> tuple[float, pd.DataFrame]:
    """How far the keyness (signed G²) and log-odds (z) rankings agree: Spearman's ρ over the
    terms in both tables, and per side the number of terms in both top-``top_n`` lists and
    the terms only one of them has."""
    both = keyness_table.merge(log_odds_table[["term", "z"]], on="term")
    rho = float(spearmanr(both["g2"], both["z"]).statistic)
    g2_sides, z_sides = _top_by_side(keyness_table, "g2", top_n), _top_by_side(log_odds_table, "z", top_n)
    rows = [{"side": name, "in_both_top": len(set(g) & set(z)),
             "only_g2": "、".join(sorted(set(g) - set(z))), "only_log_odds": "、".join(sorted(set(z) - set(g)))}
            for name, g, z in zip(names, g2_sides, z_sides)]
    return rho, pd.DataFrame(rows)


def keyness_robustness(keyness_tables: dict[str, pd.DataFrame], main: str, alpha: float = 0.05) -> pd.DataFrame:
    """The terms significant (p_adjusted < ``alpha``) in the ``main`` design, with their g2
    and log_ratio there and, for every other design, their g2 and whether they are
    significant with the same sign (a term not tested there is not)."""
    base = keyness_tables[main]
    table = base.loc[base["p_adjusted"] < alpha, ["term", "g2", "log_ratio"]].reset_index(drop=True)
    for design, other in keyness_tables.items():
        if design == main:
            continue
        other = other.set_index("term")
        g2 = table["term"].map(other["g2"])
        significant = table["term"].map(other["p_adjusted"] < alpha).fillna(False).astype(bool)
        table[f"{design}: g2"] = g2
        table[f"{design}: significant"] = significant & (np.sign(g2) == np.sign(table["g2"]))
    return table
