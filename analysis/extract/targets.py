"""Targets: what a work report promises — its main targets set side by side with another
report's, each target against the outcome the next report of the same government gives,
and how hedged the targets are.

Input is the quantity table of :func:`analysis.extract.quantities.extract_quantities`. Two
quantities *measure the same indicator* (:func:`match_indicators`, :func:`_compatible`) when
they map to the same canonical indicator of the crosswalk (:mod:`analysis.extract.crosswalk`)
with the same base unit, or, for phrases the crosswalk does not know, when their phrases,
base units and measures are equal; never a flow against a stock of a count, area or length,
nor a project started against one finished. Each is matched at most once. Targets against
outcomes (:func:`target_outcomes`) add the year a target is for, its type, the direction of
better and the rules of what an outcome is.

Hedges and bounds of a target (:data:`HEDGES`, :data:`FLOORS`, :data:`CEILINGS`) are read
from its ``qualifier``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..textstats.intervals import wilson_interval
from .crosswalk import canonical_indicator, canonical_indicators
from .quantities import DECREASES, RATE_UNITS, number_lead

__all__ = ["HEDGES", "FLOORS", "CEILINGS", "MAIN_TARGETS", "MATCHES", "APPROXIMATE_TOLERANCE", "TARGET_TYPES", "SECTIONS",
           "UNMATCHED_REASONS", "TargetOutcomes", "report_targets", "match_indicators", "targets_side_by_side",
           "targets_by_theme", "repeated_reports", "consecutive_reports", "outcome_documents", "target_type",
           "target_met", "signed_values", "quantity_sections", "target_years", "target_outcomes",
           "unknown_indicator_phrases", "tolerance_sensitivity", "numeric_density", "GROWTH_COLUMNS",
           "growth_targets", "target_escalation", "growth_by_year"]

HEDGES = ("左右", "力争", "约", "近", "预计")
"""Qualifiers that make a target an estimate or an aim rather than a commitment."""
FLOORS = ("以上", "不低于", "不少于", "超过", "突破", "多", "高于")
"""Qualifiers that make a target a floor (at least)."""
CEILINGS = ("以内", "以下", "不超过", "控制在", "低于")
"""Qualifiers that make a target a ceiling (at most)."""
MAIN_TARGETS = re.compile(r"主要预期(?:目标|指标)|预期目标|主要目标")
"""A paragraph that names the report's main targets (主要预期目标段)."""


def _value_text(table: pd.DataFrame) -> pd.Series:
    """'6.5% (增长, 左右)': the value and unit as written, with direction and qualifier."""
    extra = [", ".join(x for x in (d, q) if x) for d, q in zip(table["direction"], table["qualifier"])]
    return pd.Series([f"{v}{'' if v.startswith('百分之') else u}" + (f" ({e})" if e else "")
                      for v, u, e in zip(table["value"], table["unit"], extra)],
                     index=table.index, dtype=object)


