"""Term explorer: one self-contained, offline HTML page per two-sided comparison, built
with Bokeh (inline resources: every script and style in the file, no request of any
kind), in which a reader finds a term, sees its numbers and reads its sentences.

* every tested term of the keyness table, at (rate on side A, rate on side B) per 10,000
  word tokens on log axes (a zero rate drawn at half the smallest rate seen, and said so
  in the hover card), coloured by the statistic chosen in a menu: signed G², Log Ratio
  or the log-odds z (Monroe et al. 2008), each on a diverging scale centred on 0;
* place names (the gazetteer) drawn as grey triangles and campaign terms (the lexicon's
  campaign column) as squares, as the static figures set them apart;
* a search box and a list of the terms that hold what is typed (those starting with it
  first): typing never changes the typed text, so an input method's pauses and its Enter
  are safe; a term typed in full, or chosen from the list, is selected; a hover card
  (counts, rates, G², Log Ratio, z, adjusted p), and a click or a search that shows the
  same statistics above the term's sentences from both sides, listed with document, part and
  section, the term highlighted, Chinese shown as written (no spaces);
* the page's title names the documents compared (:func:`sides_title`) and the colour bar says
  which end is which side (:func:`colour_bar_title`);
* byte-stable: Bokeh's model ids and the page's UUIDs are renumbered in order of first
  appearance (:func:`stable_ids`), and every number is held at the CSVs' 6 significant
  digits, so the same inputs give the same bytes on any CPU.

Bokeh was chosen over Plotly and scattertext: its standalone HTML inlines BokehJS with
every widget the page needs (text input, select, tap, hover), its callbacks are plain
JavaScript over data sources, and its output is a static file; scattertext's page loads
d3 from a CDN and re-segments the text itself.
"""
from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .._internal.rounding import CSV_SIGNIFICANT_DIGITS, round_significant
from ..dictionaries.campaigns import campaign_terms
from ..textstats.frequency import word_counts
from ..textstats.comparison import log_odds_dirichlet
from ..documents.structure import sentence_numbers, split_sentences

__all__ = ["STATISTICS", "MAX_SENTENCES", "MAX_MATCHES", "explorer_table", "term_sentences", "colour_bar_title",
           "sides_title", "term_explorer_html", "stable_ids",
           "write_term_explorer", "design_explorers"]

STATISTICS = {"g2": "G² (signed)", "log_ratio": "Log Ratio", "z": "log-odds z"}
"""Statistics a reader can colour the terms by: column -> label."""
MAX_SENTENCES = 30
"""Most sentences listed per term and side (the count of all of them is shown)."""
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_MODEL_ID = re.compile(r'"p(\d+)"')


def explorer_table(keyness_table: pd.DataFrame, log_odds_table: pd.DataFrame, places: set[str] | frozenset[str],
                   campaigns: Mapping[str, str]) -> pd.DataFrame:
    """One row per tested term of ``keyness_table`` (:func:`analysis.textstats.comparison.keyness`) with
    z from ``log_odds_table`` (:func:`analysis.textstats.comparison.log_odds_dirichlet`, NaN for a term it
    did not test), is_place, campaign ('' when none), and x, y: the rates per 10,000 with a
    zero rate replaced by half the smallest positive rate on either side (zero_rate says
    which side was zero); sorted by term."""
    terms_of = {"term": object}                  # an empty table may carry term as float: merge on one type
    table = keyness_table.astype(terms_of).merge(log_odds_table[["term", "z"]].astype(terms_of), on="term",
                                                 how="left").sort_values("term")
    rates = table[["rate_target", "rate_reference"]].to_numpy(dtype=float)
    floor = rates[rates > 0].min() / 2 if (rates > 0).any() else 1.0
    table = table.assign(
        is_place=table["term"].isin(places),
        campaign=pd.Series([campaigns.get(t, "") for t in table["term"]], index=table.index, dtype=object),
        x=np.where(rates[:, 0] > 0, rates[:, 0], floor), y=np.where(rates[:, 1] > 0, rates[:, 1], floor),
        zero_rate=np.select([rates[:, 0] == 0, rates[:, 1] == 0], ["A", "B"], ""))
    return table.reset_index(drop=True)


