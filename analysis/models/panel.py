"""A panel of governments over years: coverage, every measure per document and per
government-year, and a trend model per measure.

Measures (one row per document and measure; families and their units):

    attention          hits of a theme / body word tokens × 1,000        (dictionaries.theme_rates)
    numeric density    quantities / word tokens × 1,000                  (extract.numeric_density)
    hedged targets     targets with a hedge (左右, 力争, 约 …) / targets   (share)
    directives         markers of a strength class / word tokens × 1,000  (dictionaries.directive_rates)
    instruments        instrument uses of a side (sentence × instrument) / body word tokens × 1,000

A government-year's value pools its documents: Σ count / Σ base (× 1,000 for rates). Trends
(:func:`measure_trends`) are estimated on documents, each one observation
(:func:`analysis.textstats.trends.attention_trends`: year slope with government and genre
fixed effects, standard errors clustered by government from MIN_CLUSTERS governments), and
each family is one family of tests, adjusted by Benjamini–Hochberg within it.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..dictionaries.directives import DIRECTIVE_MARKERS, directive_rates
from ..dictionaries.instruments import SIDES
from ..dictionaries.themes import DictionaryEntry, body_tokens, theme_rates
from ..documents.districts import read_districts
from ..extract.targets import HEDGES, numeric_density
from ..textstats.inference_units import group_rates_by_unit
from ..textstats.trends import TREND_COLUMNS, attention_trends

__all__ = ["FAMILIES", "MEASURE_COLUMNS", "panel_coverage", "coverage_grid", "document_measures",
           "government_year_measures", "measure_trends", "measure_table", "paragraph_measures", "YEARLY_FAMILIES",
           "yearly_measures"]

FAMILIES = {"attention": "per 1,000 body word tokens", "numeric density": "per 1,000 word tokens",
            "hedged targets": "share of targets", "directives": "per 1,000 word tokens",
            "instruments": "per 1,000 body word tokens"}
"""Measure family -> the unit of its values."""
MEASURE_COLUMNS = ["doc_id", "government", "year", "genre", "level", "family", "measure", "count", "base", "value",
                   "unit"]


def _levels(governments: Sequence[str]) -> dict[str, str]:
    places = read_districts()
    return {g: (places.at[g, "level"] if g in places.index else "unknown") for g in governments}


def panel_coverage(corpus: pd.DataFrame, government: str = "district", year: str = "year") -> pd.DataFrame:
    """One row per government: its name and level (analysis/data/districts.tsv and China's
    divisions), genres, documents, first and last year, years present, and the years
    between its first and last that have no document (missing, joined by ', ')."""
    places = read_districts()
    rows = []
    for name, docs in corpus.groupby(government, sort=True):
        years = sorted(int(y) for y in docs[year].unique())
        missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
        rows.append({"government": name, "name": places.at[name, "name_zh"] if name in places.index else name,
                     "level": places.at[name, "level"] if name in places.index else "unknown",
                     "genres": ", ".join(sorted(docs["genre"].astype(str).unique())), "documents": len(docs),
                     "first_year": years[0], "last_year": years[-1], "years": len(years),
                     "missing_years": ", ".join(map(str, missing)), "missing": len(missing)})
    return pd.DataFrame(rows, columns=["government", "name", "level", "genres", "documents", "first_year", "last_year",
                                       "years", "missing_years", "missing"])


def coverage_grid(corpus: pd.DataFrame, government: str = "district", year: str = "year") -> pd.DataFrame:
    """Documents per government (rows, sorted) and year (columns, every year from the first to
    the last of the corpus); 0 marks a missing cell."""
    years = corpus[year].astype(int)
    grid = pd.crosstab(corpus[government], years).sort_index()
    return grid.reindex(columns=range(int(years.min()), int(years.max()) + 1), fill_value=0).rename_axis(
        index="government", columns="year")


def _long(table: pd.DataFrame, family: str, measure: str, count: str, base: str, scale: float) -> pd.DataFrame:
    base_values = table[base].to_numpy(float)
    return pd.DataFrame({"doc_id": table["doc_id"].to_numpy(), "family": family, "measure": measure,
                         "count": table[count].to_numpy(float), "base": base_values,
                         "value": np.divide(table[count].to_numpy(float) * scale, base_values,
                                            out=np.full(len(table), np.nan), where=base_values > 0)})


def document_measures(corpus: pd.DataFrame, tokens: pd.DataFrame, paragraph_table: pd.DataFrame,
                      hits: pd.DataFrame, quantities: pd.DataFrame, instrument_uses: pd.DataFrame,
                      themes: Sequence[DictionaryEntry], government: str = "district") -> pd.DataFrame:
    """Every measure of every document (module docstring), long: columns MEASURE_COLUMNS, in
    the corpus's document order, then family (FAMILIES order) and measure. ``hits``
    (dictionaries.theme_hits), ``quantities`` (extract.extract_quantities) and
    ``instrument_uses`` (dictionaries.sentence_instruments) are of the same documents."""
    parts = []
    attention = theme_rates(hits, tokens, themes, "doc_id")
    for theme in themes:
        parts.append(_long(attention[attention["theme"] == theme.id], "attention", theme.id, "hits", "word_tokens", 1000))
    density = numeric_density(quantities, tokens, paragraph_table, ["doc_id"])
    parts.append(_long(density, "numeric density", "quantities", "quantities", "word_tokens", 1000))
    parts.append(_long(density, "hedged targets", "hedged", "hedged", "targets", 1))
    directives = directive_rates(tokens[tokens["is_word"]], "doc_id")
    for strength in dict.fromkeys(DIRECTIVE_MARKERS.values()):
        parts.append(_long(directives, "directives", strength, strength, "word_tokens", 1000))
    body_words = body_tokens(tokens)
    body_words = body_words[body_words["is_word"]].groupby("doc_id", observed=True).size()
    uses = instrument_uses.groupby(["doc_id", "side"]).size()
    for side in SIDES:
        counts = pd.DataFrame({"doc_id": body_words.index.astype(str),
                               "count": [uses.get((d, side), 0) for d in body_words.index],
                               "base": body_words.to_numpy()})
        parts.append(_long(counts, "instruments", side, "count", "base", 1000))
    table = pd.concat(parts, ignore_index=True)
    meta = corpus.drop_duplicates("doc_id").set_index("doc_id")
    table["doc_id"] = table["doc_id"].astype(str)
    table = table[table["doc_id"].isin(meta.index)]
    table["government"] = table["doc_id"].map(meta[government]).astype(str)
    table["year"] = table["doc_id"].map(meta["year"]).astype("int64")
    table["genre"] = table["doc_id"].map(meta["genre"]).astype(str)
    table["level"] = table["government"].map(_levels(table["government"].unique()))
    table["unit"] = table["family"].map(FAMILIES)
    order = {d: i for i, d in enumerate(corpus["doc_id"])}
    family_order = {f: i for i, f in enumerate(FAMILIES)}
    table = table.assign(_doc=table["doc_id"].map(order), _family=table["family"].map(family_order))
    table = table.sort_values(["_doc", "_family"], kind="stable").drop(columns=["_doc", "_family"])
    return table[MEASURE_COLUMNS].reset_index(drop=True)


def government_year_measures(measures: pd.DataFrame) -> pd.DataFrame:
    """The government × year table of every measure: Σ count / Σ base over the
    government-year's documents (× 1,000 for a rate). Columns government, year, level,
    documents, genres, family, measure, count, base, value, unit; sorted by government, year,
    then family and measure in the order of ``measures``."""
    scale = measures["unit"].str.startswith("per 1,000").map({True: 1000.0, False: 1.0})
    keys = ["government", "year", "family", "measure"]
    grouped = measures.assign(_scale=scale).groupby(keys, sort=False)
    table = grouped.agg(level=("level", "first"), documents=("doc_id", "nunique"),
                        genres=("genre", lambda g: ", ".join(sorted(set(g)))), count=("count", "sum"),
                        base=("base", "sum"), unit=("unit", "first"), _scale=("_scale", "first")).reset_index()
    base = table["base"].to_numpy(float)
    table["value"] = np.divide(table["count"].to_numpy(float) * table["_scale"].to_numpy(), base,
                               out=np.full(len(table), np.nan), where=base > 0)
    table = table.sort_values(["government", "year"], kind="stable")
    return table[["government", "year", "level", "documents", "genres", "family", "measure", "count", "base", "value",
                  "unit"]].reset_index(drop=True)


def measure_table(government_years: pd.DataFrame, family: str) -> pd.DataFrame:
    """One family's values, government-year rows (government, year) by measure columns."""
    chosen = government_years[government_years["family"] == family]
    return chosen.pivot_table(index=["government", "year"], columns="measure", values="value", sort=False)[
        list(dict.fromkeys(chosen["measure"]))]