def report_targets(quantities: pd.DataFrame, paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """The targets (kind 'target') of the quantity table, in document order, with
    ``main_paragraph`` (True in a paragraph matching :data:`MAIN_TARGETS`, the 主要预期目标
    paragraph) and ``stated`` (value, unit, direction and qualifier as one text)."""
    main = paragraph_table.loc[paragraph_table["text"].str.contains(MAIN_TARGETS), ["doc_id", "para_no"]]
    keys = set(zip(main["doc_id"], main["para_no"]))
    targets = quantities[quantities["kind"] == "target"].copy()
    targets["main_paragraph"] = np.array([(d, p) in keys for d, p in zip(targets["doc_id"], targets["para_no"])],
                                         dtype=bool)
    targets["stated"] = _value_text(targets)
    return targets.reset_index(drop=True)


MATCHES = ("same canonical indicator", "exact phrase")
"""How two quantities are found to measure the same indicator (:func:`match_indicators`)."""


def _matchable(table: pd.DataFrame) -> pd.DataFrame:
    canonical = canonical_indicators(table["indicator"].tolist(), table["measure"].tolist())
    flow = table["flow_stock"] if "flow_stock" in table else pd.Series("", index=table.index)
    return pd.DataFrame({"indicator": table["indicator"].to_numpy(), "canonical": canonical["indicator"].to_numpy(),
                         "base_unit": table["base_unit"].to_numpy(), "measure": table["measure"].to_numpy(),
                         "flow_stock": flow.fillna("").to_numpy()})


def match_indicators(left: pd.DataFrame, right: pd.DataFrame) -> list[tuple[int, int, str]]:
    """Pairs (row of ``left``, row of ``right``, how) of quantities that measure the same
    indicator (how is one of MATCHES; rule in :func:`_compatible`: the same canonical
    indicator of the crosswalk and base unit, else the same phrase, base unit and measure;
    never a flow against a stock). Rows are positions (0-based); each is used at most once,
    in the order of ``left``, taking the first row of ``right`` that fits."""
    a, b = _matchable(left).to_dict("records"), _matchable(right).to_dict("records")
    pairs: list[tuple[int, int, str]] = []
    used: set[int] = set()
    for i, one in enumerate(a):
        for j, other in enumerate(b):
            if j in used:
                continue
            how = _compatible(one, other)
            if how:
                pairs.append((i, j, how))
                used.add(j)
                break
    return pairs


def targets_side_by_side(targets: pd.DataFrame, doc_a: str, doc_b: str) -> pd.DataFrame:
    """The targets of two reports in one table (from :func:`report_targets`): matched pairs
    first (in the order of ``doc_a``), then the targets of ``doc_a`` only, then of ``doc_b``
    only. Columns: theme, indicator_a, stated_a, main_a, indicator_b, stated_b, main_b,
    base_unit, measure, match (one of MATCHES, 'only a', 'only b')."""
    a = targets[targets["doc_id"] == doc_a].reset_index(drop=True)
    b = targets[targets["doc_id"] == doc_b].reset_index(drop=True)
    pairs = match_indicators(a, b)
    rows = []

    def side(table, i, suffix):
        if i is None:
            return {f"indicator_{suffix}": "", f"stated_{suffix}": "", f"main_{suffix}": False}
        return {f"indicator_{suffix}": table.at[i, "indicator"], f"stated_{suffix}": table.at[i, "stated"],
                f"main_{suffix}": bool(table.at[i, "main_paragraph"])}

    for i, j, how in pairs:
        rows.append({"theme": a.at[i, "theme"] or b.at[j, "theme"], **side(a, i, "a"), **side(b, j, "b"),
                     "base_unit": a.at[i, "base_unit"], "measure": a.at[i, "measure"], "match": how})
    matched_a, matched_b = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    for table, matched, label in ((a, matched_a, "a"), (b, matched_b, "b")):
        for i in range(len(table)):
            if i not in matched:
                this = side(table, i, label)
                other = side(None, None, "b" if label == "a" else "a")
                rows.append({"theme": table.at[i, "theme"], **(this | other if label == "a" else other | this),
                             "base_unit": table.at[i, "base_unit"], "measure": table.at[i, "measure"],
                             "match": f"only {label}"})
    columns = ["theme", "indicator_a", "stated_a", "main_a", "indicator_b", "stated_b", "main_b", "base_unit",
               "measure", "match"]
    return pd.DataFrame(rows, columns=columns)


def targets_by_theme(side_by_side: pd.DataFrame, doc_a: str, doc_b: str) -> pd.DataFrame:
    """Per theme (``(none)`` for a target without one) and report of
    :func:`targets_side_by_side`: targets (the report's targets of that theme) and matched
    (those matched by indicator in the other report; a pair counts under its theme).
    Columns theme, doc_id, targets, matched; themes sorted, then doc_a before doc_b."""
    matched = side_by_side["match"].isin(MATCHES)
    theme = side_by_side["theme"].replace("", "(none)")
    rows = []
    for name in sorted(set(theme)):
        here = theme == name
        for doc_id, suffix in ((doc_a, "a"), (doc_b, "b")):
            has = here & (side_by_side[f"indicator_{suffix}"] != "")
            rows.append({"theme": name, "doc_id": doc_id, "targets": int(has.sum()), "matched": int((has & matched).sum())})
    return pd.DataFrame(rows, columns=["theme", "doc_id", "targets", "matched"])


def repeated_reports(corpus: pd.DataFrame, genre: str = "work_report") -> pd.DataFrame:
    """District-years with more than one document of ``genre``: district, year, doc_ids
    (joined by ", "). Which of them reviews the year is not for the code to guess, so
    :func:`consecutive_reports` leaves these years out and the notebook names them."""
    reports = corpus.loc[corpus["genre"] == genre, ["doc_id", "district", "year"]]
    doubled = reports[reports.duplicated(["district", "year"], keep=False)]
    return (doubled.groupby(["district", "year"], sort=True)["doc_id"].agg(", ".join).rename("doc_ids")
            .reset_index())


def consecutive_reports(corpus: pd.DataFrame, genre: str = "work_report") -> pd.DataFrame:
    """Pairs of reports of the same government (district) in consecutive years: columns
    district, target_doc (year y), outcome_doc (year y + 1, :func:`outcome_documents`); the
    report of year y + 1 reviews year y, so it gives the outcomes of the targets set in year
    y. District-years with two or more such reports (:func:`repeated_reports`) take part in
    no pair."""
    reports = corpus.loc[corpus["genre"] == genre, ["doc_id", "district", "year"]]
    reports = reports[~reports.duplicated(["district", "year"], keep=False)]
    outcomes = outcome_documents(corpus, genre)
    pairs = pd.DataFrame([(d, doc, outcomes[(d, int(y))]) for doc, d, y in
                          zip(reports["doc_id"], reports["district"], reports["year"]) if (d, int(y)) in outcomes],
                         columns=["district", "target_doc", "outcome_doc"])
    return pairs.sort_values(["district", "target_doc"]).reset_index(drop=True)


APPROXIMATE_TOLERANCE = 0.05
"""A 左右/约/近 target is met within this share of its size on the wrong side: 6% 左右 by
5.7% or more (higher is better), 3% 左右 by 3.15% or less (lower is better)."""
TARGET_TYPES = ("range", "ceiling", "floor", "approximate", "hard", "soft", "point")
"""The type of a target (:func:`target_type`), first that applies: range (6%-6.5%), ceiling
(以内, 以下, 不超过, 低于), floor (以上, 超过, 突破, 多, 高于), approximate (左右, 约, 近), hard (确保,
不低于, 不少于, 控制在, 至少), soft (力争, 争取), point (none of these)."""
_TYPE_WORDS = {"ceiling": ("以内", "以下", "不超过", "低于"), "floor": ("以上", "超过", "突破", "多", "高于"),
               "approximate": ("左右", "约", "近"), "hard": ("确保", "不低于", "不少于", "控制在", "至少"),
               "soft": ("力争", "争取")}
SECTIONS = ("main targets", "annual tasks", "five-year goals", "annual review", "five-year review", "other")
"""Where a quantity stands (:func:`quantity_sections`)."""
ANNUAL_TARGETS = re.compile(r"主要预期(?:目标|指标)|预期目标")
"""The annual plan's words for its targets: a paragraph naming them holds the year's main
targets even in a part about a plan period (以高质量发展为“十四五”开好局)."""
FIVE_YEAR = re.compile(r"五年|十[一二三四五]?五|本届|这届")
"""A part title or lead about a term or plan period (过去五年, 今后五年, “十三五”)."""
MULTI_YEAR = re.compile(r"年均|平均每年|年平均|累计|五年|总计|共计|十[一二三四五]?五|本届|这届|\d{4}年以来|\d{4}[—\-－~～至到]\d{4}年")
"""Words that make a reviewed figure multi-year (年均增长7.1%, 累计新增, 五年来): no annual outcome."""
FIVE_YEAR_OPENING = re.compile(r"(?:过去|近|这|前)?五年(?:来|间|中|里)?|本届政府|“十[一二三四五]?五”(?:期间|时期)")
"""A paragraph that opens on a term (五年来，…; 过去五年，…): every figure in it is multi-year."""
PRELIMINARY = re.compile(r"预计|初步核算|初步统计|快报")
"""Words that mark a reviewed figure as an estimate (outcome_preliminary)."""
_TARGET_WORDS = re.compile(r"目标|预期|计划|任务")
_PLAN_PERIOD = re.compile(r"[“\"]?十([一二三四五]?)五[”\"]?(?:规划|计划|时期|期间|期末|末)")
_YEAR = re.compile(r"(?<![比较与同和])(\d{4})年(?!以来|比|相比|基础上|的基础|同期)")
_TERM_AHEAD = re.compile(r"今后五年|未来五年|五年内")
_YEARS_TO_GO = re.compile(r"用([两二三四五六七八九十]|\d{1,2})年(?:左右)?(?:的)?时间|([两二三四五六七八九十]|\d{1,2})年内")
_OPENING_YEAR = re.compile(r"开局|起步之年|第一年|首年")
"""A review part titled on a plan's first year (“十一五”开局良好) reviews one year."""
_THREE_YEAR_PLAN = re.compile(r"([两三四五])年(?:行动|攻坚|计划)")
_PAIR_COLUMNS = ["district", "target_year", "target_span", "target_doc", "outcome_doc", "indicator",
                 "indicator_as_written", "outcome_indicator_as_written", "target", "target_type", "target_value",
                 "target_value_high", "outcome", "outcome_value", "outcome_preliminary", "base_unit", "measure",
                 "flow_stock", "direction", "direction_source", "gap", "met", "main_target", "target_section",
                 "outcome_section", "match", "target_sentence", "outcome_sentence"]
_UNMATCHED_COLUMNS = ["district", "target_year", "target_doc", "outcome_doc", "indicator", "indicator_as_written",
                      "target", "reason", "target_sentence"]
UNMATCHED_REASONS = ("no next report in the corpus", "five-year review", "no match found", "no outcome stated",
                     "qualitative only")
"""Why a main target has no outcome (:func:`target_outcomes`)."""


def target_type(qualifiers: str, value_high: float) -> str:
    """The first of TARGET_TYPES that applies to a target with ``qualifiers`` (joined by 、)
    and high end ``value_high`` (NaN for a single value)."""
    if not pd.isna(value_high):
        return "range"
    words = set(qualifiers.split("、")) if qualifiers else set()
    return next((kind for kind, kind_words in _TYPE_WORDS.items() if words & set(kind_words)), "point")


def signed_values(table: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) with a fall negative: a change (measure 'change', or a direction word on
    a % or percentage points) after a decrease word (下降, 减少 …) is −value; low ≤ high."""
    falls = table["direction"].isin(DECREASES).to_numpy() & (
        (table["measure"] == "change") | table["base_unit"].isin(RATE_UNITS)).to_numpy()
    sign = np.where(falls, -1.0, 1.0)
    low = table["base_value"].to_numpy(float) * sign
    high = table["base_value_high"].to_numpy(float) * sign
    return np.fmin(low, high), np.fmax(low, high)


def target_met(target: float, target_high: float, outcome: float, kind: str, better: str,
               tolerance: float = APPROXIMATE_TOLERANCE) -> bool:
    """Whether ``outcome`` meets a target of type ``kind`` (signed values): a ceiling by
    outcome ≤ its top, a floor by outcome ≥ target; a range by outcome ≥ its low end when
    higher is ``better``, ≤ its high end when lower is; an approximate target by outcome ≥
    target − tolerance × |target| (higher) or ≤ target + tolerance × |target| (lower); any
    other by outcome ≥ target (higher) or ≤ target (lower)."""
    top = target if np.isnan(target_high) else target_high
    if kind == "ceiling":
        return bool(outcome <= top)
    if kind == "floor":
        return bool(outcome >= target)
    if kind == "range":
        return bool(outcome >= target) if better == "higher" else bool(outcome <= top)
    slack = tolerance * abs(target) if kind == "approximate" else 0.0
    return bool(outcome >= target - slack) if better == "higher" else bool(outcome <= target + slack)


def quantity_sections(quantities: pd.DataFrame, paragraph_table: pd.DataFrame, corpus: pd.DataFrame) -> pd.Series:
    """The section (SECTIONS) of each quantity: in a review part, 'five-year review' when the
    part title names a term (FIVE_YEAR) but neither the year just ended nor a plan's first year
    (_OPENING_YEAR: “十一五”开局良好), else 'annual review'; in
    a plan part, 'main targets' in a paragraph naming the annual targets (ANNUAL_TARGETS) and
    no term; else 'five-year goals' when the part title names a term and neither the title nor
    the paragraph names the report's year (or 今年); else 'main targets' in a paragraph
    matching MAIN_TARGETS, else 'annual tasks'; 'other'
    elsewhere (front matter, the government's own work, no parts)."""
    keys = ["doc_id", "para_no"]
    years = dict(zip(corpus["doc_id"], corpus["year"]))
    located = quantities[keys].merge(paragraph_table[[*keys, "part_kind", "part_title", "text"]]
                                     .drop_duplicates(keys), on=keys, how="left", validate="many_to_one")
    sections = []
    for doc_id, kind, title, text in zip(located["doc_id"], located["part_kind"], located["part_title"],
                                         located["text"]):
        title = "" if pd.isna(title) else str(title)
        year = years.get(doc_id)
        if kind == "review":
            annual = year is not None and (f"{int(year) - 1}年" in title or bool(_OPENING_YEAR.search(title)))
            sections.append("five-year review" if FIVE_YEAR.search(title) and not annual else "annual review")
        elif kind == "plan":
            text = str(text)
            annual = year is not None and (f"{int(year)}年" in title or f"{int(year)}年" in text or "今年" in text)
            if ANNUAL_TARGETS.search(text) and not FIVE_YEAR.search(text):
                sections.append("main targets")
            elif FIVE_YEAR.search(title) and not annual:
                sections.append("five-year goals")
            else:
                sections.append("main targets" if MAIN_TARGETS.search(text) else "annual tasks")
        else:
            sections.append("other")
    return pd.Series(sections, index=quantities.index, dtype=object)


def target_years(quantities: pd.DataFrame, report_years: pd.Series, sections: pd.Series) -> pd.Series:
    """The year each target is for: the latest year named in its lead (:func:`number_lead`,
    with the opening of a list before its ：) that is not before the report's year and is
    not a base year (比2010年, 2010年以来); else the end of a plan period named there and
    not followed by 今年 (根据“十二五”规划建议…，今年的目标是 sets this year's targets)
    (“十三五” → 2020: the n-th plan ends in 1955 + 5n); else the end of a two- to five-year
    plan or campaign (三年行动, not followed by 今年) counted from the report's year; else the last
    of the years a goal is given (用10年时间, 三年内, after the lead's last 今年: the report's
    year + n − 1); else,
    in the five-year goals, after 今后五年 (未来五年, 五年内) or with 年均 in the number's own
    clause (固定资产投资年均增长15%), the report's year + 4; else the report's year."""
    years = []
    for sentence, start, year, section in zip(quantities["sentence"], quantities["start"], report_years, sections):
        year = int(year)
        lead = number_lead(sentence, start)
        opening = sentence[:sentence.find("：")] if 0 <= sentence.find("：") < start else ""
        lead = opening + "：" + lead if opening else lead
        named = [int(y) for y in _YEAR.findall(lead) if int(y) >= year]
        this_year = lead.rfind("今年")
        period = _PLAN_PERIOD.search(lead)
        period = period if period and period.end() > this_year else None     # 根据“十二五”规划…，今年…: this year
        campaign = _THREE_YEAR_PLAN.search(lead)
        campaign = campaign if campaign and campaign.end() > this_year else None
        years_to_go = _YEARS_TO_GO.search(lead[this_year + 1:])
        if named:
            years.append(max(named))
        elif period:
            years.append(1955 + 5 * (10 + (" 一二三四五".index(period.group(1)) if period.group(1) else 0)))
        elif campaign:
            years.append(year + "一二三四五".index(campaign.group(1)) if campaign.group(1) != "两" else year + 1)
        elif years_to_go and _span_years(years_to_go) >= 2:
            years.append(year + _span_years(years_to_go) - 1)
        elif section == "five-year goals" or _TERM_AHEAD.search(lead) or _AVERAGE.search(own_clause(sentence, start)):
            years.append(year + 4)
        else:
            years.append(year)
    return pd.Series(years, index=quantities.index, dtype="int64")


def own_clause(sentence: str, start: int) -> str:
    """The text of the number's clause before it (back to the last ，；：)."""
    return _CLAUSE_BEFORE.search(sentence[:start]).group(0)


def _span_years(match: re.Match) -> int:
    """The number of years of 用10年时间 or 三年内."""
    written = match.group(1) or match.group(2)
    if written.isdigit():
        return int(written)
    return {"两": 2, "十": 10}.get(written, " 一二三四五六七八九".find(written))


def _annotate(quantities: pd.DataFrame, paragraph_table: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """The quantity table with section, report_year, district, canonical indicator,
    direction of better (and its source), target type, signed values, the number's lead
    (:func:`number_lead`) and its clause (:func:`own_clause` and the text after the number to
    the clause's end)."""
    table = quantities.reset_index(drop=True).copy()
    meta = corpus.drop_duplicates("doc_id").set_index("doc_id")
    table["report_year"] = table["doc_id"].map(meta["year"]).astype("int64")
    table["district"] = table["doc_id"].map(meta["district"]).astype(object)
    table["genre"] = table["doc_id"].map(meta["genre"]).astype(object)
    table["section"] = quantity_sections(table, paragraph_table, corpus)
    kinds = paragraph_table.drop_duplicates(["doc_id", "para_no"]).set_index(["doc_id", "para_no"])["kind"]
    table["heading"] = pd.Series(pd.MultiIndex.from_arrays([table["doc_id"], table["para_no"]]).map(kinds),
                                 index=table.index).astype(str).str.endswith("heading").to_numpy(bool)
    canonical = canonical_indicators(table["indicator"].tolist(), table["measure"].tolist())
    table["canonical"] = canonical["indicator"].to_numpy()
    table["target_type"] = [target_type(q, h) for q, h in zip(table["qualifiers"], table["base_value_high"])]
    falls = table["direction"].isin(DECREASES)
    table["better"] = np.where(canonical["direction"] != "", canonical["direction"],
                               np.where(table["target_type"] == "ceiling", "lower", np.where(falls, "lower", "higher")))
    table["direction_source"] = np.where(canonical["direction"] != "", "crosswalk",
                                         np.where(table["target_type"] == "ceiling", "ceiling",
                                                  np.where(falls, "direction word", "default: higher")))
    table["signed_low"], table["signed_high"] = signed_values(table)
    table["main_target"] = table["section"] == "main targets"
    table["lead"] = [number_lead(s, p) for s, p in zip(table["sentence"], table["start"])]
    table["clause"] = [own_clause(s, p) + _CLAUSE_AFTER.match(s, p).group(0)
                           for s, p in zip(table["sentence"], table["start"])]
    return table


def _outcome_candidates(annotated: pd.DataFrame, doc_id: str, target_year: int, annual: bool,
                        paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """The quantities of ``doc_id`` that can be outcomes for ``target_year``: not a target, not
    in a heading,
    not naming a target (:func:`_names_a_target`), no later year in its lead; for an annual target,
    achieved (or, outside work reports, any kind). Column ``multi_year`` marks a figure in
    the five-year review whose sentence names not the year before it, whose lead has no 比上年
    (较上年, 同比), and whose
    paragraph does not open on the year (2022年…, 过去(的)一年, 去年, 一年来), with a
    multi-year word (MULTI_YEAR) in its lead, compared with an earlier base (:func:`_earlier_base`), or in a paragraph
    opening on a term (FIVE_YEAR_OPENING): no outcome of an annual target, and the only outcome of a multi-year goal
    stated as a change (年均增长7%)."""
    here = annotated[(annotated["doc_id"] == doc_id) & (annotated["kind"] != "target") & ~annotated["heading"]]
    if here.empty:
        return here.assign(multi_year=pd.Series(dtype=bool))
    work_report = (here["genre"] == "work_report").to_numpy()
    achieved = (here["kind"] == "achieved").to_numpy() | ~work_report
    later = np.array([any(int(y) > target_year for y in re.findall(r"(\d{4})年", lead)) for lead in here["lead"]])
    target_like = np.array([_names_a_target(s, p, v, u) for s, p, v, u in
                            zip(here["sentence"], here["start"], here["value"], here["unit"])], dtype=bool)
    openings = paragraph_table.loc[paragraph_table["doc_id"] == doc_id].set_index("para_no")["text"].astype(str)
    opening_multi = here["para_no"].map(lambda p: bool(FIVE_YEAR_OPENING.match(openings.get(p, "")))).to_numpy(bool)
    year_words = re.compile(rf"{target_year}年|过去的?一年|去年|一年来")
    names_year = here["lead"].str.contains(r"比上年|较上年|同比").to_numpy() | np.array(
        [f"{target_year}年" in sentence[:start] for sentence, start in zip(here["sentence"], here["start"])]) | here["para_no"].map(
        lambda p: bool(year_words.search(openings.get(p, "")[:30]))).to_numpy(bool)
    earlier_base = np.array([_earlier_base(clause, target_year) for clause in here["clause"]], dtype=bool)
    multi = ((here["section"] == "five-year review").to_numpy() & ~names_year) \
        | here["lead"].str.contains(MULTI_YEAR).to_numpy() | opening_multi | earlier_base
    keep = achieved & ~later & ~target_like
    return here[keep].assign(multi_year=multi[keep])


_AVERAGE = re.compile(r"年均|平均每年|年平均")
_BASE_YEAR = re.compile(r"比(\d{4})年")
_BASE_PERIOD = re.compile(r"比[“\"]?十[一二三四五]?五[”\"]?(?:期末|末)")


def _earlier_base(clause: str, target_year: int) -> bool:
    """True when the figure's clause compares with a year before the one just ended (比2002年增长
    65.5% in a review of 2007) or with the end of a plan period (比“九五”期末): a change over
    several years."""
    return bool(_BASE_PERIOD.search(clause)) or any(int(y) < target_year - 1 for y in _BASE_YEAR.findall(clause))


def _same_period_change(target: dict, outcome: dict) -> bool:
    """A multi-year goal stated as a change or a flow (新增300万人 over five years) meets only a
    multi-year figure of the same form: an average (年均 in both leads) or a total over the
    period (年均 in neither). A stock goal (达到 … by 2015) meets the level reported."""
    average = bool(_AVERAGE.search(target["lead"]))
    return bool(outcome["multi_year"]) and bool(_AVERAGE.search(outcome["lead"])) == average


def _names_a_target(sentence: str, start: int, value: str, unit: str) -> bool:
    """True when the number's own clause (since the last ，；：) holds 目标, 预期, 计划 or 任务,
    or the number is followed by 的目标 (年初确定的增长9%左右的目标顺利实现), or the rest of
    its clause chain says that 的…目标 is (to be) reached, without a figure of its own
    (降低3.5%、…减少1%的节能减排目标预计可以完成; not 均高于年初确定的预期目标)."""
    clause = own_clause(sentence, start)
    after = sentence[start + len(value) + len(unit):]
    rest = after[:min((m.start() for m in re.finditer(r"[；;。]", after)), default=len(after))]
    return bool(_TARGET_WORDS.search(clause) or re.match(r"(?:左右|以上|以内|以下)?的?(?:预期)?(?:目标|任务)", after)
                or re.search(r"的[^，,；;。]{0,8}目标(?:预计|有望|可望|基本|顺利|全面)?(?:可以|能够|将)?(?:完成|实现)", rest))


MIN_EXACT_PHRASE = 3
"""Phrases of fewer characters (资金, 项目) name too little to match by the phrase alone."""
_ONLY_TIME = re.compile(r"[\d年月底末以来前后]+")
"""A phrase that is only a time (2015年, a base year left as the phrase) names nothing measured."""
_CLAUSE_BEFORE = re.compile(r"[^，,；;：:。]*$")
_CLAUSE_AFTER = re.compile(r"[^，,；;。]*")
LISTING = re.compile(r"纳入|列入|入选|入围|获批")
"""A figure of things put on a list or approved (16个重大项目纳入国家规划) reports no target's
achievement unless the target is itself a listing."""
SUBTOTAL = "其中"
"""A figure after 其中 in its lead is part of a total (全部财政收入完成634.2亿元，…，其中地方一般预算收入
335.4亿元): :func:`_names_the_total`."""


def _names_the_total(phrase: str, lead: str) -> bool:
    """True when ``lead`` holds 其中 and the target's ``phrase`` is written before it: the target
    names the total (财政收入 in 全部财政收入), so a part of it is no outcome of the target."""
    cut = lead.rfind(SUBTOTAL)
    return cut >= 0 and bool(phrase) and phrase in lead[:cut]


STAGES = {"start": re.compile(r"开工|动工|开建|启动建设|开始建设"), "finish": re.compile(r"建成|竣工|完工|通车|投产|投入使用|交付")}
"""Stages of a project named in a lead: a count of projects started never meets one of
projects finished (新开工3条高速公路, 建成5条高速公路)."""


_ANNUAL_UNITS = ("元", "美元", "吨", *RATE_UNITS)
"""Money, tonnes and rates are a year's figures whatever the verb (投资达到437亿元 and 投资完成444.7亿元
are one measure; 粮食产量稳定在5.5亿吨以上 and 全年粮食产量62144万吨 too): flow and stock are
told apart for counts, areas and lengths only."""


def _stage(lead: str) -> str:
    found = [(m.end(), name) for name, pattern in STAGES.items() for m in pattern.finditer(lead)]
    return max(found)[1] if found else ""


def _compatible(target, outcome) -> str:
    """How a target and an outcome measure the same thing ('' when they do not): the same
    canonical indicator (crosswalk.py) with the same base unit, or, for a phrase the crosswalk
    does not know, the exact phrase (of MIN_EXACT_PHRASE characters or more, not only a time:
    _ONLY_TIME) with the same base unit and measure; never a flow against
    a stock of a count, area or length (_ANNUAL_UNITS), nor a project started against one
    finished (STAGES), nor a listing against a target that is none (LISTING); a part of a
    total the target names (:func:`_names_the_total`) only by its exact phrase."""
    if target["base_unit"] != outcome["base_unit"]:
        return ""
    stages = _stage(target.get("lead", "")), _stage(outcome.get("lead", ""))
    if all(stages) and stages[0] != stages[1]:
        return ""
    if LISTING.search(outcome.get("clause", "")) and not LISTING.search(target.get("clause", "")):
        return ""
    if _names_the_total(target["indicator"], outcome.get("lead", "")) and target["indicator"] != outcome["indicator"]:
        return ""
    if target["base_unit"] not in _ANNUAL_UNITS and target["flow_stock"] and outcome["flow_stock"] \
            and target["flow_stock"] != outcome["flow_stock"]:
        return ""
    if target["canonical"]:
        return "same canonical indicator" if target["canonical"] == outcome["canonical"] else ""
    if len(target["indicator"]) >= MIN_EXACT_PHRASE and not _ONLY_TIME.fullmatch(target["indicator"]) \
            and target["indicator"] == outcome["indicator"] and target["measure"] == outcome["measure"]:
        return "exact phrase"
    return ""


@dataclass(frozen=True)
class TargetOutcomes:
    """:func:`target_outcomes`: the pairs (one row per target and outcome), the main targets
    left without an outcome, with the reason, and the annotated quantities they were read from
    (section, year, canonical indicator, type, signed values), which :func:`growth_targets`
    reads again."""
    pairs: pd.DataFrame
    unmatched: pd.DataFrame
    annotated: pd.DataFrame = field(repr=False, compare=False)


def outcome_documents(corpus: pd.DataFrame, genre: str = "work_report", outcome_genre: str | None = None
                      ) -> dict[tuple[str, int], str]:
    """(district, year) → the document giving that year's outcomes: the document of year + 1
    of ``outcome_genre`` (default ``genre``): a work report reviews the year before it, and so
    does a statistical bulletin, published the next spring (its manifest year is the year it
    was published). District-years with two such documents give none (:func:`repeated_reports`)."""
    docs = corpus.loc[corpus["genre"] == (outcome_genre or genre), ["doc_id", "district", "year"]]
    docs = docs[~docs.duplicated(["district", "year"], keep=False)]
    return {(d, int(y) - 1): doc for doc, d, y in zip(docs["doc_id"], docs["district"], docs["year"])}


def target_outcomes(quantities: pd.DataFrame, corpus: pd.DataFrame, paragraph_table: pd.DataFrame,
                    genre: str = "work_report", outcome_genre: str | None = None,
                    tolerance: float = APPROXIMATE_TOLERANCE) -> TargetOutcomes:
    """Each target (not in a heading: 着力夯实…两个基础) of a report of ``genre`` against the
    outcome stated for its year
    (:func:`target_years`, :func:`outcome_documents`): an annual target of year y against an
    annual outcome of the report of y + 1 (:func:`_outcome_candidates`), a multi-year goal
    against a reviewed figure of the report of its end year + 1 (:func:`_same_period_change`).
    Main targets first, then document order; a target stated again in the same report
    (:func:`_restatement_key`) is paired once; the first compatible outcome
    (:func:`_compatible`) in document order is taken, each outcome once. met by :func:`target_met`; gap = outcome − target (signed base
    units). Columns of ``pairs``: see the data dictionary (`export`). ``unmatched``: each
    main target without a pair and its reason (UNMATCHED_REASONS)."""
    annotated = _annotate(quantities, paragraph_table, corpus)
    targets = annotated[(annotated["kind"] == "target") & (annotated["genre"] == genre) & ~annotated["heading"]].copy()
    targets["target_year"] = target_years(targets, targets["report_year"], targets["section"])
    doc_order = {d: i for i, d in enumerate(corpus["doc_id"])}
    targets = (targets.assign(doc_order=targets["doc_id"].map(doc_order))
               .sort_values(["doc_order", "main_target", "para_no", "sent_no", "start"],
                            ascending=[True, False, True, True, True], kind="stable"))
    sources = outcome_documents(corpus, genre, outcome_genre)
    stated = _value_text(annotated)
    pairs, unmatched, used, stated_before = [], [], set(), set()
    candidates_cache: dict[tuple[str, int, bool], pd.DataFrame] = {}
    for i, target in zip(targets.index, targets.to_dict("records")):
        year = int(target["target_year"])
        restatement = _restatement_key(target, year)
        if restatement in stated_before:
            continue
        stated_before.add(restatement)
        annual = year == int(target["report_year"])
        outcome_doc = sources.get((target["district"], year))
        if outcome_doc is None:
            if target["main_target"]:
                unmatched.append(_unmatched(target, stated[i], "", "no next report in the corpus"))
            continue
        key = (outcome_doc, year, annual)
        if key not in candidates_cache:
            table = _outcome_candidates(annotated, outcome_doc, year, annual, paragraph_table)
            candidates_cache[key] = list(zip(table.index, table.to_dict("records")))
        candidates = candidates_cache[key]
        found, refused_multi = None, False
        for j, outcome in candidates:
            how = _compatible(target, outcome)
            if not how:
                continue
            if annual and outcome["multi_year"]:
                refused_multi = True
                continue
            if not annual and (target["measure"] == "change" or target["flow_stock"] == "flow") \
                    and not _same_period_change(target, outcome):
                continue
            if (outcome_doc, j) not in used:
                found = (j, how, outcome)
                break
        if found is None:
            if target["main_target"]:
                reason = "five-year review" if refused_multi else _absence(target, annotated, outcome_doc)
                unmatched.append(_unmatched(target, stated[i], outcome_doc, reason))
            continue
        j, how, outcome = found
        used.add((outcome_doc, j))
        t_low, t_high = float(target["signed_low"]), float(target["signed_high"])
        o_value = float(outcome["signed_low"])
        t_high_out = np.nan if pd.isna(target["base_value_high"]) else t_high
        pairs.append({
            "district": target["district"], "target_year": year, "target_span": "annual" if annual else "multi-year",
            "target_doc": target["doc_id"], "outcome_doc": outcome_doc, "indicator": target["canonical"],
            "indicator_as_written": target["indicator"], "outcome_indicator_as_written": outcome["indicator"],
            "target": stated[i], "target_type": target["target_type"], "target_value": t_low,
            "target_value_high": t_high_out, "outcome": stated[j], "outcome_value": o_value,
            "outcome_preliminary": bool(PRELIMINARY.search(str(outcome["qualifiers"]) + outcome["lead"])),
            "base_unit": target["base_unit"], "measure": target["measure"], "flow_stock": target["flow_stock"],
            "direction": target["better"], "direction_source": target["direction_source"], "gap": o_value - t_low,
            "met": target_met(t_low, t_high_out, o_value, target["target_type"], target["better"], tolerance),
            "main_target": bool(target["main_target"]), "target_section": target["section"],
            "outcome_section": outcome["section"], "match": how, "target_sentence": target["sentence"],
            "outcome_sentence": outcome["sentence"]})
    unmatched.extend(_qualitative_main_targets(paragraph_table, corpus, annotated, genre, sources))
    pair_table = pd.DataFrame(pairs, columns=_PAIR_COLUMNS)
    pair_table = pair_table.astype({"target_year": "int64", "target_value": float, "target_value_high": float,
                                    "outcome_value": float, "gap": float, "met": bool, "main_target": bool,
                                    "outcome_preliminary": bool})
    return TargetOutcomes(pair_table, pd.DataFrame(unmatched, columns=_UNMATCHED_COLUMNS), annotated)


def _restatement_key(target: dict, year: int) -> tuple:
    """What makes two targets of one report the same target stated twice (in the main targets
    and again in the tasks): the year, the indicator (canonical, else as written), base unit,
    measure, target type and signed values. Only the first (main targets first) is paired."""
    high = None if pd.isna(target["signed_high"]) else round(float(target["signed_high"]), 9)
    return (target["doc_id"], year, target["canonical"] or target["indicator"], target["base_unit"],
            target["measure"], target["target_type"], round(float(target["signed_low"]), 9), high)


def _unmatched(target: dict, stated: str, outcome_doc: str, reason: str) -> dict:
    return {"district": target["district"], "target_year": int(target["target_year"]), "target_doc": target["doc_id"],
            "outcome_doc": outcome_doc, "indicator": target["canonical"], "indicator_as_written": target["indicator"],
            "target": stated, "reason": reason, "target_sentence": target["sentence"]}


def _absence(target: dict, annotated: pd.DataFrame, outcome_doc: str) -> str:
    """'no match found' when the outcome report's reviewed quantities name the indicator (its
    canonical indicator, else its phrase) with another unit, measure or flow/stock; 'no
    outcome stated' otherwise."""
    review = annotated[(annotated["doc_id"] == outcome_doc) & (annotated["kind"] != "target")]
    named = (review["canonical"] == target["canonical"]) if target["canonical"] else \
        (review["indicator"] == target["indicator"])
    return "no match found" if bool(named.any()) else "no outcome stated"


_CLAUSE = re.compile(r"[^，,；;。]+")


def _qualitative_main_targets(paragraph_table: pd.DataFrame, corpus: pd.DataFrame, annotated: pd.DataFrame,
                              genre: str, sources: dict) -> list[dict]:
    """Clauses of the main-targets paragraphs of the plan parts that name a crosswalk
    indicator with no number (居民收入增长和经济增长同步): main targets with reason
    'qualitative only'."""
    meta = corpus.drop_duplicates("doc_id").set_index("doc_id")
    rows = []
    plan = paragraph_table[(paragraph_table["part_kind"] == "plan")
                           & paragraph_table["doc_id"].map(meta["genre"]).eq(genre)
                           & paragraph_table["text"].astype(str).str.contains(MAIN_TARGETS)]
    for doc_id, text in zip(plan["doc_id"], plan["text"].astype(str)):
        year = int(meta.at[doc_id, "year"])
        district = meta.at[doc_id, "district"]
        for clause in _CLAUSE.findall(text):
            if re.search(r"\d|[一二三四五六七八九十]+(?:个百分点|%)|百分之", clause):
                continue
            phrase = re.sub(r"(?:增长|下降|提高|保持|稳定|同步|基本|持续|平稳|合理|实现|控制在|力争).*$", "", clause)
            indicator, _ = canonical_indicator(phrase.strip(" 　"))
            if indicator:
                rows.append({"district": district, "target_year": year, "target_doc": doc_id,
                             "outcome_doc": sources.get((district, year), ""), "indicator": indicator,
                             "indicator_as_written": phrase.strip(" 　"), "target": "", "reason": "qualitative only",
                             "target_sentence": clause})
    return rows


def unknown_indicator_phrases(quantities: pd.DataFrame) -> pd.DataFrame:
    """The indicator phrases of targets that the crosswalk does not know: indicator_as_written,
    base_unit, measure, targets (count); most frequent first, then by phrase."""
    targets = quantities[quantities["kind"] == "target"]
    known = canonical_indicators(targets["indicator"].tolist(), targets["measure"].tolist())["indicator"].to_numpy()
    unknown = targets[(known == "") & (targets["indicator"] != "")]
    counts = unknown.groupby(["indicator", "base_unit", "measure"]).size().rename("targets").reset_index()
    return (counts.rename(columns={"indicator": "indicator_as_written"})
            .sort_values(["targets", "indicator_as_written"], ascending=[False, True], kind="stable")
            .reset_index(drop=True))


def numeric_density(quantities: pd.DataFrame, tokens: pd.DataFrame, paragraph_table: pd.DataFrame,
                    by: list[str], confidence_level: float = 0.95) -> pd.DataFrame:
    """Per group of ``by`` (columns of the paragraph table, e.g. doc_id and part_kind; groups
    in the token table's first-seen order): word_tokens, quantities, per_1000 = quantities /
    word tokens × 1,000, targets, and the shares of targets that are hedged (:data:`HEDGES`),
    floors (:data:`FLOORS`) and ceilings (:data:`CEILINGS`), each = count / targets with its
    Wilson interval (NaN where a group has no target)."""
    keys = ["doc_id", "para_no"]
    located = quantities.merge(paragraph_table[[*keys, *[c for c in by if c not in keys]]].drop_duplicates(keys),
                               on=keys, how="left", validate="many_to_one")
    words = tokens[tokens["is_word"]].groupby(by, sort=False, dropna=False).size().rename("word_tokens")
    grouped = located.groupby(by, sort=False, dropna=False)
    table = pd.concat([words, grouped.size().rename("quantities"),
                       grouped["kind"].agg(lambda s: int((s == "target").sum())).rename("targets")], axis=1)
    table = table.loc[words.index].fillna(0).astype({"quantities": int, "targets": int})
    table["per_1000"] = table["quantities"] / table["word_tokens"] * 1000
    targets = located[located["kind"] == "target"]
    for name, qualifiers in (("hedged", HEDGES), ("floor", FLOORS), ("ceiling", CEILINGS)):
        counts = targets[targets["qualifier"].isin(qualifiers)].groupby(by, sort=False, dropna=False).size()
        k = counts.reindex(table.index, fill_value=0).to_numpy()
        n = table["targets"].to_numpy()
        low, high = wilson_interval(k, np.maximum(n, 1), confidence_level)
        table[name] = k
        table[f"{name}_share"] = np.where(n > 0, k / np.maximum(n, 1), np.nan)
        table[f"{name}_ci_low"] = np.where(n > 0, low, np.nan)
        table[f"{name}_ci_high"] = np.where(n > 0, high, np.nan)
    return table.reset_index()


def tolerance_sensitivity(pairs: pd.DataFrame, tolerances: tuple[float, ...] = (0.0, APPROXIMATE_TOLERANCE, 0.10)
                          ) -> pd.DataFrame:
    """The share of pairs met (and of the approximate targets met) at each tolerance for
    左右 targets (:func:`target_met`): columns tolerance, pairs, met_share, approximate,
    approximate_met_share (NaN without approximate targets)."""
    rows = []
    approximate = pairs["target_type"] == "approximate"
    for tolerance in tolerances:
        met = np.array([target_met(t, h, o, k, d, tolerance) for t, h, o, k, d in
                        zip(pairs["target_value"], pairs["target_value_high"], pairs["outcome_value"],
                            pairs["target_type"], pairs["direction"])], dtype=bool)
        rows.append({"tolerance": tolerance, "pairs": len(pairs), "met_share": met.mean() if len(pairs) else np.nan,
                     "approximate": int(approximate.sum()),
                     "approximate_met_share": met[approximate.to_numpy()].mean() if approximate.any() else np.nan})
    return pd.DataFrame(rows)


GROWTH_COLUMNS = ["government", "year", "doc_id", "target", "target_type", "target_value", "target_value_high",
                  "main_target", "outcome_doc", "outcome", "outcome_value", "outcome_preliminary", "gap", "met",
                  "outcome_status", "target_sentence", "outcome_sentence"]


def growth_targets(outcomes: TargetOutcomes, corpus: pd.DataFrame, indicator: str = "gdp",
                   genre: str = "work_report") -> pd.DataFrame:
    """The growth target of ``indicator`` (canonical, crosswalk.py) of every report of ``genre``:
    its first annual target (target year = report year) measured as a change in %, a main
    target first, then document order; with its pair from ``outcomes``
    (:func:`target_outcomes`, whose annotated quantities it reads) when it has one: the outcome of the
    report of year + 1, gap = outcome − target, met by :func:`target_met`. outcome_status:
    'paired', 'no next report in the corpus' or 'no outcome found'. One row per report with
    such a target, in corpus order; ``government`` is the report's district."""
    annotated = outcomes.annotated
    chosen = annotated[(annotated["kind"] == "target") & (annotated["genre"] == genre) & ~annotated["heading"]
                       & (annotated["canonical"] == indicator) & (annotated["measure"] == "change")
                       & (annotated["base_unit"] == "%")]
    chosen = chosen[target_years(chosen, chosen["report_year"], chosen["section"]) == chosen["report_year"]]
    doc_order = {d: i for i, d in enumerate(corpus["doc_id"])}
    chosen = (chosen.assign(doc_order=chosen["doc_id"].map(doc_order))
              .sort_values(["doc_order", "main_target", "para_no", "sent_no", "start"],
                           ascending=[True, False, True, True, True], kind="stable")
              .drop_duplicates("doc_id"))
    stated = _value_text(annotated)
    pairs = outcomes.pairs.set_index(["target_doc", "target_sentence", "target_value"])
    pairs = pairs[~pairs.index.duplicated()]
    sources = outcome_documents(corpus, genre)
    rows = []
    for i, target in zip(chosen.index, chosen.to_dict("records")):
        t_low = float(target["signed_low"])
        t_high = np.nan if pd.isna(target["base_value_high"]) else float(target["signed_high"])
        key = (target["doc_id"], target["sentence"], t_low)
        row = {"government": target["district"], "year": int(target["report_year"]), "doc_id": target["doc_id"],
               "target": stated[i], "target_type": target["target_type"], "target_value": t_low,
               "target_value_high": t_high, "main_target": bool(target["main_target"]),
               "outcome_doc": sources.get((target["district"], int(target["report_year"])), ""),
               "outcome": "", "outcome_value": np.nan, "outcome_preliminary": False, "gap": np.nan, "met": pd.NA,
               "target_sentence": target["sentence"], "outcome_sentence": ""}
        if key in pairs.index:
            pair = pairs.loc[key]
            row.update(outcome=pair["outcome"], outcome_value=float(pair["outcome_value"]),
                       outcome_preliminary=bool(pair["outcome_preliminary"]), gap=float(pair["gap"]),
                       met=bool(pair["met"]), outcome_status="paired", outcome_sentence=pair["outcome_sentence"])
        else:
            row["outcome_status"] = "no outcome found" if row["outcome_doc"] else "no next report in the corpus"
        rows.append(row)
    table = pd.DataFrame(rows, columns=GROWTH_COLUMNS)
    return table.astype({"year": "int64", "target_value": float, "target_value_high": float, "outcome_value": float,
                         "gap": float, "main_target": bool, "outcome_preliminary": bool, "met": "boolean"})


def target_escalation(growth: pd.DataFrame, national: str) -> pd.DataFrame:
    """Each government's growth target minus the ``national`` government's target of the same
    year (escalation > 0: a higher target than the centre's; Li, Liu, Weng & Zhou 2019), a
    range target taken at its midpoint on both sides (6%–6.5% → 6.25%): the rows of
    :func:`growth_targets` for the other governments with target_mid, national_target (the
    centre's midpoint) and escalation = target_mid − national_target (NaN where the national
    report of that year has no growth target)."""
    def midpoint(table: pd.DataFrame) -> pd.Series:
        return table["target_value"].where(table["target_value_high"].isna(),
                                           (table["target_value"] + table["target_value_high"]) / 2)

    centre = growth[growth["government"] == national].drop_duplicates("year")
    centre = pd.Series(midpoint(centre).to_numpy(), index=centre["year"].to_numpy())
    table = growth[growth["government"] != national].copy()
    table["target_mid"] = midpoint(table)
    table["national_target"] = table["year"].map(centre).astype(float)
    table["escalation"] = table["target_mid"] - table["national_target"]
    return table.reset_index(drop=True)


def growth_by_year(growth: pd.DataFrame, confidence_level: float = 0.95) -> pd.DataFrame:
    """Per year: governments with a growth target, mean target, paired outcomes, mean gap
    (outcome − target), met (count) and the share met with its Wilson interval (NaN without a
    paired outcome)."""
    rows = []
    for year, table in growth.groupby("year", sort=True):
        paired = table[table["outcome_status"] == "paired"]
        k, n = int(paired["met"].astype(bool).sum()), len(paired)
        low, high = wilson_interval(np.array([k]), np.array([max(n, 1)]), confidence_level)
        rows.append({"year": int(year), "targets": len(table), "mean_target": table["target_value"].mean(),
                     "paired": n, "mean_gap": paired["gap"].mean() if n else np.nan, "met": k,
                     "met_share": k / n if n else np.nan, "met_ci_low": float(low[0]) if n else np.nan,
                     "met_ci_high": float(high[0]) if n else np.nan})
    return pd.DataFrame(rows, columns=["year", "targets", "mean_target", "paired", "mean_gap", "met", "met_share",
                                       "met_ci_low", "met_ci_high"])
