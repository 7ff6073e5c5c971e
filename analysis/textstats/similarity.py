"""Document similarity: cosine similarity of TF-IDF vectors with IDF over paragraphs.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from sklearn.metrics.pairwise import cosine_similarity
from sklearn.preprocessing import normalize

from .keywords import paragraph_idf

__all__ = ["document_similarity"]


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