def measure_trends(measures: pd.DataFrame, families: Sequence[str] | None = None, alpha: float = 0.05) -> pd.DataFrame:
    """The trend of each measure over years, documents the unit
    (:func:`analysis.textstats.trends.attention_trends` on the documents' values), one family
    of tests per measure family (Benjamini–Hochberg within it). Columns family, measure, then
    TREND_COLUMNS without theme; documents without a value (no target for a share) are left
    out of that measure's model."""
    tables = []
    for family in (families or list(dict.fromkeys(measures["family"]))):
        data = measures[measures["family"] == family]
        trend = attention_trends(data, value="value", government="government", group="measure", alpha=alpha)
        tables.append(trend.rename(columns={"theme": "measure"}).assign(family=family))
    columns = ["family", "measure", *[c for c in TREND_COLUMNS if c != "theme"]]
    if not tables:
        return pd.DataFrame(columns=columns)
    return pd.concat(tables, ignore_index=True)[columns]


def paragraph_measures(tokens: pd.DataFrame, hits: pd.DataFrame, quantities: pd.DataFrame,
                       themes: Sequence[DictionaryEntry], corpus: pd.DataFrame) -> pd.DataFrame:
    """The measures that yearly intervals resample, one row per paragraph (per target for
    hedging): doc_id, para_no, year, family, measure, count, base. Attention: a theme's hits
    and the paragraph's body word tokens; directives: a strength class's markers and the
    paragraph's word tokens; hedged targets: 1 for a hedged target, base 1. Paragraphs
    without words are left out (they weigh nothing in Σ count / Σ base)."""
    keys = ["doc_id", "para_no"]
    body = body_tokens(tokens)
    words = body[body["is_word"]].groupby(keys, observed=True).size().rename("base").reset_index()
    counts = hits.groupby([*keys, "theme"], observed=True).size().rename("count")
    parts = []
    for theme in themes:
        table = words.assign(family="attention", measure=theme.id)
        found = counts.xs(theme.id, level="theme") if theme.id in counts.index.get_level_values("theme") else None
        table["count"] = 0.0 if found is None else table.set_index(keys).index.map(found).fillna(0).to_numpy(float)
        parts.append(table)
    directives = directive_rates(tokens[tokens["is_word"]], keys)
    directives = directives[directives["word_tokens"] > 0]
    for strength in dict.fromkeys(DIRECTIVE_MARKERS.values()):
        parts.append(pd.DataFrame({"doc_id": directives["doc_id"].astype(str), "para_no": directives["para_no"],
                                   "base": directives["word_tokens"].to_numpy(float), "family": "directives",
                                   "measure": strength, "count": directives[strength].to_numpy(float)}))
    targets = quantities[quantities["kind"] == "target"]
    parts.append(pd.DataFrame({"doc_id": targets["doc_id"].astype(str), "para_no": targets["para_no"], "base": 1.0,
                               "family": "hedged targets", "measure": "hedged",
                               "count": targets["qualifier"].isin(HEDGES).to_numpy(float)}))
    table = pd.concat(parts, ignore_index=True)
    table["doc_id"] = table["doc_id"].astype(str)
    table["year"] = table["doc_id"].map(corpus.drop_duplicates("doc_id").set_index("doc_id")["year"]).astype("int64")
    return table[["doc_id", "para_no", "year", "family", "measure", "count", "base"]]


YEARLY_FAMILIES = {"attention": (1000, "paragraph"), "directives": (1000, "paragraph"), "hedged targets": (1, "target")}
"""Family of :func:`paragraph_measures` -> (scale of its rate, what one of its rows is)."""


def yearly_measures(rows: pd.DataFrame, n_resamples: int = 2000, seed: int = 2024) -> pd.DataFrame:
    """Each family of YEARLY_FAMILIES per measure and year over all governments: Σ count /
    Σ base × its scale, with the percentile-bootstrap interval of
    :func:`analysis.textstats.inference_units.group_rates_by_unit` (documents resampled in a
    year of five or more, else the rows: paragraphs, or targets for the hedged share); families
    in that order, each seeded with ``seed``. ``rows``: :func:`paragraph_measures`."""
    return pd.concat([group_rates_by_unit(rows[rows["family"] == family], ["family", "measure", "year"], words="base",
                                          per=per, n_resamples=n_resamples, seed=seed, row_unit=row_unit)
                      for family, (per, row_unit) in YEARLY_FAMILIES.items()], ignore_index=True)