def term_sentences(tokens: pd.DataFrame, paragraph_table: pd.DataFrame, terms: Sequence[str],
                   labels: Mapping[str, str], max_sentences: int = MAX_SENTENCES) -> tuple[list[list[str]], dict]:
    """(sentences, hits): for the sentences of ``tokens`` in which each of ``terms`` occurs as
    a token, term -> [count of its sentences, indices of the first ``max_sentences`` in
    document order]; sentences holds only those listed, as [document label, part,
    section, text] in document order, so its size is bounded by terms × max_sentences.
    A token belongs to the sentence (:func:`analysis.documents.structure.split_sentences`) holding
    its first character."""
    wanted = tokens.loc[tokens["token"].isin(set(terms)), ["doc_id", "para_no", "start", "token"]]
    keys = wanted[["doc_id", "para_no"]].drop_duplicates()
    paragraphs = paragraph_table.merge(keys, on=["doc_id", "para_no"]).sort_values(["doc_id", "para_no"])
    paragraphs = paragraphs.reset_index(drop=True)
    located = wanted.merge(paragraphs[["doc_id", "para_no"]].reset_index(names="row"), on=["doc_id", "para_no"])
    sent_no = np.asarray(sentence_numbers(paragraphs, *(located[c].to_list() for c in ("doc_id", "para_no", "start"))))
    per_row = int(sent_no.max()) + 1 if len(sent_no) else 1
    located["sentence"] = located["row"].to_numpy() * per_row + sent_no - 1      # one number, in document order
    pairs = located[["token", "sentence"]].drop_duplicates().sort_values(["token", "sentence"])
    counts = pairs.groupby("token").size()
    listed = pairs.groupby("token").head(max_sentences)
    kept = np.unique(listed["sentence"].to_numpy())                 # only the sentences listed, so the page
    position = {int(i): k for k, i in enumerate(kept)}              # grows with the terms, not the corpus
    shown = listed.groupby("token")["sentence"].agg(list).to_dict()
    doc_ids, texts = paragraphs["doc_id"].tolist(), paragraphs["text"].tolist()
    parts = ["" if pd.isna(v) else str(v) for v in paragraphs["part_title"]]
    sections = ["" if pd.isna(v) else str(v) for v in paragraphs["section_title"]]
    sentences = []
    for i in kept:
        row, piece_no = divmod(int(i), per_row)
        sentences.append([labels.get(doc_ids[row], doc_ids[row]), parts[row], sections[row],
                          split_sentences(texts[row])[piece_no]])
    return sentences, {term: [int(counts.get(term, 0)), [position[int(i)] for i in shown.get(term, [])]]
                       for term in terms}


def stable_ids(page: str) -> str:
    """``page`` with Bokeh's model ids ("p1234") and UUIDs renumbered in order of first
    appearance, so that building the same page twice, in any process, gives the same bytes."""
    uuids: dict[str, str] = {}
    page = _UUID.sub(lambda m: uuids.setdefault(m.group(0), f"00000000-0000-4000-8000-{len(uuids) + 1:012d}"), page)
    models: dict[str, str] = {}
    return _MODEL_ID.sub(lambda m: models.setdefault(m.group(0), f'"p{len(models) + 1}"'), page)


