"""Shanghai-wide and national campaigns: which distinctive terms of a comparison belong to
one, and whether it began between the years compared.

The lexicon (``analysis/data/lexicon.tsv``) marks a campaign with its level (``shanghai``,
``national``), the year it was launched (``campaign_start``) and the document or event that
dates it (``campaign_source``). A district comparison of
two reports from different years cannot tell a district's choice from a campaign that the
whole city took up in between: a term tied to such a campaign is a candidate year effect.
"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..segmentation.lexicon import LexiconEntry

__all__ = ["campaign_table", "campaign_mentions", "linked_campaigns", "campaign_terms"]


def campaign_table(entries: Sequence[LexiconEntry]) -> pd.DataFrame:
    """The lexicon's campaigns: campaign, category, level, start_year, source (what dates the
    start year); in lexicon order."""
    return pd.DataFrame([{"campaign": e.term, "category": e.category, "level": e.campaign,
                          "start_year": e.campaign_start, "source": e.campaign_source} for e in entries if e.campaign],
                        columns=["campaign", "category", "level", "start_year", "source"])


def campaign_mentions(entries: Sequence[LexiconEntry], tokens: pd.DataFrame, doc_ids: Sequence[str]
                      ) -> pd.DataFrame:
    """:func:`campaign_table` with one column per doc_id: how often the campaign's name
    occurs there as a word token (lexicon terms are kept whole by the tokenizer); only
    campaigns named in at least one of the documents."""
    table = campaign_table(entries)
    words = tokens[tokens["is_word"] & tokens["doc_id"].isin(list(doc_ids))]
    counts = words.groupby(["token", "doc_id"]).size().unstack("doc_id", fill_value=0)
    counts = counts.reindex(index=table["campaign"], columns=list(doc_ids), fill_value=0)
    table = pd.concat([table, counts.reset_index(drop=True)], axis=1)
    return table[counts.to_numpy().sum(axis=1) > 0].reset_index(drop=True)


def linked_campaigns(term: str, entries: Sequence[LexiconEntry]) -> list[LexiconEntry]:
    """The campaigns a term belongs to: the campaign's own name, or a word of at least two
    characters inside it (品牌 in 四大品牌, 通办 in 一网通办); in lexicon order."""
    return [e for e in entries if e.campaign and (term == e.term or (len(term) >= 2 and term in e.term))]


def campaign_terms(keyness_table: pd.DataFrame, entries: Sequence[LexiconEntry], years: tuple[int, int],
                   alpha: float = 0.05) -> pd.DataFrame:
    """The terms of a keyness table (:func:`analysis.textstats.comparison.keyness`) that belong to a
    campaign (:func:`linked_campaigns`), with freq_target, freq_reference, g2,
    significant (p_adjusted < ``alpha``), campaign (names joined by 、), level, start_year
    (the earliest of them) and began_between: true when a campaign began in a year from
    the earlier to the later of ``years`` (the years of the two sides), so that the
    difference may be the year's rather than the place's. In the table's order.
    """
    first, last = sorted(years)
    rows = []
    for term, a, b, g2, p in zip(keyness_table["term"], keyness_table["freq_target"],
                                 keyness_table["freq_reference"], keyness_table["g2"], keyness_table["p_adjusted"]):
        linked = linked_campaigns(term, entries)
        if linked:
            starts = [e.campaign_start for e in linked]
            rows.append({"term": term, "freq_target": a, "freq_reference": b, "g2": g2, "significant": p < alpha,
                         "campaign": "、".join(e.term for e in linked),
                         "level": "、".join(dict.fromkeys(e.campaign for e in linked)),
                         "start_year": min(starts), "began_between": any(first <= s <= last for s in starts)})
    return pd.DataFrame(rows, columns=["term", "freq_target", "freq_reference", "g2", "significant", "campaign",
                                       "level", "start_year", "began_between"])
