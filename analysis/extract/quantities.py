"""Indicators: the quantities a report states — results achieved and targets set — with
what each measures, its unit, qualifier and direction.

A *quantity* is a number with a unit of measure after it: Arabic (117.69, 3,000) or Chinese
(三, 二十五, 六点五) numerals, a range (3—5), a magnitude (万 ×10⁴, 亿 ×10⁸) and a unit
(:data:`UNITS`: money, area, people, items and enterprises, per cent, ‰, 个百分点, 剂次,
场, durations and a few more); 百分之六点五, 一半 and 三分之一 are per cents too. Not
quantities: years, months and dates (no unit of :data:`UNITS` follows them), ordinals
(第一批), numbers inside quotation marks (“十四五”, “四个意识”: slogans), set names and lists
of work areas (中央八项规定, 五个方面: :data:`SET_NAME_HEADS`), a bare 百/千/万 (百所乡镇卫生院),
phone and document numbers and list markers (no unit).

For each quantity (:func:`extract_quantities`):

* ``qualifier`` — the hedge or bound written with it: 左右, 以上, 以内, 以下, 多/余
  (2500多家) after it, else the nearest before it (力争, 确保, 争取, 至少, 预计 in its lead;
  超过, 突破, 不低于, 不少于, 不超过, 控制在, 低于, 高于 in its clause; 约, 近 right before it);
  ``qualifiers`` — all of them; '' when none;
* ``direction`` — 增长, 下降, 提高, 减少, 降低, 增加, 上升, 提升, 上涨, 压缩, 缩短 written just
  before it ('' when none);
* ``measure`` — ``change`` (a direction with % or 个百分点, or 增长 + a level: 增长6.5%),
  ``share/rate`` (a % without a direction), ``level`` otherwise;
* ``indicator`` — the phrase it measures (:func:`_indicator`): after a count or area unit the
  noun that follows (:func:`noun_phrase`), else the text of its clause before the number
  without time words, qualifiers, linking words and opening verbs of doing, or the previous
  quantity's indicator when nothing is left (同比增长12.4%); lists are spread (分别, 都/均,
  城乡: :func:`find_quantities`);
* ``flow_stock`` — flow, stock or '' (:func:`flow_or_stock`);
* ``kind`` — ``target``, ``achieved`` or ``unknown``, from the report's part and the
  commitment and completion markers written before the number; ``unknown`` for a scope
  (5万平方米以下城市连片棚户区) (:func:`quantity_kind`);
* ``theme`` — the first theme of the dictionary with a keyword in the indicator, else in
  the sentence ('' when none).
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from ..documents.structure import split_sentences

__all__ = ["UNITS", "RATE_UNITS", "QUANTITY_COLUMNS", "COMMITMENT_MARKERS", "COMPLETION_MARKERS", "parse_number", "find_quantities",
           "quantity_kind", "number_lead", "measure_of", "noun_phrase", "flow_or_stock", "extract_quantities"]


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
    "剂次": _Unit("剂次", 1), "场": _Unit("场", 1), "天": _Unit("天", 1), "个工作日": _Unit("工作日", 1),
    "工作日": _Unit("工作日", 1), "小时": _Unit("小时", 1), "个月": _Unit("月", 1), "‰": _Unit("‰", 1),
}
"""Units of measure (longest first when matched) and how each is normalised."""

RATE_UNITS = ("%", "percentage points", "‰")
"""Base units of rates and shares."""

QUANTITY_COLUMNS = ["doc_id", "para_no", "sent_no", "sentence", "indicator", "value", "unit", "base_value",
                    "base_value_high", "base_unit", "measure", "direction", "qualifier", "qualifiers", "flow_stock",
                    "kind", "theme"]

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_NUMBER = rf"[{_CN_DIGITS}十百千]+(?:点[{_CN_DIGITS}]+)?"
_AR_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_NUMBER = rf"(?:{_AR_NUMBER}|{_CN_NUMBER})"
_MAGNITUDES = {"万亿": 1e12, "亿": 1e8, "万": 1e4}
_UNIT_PATTERN = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
QUANTITY = re.compile(
    rf"(?P<percent>百分之)?(?P<low>{_NUMBER})(?:(?:%|％)?\s*[-—–~～至到]\s*(?P<high>{_NUMBER}))?"
    rf"(?P<approx>多|余)?(?P<magnitude>万亿|亿|万)?(?P<approx2>多|余)?(?P<unit>{_UNIT_PATTERN})?"
)
FRACTION = re.compile(r"(?P<denominator>[一二三四五六七八九十]+)分之(?P<numerator>[一二三四五六七八九十]+)|一半")
"""A fraction written in words (三分之一, 一半): a per cent (33.3…, 50)."""
SET_NAME_HEADS = ("规定", "底线", "原则", "意识", "自信", "维护", "全面", "确立", "坚持", "必须", "务必", "攻坚战", "优先",
                  "红线", "基本", "机制", "战略", "行动", "工程", "方面", "实事")
"""Nouns that make a small Chinese count a set name (中央八项规定, 四条底线, 两个维护) or a
list of work areas (五个方面, 十件实事): 一 to 十
with 项, 条, 个, 大 or 件 directly followed by one of these is no quantity."""
_SET_NAME = re.compile(rf"(?<![\d{_CN_DIGITS}十])[一二两三四五六七八九十]+[项条个大件](?:{'|'.join(SET_NAME_HEADS)})")
_BOUND_BREAK = re.compile(r"[，,；;：:。]")
_ADJACENT_QUALIFIERS = ("约", "近")
"""Approximators read only right before the number (约30%, 近5000人): elsewhere they are parts
of words (节约, 最近)."""
_LEAD_QUALIFIER = re.compile(r"力争|确保(?!了)|争取(?!到\D)|至少|预计")
"""Qualifiers of commitment read anywhere in the number's lead (its clause chain since the
last ；), as whole words: not 确保了 (a result), not 争取到中央投资 (funds obtained)."""
_CLAUSE_QUALIFIER = re.compile(r"不低于|不少于|不超过|控制在|超过(?!了)|突破(?![口性])|(?<!不)低于|(?<!不)高于")
"""Bounds read only in the number's own clause (since the last ，；：): not 超过了 (a result),
not 突破口."""
_BEFORE_QUALIFIERS = ("力争", "确保", "争取", "至少", "预计", "不低于", "不少于", "不超过", "控制在", "超过", "突破", "低于",
                      "高于", "约", "近")
_AFTER_QUALIFIERS = ("左右", "以上", "以内", "以下")
_DIRECTIONS = ("增长", "下降", "提高", "减少", "降低", "增加", "上升", "提升", "上涨", "压缩", "缩短", "精简")
DECREASES = ("下降", "减少", "降低", "压缩", "缩短", "精简")
"""Direction words of a fall: the change they state is negative."""
_LEADING_VERBS = re.compile(r"^.*(?:完成|实现|累计|共计|总计|其中|全年)")
_TRAILING_WORDS = ("达到", "达", "控制", "了", "到", "至", "为", "在", "比上年", "较上年", "同比", "年均", "分别", "稳定",
                   "保持", "都", "均", "完成", "实现", "按可比价格计算", "按可比价计算", "按可比价", "扣除价格因素",
                   "实际", "同口径", "按可比口径", "可比口径", "按同口径", "可比", "名义", "的预期目标是", "的预期目标为", "预期目标是", "预期目标为", "的目标是",
                   "目标是", "目标为", "预计可", "预计能", "可以", "能够", "有望", "可望", "累计", "确定", "目标", "持续", "全部", "超", "由")
HEAD_AFTER_UNITS = ("个", "项", "家", "所", "套", "张", "辆", "座", "处", "条", "台", "件", "间", "栋", "户", "名",
                    "亩", "公顷", "平方米", "平方公里", "场", "剂次")
"""Count and area units whose quantity modifies the noun after it (建成1家智慧公办养老院,
98项改革任务, 80万亩粮食生产功能区): that noun is the indicator when there is one."""
_COMPARISON_BASE = re.compile(r"^(?:比|较)[^，,；;。]{0,12}?(?:期末|年|同期|时期)(?:相比)?")
"""A comparison base that opens a clause (比“九五”期末增加10960亿元): not what is measured."""
_BARE_MEASURES = {"增加值", "收入", "利润", "产值", "总产值", "营业收入", "销售收入", "税收", "利税", "总额", "总量"}
"""Measures that need the subject before their verb (非公有制经济实现增加值): the verb is not cut."""
_BUILDING_VERB = re.compile(r"^(?:新建|改扩建|新改建|改建|扩建|新增|净增)(?=..)")
"""A verb of building that opens the noun after a count (6家新建污水处理厂): not part of it."""
_GENERIC_HEADS = {"规模", "水平", "目标", "任务", "左右", "以上", "以内", "的目标", "的任务", "等"}
_LIST_BREAK = re.compile(r"[，,；;。：:（）()！？]")
_LIST_ITEM = re.compile(r"[、和及与]")
_JOINT = re.compile(r"(?:都|(?<![年人平户])均)(?=稳定|控制|保持|达到|达|实现|增长|提高|下降|在|为|超过|不低于|不超过|低于|高于)")
"""都/均 after a list of indicators: one figure for each (调查失业率和登记失业率都稳定在4.3%以内)."""
_CLAUSE_BREAK = re.compile(r"[，,；;。：:、（）()！？]")
COMMITMENT_MARKERS = re.compile(r"力争|确保(?!了)|目标(?:任务)?[是为：:]|计划(?:到|在|[是为]?[：:])|要(?:达到|实现)")
"""Words that set a figure as a goal: 力争, 确保 (not 确保了, a result), 目标是/为/：
(预期目标是, 主要目标：), 计划到/在, 要达到/实现. 目标 alone is not one (完成目标, 高于预期目标
0.4个百分点 report results), nor 争取 (争取中央投资402亿元: funds obtained)."""
COMPLETION_MARKERS = re.compile(r"完成|实现|超额|同比|比上年|较上年|累计|已经|已")
"""Words that report a figure as done, used where the part does not say (neither review nor plan)."""
_CLAUSE_CHAIN_BREAK = re.compile(r"[；;]")
_COMPLETED_TARGET = re.compile(r"完成|实现|超额|达到|超过")
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
    qualifiers: str = ""      # every qualifier found, in text order, joined by 、
    flow_stock: str = ""      # 'flow', 'stock' or '' (flow_or_stock)


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    value: str
    unit: str           # as written ('' for none)
    low: float          # in base units
    high: float
    base_unit: str
    approx: bool        # 多 or 余 in the number


def _matches(sentence: str) -> list[_Match]:
    """Every number with a unit of the sentence (QUANTITY, FRACTION), in order, without the
    ones that are no quantity (module docstring; set names, SET_NAME_HEADS)."""
    found: list[_Match] = []
    set_names = [m.span() for m in _SET_NAME.finditer(sentence)]
    for m in QUANTITY.finditer(sentence):
        unit = m.group("unit") or ("%" if m.group("percent") else "")
        if not unit or not m.group("low"):
            continue
        start = m.start()
        if sentence[max(0, start - 1):start] == "第" or _inside_quotes(sentence, start):
            continue
        if re.fullmatch(r"\d", m.group("low")) and sentence[start - 1:start].isdigit():
            continue
        if any(a <= start < b for a, b in set_names) or m.group("low") in ("百", "千", "万"):
            continue
        try:
            low = parse_number(m.group("low"))
            high = parse_number(m.group("high")) if m.group("high") else np.nan
        except ValueError:
            continue
        magnitude = _MAGNITUDES.get(m.group("magnitude") or "", 1.0)
        spec = UNITS[unit]
        value_text = sentence[m.start():m.end() - len(m.group("unit") or "")] if m.group("unit") else m.group(0)
        found.append(_Match(start, m.end(), value_text, unit, _exact(low * magnitude * spec.factor),
                            _exact(high * magnitude * spec.factor), spec.base,
                            bool(m.group("approx") or m.group("approx2"))))
    for m in FRACTION.finditer(sentence):
        if any(f.start <= m.start() < f.end for f in found) or _inside_quotes(sentence, m.start()):
            continue
        share = 50.0 if m.group(0) == "一半" else \
            parse_number(m.group("numerator")) / parse_number(m.group("denominator")) * 100
        found.append(_Match(m.start(), m.end(), m.group(0), "%", _exact(share), np.nan, "%", False))
    return sorted(found, key=lambda f: f.start)


def _lead_start(sentence: str, start: int) -> int:
    """Where the number's lead begins: after the last ；/; before it, else 0."""
    return max((b.end() for b in _CLAUSE_CHAIN_BREAK.finditer(sentence, 0, start)), default=0)