_CONTEXTS_JS = """
const i = source.selected.indices.length ? source.selected.indices[0] : -1;
if (i < 0) { div.text = hint; return; }
const d = source.data, term = d.term[i];
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const mark = (s) => esc(s).split(esc(term)).join("<mark>" + esc(term) + "</mark>");
const num = (v, k) => (v === null || v === undefined || Number.isNaN(v)) ? "–" : Number(v).toFixed(k);
let out = "<h3>" + esc(term) + "</h3><table class='stats'><tr><th></th><th>" + esc(names[0]) + "</th><th>" +
  esc(names[1]) + "</th></tr><tr><td>count</td><td>" + d.freq_target[i] + "</td><td>" + d.freq_reference[i] +
  "</td></tr><tr><td>rate per 10,000 word tokens</td><td>" + num(d.rate_target[i], 2) + "</td><td>" +
  num(d.rate_reference[i], 2) + "</td></tr></table><p class='stats'>G² " + num(d.g2[i], 2) + " · Log Ratio " +
  num(d.log_ratio[i], 2) + " · log-odds z " + num(d.z[i], 2) + " · adjusted p " + num(d.p_adjusted[i], 4) +
  (d.kind[i] ? " · " + esc(d.kind[i]) : "") + "</p>";
for (const [side, name] of [["a", names[0]], ["b", names[1]]]) {
  const [n, ids] = hits[side][term] || [0, []];
  out += "<h4>" + esc(name) + ": " + n + " sentence(s)" + (n > ids.length ? ", the first " + ids.length : "") + "</h4><ol>";
  for (const k of ids) {
    const [doc, part, section, text] = sentences[side][k];
    out += "<li><span class='where'>" + esc(doc) + (part ? " · " + esc(part) : "") +
           (section ? " · " + esc(section) : "") + "</span><br>" + mark(text) + "</li>";
  }
  out += "</ol>";
}
div.text = out;
"""

_SEARCH_JS = """
const typed = (input.value_input || "").trim();
const terms = source.data.term;
const starts = [], holds = [];
if (typed) {
  for (const t of terms) {
    if (t.startsWith(typed)) starts.push(t);
    else if (t.includes(typed)) holds.push(t);
  }
}
const found = starts.concat(holds).slice(0, MAX_MATCHES);
matches.options = [["", found.length ? found.length + (found.length == MAX_MATCHES ? "+" : "") + " terms hold it" : "no term holds it"]]
  .concat(found.map(t => [t, t]));
matches.value = "";
const i = terms.indexOf(typed);
if (i >= 0) source.selected.indices = [i];
"""

_MATCH_JS = """
const i = source.data.term.indexOf(matches.value);
if (i >= 0) source.selected.indices = [i];
"""

MAX_MATCHES = 50
"""Terms listed under the search box at most."""

_STATISTIC_JS = """
const stat = select.value;
renderer.glyph.fill_color = {field: stat, transform: mappers[stat]};
bar.color_mapper = mappers[stat];
bar.title = labels[stat];
"""


def colour_bar_title(label: str, names: tuple[str, str]) -> str:
    """The colour bar's title: the statistic and which end is which side (high: more frequent in
    the first, low: in the second)."""
    return f"{label}: high = more in {names[0]}, low = more in {names[1]}"


def sides_title(target: pd.DataFrame, reference: pd.DataFrame, labels: Mapping[str, str], design: str,
                max_named: int = 3) -> str:
    """A page title naming the documents compared: each side's document labels (up to
    ``max_named``, else their number), then the design: 长宁 2018 政府工作报告 vs 徐汇 2019 政府工作报告 (main)."""
    def side(tokens: pd.DataFrame) -> str:
        docs = list(dict.fromkeys(tokens["doc_id"].astype(str)))
        named = [labels.get(d, d) for d in docs]
        return "、".join(named) if len(named) <= max_named else f"{len(named)} documents ({'、'.join(named[:2])} …)"
    return f"{side(target)} vs {side(reference)} ({design})"


