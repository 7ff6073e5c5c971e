"""Policy instruments: with what a report means to act — supply-side, demand-side and
environment-side instruments (Rothwell & Zegveld 1981, as the Chinese policy-instrument
literature applies them), from the dictionary ``analysis/data/instruments.yml``.

The dictionary has the theme dictionary's format and matching rules (analysis.dictionaries.themes:
whole jieba tokens, longest match first), plus each instrument's ``side``. An
instrument is *used in a sentence* when one of its keywords is a hit in it; a sentence
may use several (:func:`sentence_instruments`), and :func:`instruments_by_theme` counts
the sentences that use an instrument and attend to a theme.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from ..paths import DATA_DIR
from ..documents.structure import sentence_numbers
from .themes import DictionaryEntry, hit_offsets, read_themes, theme_hits
from ..textstats.intervals import proportion_with_interval

__all__ = ["INSTRUMENTS_FILE", "SIDES", "read_instruments", "instrument_sides", "instrument_hits",
           "sentence_instruments", "instruments_by_theme", "precision_by_side", "recall_by_side"]

INSTRUMENTS_FILE = DATA_DIR / "instruments.yml"
SIDES = ("supply", "demand", "environment")
"""Where an instrument acts: on the supply of inputs, on demand, or on the environment."""


def read_instruments(path: Path = INSTRUMENTS_FILE) -> list[DictionaryEntry]:
    """The instruments of the dictionary, in file order, as :class:`analysis.dictionaries.themes.DictionaryEntry`
    (id, zh, en, keywords); errors as :func:`analysis.dictionaries.themes.read_themes`, and a ValueError
    naming the file for an instrument whose side is not one of SIDES."""
    instruments = read_themes(path, key="instruments")
    instrument_sides(path)
    return instruments


def instrument_sides(path: Path = INSTRUMENTS_FILE) -> dict[str, str]:
    """instrument id -> side (supply, demand, environment)."""
    entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))["instruments"]
    sides = {str(entry["id"]): str(entry.get("side", "")) for entry in entries}
    wrong = {i: s for i, s in sides.items() if s not in SIDES}
    if wrong:
        raise ValueError(f"{path.name}: side of {', '.join(f'{i} ({s!r})' for i, s in wrong.items())} "
                         f"is not one of {', '.join(SIDES)}")
    return sides


def instrument_hits(tokens: pd.DataFrame, instruments: list[DictionaryEntry]) -> pd.DataFrame:
    """The instruments' keyword hits (:func:`analysis.dictionaries.themes.theme_hits`, instrument id in
    the ``theme`` column), with no ``not_attention`` list: a document's name is not an
    instrument keyword."""
    return theme_hits(tokens, instruments, not_attention=())


def precision_by_side(precision: pd.DataFrame, sides: dict[str, str]) -> pd.DataFrame:
    """Precision of each side from the instruments' :func:`analysis.coding.scores.entry_precision`:
    pooled = Σ relevant / Σ coded over its instruments (each instrument's stratum as sampled),
    with its 95% Wilson interval; hit_weighted = Σₑ Nₑ pₑ / Σₑ Nₑ over its instruments with a
    coded sentence, Nₑ = e's hits in the corpus (the share of the side's hits that are right);
    sides in SIDES order."""
    table = precision.assign(side=precision["entry"].map(sides))
    pooled = table.groupby("side")[["coded", "relevant"]].sum().reindex(list(SIDES), fill_value=0)
    scored = table[table["coded"] > 0]
    weighted = (scored["hits"] * scored["precision"]).groupby(scored["side"]).sum() / scored.groupby("side")["hits"].sum()
    estimate, low, high = proportion_with_interval(pooled["relevant"].to_numpy(), pooled["coded"].to_numpy())
    return pd.DataFrame({"side": pooled.index, "coded": pooled["coded"].to_numpy(),
                         "relevant": pooled["relevant"].to_numpy(), "precision": estimate,
                         "ci_low": low, "ci_high": high,
                         "hit_weighted": weighted.reindex(list(SIDES)).to_numpy()})


def recall_by_side(recall: pd.DataFrame, sides: dict[str, str]) -> pd.DataFrame:
    """Recall of each side from the instruments' :func:`analysis.coding.scores.entry_recall`
    (random sentences): Σ found / Σ relevant over its instruments, with its 95% Wilson
    interval; sides in SIDES order."""
    table = recall[recall["entry"].isin(sides)].assign(side=lambda t: t["entry"].map(sides))
    pooled = table.groupby("side")[["relevant", "found"]].sum().reindex(list(SIDES), fill_value=0)
    estimate, low, high = proportion_with_interval(pooled["found"].to_numpy(), pooled["relevant"].to_numpy())
    return pd.DataFrame({"side": pooled.index, "relevant": pooled["relevant"].to_numpy(),
                         "found": pooled["found"].to_numpy(), "recall": estimate, "ci_low": low, "ci_high": high})


def _sentence_numbers(hits: pd.DataFrame, tokens: pd.DataFrame, paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """``hits`` with sent_no: the sentence of its paragraph holding its first character
    (:func:`analysis.documents.structure.sentence_numbers`)."""
    located = hit_offsets(hits, tokens)
    located["sent_no"] = sentence_numbers(paragraph_table, *(located[c].to_list() for c in ("doc_id", "para_no", "start")))
    return located


def sentence_instruments(tokens: pd.DataFrame, paragraph_table: pd.DataFrame, instruments: list[DictionaryEntry],
                         themes: list[DictionaryEntry], sides: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per (sentence, instrument used in it): doc_id, para_no, sent_no, instrument,
    side (from ``sides``, by default the shipped dictionary's), keywords (the hits, joined
    by "、"), and the sentence's themes (theme ids joined by ";", '' when none); ``tokens``
    annotated (analysis.prepare)."""
    sides = instrument_sides() if sides is None else sides
    key = ["doc_id", "para_no", "sent_no"]
    used = _sentence_numbers(instrument_hits(tokens, instruments), tokens, paragraph_table)
    attended = _sentence_numbers(theme_hits(tokens, themes), tokens, paragraph_table)
    theme_lists = _joined_in_order(zip(*(attended[c].to_list() for c in key)), attended["theme"].to_list())
    keywords = _joined_in_order(zip(*(used[c].to_list() for c in [*key, "theme"])), used["keyword"].to_list())
    rows = pd.DataFrame([(*k, instrument, kw) for (*k, instrument), kw in keywords.items()],
                        columns=[*key, "instrument", "keywords"])
    rows["side"] = rows["instrument"].map(sides)
    rows["themes"] = [";".join(theme_lists.get(k, [])) for k in zip(*(rows[c].to_list() for c in key))]
    rows["keywords"] = rows["keywords"].map("、".join)
    return rows[[*key, "instrument", "side", "keywords", "themes"]]


def _joined_in_order(keys, values) -> dict[tuple, list[str]]:
    """key -> its distinct values in first-seen order, keys in first-seen order."""
    out: dict[tuple, dict[str, None]] = {}
    for k, value in zip(keys, values):
        out.setdefault(tuple(k), {})[value] = None
    return {k: list(v) for k, v in out.items()}


def instruments_by_theme(used: pd.DataFrame, instruments: list[DictionaryEntry], themes: list[DictionaryEntry]) -> pd.DataFrame:
    """Sentences that use each instrument (rows, dictionary order) and attend to each theme
    (columns, dictionary order, plus ``(none)`` for sentences with no theme), from
    :func:`sentence_instruments`."""
    long = used.assign(theme=used["themes"].replace("", "(none)").str.split(";")).explode("theme")
    table = pd.crosstab(long["instrument"], long["theme"])
    return table.reindex(index=[i.id for i in instruments], columns=[*(t.id for t in themes), "(none)"],
                         fill_value=0)