def number_lead(sentence: str, start: int) -> str:
    """The *lead* of the number at ``start``: the text before it back to the last ；/; (its
    clause chain), or to the sentence start."""
    return sentence[_lead_start(sentence, start):start]


def _qualifiers(sentence: str, match: _Match, lead_start: int) -> tuple[str, str]:
    """(qualifier, qualifiers): the after-qualifier (左右, 以上 …), else 多/余, else the
    qualifier before the number nearest to it (_LEAD_QUALIFIER in the lead, _CLAUSE_QUALIFIER
    in the clause, 约/近 right before it); and every qualifier found, in text order, joined by 、."""
    before = sentence[lead_start:match.start]
    clause_start = max((b.end() for b in _BOUND_BREAK.finditer(sentence, lead_start, match.start)), default=lead_start)
    found = [(lead_start + q.start(), _canonical_qualifier(q.group(0))) for q in _LEAD_QUALIFIER.finditer(before)]
    found += [(clause_start + q.start(), _canonical_qualifier(q.group(0)))
              for q in _CLAUSE_QUALIFIER.finditer(sentence[clause_start:match.start])]
    adjacent = next((q for q in _ADJACENT_QUALIFIERS if before.endswith(q) or before.endswith(q + "为")), "")
    if adjacent:
        found.append((match.start - 1, adjacent))
    after_text = sentence[match.end:match.end + 2]
    after = next((q for q in _AFTER_QUALIFIERS if after_text.startswith(q)), "")
    ordered = [q for _, q in sorted(found)]
    if match.approx:
        ordered.append("多")
    if after:
        ordered.append(after)
    primary = after or ("多" if match.approx else "") or (sorted(found)[-1][1] if found else "")
    return primary, "、".join(dict.fromkeys(ordered))


