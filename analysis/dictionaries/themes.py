"""Themes: dictionary-based measurement of policy attention (政策注意力).

A theme dictionary (``data/themes.yml``) lists, for each theme, Chinese keywords. A body
paragraph's tokens are scanned left to right; at each token the longest keyword whose
characters occupy whole tokens from there is a *hit* for its theme, and its tokens are
not matched again (rules in :func:`theme_hits` and the dictionary's header). Attention to a theme in a document (or part) is

* rate  = hits / word tokens × 1,000, and
* share = hits / all theme hits of the document.

Uncertainty comes from a percentile bootstrap over paragraphs: paragraphs are drawn
with replacement within the document, and the rate recomputed on each resample; a
difference between two rates gets its own interval (:func:`rate_differences`).
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from scipy.stats import bootstrap

from ..documents.structure import context
from ..paths import DATA_DIR, display_path
from ..segmentation.gazetteer import place_names
from ..textstats.inference_units import document_sums, inference_unit, rate_difference_by_unit
from ..textstats.intervals import MIN_PARAGRAPHS, poisson_rate_interval

__all__ = [
    "THEMES_FILE",
    "DictionaryEntry",
    "BODY_KINDS",
    "read_themes",
    "not_attention_phrases",
    "occurrence_starts",
    "phrase_mask",
    "body_tokens",
    "theme_hits",
    "theme_rates",
    "bootstrap_theme_rates",
    "rate_differences",
    "keyword_usage",
    "hit_offsets",
    "hit_concordance",
    "timeline_steps",
]

THEMES_FILE = DATA_DIR / "themes.yml"
PER = 1_000
"""DictionaryEntry rates are hits per 1,000 word tokens."""


BODY_KINDS = ("text", "item_heading")
"""Paragraph kinds whose words count as attention: running text and numbered items. Part and
section headings and subheadings (titles, imprints, dates, header lines) are left out."""


@dataclass(frozen=True)
class DictionaryEntry:
    """One entry of a dictionary (a theme of themes.yml, an instrument of instruments.yml):
    its id, Chinese and English names, and the keywords whose whole-token matches count as
    its hits (:func:`theme_hits`)."""

    id: str
    zh: str
    en: str
    keywords: tuple[str, ...]


def not_attention_phrases(path: Path = THEMES_FILE) -> tuple[str, ...]:
    """The dictionary's ``not_attention`` phrases: names of documents (a five-year plan, its
    outline, a work report) whose characters never count as a hit of any keyword, so that
    规划 in “十四五”规划 (the document naming itself) is not attention to urban planning."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    entries = data.get("not_attention") or []
    if not all(isinstance(e, dict) and e.get("phrase") and e.get("reason") for e in entries):
        raise ValueError(f"{display_path(path)}: every not_attention entry needs a phrase and a reason")
    return tuple(str(e["phrase"]) for e in entries)


def read_themes(path: Path = THEMES_FILE, key: str = "themes") -> list[DictionaryEntry]:
    """The themes of a dictionary file, in file order (the list under ``key``; the policy
    instrument dictionary uses the same format under ``instruments``).

    Errors name the file and the problem: not YAML, no ``themes`` list, a theme
    without id, labels or keywords, a duplicate theme id, a keyword listed twice
    (in one theme or two), or a keyword that is a place name of the gazetteer
    (``data/places.tsv``: a place is where, not what, a text attends to).
    """
    where = display_path(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{where}: cannot read the theme dictionary ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get(key), list) or not data[key]:
        raise ValueError(f"{where}: expected a non-empty list under {key!r}")
    themes: list[DictionaryEntry] = []
    owner: dict[str, str] = {}
    for i, entry in enumerate(data[key], 1):
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: theme {i} is not a mapping")
        missing = [key for key in ("id", "zh", "en", "keywords") if not entry.get(key)]
        if missing:
            raise ValueError(f"{where}: theme {entry.get('id', i)!s} has no {', '.join(missing)}")
        theme_id = str(entry["id"])
        if any(t.id == theme_id for t in themes):
            raise ValueError(f"{where}: duplicate theme id {theme_id!r}")
        keywords = tuple(str(k).strip() for k in entry["keywords"])
        for keyword in keywords:
            if keyword in place_names():
                raise ValueError(f"{where}: keyword {keyword!r} of theme {theme_id!r} is a place name "
                                 f"(data/places.tsv); a place name cannot measure attention to a theme")
            if keyword in owner:
                raise ValueError(f"{where}: keyword {keyword!r} is listed under {owner[keyword]!r} "
                                 f"and again under {theme_id!r}; list it once")
            owner[keyword] = theme_id
        themes.append(DictionaryEntry(theme_id, str(entry["zh"]), str(entry["en"]), keywords))
    return themes


