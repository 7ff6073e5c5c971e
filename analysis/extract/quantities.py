"""Indicators: the quantities a report states — results achieved and targets set — with
what each measures, its unit, qualifier and direction.

A *quantity* is a number with a unit of measure after it: Arabic (117.69, 3,000) or Chinese
(三, 二十五, 六点五) numerals, a range (3—5), a magnitude (万 ×10⁴, 亿 ×10⁸) and a unit
(:data:`UNITS`: money, area, people, items and enterprises, per cent, 个百分点 and a few
more); 百分之六点五 is a per cent too. Not quantities: years, months and days (no unit
of :data:`UNITS` follows them), ordinals (第一批), numbers inside quotation marks
(“十四五”, “四个意识”: slogans), phone and document numbers and list markers (no unit).

For each quantity (:func:`extract_quantities`):

* ``qualifier`` — the hedge or bound written with it: 左右, 以上, 超过, 以内, 以下, 多/余
  (2500多家), 约, 近, 力争, 确保, 预计, 不低于, 不少于, 控制在 (the last three as floors or
  ceilings); '' when none;
* ``direction`` — 增长, 下降, 提高, 减少, 降低, 增加, 上升 written just before it ('' when none);
* ``measure`` — ``change`` (a direction with % or 个百分点, or 增长 + a level: 增长6.5%),
  ``share/rate`` (a % without a direction), ``level`` otherwise;
* ``indicator`` — the phrase it measures: the text of its clause before the number (after
  the previous quantity of the clause, and after a leading verb such as 完成 or 实现), or
  the previous quantity's indicator when that text is empty (同比增长12.4%);
* ``kind`` — ``target``, ``achieved`` or ``unknown``, from the report's part and the
  commitment and completion markers written before the number (:func:`quantity_kind`);
* ``theme`` — the first theme of the dictionary with a keyword in the indicator, else in
  the sentence ('' when none).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..documents.structure import split_sentences

__all__ = ["UNITS", "QUANTITY_COLUMNS", "COMMITMENT_MARKERS", "COMPLETION_MARKERS", "parse_number", "find_quantities",
           "quantity_kind", "extract_quantities"]


@dataclass(frozen=True)
class _Unit:
    base: str           # the base unit of the normalised value
    factor: float       # base value = value × magnitude × factor


UNITS: dict[str, _Unit] = {
    "个百分点": _Unit("percentage points", 1), "%": _Unit("%", 1), "％": _Unit("%", 1),
    "平方公里": _Unit("平方米", 1e6), "平方米": _Unit("平方米", 1), "公顷": _Unit("平方米", 1e4),
    "亩": _Unit("平方米", 10_000 / 15), "立方米": _Unit("立方米", 1),
    "元": _Unit("元", 1), "美元": _Unit("美元", 1),
    "人次": _Unit("人次", 1), "人": _Unit("人", 1), "名": _Unit("人", 1),
    "家": _Unit("个", 1), "户": _Unit("个", 1), "个": _Unit("个", 1), "项": _Unit("个", 1), "所": _Unit("个", 1),
    "套": _Unit("个", 1), "张": _Unit("个", 1), "辆": _Unit("个", 1), "座": _Unit("个", 1), "处": _Unit("个", 1),
    "条": _Unit("个", 1), "台": _Unit("个", 1), "件": _Unit("个", 1), "间": _Unit("个", 1), "栋": _Unit("个", 1),
    "公里": _Unit("公里", 1), "千米": _Unit("公里", 1), "吨": _Unit("吨", 1), "倍": _Unit("倍", 1),
}
"""Units of measure (longest first when matched) and how each is normalised."""

QUANTITY_COLUMNS = ["doc_id", "para_no", "sent_no", "sentence", "indicator", "value", "unit", "base_value",
                    "base_value_high", "base_unit", "measure", "direction", "qualifier", "kind", "theme"]

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_NUMBER = rf"[{_CN_DIGITS}十百千]+(?:点[{_CN_DIGITS}]+)?"
_AR_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_NUMBER = rf"(?:{_AR_NUMBER}|{_CN_NUMBER})"
_MAGNITUDES = {"万亿": 1e12, "亿": 1e8, "万": 1e4}
_UNIT_PATTERN = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
QUANTITY = re.compile(
    rf"(?P<percent>百分之)?(?P<low>{_NUMBER})(?:\s*[-—–~～至到]\s*(?P<high>{_NUMBER}))?"
    rf"(?P<approx>多|余)?(?P<magnitude>万亿|亿|万)?(?P<approx2>多|余)?(?P<unit>{_UNIT_PATTERN})?"
)
_BEFORE_QUALIFIERS = ("力争", "确保", "预计", "不低于", "不少于", "不超过", "控制在", "超过", "突破", "约", "近")
_AFTER_QUALIFIERS = ("左右", "以上", "以内", "以下")
_DIRECTIONS = ("增长", "下降", "提高", "减少", "降低", "增加", "上升", "提升")
_LEADING_VERBS = re.compile(r"^.*(?:完成|实现|累计|共计|总计|其中|全年)")
_TRAILING_WORDS = ("达到", "达", "控制", "了", "到", "至", "为", "在", "比上年", "较上年", "同比", "年均", "分别")
_CLAUSE_BREAK = re.compile(r"[，,；;。：:、（）()！？]")
COMMITMENT_MARKERS = re.compile(r"力争|确保(?!了)|目标(?:任务)?[是为：:]|计划(?:到|在)|要(?:达到|实现)")
"""Words that set a figure as a goal: 力争, 确保 (not 确保了, a result), 目标是/为/：
(预期目标是, 主要目标：), 计划到/在, 要达到/实现. 目标 alone is not one (完成目标, 高于预期目标
0.4个百分点 report results), nor 争取 (争取中央投资402亿元: funds obtained)."""
COMPLETION_MARKERS = re.compile(r"完成|实现|超额|同比|比上年|较上年|累计|已经|已")
"""Words that report a figure as done, used where the part does not say (neither review nor plan)."""
_CLAUSE_CHAIN_BREAK = re.compile(r"[；;]")
_LIST_OPENING = re.compile(rf"(?:{COMMITMENT_MARKERS.pattern})[是为]?[：:]")


def parse_number(text: str) -> float:
    """The value of an Arabic (3,000.5) or Chinese (二十五, 三千零五, 六点五, 两) numeral;
    ValueError for anything else."""
    text = text.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    whole, _, fraction = text.partition("点")
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
    value = _chinese_integer(whole, digits)
    if fraction:
        if not all(c in digits for c in fraction):
            raise ValueError(f"not a numeral: {text!r}")
        value += float("0." + "".join(str(digits[c]) for c in fraction))
    return value


def _chinese_integer(text: str, digits: dict[str, int]) -> float:
    """二十五 -> 25, 三千零五 -> 3005, 一百二十 -> 120, 三二 (digit by digit) is refused."""
    if not text:
        raise ValueError("empty numeral")
    if all(c in digits for c in text):
        if len(text) > 1:
            raise ValueError(f"not a numeral: {text!r}")
        return float(digits[text])
    total, current = 0, None
    for char in text:
        if char in "零〇" and total and current is None:      # a placeholder: 三千零五
            continue
        if char in digits:
            if current is not None:
                raise ValueError(f"not a numeral: {text!r}")
            current = digits[char]
        elif char in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[char]
            total += (1 if current is None else current) * unit
            current = None
        else:
            raise ValueError(f"not a numeral: {text!r}")
    return float(total + (current or 0))


def _exact(value: float) -> float:
    """``value`` at 12 significant digits: 75.82 × 10⁸ is 7,582,000,000, not 7,581,999,999.999999."""
    return value if np.isnan(value) else float(f"{value:.12g}")


def _inside_quotes(sentence: str, position: int) -> bool:
    """True when ``position`` lies inside “…” (or 「…」) in ``sentence``."""
    before = sentence[:position]
    return before.count("“") > before.count("”") or before.count("「") > before.count("」")


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: str
    unit: str
    base_value: float
    base_value_high: float
    base_unit: str
    qualifier: str
    direction: str
    indicator: str


def find_quantities(sentence: str) -> list[_Found]:
    """The quantities of one sentence, in order (rules in the module docstring)."""
    found: list[_Found] = []
    for m in QUANTITY.finditer(sentence):
        unit = m.group("unit") or ("%" if m.group("percent") else "")
        if not unit or not m.group("low"):
            continue
        start = m.start()
        if sentence[max(0, start - 1):start] == "第" or _inside_quotes(sentence, start):
            continue
        if re.fullmatch(r"\d", m.group("low")) and sentence[start - 1:start].isdigit():
            continue
        try:
            low = parse_number(m.group("low"))
            high = parse_number(m.group("high")) if m.group("high") else np.nan
        except ValueError:
            continue
        magnitude = _MAGNITUDES.get(m.group("magnitude") or "", 1.0)
        spec = UNITS[unit]
        value_text = sentence[m.start():m.end() - len(m.group("unit") or "")] if m.group("unit") else m.group(0)
        before = sentence[max(0, start - 8):start]
        after = sentence[m.end():m.end() + 2]
        qualifier = next((q for q in _AFTER_QUALIFIERS if after.startswith(q)), "") or \
            ("多" if (m.group("approx") or m.group("approx2")) in ("多", "余") else "") or \
            next((q for q in _BEFORE_QUALIFIERS if q in before), "")
        clause_start = max((b.end() for b in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
        if found and found[-1].end > clause_start:
            clause_start = found[-1].end
        phrase = sentence[clause_start:start]
        direction = next((d for d in _DIRECTIONS if phrase.endswith(d) or phrase.endswith(d + "了")
                          or re.search(rf"{d}(?:到|至|为)?$", phrase)), "")
        next_break = _CLAUSE_BREAK.search(sentence, m.end())
        after_phrase = sentence[m.end() + len(qualifier if after.startswith(qualifier) and qualifier else ""):
                                next_break.start() if next_break else len(sentence)].strip(" 　的")
        indicator = _indicator(phrase, direction, after_phrase)
        if not indicator and found:
            indicator = found[-1].indicator
        found.append(_Found(start, m.end(), value_text, unit, _exact(low * magnitude * spec.factor),
                            _exact(high * magnitude * spec.factor), spec.base, qualifier, direction, indicator))
    return found


def _indicator(phrase: str, direction: str, after: str) -> str:
    """The measured phrase: ``phrase`` (the clause before the number) without qualifier,
    direction and linking words at its end and without what precedes a leading verb
    (完成, 实现, 全年 …); when two characters or fewer are left (完成2500家店面整治, 新增2所
    幼儿园), the phrase ``after`` the quantity, to the end of its clause, instead."""
    text = phrase
    for word in sorted(_BEFORE_QUALIFIERS, key=len, reverse=True):
        text = text.replace(word, "")
    changed = True
    while changed:
        changed = False
        for word in (direction, *_TRAILING_WORDS):
            if word and text.endswith(word):
                text, changed = text[: -len(word)], True
    cut = _LEADING_VERBS.sub("", text)
    text = cut if cut else text
    text = text.strip(" 　的和及与")
    if len(text) <= 2 and after:
        return after
    return text


def _measure(found: _Found) -> str:
    if found.direction and found.base_unit in ("%", "percentage points"):
        return "change"
    if found.direction in ("增长", "下降", "提高", "减少", "降低", "增加", "上升", "提升") and not found.indicator:
        return "change"
    if found.base_unit in ("%", "percentage points"):
        return "share/rate"
    return "level"


def quantity_kind(sentence: str, start: int, part_kind: str) -> str:
    """The kind of the quantity at ``start`` of ``sentence`` in a part of kind ``part_kind``.

    The *lead* is the text before the number back to the previous ；, or to the sentence start
    when a COMMITMENT_MARKERS word followed by ：/: opens a list there (目标是：A增长6%；B…).
    ``target`` when the lead holds a COMMITMENT_MARKERS word, or in a plan part; otherwise
    ``achieved`` in a review part, or where the lead holds a COMPLETION_MARKERS word;
    ``unknown`` otherwise. 预计 (an estimate of the year's result) is no commitment: in a
    review it is an achieved figure, as its qualifier column says."""
    before = sentence[:start]
    breaks = [m.end() for m in _CLAUSE_CHAIN_BREAK.finditer(before)]
    lead = before[breaks[-1]:] if breaks else before
    if part_kind == "plan" or COMMITMENT_MARKERS.search(lead) or _LIST_OPENING.search(before):
        return "target"
    if part_kind == "review" or COMPLETION_MARKERS.search(lead):
        return "achieved"
    return "unknown"


def extract_quantities(paragraph_table: pd.DataFrame, dictionary: list | None = None) -> pd.DataFrame:
    """Every quantity of every paragraph (columns QUANTITY_COLUMNS plus ``start``, the
    character offset in the sentence), in document order; rules in the module docstring.
    ``dictionary`` (analysis.dictionaries.themes.read_themes) gives the ``theme`` column."""
    rows = []
    for doc_id, para_no, part_kind, text in zip(paragraph_table["doc_id"], paragraph_table["para_no"],
                                                paragraph_table["part_kind"].fillna(""), paragraph_table["text"]):
        for sent_no, sentence in enumerate(split_sentences(text), 1):
            quantities = find_quantities(sentence)
            for q in quantities:
                kind = quantity_kind(sentence, q.start, part_kind)
                rows.append({"doc_id": doc_id, "para_no": para_no, "sent_no": sent_no, "sentence": sentence,
                             "indicator": q.indicator, "value": q.value, "unit": q.unit, "base_value": q.base_value,
                             "base_value_high": q.base_value_high, "base_unit": q.base_unit, "measure": _measure(q),
                             "direction": q.direction, "qualifier": q.qualifier, "kind": kind,
                             "theme": _theme(q.indicator, sentence, dictionary or []), "start": q.start})
    return pd.DataFrame(rows, columns=[*QUANTITY_COLUMNS, "start"])


def _theme(indicator: str, sentence: str, dictionary: list) -> str:
    for text in (indicator, sentence):
        for theme in dictionary:
            if any(keyword in text for keyword in theme.keywords):
                return theme.id
    return ""