def _canonical_qualifier(text: str) -> str:
    return next(q for q in _BEFORE_QUALIFIERS if text.startswith(q))


def find_quantities(sentence: str) -> list[_Found]:
    """The quantities of one sentence, in order (rules in the module docstring). A list after
    分别 (A、B分别增长5%、6%) gives each figure its own item; a list before 都/均 (_JOINT)
    repeats the one figure for each item."""
    matches = _matches(sentence)
    found: list[_Found] = []
    for k, match in enumerate(matches):
        start = match.start
        lead_start = _lead_start(sentence, start)
        qualifier, qualifiers = _qualifiers(sentence, match, lead_start)
        clause_start = max((b.end() for b in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
        if found and found[-1].end > clause_start:
            clause_start = found[-1].end
        phrase = sentence[clause_start:start]
        direction = next((d for d in _DIRECTIONS if phrase.endswith(d) or phrase.endswith(d + "了")
                          or re.search(rf"{d}(?:到|至|为|超过?)?$", phrase)), "")
        after_start = match.end + (len(qualifier) if qualifier and sentence.startswith(qualifier, match.end) else 0)
        next_break = _CLAUSE_BREAK.search(sentence, after_start)
        after_end = min(next_break.start() if next_break else len(sentence),
                        matches[k + 1].start if k + 1 < len(matches) else len(sentence))
        after_phrase = sentence[after_start:after_end].strip(" 　").removeprefix("的").rstrip("和及与等 　")
        indicator = _indicator(phrase, direction, after_phrase, match.unit in HEAD_AFTER_UNITS)
        if not indicator and found:
            indicator = next((f.indicator for f in reversed(found) if not f.indicator.startswith("占")),
                             found[-1].indicator)
        if not indicator and not found:
            indicator = _previous_clause_noun(sentence, clause_start)
        one = _Found(start, match.end, match.value, match.unit, match.low, match.high, match.base_unit, qualifier,
                     direction, indicator, qualifiers, flow_or_stock(phrase, direction))
        found.extend(_spread(sentence, one, found, lead_start))
    return _respread_lists(sentence, found)


STOCK_WORDS = re.compile(r"(?:达到|达|增加到|增至|增长到|提高到|提升到|总数|总量|保有量|共有|拥有|稳定在|保持在|维持在)$")
"""A level reached or held (养老床位达到12.6万张, 面积稳定在1亿亩以上): the verb right before the number."""
PASSED_WORDS = re.compile(r"(?:突破|超过|超)$")
"""A level passed (国家级高新技术企业突破7000家): a stock unless a FLOW_WORDS word says what
the year adds (新增就业突破100万人)."""
FLOW_WORDS = re.compile(r"新增|新建|新开|新辟|新引进|新设|新培育|建成|建设|完成|改造|开工|引进|培育|实施|举办|接种|全年")
"""What a year adds or does (新增7000张公办养老床位)."""


def flow_or_stock(phrase: str, direction: str) -> str:
    """'stock' when the clause before the number ends with a level verb (STOCK_WORDS, after
    qualifiers); else 'flow' when it states a change (a direction word) or holds a FLOW_WORDS
    word; else 'stock' after a word of passing a level (PASSED_WORDS); '' otherwise. A flow
    is never compared with a stock."""
    bare = _strip_ends(phrase, "")
    if STOCK_WORDS.search(bare) or STOCK_WORDS.search(phrase):
        return "stock"
    if direction or FLOW_WORDS.search(phrase):
        return "flow"
    if PASSED_WORDS.search(phrase):
        return "stock"
    return ""


_MANNER = re.compile(r"(?:历史性|首次|再次|成功|顺利|稳步|持续|大幅|突破性).*$")


def _previous_clause_noun(sentence: str, clause_start: int) -> str:
    """The noun phrase (:func:`noun_phrase`) opening the clause before ``clause_start``, for a
    sentence's first figure with no words of its own (全省地区生产总值迈上万亿元台阶，达到11000亿元)."""
    if clause_start <= 0:
        return ""
    before = sentence[:clause_start - 1]
    start = max((b.end() for b in _CLAUSE_BREAK.finditer(before)), default=0)
    return _MANNER.sub("", noun_phrase(_strip_ends(before[start:], ""))).strip(" 　的")


def _items(text: str) -> list[str]:
    """The items of a list (A、B和C); a short item (≤ 2 characters) before a long last one
    takes the last one's head: 城镇和农村居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民…"""
    items = [i.strip(" 　的") for i in _LIST_ITEM.split(text)]
    items = [_indicator(i, "", "", False) for i in items]
    if len(items) > 1 and len(items[-1]) > 4:
        items = [i + items[-1][2:] if len(i) <= 2 else i for i in items[:-1]] + [items[-1]]
    return items


def _spread(sentence: str, one: _Found, found: list[_Found], lead_start: int) -> list[_Found]:
    """``one``, or one copy per item of a joint list before 都/均 in its clause chain since the
    previous figure (a joint list does not reach past the figure it shares)."""
    lead_start = max(lead_start, found[-1].end if found else 0)
    lead = sentence[lead_start:one.start]
    joint = _JOINT.search(lead)
    if not joint:
        return [one]
    list_start = max((b.end() for b in _LIST_BREAK.finditer(lead, 0, joint.start())), default=0)
    items = _items(lead[list_start:joint.start()])
    if len(items) < 2 or not all(items):
        return [one]
    return [replace(one, indicator=item) for item in items]


_BARE_HEAD = re.compile(rf"(?:分别|{'|'.join(_DIRECTIONS)}|为|达到|达|均|比上年|较上年|同比|实际|了|到|和|、|\\s)*")


def _respread_lists(sentence: str, found: list[_Found]) -> list[_Found]:
    """Lists of figures joined by 、/和 (a *group*): after 分别, each figure takes its item of
    the list before 分别 when the counts agree (城镇、农村居民人均可支配收入分别增长8%和9%),
    else (with no items before 分别) the indicators of the figures just before it, else the
    phrase of the first; 城乡X before 分别 is two items, 城镇X and 农村X; one figure after a list
    and 分别 is one figure per item (财政总收入和一般预算收入分别增长15%); a group
    after a list of as many items and a linking verb takes the items (A、B达到16305元和5641元); a group with no words of its own before it but a direction
    (…分别达27000元和9900元，增长8%和9%) takes the indicators of the figures just before it, in
    order, when there are as many of them and they differ."""
    result = list(found)
    i = 0
    while i < len(result):
        group = [i]
        while group[-1] + 1 < len(result):
            gap = sentence[result[group[-1]].end:result[group[-1] + 1].start]
            if not re.fullmatch(r"[、和及与，, ]*", re.sub("|".join(_AFTER_QUALIFIERS), "", gap)):
                break
            group.append(group[-1] + 1)
        q = result[i]
        clause_start = max((b.end() for b in _CLAUSE_BREAK.finditer(sentence, 0, q.start)), default=0)
        if i and result[i - 1].end > clause_start:
            clause_start = result[i - 1].end
        head = sentence[clause_start:q.start]
        marker = sentence.rfind("分别", _lead_start(sentence, q.start), q.start)
        if marker >= 0 and not (i and result[i - 1].end > marker):
            list_start = max((b.end() for b in _LIST_BREAK.finditer(sentence, 0, marker)), default=0)
            items = _items(sentence[list_start:marker])
            if len(items) == 1 and items[0].startswith("城乡") and len(items[0]) > 2:
                items = ["城镇" + items[0][2:], "农村" + items[0][2:]]
            if len(group) == 1 and len(items) > 1 and all(items):
                result[i:i + 1] = [replace(q, indicator=item) for item in items]
                i += len(items)
                continue
            for position in group[1:]:
                result[position] = replace(result[position], indicator=q.indicator,
                                           direction=result[position].direction or q.direction)
            if len(items) == len(group) and len(items) > 1 and all(items):
                for position, item in zip(group, items):
                    result[position] = replace(result[position], indicator=item)
            elif len(group) > 1 and not "".join(items):
                _take_previous(result, group, q.direction)
        elif len(group) > 1 and _BARE_HEAD.fullmatch(head) and \
                all(result[p].indicator == q.indicator for p in group[1:]):
            _take_previous(result, group, q.direction)
        elif len(group) > 1 and all(result[p].indicator == q.indicator for p in group[1:]):
            list_start = max((b.end() for b in _LIST_BREAK.finditer(sentence, 0, q.start)), default=0)
            if i and result[i - 1].end > list_start:
                list_start = result[i - 1].end
            items = _items(_LIST_VERB.sub("", sentence[list_start:q.start]))
            if len(items) == len(group) and all(items) and len(set(items)) == len(items):
                for position, item in zip(group, items):
                    result[position] = replace(result[position], indicator=item)
        i = group[-1] + 1
    return result


_LIST_VERB = re.compile(r"(?:达到|达|分别为|分别是|为|是|分别)$")


def _take_previous(result: list[_Found], group: list[int], direction: str) -> None:
    """Give the figures of ``group`` the indicators of as many figures just before it, when
    those differ from one another (in place)."""
    k, first = len(group), group[0]
    previous = [result[p].indicator for p in range(first - k, first)] if first >= k else []
    if previous and all(previous) and len(set(previous)) == k:
        for position, indicator in zip(group, previous):
            result[position] = replace(result[position], indicator=indicator,
                                       direction=result[position].direction or direction)


TIME_PREFIX = re.compile(r"^(?:(?:到|至|在|于)?\d{4}年(?:底|末|前)?|[“\"]?十[一二三四五]?五[”\"]?(?:期间|时期|末|期末|以来)?"
                         r"|今年|明年|年内|年底|今后五年|五年来|五年内|(?:过去|近|这)?五年(?!规划|计划|行动|攻坚|期))+")
"""Time words that open a clause (到2010年, “十一五”期间): not part of what is measured."""


def _strip_ends(text: str, direction: str) -> str:
    """``text`` without time words at its start (TIME_PREFIX) and without qualifiers, the
    direction and linking words at either end (节约's 约, inside a word, stays)."""
    text = TIME_PREFIX.sub("", text)
    changed = True
    while changed:
        changed = False
        for word in (direction, *_TRAILING_WORDS, *_BEFORE_QUALIFIERS, "要"):
            if word and text.endswith(word) and not (word in _ADJACENT_QUALIFIERS and len(text) > 1
                                                     and text[-2] in "节制预签条公契邀相大最附接将"):
                text, changed = text[: -len(word)], True
        for word in (*_BEFORE_QUALIFIERS, "要", "全年"):
            if word not in _ADJACENT_QUALIFIERS and text.startswith(word):
                text, changed = text[len(word):], True
    return text


def _indicator(phrase: str, direction: str, after: str, head_after: bool) -> str:
    """The measured phrase. With a count or area unit (HEAD_AFTER_UNITS), the noun ``after``
    the quantity, to its clause end or the next quantity (建成1家智慧公办养老院 → 智慧公办养老院),
    unless it is empty, generic (规模, 水平, 目标 …) or a change (由113项精简到59项). Otherwise
    ``phrase`` (the clause before the number) without a comparison base (比“九五”期末),
    qualifiers, direction and linking words at its ends, without what precedes a leading verb
    (完成, 实现, 全年 …) when more than two characters remain and they are not a bare measure
    (_BARE_MEASURES: 非公有制经济实现增加值 stays whole), and without the words that open it
    (:func:`without_leading_predicates`); when two characters or fewer are left
    (完成2500家店面整治), the phrase ``after`` instead; '' when only _NOTHING_MEASURED is left
    (累计达到82家: the figure then takes the indicator before it, passing over shares 占…)."""
    after = re.sub(r"(?:约|近|共|达|超过)$", "", after)
    if head_after:
        head = _BUILDING_VERB.sub("", noun_phrase(after))
        if len(head) >= 2 and head not in _GENERIC_HEADS and not head.startswith(_DIRECTIONS):
            return head
    text = _COMPARISON_BASE.sub("", _strip_ends(phrase, direction))
    text = _strip_ends(text, direction)
    cut = _LEADING_VERBS.sub("", text)
    text = cut if len(cut.strip(" 　的和及与")) > 2 and cut.strip(" 　的") not in _BARE_MEASURES else text
    text = without_leading_predicates(text.strip(" 　的和及与"))
    if len(text) <= 2 and after and after not in _GENERIC_HEADS:
        return after
    return "" if _NOTHING_MEASURED.fullmatch(text) else text


_LEADING_PREDICATE_WORDS = re.compile(r"^(?:——|—|利用|主动公开|尝试推广|每年|共|累计|合计|总计|全区|全市|全省|全县|全镇|全州|帮助|新增"
                                      r"|净增|增加(?!值)|据?初步(?:统计|核算)|预计)")
"""Words that open a clause before what it measures but that jieba does not tag as verbs or
adverbs (利用合同外资), 新增, 净增 and 增加 (what a year adds: 新增总部经济机构 counts 总部经济机构),
the government's own scope (全区一般公共预算总收入), a list dash (——全省外贸进出口总额) and the
words of an estimate (初步统计全社会固定资产投资)."""


_OPENING_VERBS = re.compile(r"引进|建成|完成|实现|开展|推进|实施|举办|打造|培育|查处|改造|建设|新开工|开工|推动|发放|筹集|落实"
                            r"|组织|吸引|支持|扶持|带动|安排|投入|创建|创成|认定|办理|新建|新辟|提供|解决|帮助|完善|开设|设立"
                            r"|尝试推广|推广|改扩建|新改建|改建|扩建|除险加固|布局|转移(?!就业)|提请审议|审议|制定修改废止|制定"
                            r"|新登记|净减少|整合")
"""Verbs of doing that open a clause before what it counts (引进重点企业325家); not verbs
that name a measure with their noun (登记失业率, 审批时间, 接种疫苗)."""


def without_leading_predicates(text: str) -> str:
    """``text`` without the adverbs, pronouns, prepositions and conjunctions (jieba tags d,
    ad, r, p, c; after the verb only pronouns and conjunctions other than 和, 与, 及: 新建和美乡村
    → 和美乡村), one verb of _OPENING_VERBS and the words of _LEADING_PREDICATE_WORDS that open
    it, unless fewer than two characters would be left (引进重点企业 → 重点企业, 共查处安全隐患 →
    安全隐患)."""
    rest, verb_cut = text, False
    while True:
        cut = _LEADING_PREDICATE_WORDS.sub("", rest)
        if cut != rest:
            rest = cut
            continue
        words = [(w.word, w.flag) for w in _tagger().cut(rest)] if rest else []
        opening = words[0] if words else ("", "")
        if len(words) > 1 and opening[1].startswith(("d", "ad", "r", "p", "c")) \
                and not (verb_cut and (opening[1].startswith(("d", "ad", "p")) or opening[0] in "和与及")):
            rest = rest[len(words[0][0]):]
            continue
        verb = _OPENING_VERBS.match(rest)
        if verb and len(rest) > verb.end() and not verb_cut:
            rest, verb_cut = rest[verb.end():], True
            continue
        break
    return rest if len(rest) >= 2 else text


_NOTHING_MEASURED = re.compile(r"(?:累计|全年|共计|合计|总计|其中|共|达|年内|平均每年|每年|年平均|平均)*")
"""Words left before a figure that name nothing measured (累计达到82家): the figure takes the
indicator before it."""


@functools.lru_cache(maxsize=1)
def _tagger():
    """jieba's part-of-speech tagger on a tokenizer of its default dictionary only (the
    project lexicon does not change how a phrase is tagged), its log silenced."""
    import jieba  # lazy import: the dictionary loads only when a noun phrase is asked for
    import jieba.posseg  # lazy import, as above
    logger = jieba.default_logger
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
    finally:
        logger.setLevel(level)
    return jieba.posseg.POSTokenizer(tokenizer)


_PREDICATE_VERBS = re.compile(r"实现|入选|开展|完成|获得|达到|打好|打造|参与|参加|纳入|列入|通过|获评|荣获|覆盖|受益|落地"
                              r"|建成|投用|投入使用|开工|竣工|全面|基本|顺利|累计|得到|开始|扎实|加快|持续|稳步|有序")
"""Words that start the predicate after a counted noun (98项改革任务全面完成, 5个对口帮扶地区打好…)."""
_ACTIVITY_ENDS = re.compile(r"(?:建设|修缮)$")


def noun_phrase(text: str) -> str:
    """The noun phrase that opens ``text``: the text before the first predicate word
    (_PREDICATE_VERBS) after its second character, without an activity noun at its end (建设,
    修缮: 25个项目建设 → 项目); 改革任务全面完成 → 改革任务, 数字经济企业实现综合税收 → 数字经济企业,
    市民益智健身点 and 村庄改造 stay whole."""
    if not text:
        return ""
    cut = _PREDICATE_VERBS.search(text, 2)
    head = text[:cut.start()] if cut else text
    bare = _ACTIVITY_ENDS.sub("", head)
    return bare if len(bare) >= 2 else head


_GROWTH_RATE = re.compile(r"(?:增长(?:速度|率)?|增速|增幅)(?:的)?(?:预期)?(?:目标)?$")
"""An indicator phrase that names a growth rate (经济增长速度8%, 经济增长预期目标为7%左右,
经济增长率预期为7%): its % figure is a change, though no direction word precedes it."""


def measure_of(found: _Found) -> str:
    """'change' (a direction with %, ‰ or percentage points, a direction with no indicator, or
    %, ‰ or percentage points after a phrase naming a growth rate, _GROWTH_RATE),
    'share/rate' (%, ‰ or percentage points without a direction), else 'level'."""
    if found.base_unit in RATE_UNITS and (found.direction or _GROWTH_RATE.search(found.indicator)):
        return "change"
    if found.direction in _DIRECTIONS and not found.indicator:
        return "change"
    if found.base_unit in RATE_UNITS:
        return "share/rate"
    return "level"


_SCOPE = re.compile(r"(?:以下|及以上的|以上的|以下的)(?![，,；;。：:、）)]|$)")
"""A bound followed by a noun marks a scope, not a figure (5万平方米以下城市连片棚户区,
500万元以上的项目): such a number is neither a target nor a result."""
_THRESHOLD = re.compile(r"(?:[和、及或]超?过?[\d.]+[万亿千百]*[^\d，,；;。]{0,3}?)?的(?!目标|预期|水平|任务|增长|增速|幅度|速度|比例|比重)"
                        r"[\u4e00-\u9fff]")
"""After 超/超过 before the number, a 的 and a noun make a size threshold (超100亿元的企业,
超50亿元和超100亿元的企业): a scope."""
_PLACE_COUNT = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:县域|市县|县市|县区|区县|乡镇|地市|市州|州市|县（市、区）|县（市）|县|市|区)")
"""A count of places (39个欠发达县域, 7个市县): a scope when the number's clause opens on a verb of
applying (_APPLYING) or another figure follows the place (7个市县7家敬老院)."""
_APPLYING = re.compile(r"(?:在|对|落实|覆盖|涉及|选择|支持|组织|指导|帮助|针对|围绕|聚焦)$")
_LIST_COUNT = re.compile(r"[^，,；;。：:、（）()]{0,8}?(?:实事|民生计划|民生工程)")
"""A count of 件, 项 or 个 whose noun is 实事, 民生计划 or 民生工程 (12件重点民生实事,
15项24个重点民生实事项目, 10项民生计划) is the length of a list of tasks, not a target."""


_BASE_OF_CHANGE = re.compile(r"(?:以上|左右)?(?:[^，,；;。\d]{0,2}?)(?:增加|提高|增长|上升|提升|扩大|下降|减少|降低|压缩|缩短|精简|调整|修正)(?:到|至|为)")
"""The figure a change starts from (由390元提高到470元, 从40个减少到29个): neither target nor result."""


def is_scope(sentence: str, start: int) -> bool:
    """True when the quantity at ``start`` is a scope or a list length, not a figure: a bound
    before a noun (_SCOPE), a size threshold (_THRESHOLD), a count of places (_PLACE_COUNT),
    or the length of a list of tasks (_LIST_COUNT)."""
    end = _quantity_end(sentence, start)
    if _SCOPE.match(sentence, end):
        return True
    before = sentence[:start]
    if re.search(r"(?:超|超过|逾)$", before) and _THRESHOLD.match(sentence, end):
        return True
    unit = sentence[end - 1:end]
    if unit in "件项个" and _LIST_COUNT.match(sentence, end):
        return True
    place = _PLACE_COUNT.match(sentence, end) if unit == "个" else None
    if place:
        if _APPLYING.search(_clause_end(before)) or re.match(r"\d", sentence[place.end():place.end() + 1]):
            return True
    return False


def _clause_end(text: str) -> str:
    """The last clause of ``text``: what follows its last _CLAUSE_BREAK (the number's own clause
    when ``text`` is the sentence before it)."""
    return text[max((m.end() for m in _CLAUSE_BREAK.finditer(text)), default=0):]


def _quantity_end(sentence: str, start: int) -> int:
    match = QUANTITY.match(sentence, start) or FRACTION.match(sentence, start)
    return match.end() if match else start


def _commits(text: str) -> bool:
    """True when ``text`` holds a COMMITMENT_MARKERS word that no completion word (完成, 实现,
    超额, 达到) opens in its own clause: 完成了年初确定的主要目标： reviews targets, it sets none."""
    for marker in COMMITMENT_MARKERS.finditer(text):
        clause = max((b.end() for b in _CLAUSE_BREAK.finditer(text, 0, marker.start())), default=0)
        if not _COMPLETED_TARGET.search(text, clause, marker.start()):
            return True
    return False


def quantity_kind(sentence: str, start: int, part_kind: str) -> str:
    """The kind of the quantity at ``start`` of ``sentence`` in a part of kind ``part_kind``.

    The *lead* is the text before the number back to the previous ；, or to the sentence start
    when a COMMITMENT_MARKERS word followed by ：/: opens a list there (目标是：A增长6%；B…).
    ``unknown`` for a scope or a list length (:func:`is_scope`) and for the figure a change
    starts from (_BASE_OF_CHANGE: 由390元提高到470元). ``target`` when the lead
    (in a review part: the number's own clause, since the last ，) holds a COMMITMENT_MARKERS
    word, or in a plan part; otherwise
    ``achieved`` in a review part, or where the lead holds a COMPLETION_MARKERS word; a
    commitment word that a completion word opens in its clause (完成了年初确定的主要目标：)
    commits to nothing;
    ``unknown`` otherwise. 预计 (an estimate of the year's result) is no commitment: in a
    review it is an achieved figure, as its qualifier column says."""
    before = sentence[:start]
    lead = number_lead(sentence, start)
    if is_scope(sentence, start) or _BASE_OF_CHANGE.match(sentence, _quantity_end(sentence, start)):
        return "unknown"
    commits = _commits(_clause_end(before) if part_kind == "review" else lead)
    if part_kind == "plan" or commits or any(_commits(before[:m.end()]) for m in _LIST_OPENING.finditer(before)):
        return "target"
    if part_kind == "review" or COMPLETION_MARKERS.search(lead):
        return "achieved"
    return "unknown"


PAST_OPENING = re.compile(r"(?:在)?(?:刚刚|刚)?过去的(?:一年|\d{4}年)|过去一年|去年(?:[，,]|以来|我们|全省|全市|全区|全国)|一年来")
"""A sentence of a plan part that opens on the year past (刚刚过去的2015年，…; 去年，…): the
report looks back before it turns to the year ahead."""
AHEAD_OPENING = re.compile(r"今年|新的一年|明年|下一步|今后|未来|\d{4}年")
"""A sentence that opens on the year ahead ends a look back (PAST_OPENING)."""
DONE_IN_PLAN = re.compile(r"(?:实现|完成|取得|守护|维护|保持|创造|赢得|战胜|经受住|巩固)了")
"""A verb with 了 in a sentence of a plan part tells what was done (…群众安全感率达99.1%，守护了
人民安居乐业): that sentence reports results."""


def sentence_parts(sentences: list[str], part_kind: str) -> list[tuple[str, str]]:
    """Each sentence of a paragraph with the part kind its quantities are read in: in a plan
    part, 'review' from a sentence opening on the year past (PAST_OPENING) to the paragraph's
    end or a sentence opening on the year ahead (AHEAD_OPENING), and for a sentence telling what
    was done (DONE_IN_PLAN); ``part_kind`` otherwise."""
    looking_back = False
    kinds = []
    for sentence in sentences:
        if part_kind == "plan":
            if PAST_OPENING.match(sentence):
                looking_back = True
            elif AHEAD_OPENING.match(sentence):
                looking_back = False
        done = part_kind == "plan" and bool(DONE_IN_PLAN.search(sentence))
        kinds.append((sentence, "review" if looking_back or done else part_kind))
    return kinds


def extract_quantities(paragraph_table: pd.DataFrame, dictionary: list | None = None) -> pd.DataFrame:
    """Every quantity of every paragraph (columns QUANTITY_COLUMNS plus ``start``, the
    character offset in the sentence), in document order; rules in the module docstring.
    ``dictionary`` (analysis.dictionaries.themes.read_themes) gives the ``theme`` column."""
    rows = []
    for doc_id, para_no, part_kind, text in zip(paragraph_table["doc_id"], paragraph_table["para_no"],
                                                paragraph_table["part_kind"].fillna(""), paragraph_table["text"]):
        for sent_no, (sentence, sentence_part) in enumerate(sentence_parts(split_sentences(text), part_kind), 1):
            quantities = find_quantities(sentence)
            for q in quantities:
                kind = quantity_kind(sentence, q.start, sentence_part)
                rows.append({"doc_id": doc_id, "para_no": para_no, "sent_no": sent_no, "sentence": sentence,
                             "indicator": q.indicator, "value": q.value, "unit": q.unit, "base_value": q.base_value,
                             "base_value_high": q.base_value_high, "base_unit": q.base_unit, "measure": measure_of(q),
                             "direction": q.direction, "qualifier": q.qualifier, "qualifiers": q.qualifiers,
                             "flow_stock": q.flow_stock, "kind": kind,
                             "theme": _theme(q.indicator, sentence, dictionary or []), "start": q.start})
    return pd.DataFrame(rows, columns=[*QUANTITY_COLUMNS, "start"])


def _theme(indicator: str, sentence: str, dictionary: list) -> str:
    for text in (indicator, sentence):
        for theme in dictionary:
            if any(keyword in text for keyword in theme.keywords):
                return theme.id
    return ""