def body_tokens(tokens: pd.DataFrame) -> pd.DataFrame:
    """The tokens of body paragraphs (kind in BODY_KINDS), where attention is counted; all
    tokens when the table carries no paragraph kind (see analysis.segmentation.token_table.annotate_tokens)."""
    return tokens[tokens["kind"].isin(BODY_KINDS)] if "kind" in tokens.columns else tokens


def _keyword_index(themes: Sequence[DictionaryEntry]) -> dict[str, list[tuple[str, str]]]:
    """First character -> [(keyword, theme id)], longest keyword first (ties by keyword)."""
    index: dict[str, list[tuple[str, str]]] = {}
    for theme in themes:
        for keyword in theme.keywords:
            index.setdefault(keyword[0], []).append((keyword, theme.id))
    return {c: sorted(entries, key=lambda e: (-len(e[0]), e[0])) for c, entries in index.items()}


def occurrence_starts(text: str, phrase: str) -> list[int]:
    """Start offsets of every occurrence of ``phrase`` in ``text``, overlapping ones included."""
    starts, at = [], text.find(phrase)
    while at >= 0:
        starts.append(at)
        at = text.find(phrase, at + 1)
    return starts


def phrase_mask(text: str, phrases: Sequence[str]) -> np.ndarray:
    """Per character of ``text``: True inside an occurrence of one of ``phrases`` (the
    not_attention phrases, where no keyword may match)."""
    mask = np.zeros(len(text), dtype=bool)
    for phrase in phrases:
        for start in occurrence_starts(text, phrase):
            mask[start:start + len(phrase)] = True
    return mask


def _keyword_starters(index: dict[str, list[tuple[str, str]]]) -> dict[str, list[tuple[str, str]]]:
    """Token -> [(keyword, theme id)] of the keywords that begin with that token, in index
    order (longest first; they share the token's first character, so one list of the index
    holds them all): a token can start a hit only if it is a prefix of the keyword."""
    starters: dict[str, list[tuple[str, str]]] = {}
    for entries in index.values():
        for keyword, theme_id in entries:
            for length in range(1, len(keyword) + 1):
                starters.setdefault(keyword[:length], []).append((keyword, theme_id))
    return starters


def _paragraph_text(words: list[str], starts: list[int]) -> str:
    """A paragraph's text from its tokens: each at its start, dropped white space as spaces."""
    length = (starts[-1] + len(words[-1])) if words else 0
    if starts and starts[0] == 0 and sum(map(len, words)) == length:      # no gap: the tokens side by side
        return "".join(words)
    text = [" "] * length
    for start, word in zip(starts, words):
        text[start:start + len(word)] = word
    return "".join(text)