def term_explorer_html(table: pd.DataFrame, sentences: Mapping[str, list], hits: Mapping[str, dict],
                       names: tuple[str, str], colours: tuple[str, str], title: str, statistic: str = "g2") -> str:
    """The page (module docstring) for ``table`` (:func:`explorer_table`), with the
    sentences and hits of each side ('a', 'b') from :func:`term_sentences`."""
    # heavy optional import: bokeh takes about 0.7 s to import and only the explorer pages need it
    from bokeh.embed import file_html
    from bokeh.layouts import column, row
    from bokeh.models import (ColorBar, ColumnDataSource, CustomJS, Div, HoverTool,
                              LinearColorMapper, Select, TapTool, TextInput)
    from bokeh.palettes import interp_palette
    from bokeh.plotting import figure
    from bokeh.resources import INLINE

    if statistic not in STATISTICS:
        raise ValueError(f"statistic {statistic!r} is not one of {', '.join(STATISTICS)}")
    data = table.assign(
        z=table["z"].fillna(0.0), marker=np.where(table["is_place"], "triangle",
                                                  np.where(table["campaign"] != "", "square", "circle")),
        line=np.where(table["is_place"], "#777777", "#333333"),
        kind=np.where(table["is_place"], "place name", np.where(table["campaign"] != "", "campaign: " + table["campaign"],
                                                                "")),
        zero=table["zero_rate"].map({"A": f"not in {names[0]}", "B": f"not in {names[1]}", "": ""}))
    columns = ["term", "x", "y", "freq_target", "freq_reference", "rate_target", "rate_reference", "g2", "log_ratio",
               "z", "p_adjusted", "marker", "line", "kind", "zero"]
    for number in ("x", "y", "rate_target", "rate_reference", "g2", "log_ratio", "z", "p_adjusted"):
        # the page holds numbers at the precision of the CSVs, so it is the same on every CPU
        data[number] = round_significant(data[number].to_numpy(dtype=float), CSV_SIGNIFICANT_DIGITS)
    source = ColumnDataSource({c: data[c].tolist() for c in columns})
    palette = interp_palette((colours[1], "#f2f2f2", colours[0]), 255)
    mappers = {}
    for stat in STATISTICS:
        bound = (float(np.nanmax(np.abs(data[stat]))) if len(data) else 0.0) or 1.0   # no term tested: any scale
        mappers[stat] = LinearColorMapper(palette=palette, low=-bound, high=bound)
    plot = figure(width=760, height=640, x_axis_type="log", y_axis_type="log", tools="pan,wheel_zoom,box_zoom,reset",
                  title=title, x_axis_label=f"{names[0]}: rate per 10,000 word tokens",
                  y_axis_label=f"{names[1]}: rate per 10,000 word tokens", output_backend="canvas")
    renderer = plot.scatter("x", "y", source=source, size=9, marker="marker", line_color="line", line_width=0.6,
                            fill_color={"field": statistic, "transform": mappers[statistic]}, fill_alpha=0.85,
                            selection_line_color="black", selection_line_width=2.5, nonselection_fill_alpha=0.35)
    low, high = ((float(min(data["x"].min(), data["y"].min())), float(max(data["x"].max(), data["y"].max())))
                 if len(data) else (1.0, 10.0))
    plot.line([low, high], [low, high], line_color="#999999", line_dash="dashed")
    plot.add_tools(HoverTool(renderers=[renderer], tooltips=[
        ("term", "@term @kind"), ("count", f"@freq_target ({names[0]}) · @freq_reference ({names[1]}) @zero"),
        ("rate per 10k", "@rate_target{0.00} · @rate_reference{0.00}"), ("G²", "@g2{0.00}"),
        ("Log Ratio", "@log_ratio{0.00}"), ("log-odds z", "@z{0.00}"), ("adjusted p", "@p_adjusted{0.0000}")]))
    plot.add_tools(TapTool(renderers=[renderer]))
    bar_titles = {stat: colour_bar_title(label, names) for stat, label in STATISTICS.items()}
    bar = ColorBar(color_mapper=mappers[statistic], title=bar_titles[statistic], width=12)
    plot.add_layout(bar, "right")
    hint = ("<p>Click a term, or search for one, to read its sentences from both sides. Colour: the statistic "
            "chosen above (towards " + html.escape(names[0]) + "'s colour: more frequent there). Triangles: place "
            "names; squares: campaign terms; above the dashed diagonal: more frequent in "
            + html.escape(names[1]) + ".</p>")
    contexts = Div(text=hint, width=760, styles={"font-size": "14px"},
                   stylesheets=[":host mark{background:#ffe066} :host .where{color:#666;font-size:12px} "
                                ":host table.stats td, :host table.stats th{padding:0 .6em;text-align:right}"])
    search = TextInput(title="Search a term", width=240, placeholder="e.g. 一网通办")
    matches = Select(title="Terms that hold it", value="", options=[("", "type to list terms")], width=240)
    select = Select(title="Colour by", value=statistic, options=[(k, v) for k, v in STATISTICS.items()], width=200)
    source.selected.js_on_change("indices", CustomJS(
        args={"source": source, "div": contexts, "names": list(names), "hint": hint,
              "hits": {side: dict(hits[side]) for side in ("a", "b")},
              "sentences": {side: list(sentences[side]) for side in ("a", "b")}}, code=_CONTEXTS_JS))
    search.js_on_change("value_input", CustomJS(args={"source": source, "input": search, "matches": matches},
                                                code=_SEARCH_JS.replace("MAX_MATCHES", str(MAX_MATCHES))))
    matches.js_on_change("value", CustomJS(args={"source": source, "matches": matches}, code=_MATCH_JS))
    select.js_on_change("value", CustomJS(args={"select": select, "renderer": renderer, "mappers": mappers,
                                                "bar": bar, "labels": bar_titles}, code=_STATISTIC_JS))
    layout = column(row(search, matches, select), plot, contexts)
    resources = INLINE           # Bokeh leaves out the components the page does not use (tables, gl, mathjax)
    return stable_ids(file_html(layout, resources, title=title))


