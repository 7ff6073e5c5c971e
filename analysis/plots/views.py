"""Views that scale: per-document figures that stay readable with 5, 35 or 500 documents.

The rule, for every per-document figure:

* up to :data:`MAX_PANELS` documents, one panel (or bar, or row) per document, as the
  seed figures show, as long as the figure fits a page;
* beyond that, one column (or cloud, or bar) per *view group*: the document itself while
  there are at most ``max_groups`` documents (MAX_COLUMNS for a heat map, MAX_BARS for a
  bar chart, MAX_PANELS for word clouds), else district × year (长宁 2018), else
  district × decade (长宁 2010s), else district, else province, else the largest provinces
  and one group of the others (:func:`view_groups`), so that no figure has more than
  ``max_groups`` groups;
* no figure is larger than a printable page, :data:`analysis.plots.style.PAGE_INCHES` (A3, either way round);
  the CSV beside each figure always holds the full per-document table.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..documents.corpus import document_labels, marked_doc_ids
from ..documents.districts import read_districts
from ..documents.divisions import read_divisions
from .._internal.rounding import sorted_by
from ..textstats.frequency import term_frequencies, top_terms
from .frequency_figures import plot_dispersion, plot_document_sizes, plot_top_terms, plot_wordclouds
from .style import PAGE_INCHES, PER_10K_LABEL, plot_heatmap

__all__ = ["MAX_PANELS", "MAX_COLUMNS", "MAX_BARS", "MAX_CLOUDS", "view_groups", "division_provinces", "fits_page", "top_terms_figure",
           "wordclouds_figure", "dispersion_figure", "document_sizes_figure", "NEIGHBOURS", "similarity_figure"]

MAX_PANELS = 12
"""Most documents shown as small multiples (one panel each)."""
MAX_COLUMNS = 40
"""Most groups shown as the columns of a heat map."""
MAX_BARS = 24
"""Most documents or groups shown as the bars of a bar chart."""
MAX_CLOUDS = 9
"""Most groups shown as word clouds (three rows of three) when documents are grouped."""


def fits_page(figure: plt.Figure) -> bool:
    """True when the figure fits PAGE_INCHES, portrait or landscape."""
    short, long = sorted(figure.get_size_inches())
    return short <= PAGE_INCHES[0] + 1e-9 and long <= PAGE_INCHES[1] + 1e-9


def _within_page(figure: plt.Figure) -> plt.Figure | None:
    """``figure`` if it fits a page; else None, the figure closed (the caller draws a compact view)."""
    if fits_page(figure):
        return figure
    plt.close(figure)
    return None


def view_groups(corpus: pd.DataFrame, max_groups: int = MAX_COLUMNS) -> pd.Series:
    """doc_id -> the label of the group a figure shows the document in, in corpus order:
    "label\\ndoc_id" per document while there are at most ``max_groups`` documents; else
    district × year (长宁 2018) if that makes at most ``max_groups`` groups; else district ×
    decade (长宁 2010s) if so; else district if so; else province (a division of China, cn +
    code, in its province; other places as themselves) if so; else the ``max_groups`` − 1
    provinces or places with the most documents (ties by name) and one group of all the
    others. Chinese names from analysis/data/districts.tsv and the divisions list."""
    if len(corpus) <= max_groups:
        labels = document_labels(corpus)
        return pd.Series([f"{labels[d]}\n{d}" for d in corpus["doc_id"]], index=corpus["doc_id"].to_list(),
                         name="group")
    names = read_districts()["name_zh"].to_dict()
    place = [names.get(d) or zh or d for d, zh in zip(corpus["district"], corpus["district_zh"])]
    provinces = division_provinces()
    province = [provinces.get(d[2:4], p) if d.startswith("cn") else p for d, p in zip(corpus["district"], place)]
    for labels in ([f"{p} {y}" for p, y in zip(place, corpus["year"])],
                   [f"{p} {y // 10 * 10}s" for p, y in zip(place, corpus["year"])], place, province):
        if len(set(labels)) <= max_groups:
            return pd.Series(labels, index=corpus["doc_id"].to_list(), name="group")
    counts = pd.Series(province).value_counts()
    largest = set(sorted(counts.index, key=lambda p: (-counts[p], p))[:max_groups - 1])
    other = f"其他 other ({len(counts) - len(largest)} places)"
    return pd.Series([p if p in largest else other for p in province], index=corpus["doc_id"].to_list(), name="group")


def division_provinces() -> dict[str, str]:
    """The first two digits of a division code (cn330100 -> 33) -> its province's Chinese name."""
    table = read_divisions()
    provinces = table[table["level"] == "province"]
    return dict(zip(provinces["code"].str[:2], provinces["name_zh"]))