def theme_hits(tokens: pd.DataFrame, themes: Sequence[DictionaryEntry], not_attention: Sequence[str] | None = None
               ) -> pd.DataFrame:
    """Every dictionary hit in body paragraphs (:func:`body_tokens`): doc_id, para_no, position
    (of its first token), theme, keyword, n_tokens, and the other columns of ``tokens`` at the
    first token (such as part_kind or district from :func:`analysis.segmentation.token_table.annotate_tokens`).

    A keyword matches where its characters occupy whole tokens: its first character starts
    a token and its last ends one, however jieba split it inside (旧区改造 matches 旧区 + 改造,
    but 数据 never matches inside the token 大数据). Longest match first, left to right, no
    token counted twice, never across paragraphs, and never on characters of a
    ``not_attention`` phrase (by default the dictionary's, :func:`not_attention_phrases`).
    Only tokens that begin some keyword are tried (:func:`_keyword_starters`).
    """
    starters = _keyword_starters(_keyword_index(themes))
    phrases = not_attention_phrases() if not_attention is None else tuple(not_attention)
    body = body_tokens(tokens)
    doc_codes = pd.factorize(body["doc_id"], sort=True)[0]
    para_nos = body["para_no"].to_numpy()
    rows_in_order = np.lexsort((body["position"].to_numpy(), para_nos, doc_codes))     # by doc_id, para_no, position
    doc_codes, para_nos = doc_codes[rows_in_order], para_nos[rows_in_order]
    token_column = body["token"].take(rows_in_order)
    first = np.flatnonzero(np.r_[True, (doc_codes[1:] != doc_codes[:-1]) | (para_nos[1:] != para_nos[:-1])])
    candidates = np.flatnonzero(token_column.isin(list(starters)).to_numpy())
    hits = []                                              # (row in order, theme id, keyword, n_tokens)
    if len(candidates):
        all_words = token_column.to_list()
        starts = body["start"].to_numpy(dtype=np.int64)[rows_in_order]
        ends = starts + token_column.str.len().to_numpy(dtype=np.int64)
        paragraph = np.repeat(np.arange(len(first)), np.diff(np.r_[first, len(rows_in_order)]))
        # ends made increasing over the whole table (each paragraph shifted past the last),
        # so the token ending where a keyword ends is found by one bisection
        shift = np.r_[0, np.cumsum(np.maximum.reduceat(ends, first) + 1)[:-1]]
        global_ends = (ends + shift[paragraph]).tolist()
        starts_list, paragraph_list, shift_list = starts.tolist(), paragraph.tolist(), shift.tolist()
        limits = [*first[1:].tolist(), len(rows_in_order)]
        texts: dict[int, str] = {}
        excluded: dict[int, np.ndarray | None] = {}
        next_free = 0                                      # first token not yet inside a hit
        for i in candidates.tolist():
            if i < next_free:
                continue
            p, start = paragraph_list[i], starts_list[i]
            for keyword, theme_id in starters[all_words[i]]:
                target = shift_list[p] + start + len(keyword)
                last = bisect.bisect_left(global_ends, target, i, limits[p])
                if last == limits[p] or global_ends[last] != target:
                    continue
                if p not in texts:
                    a = first[p]
                    texts[p] = _paragraph_text(all_words[a:limits[p]], starts_list[a:limits[p]])
                    excluded[p] = phrase_mask(texts[p], phrases) if phrases and any(
                        phrase in texts[p] for phrase in phrases) else None
                if texts[p].startswith(keyword, start) and (excluded[p] is None
                                                            or not excluded[p][start:start + len(keyword)].any()):
                    hits.append((i, theme_id, keyword, last - i + 1))
                    next_free = last + 1
                    break
    at = rows_in_order[[i for i, *_ in hits]].astype(np.int64)    # each hit's first token, as a row of body
    found = pd.DataFrame({"doc_id": body["doc_id"].take(at).to_numpy(dtype=object),
                          "para_no": body["para_no"].take(at).to_numpy(),
                          "position": body["position"].take(at).to_numpy(),
                          "theme": [h[1] for h in hits], "keyword": [h[2] for h in hits],
                          "n_tokens": np.array([h[3] for h in hits], dtype=np.int64)})
    for column in [c for c in tokens.columns if c not in {"doc_id", "para_no", "position", "start", "token", "is_word"}]:
        found[column] = body[column].take(at).reset_index(drop=True)
    return found


def _grid(groups: Sequence, themes: Sequence[DictionaryEntry], by: str) -> pd.DataFrame:
    return pd.MultiIndex.from_product([list(groups), [t.id for t in themes]], names=[by, "theme"]).to_frame(index=False)


def theme_rates(hits: pd.DataFrame, tokens: pd.DataFrame, themes: Sequence[DictionaryEntry], by: str = "doc_id"
                ) -> pd.DataFrame:
    """Attention per group and theme (every theme, zeros included): by, theme, hits,
    word_tokens, per_1000 = hits / word_tokens × 1,000, share = hits / all hits of the
    group, word tokens counted in body paragraphs (:func:`body_tokens`). ``hits`` must carry
    the ``by`` column (merge it from the tokens first)."""
    tokens = body_tokens(tokens)
    words = tokens[tokens["is_word"]].groupby(by, sort=False).size().rename("word_tokens")
    table = _grid(words.index, themes, by)
    counts = hits.groupby([by, "theme"]).size().rename("hits")
    table = table.join(counts, on=[by, "theme"]).fillna({"hits": 0})
    table["hits"] = table["hits"].astype(int)
    table = table.join(words, on=by)
    table["per_1000"] = table["hits"] / table["word_tokens"] * PER
    total = table.groupby(by, sort=False)["hits"].transform("sum")
    table["share"] = np.where(total > 0, table["hits"] / total.where(total > 0, 1), 0.0)
    return table


