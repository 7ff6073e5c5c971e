"""Keyword in context: concordance lines and lexical dispersion."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..documents.structure import context

__all__ = ["concordance", "dispersion"]


def concordance(tokens: pd.DataFrame, paragraph_table: pd.DataFrame, terms: Sequence[str],
                window: int = 15) -> pd.DataFrame:
    """Keyword-in-context lines for every occurrence of ``terms`` (as whole tokens).

    The left and right contexts are the ``window`` characters before and after the
    term within its paragraph (shorter at a paragraph's start or end; a concordance
    line never crosses a paragraph). Columns: doc_id, para_no, section_title (empty outside sections), left,
    term, right; in the order of ``terms``, then document order.
    """
    text = paragraph_table.set_index(["doc_id", "para_no"])["text"]
    section = paragraph_table.set_index(["doc_id", "para_no"])["section_title"]
    rows = []
    order = {doc_id: i for i, doc_id in enumerate(paragraph_table["doc_id"].drop_duplicates())}
    for term in terms:
        hits = tokens[tokens["token"] == term]
        hits = hits.assign(_doc=hits["doc_id"].map(order)).sort_values(["_doc", "para_no", "start"], kind="mergesort")
        for doc_id, para_no, start in zip(hits["doc_id"], hits["para_no"], hits["start"]):
            left, _, right = context(text[(doc_id, para_no)], start, start + len(term), window)
            title = section[(doc_id, para_no)]
            rows.append({"doc_id": doc_id, "para_no": para_no, "section_title": "" if pd.isna(title) else title,
                         "left": left, "term": term, "right": right})
    return pd.DataFrame(rows, columns=["doc_id", "para_no", "section_title", "left", "term", "right"])


def dispersion(tokens: pd.DataFrame, terms: Sequence[str]) -> pd.DataFrame:
    """Where ``terms`` occur along each document: doc_id, term, token_index (0-based
    index of the token among the document's non-white-space tokens) and offset =
    token_index / number of tokens in the document (0 = start, 1 = end)."""
    ordered = tokens.sort_values(["doc_id", "para_no", "position"], kind="mergesort")
    index = ordered.groupby("doc_id", sort=False).cumcount()
    size = ordered.groupby("doc_id", sort=False)["token"].transform("size")
    hits = ordered["token"].isin(list(terms))
    table = pd.DataFrame({"doc_id": ordered.loc[hits, "doc_id"], "term": ordered.loc[hits, "token"],
                          "token_index": index[hits], "offset": index[hits] / size[hits]})
    return table.reset_index(drop=True)