def _grouped(tokens: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    return tokens.assign(group=tokens["doc_id"].map(groups))


def top_terms_figure(tokens: pd.DataFrame, corpus: pd.DataFrame, top_n: int, suptitle: str
                     ) -> tuple[plt.Figure, pd.DataFrame]:
    """(figure, CSV table) of each document's top terms. Up to MAX_PANELS documents: one
    bar panel per document (:func:`analysis.plots.frequency_figures.plot_top_terms`). Beyond: a heat map of
    the rate per 10,000 word tokens of the ``top_n`` × 2 most frequent terms of the corpus
    (ties by term) in each view group. The table is every document's top ``top_n`` terms."""

    by_document = top_terms(term_frequencies(tokens, "doc_id"), top_n)
    groups = view_groups(corpus)
    if len(corpus) <= MAX_PANELS and (figure := _within_page(plot_top_terms(by_document, groups.to_dict(),
                                                                             suptitle=suptitle))):
        return figure, by_document
    if groups.nunique() == len(corpus):       # one column per document: its doc_id, marked, on one line
        groups = marked_doc_ids(corpus)
    overall = term_frequencies(tokens.assign(all="all"), "all")
    terms = sorted_by(overall, ["count", "term"], ascending=[False, True]).head(2 * top_n)["term"].to_list()
    rates = term_frequencies(_grouped(tokens, groups), "group")
    matrix = (rates[rates["term"].isin(terms)].pivot(index="term", columns="group", values="rate_per_10k")
              .reindex(index=terms, columns=list(dict.fromkeys(groups))).fillna(0.0))
    return plot_heatmap(matrix, title=suptitle, fmt="{:.0f}", colorbar_label=PER_10K_LABEL), by_document


def wordclouds_figure(tokens: pd.DataFrame, corpus: pd.DataFrame, n_terms: int, seed: int
                      ) -> tuple[plt.Figure, pd.DataFrame]:
    """(figure, CSV table) of word clouds of the ``n_terms`` most frequent terms: one per
    document up to MAX_PANELS documents (while they fit a page), else one per view group
    of at most MAX_CLOUDS groups. The table holds the terms and rates of each cloud shown."""

    if len(corpus) <= MAX_PANELS:
        clouds = top_terms(term_frequencies(tokens, "doc_id"), n_terms)
        if figure := _within_page(plot_wordclouds(clouds, view_groups(corpus).to_dict(), seed=seed)):
            return figure, clouds
    groups = view_groups(corpus, MAX_CLOUDS)
    clouds = top_terms(term_frequencies(_grouped(tokens, groups), "group"), n_terms)
    titles = {name: name for name in dict.fromkeys(groups)}
    return plot_wordclouds(clouds, titles, group="group", seed=seed), clouds


def dispersion_figure(positions: pd.DataFrame, corpus: pd.DataFrame, terms: list[str]
                      ) -> tuple[plt.Figure, pd.DataFrame]:
    """(figure, CSV table) of where ``terms`` occur along the documents (``positions`` from
    :func:`analysis.extract.kwic.dispersion`). Up to MAX_PANELS documents: one tick panel per
    document. Beyond: a heat map of each term's share of occurrences by tenth of the
    document, over all documents. The table is ``positions``."""

    if len(corpus) <= MAX_PANELS and (figure := _within_page(plot_dispersion(positions, view_groups(corpus).to_dict(),
                                                                              terms))):
        return figure, positions
    tenth = (positions["offset"] * 10).clip(upper=9.999).astype(int)
    counts = pd.crosstab(positions["term"], tenth).reindex(index=terms, columns=range(10), fill_value=0)
    shares = counts.div(counts.sum(axis=1).where(lambda s: s > 0), axis=0).fillna(0.0)
    shares.columns = [f"{i / 10:.1f}–{(i + 1) / 10:.1f}" for i in range(10)]
    return plot_heatmap(shares, title="词语在文档中的位置 Where the terms occur (share of occurrences by tenth of the "
                                      "document, all documents)", fmt="{:.2f}", vmin=0,
                        colorbar_label="出现次数份额 share of occurrences"), positions


def document_sizes_figure(sizes: pd.DataFrame, corpus: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """(figure, CSV table) of document sizes: bars per document up to MAX_BARS documents,
    else per view group of at most MAX_BARS groups (word tokens summed, word types the
    largest document's). The table is ``sizes`` (every document)."""

    groups = view_groups(corpus, MAX_BARS)
    if len(corpus) <= MAX_BARS:
        return plot_document_sizes(sizes, document_labels(corpus)), sizes
    grouped = (sizes.assign(doc_id=sizes["doc_id"].map(groups))
               .groupby("doc_id", sort=False).agg(word_tokens=("word_tokens", "sum"), word_types=("word_types", "max"))
               .reset_index())
    names = pd.Series(grouped["doc_id"].to_list(), index=grouped["doc_id"].to_list())
    titles = ("词次 word tokens, summed over the group's documents", "词型 word types of the group's largest document")
    return plot_document_sizes(grouped, names, show_ids=False, panel_titles=titles), sizes


NEIGHBOURS = 10
"""Most similar documents listed per document in a large corpus's similarity table."""


def similarity_figure(similarity: pd.DataFrame, corpus: pd.DataFrame, title: str, colorbar_label: str
                      ) -> tuple[plt.Figure, pd.DataFrame, pd.DataFrame]:
    """(figure, CSV table, table to show) of a document × document similarity matrix
    (indexed by doc_id both ways). Up to MAX_COLUMNS documents: the matrix itself, doc_ids
    marked (rewritten, excerpt). Beyond: the mean similarity of two view groups' documents
    (a document's similarity with itself left out; blank for a one-document group's own
    cell), and as the CSV each document's NEIGHBOURS most similar other documents (doc_id,
    neighbour, rank, similarity; ties by doc_id), so that the table grows linearly."""

    similarity = similarity.loc[corpus["doc_id"], corpus["doc_id"]]
    if len(corpus) <= MAX_COLUMNS:
        marked = marked_doc_ids(corpus)
        shown = similarity.rename(index=marked, columns=marked)
        figure = plot_heatmap(shown, title=title, vmin=0, vmax=1, colorbar_label=colorbar_label)
        return figure, shown.reset_index(), shown
    groups = view_groups(corpus)
    values = similarity.to_numpy(dtype=float).copy()
    np.fill_diagonal(values, np.nan)
    order = list(dict.fromkeys(groups))

    def group_sums(matrix: np.ndarray) -> pd.DataFrame:      # sum over the documents of each pair of groups
        table = pd.DataFrame(matrix, index=groups.to_numpy(), columns=groups.to_numpy())
        return table.groupby(level=0, sort=False).sum().T.groupby(level=0, sort=False).sum().T

    sums, counts = group_sums(np.nan_to_num(values)), group_sums((~np.isnan(values)).astype(float))
    shown = (sums / counts.where(counts > 0)).reindex(index=order, columns=order)
    pairs = (similarity.rename_axis(index="doc_id", columns="neighbour").stack().rename("similarity").reset_index())
    pairs = pairs[pairs["doc_id"] != pairs["neighbour"]]
    pairs = sorted_by(pairs, ["doc_id", "similarity", "neighbour"], ascending=[True, False, True])
    pairs["rank"] = pairs.groupby("doc_id", sort=False).cumcount() + 1
    table = pairs[pairs["rank"] <= NEIGHBOURS][["doc_id", "neighbour", "rank", "similarity"]].reset_index(drop=True)
    figure = plot_heatmap(shown, title=f"{title}, mean by group", vmin=0, vmax=1, colorbar_label=colorbar_label)
    return figure, table, shown