def _paragraph_counts(hits: pd.DataFrame, tokens: pd.DataFrame, by: str) -> tuple[pd.Series, pd.DataFrame]:
    """Word tokens and hits per theme of every paragraph (paragraphs without words
    included), indexed by (by, doc_id, para_no) — by (by, para_no) when by is para_no."""
    tokens = body_tokens(tokens)
    units = ["doc_id", "para_no"] if by != "para_no" else ["para_no"]
    key = list(dict.fromkeys([by, *units]))
    para_index = tokens.groupby(key).size().index          # every paragraph with a token, words or not
    para_words = tokens[tokens["is_word"]].groupby(key).size().reindex(para_index, fill_value=0)
    para_hits = hits.groupby([*key, "theme"]).size().unstack("theme").reindex(para_index).fillna(0)
    return para_words, para_hits


def _group_arrays(para_words: pd.Series, para_hits: pd.DataFrame, by: str, group, theme: str
                  ) -> tuple[np.ndarray, np.ndarray]:
    words = para_words.xs(group, level=by).to_numpy(dtype=float)
    counts = (para_hits[theme].xs(group, level=by).to_numpy(dtype=float)
              if theme in para_hits else np.zeros_like(words))
    return counts, words


def _group_documents(para_words: pd.Series, by: str, group) -> np.ndarray:
    """The document of each paragraph of ``group`` (one document when ``by`` is doc_id)."""
    rows = para_words.xs(group, level=by)
    if "doc_id" in rows.index.names:
        return rows.index.get_level_values("doc_id").to_numpy(dtype=object)
    return np.full(len(rows), group if by == "doc_id" else "", dtype=object)


def bootstrap_theme_rates(hits: pd.DataFrame, tokens: pd.DataFrame, themes: Sequence[DictionaryEntry], by: str = "doc_id",
                          n_resamples: int = 2000, seed: int = 2024, confidence_level: float = 0.95
                          ) -> pd.DataFrame:
    """:func:`theme_rates` with confidence limits for per_1000.

    Within each group, paragraphs (with their word tokens and hits) are resampled with
    replacement ``n_resamples`` times (scipy.stats.bootstrap, paired, percentile
    method, generator seeded with ``seed``) and the rate recomputed as
    Σ hits / Σ word tokens × 1,000. A rate with no hit has no spread to resample, so its
    limits are the Jeffreys interval for a Poisson count of 0 over the group's word
    tokens (:func:`analysis.textstats.intervals.poisson_rate_interval`): [0, upper], never [0, 0].
    A group holding at least :data:`analysis.textstats.inference_units.MIN_DOCUMENTS` documents
    resamples documents instead, each with all its paragraphs (a cluster bootstrap; column
    ``unit``). Groups with fewer than two paragraphs get NaN limits. Adds columns ci_low, ci_high,
    ci_method, unit, paragraphs and small_n (fewer than
    :data:`analysis.textstats.intervals.MIN_PARAGRAPHS` paragraphs: read the interval with care).
    """
    table = theme_rates(hits, tokens, themes, by)
    para_words, para_hits = _paragraph_counts(hits, tokens, by)
    rng = np.random.default_rng(seed)
    low, high, method, n_paras, units = [], [], [], [], []
    for group, theme in zip(table[by], table["theme"]):
        counts, words = _group_arrays(para_words, para_hits, by, group, theme)
        n_paras.append(len(words))
        documents = _group_documents(para_words, by, group)
        units.append(inference_unit(len(pd.unique(documents))))
        if units[-1] == "document":
            counts, words = document_sums(counts, words, documents)
        if len(words) < 2 or words.sum() == 0:
            low.append(np.nan)
            high.append(np.nan)
            method.append("none")
        elif counts.sum() == 0:
            zero_low, zero_high = poisson_rate_interval(0, words.sum(), PER, confidence_level)
            low.append(float(zero_low))
            high.append(float(zero_high))
            method.append("jeffreys (no hit)")
        else:
            result = bootstrap((counts, words), lambda h, w, axis: h.sum(axis=axis) / w.sum(axis=axis) * PER,
                               paired=True, vectorized=True, n_resamples=n_resamples, method="percentile",
                               confidence_level=confidence_level, rng=rng)
            low.append(float(result.confidence_interval.low))
            high.append(float(result.confidence_interval.high))
            method.append("percentile bootstrap")
    table["ci_low"], table["ci_high"], table["ci_method"] = low, high, method
    table["unit"] = units
    table["paragraphs"] = n_paras
    table["small_n"] = table["paragraphs"] < MIN_PARAGRAPHS
    return table