def write_term_explorer(path: Path | str, keyness_table: pd.DataFrame, log_odds_table: pd.DataFrame,
                        target_tokens: pd.DataFrame, reference_tokens: pd.DataFrame, paragraph_table: pd.DataFrame,
                        places: set[str] | frozenset[str], campaigns: Mapping[str, str], labels: Mapping[str, str],
                        names: tuple[str, str], colours: tuple[str, str], title: str) -> Path:
    """Build the explorer of one comparison and write it to ``path`` (UTF-8); ``labels``
    maps doc_id to the label shown with each sentence. Returns the path."""
    table = explorer_table(keyness_table, log_odds_table, places, campaigns)
    terms = table["term"].tolist()
    sentences, hits = {}, {}
    for side, tokens in (("a", target_tokens), ("b", reference_tokens)):
        sentences[side], hits[side] = term_sentences(tokens, paragraph_table, terms, labels)
    page = term_explorer_html(table, sentences, hits, names, colours, title)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def design_explorers(sides: Mapping[str, tuple[pd.DataFrame, pd.DataFrame]], keyness_tables: Mapping[str, pd.DataFrame],
                     background: Mapping[str, int], paragraph_table: pd.DataFrame, places: set[str] | frozenset[str],
                     lexicon: Sequence, years: tuple[int, int], labels: Mapping[str, str], names: tuple[str, str],
                     colours: tuple[str, str], folder: Path | str, prior_alpha0: float = 1000.0, min_freq: int = 5,
                     alpha: float = 0.05, prefix: str = "03-term-explorer") -> pd.DataFrame:
    """One explorer per design of notebook 03 (``sides``: design -> (target tokens,
    reference tokens); ``keyness_tables``: design -> its keyness table), written to
    ``folder/prefix-design.html`` (design names slugged); z from the log-odds with the
    informative Dirichlet prior over ``background`` (:func:`analysis.textstats.comparison.log_odds_dirichlet`),
    campaign terms from the lexicon (:func:`analysis.dictionaries.campaigns.campaign_terms`). Returns
    design, file and terms, one row per design."""

    rows = []
    for design, (target, reference) in sides.items():
        table = keyness_tables[design]
        z = log_odds_dirichlet(word_counts(target), word_counts(reference), background, prior_alpha0, min_freq)
        links = campaign_terms(table, lexicon, years, alpha)
        slug = re.sub(r"[^a-z0-9]+", "-", design.lower()).strip("-")
        path = write_term_explorer(Path(folder) / f"{prefix}-{slug}.html", table, z, target, reference,
                                   paragraph_table, places, dict(zip(links["term"], links["campaign"])), labels, names,
                                   colours, sides_title(target, reference, labels, design))
        rows.append({"design": design, "file": path.name, "terms": len(table)})
    return pd.DataFrame(rows, columns=["design", "file", "terms"])