def rate_differences(hits: pd.DataFrame, tokens: pd.DataFrame, themes: Sequence[DictionaryEntry],
                     pairs: Sequence[tuple[str, str]], by: str = "doc_id", n_resamples: int = 2000,
                     seed: int = 2024, confidence_level: float = 0.95) -> pd.DataFrame:
    """For each pair (a, b) of ``by`` groups and each theme, the difference of rates
    b − a (per 1,000 word tokens) with its own percentile-bootstrap interval: paragraphs
    resampled independently within each group, or documents where both groups hold at least
    :data:`analysis.textstats.inference_units.MIN_DOCUMENTS` documents
    (:func:`analysis.textstats.inference_units.rate_difference_by_unit`, seed ``seed`` for every
    comparison; column ``unit``). Two overlapping intervals do not show that two rates are alike, nor two
    separate ones that they differ; this interval is the one to read. Columns: theme,
    from, to, rate_from, rate_to, difference, ci_low, ci_high, unit, paragraphs_from,
    paragraphs_to, small_n, excludes_zero; rows by pair, then theme in dictionary order.
    ``hits`` must carry the ``by`` column."""
    para_words, para_hits = _paragraph_counts(hits, tokens, by)
    rows = []
    for a, b in pairs:
        for theme in themes:
            result, unit = rate_difference_by_unit(*_group_arrays(para_words, para_hits, by, a, theme.id),
                                                   _group_documents(para_words, by, a),
                                                   *_group_arrays(para_words, para_hits, by, b, theme.id),
                                                   _group_documents(para_words, by, b), per=PER,
                                                   n_resamples=n_resamples, seed=seed,
                                                   confidence_level=confidence_level)
            rows.append({"theme": theme.id, "from": a, "to": b, "rate_from": result.rate_a, "rate_to": result.rate_b,
                         "difference": result.difference, "ci_low": result.ci_low, "ci_high": result.ci_high,
                         "unit": unit,
                         "paragraphs_from": result.paragraphs_a, "paragraphs_to": result.paragraphs_b,
                         "small_n": result.small_n, "excludes_zero": result.excludes_zero})
    return pd.DataFrame(rows)


def keyword_usage(hits: pd.DataFrame, themes: Sequence[DictionaryEntry]) -> pd.DataFrame:
    """Every dictionary keyword with its theme and number of hits in ``hits`` (0 for a
    keyword that never matched), in dictionary order."""
    counts = hits.groupby("keyword").size()
    rows = [{"theme": t.id, "keyword": k, "hits": int(counts.get(k, 0))} for t in themes for k in t.keywords]
    return pd.DataFrame(rows, columns=["theme", "keyword", "hits"])


def hit_offsets(hits: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """``hits`` with ``start``, the character offset of each hit in its paragraph."""
    return hits.merge(tokens[["doc_id", "para_no", "position", "start"]], on=["doc_id", "para_no", "position"])


def hit_concordance(hits: pd.DataFrame, tokens: pd.DataFrame, paragraph_table: pd.DataFrame,
                    per_theme: int = 2, window: int = 12) -> pd.DataFrame:
    """The first ``per_theme`` hits of each theme in corpus order (documents as in
    ``paragraph_table``), in context: theme, doc_id, left, keyword, right (``window``
    characters each side, within the paragraph)."""
    order = {doc_id: i for i, doc_id in enumerate(paragraph_table["doc_id"].drop_duplicates())}
    located = hit_offsets(hits, tokens)
    located = located.assign(_doc=located["doc_id"].map(order)).sort_values(
        ["theme", "_doc", "para_no", "start"], kind="mergesort")
    first = located.groupby("theme", sort=False).head(per_theme)
    text = paragraph_table.set_index(["doc_id", "para_no"])["text"]
    rows = []
    for theme, doc_id, para_no, start, keyword in zip(first["theme"], first["doc_id"], first["para_no"],
                                                      first["start"], first["keyword"]):
        left, match, right = context(text[(doc_id, para_no)], start, start + len(keyword), window)
        rows.append({"theme": theme, "doc_id": doc_id, "left": left, "keyword": match, "right": right})
    return pd.DataFrame(rows, columns=["theme", "doc_id", "left", "keyword", "right"])


def timeline_steps(hits: pd.DataFrame, tokens: pd.DataFrame, timeline: Sequence[str], themes: Sequence[DictionaryEntry],
                   n_resamples: int = 2000, seed: int = 2024, confidence_level: float = 0.95) -> pd.DataFrame:
    """Changes between consecutive documents of a timeline: :func:`rate_differences` of
    each document against the one before it (doc_id groups), at ``confidence_level``
    (1 − 0.05 / m for Bonferroni intervals over a family of m changes)."""
    return rate_differences(hits, tokens, themes, list(zip(timeline, timeline[1:])), "doc_id", n_resamples, seed,
                            confidence_level)
