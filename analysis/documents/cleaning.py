"""Cleaning: normalise scraped text and strip the web-page chrome around the official text.

The pipeline for one raw text is

1. ``normalise_line`` on every line: Unicode width (full-width Latin letters and
   digits to half-width), white space (no-break and ideographic spaces to plain
   spaces, runs collapsed, spaces between two Chinese characters removed) and one
   form of Chinese punctuation (ASCII ``, : ; ( ) ! ?`` in Chinese text become
   ``， ： ； （ ） ！ ？``; a comma or colon between two digits stays ASCII).
2. The *body* is the span from the first to the last line of running prose that no
   chrome rule matches. Chrome rules fire only outside it (the *edge zones*), so a
   line inside the official text is never removed, whatever it looks like.
3. Every edge-zone line is either removed by a named rule or kept; both are
   recorded in the audit, so nothing is dropped or kept without a trace.

The rules describe kinds of chrome that recur on Chinese portal, forum and
aggregator pages (navigation labels, breadcrumbs, view counters, forum user blocks,
disclaimers, comment and captcha boxes, image file names, "Powered by" footers),
not the exact lines of the seed files.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

__all__ = [
    "ChromeRule",
    "CHROME_RULES",
    "SPAM_PATTERN",
    "CleanedText",
    "normalise_line",
    "normalise_text",
    "is_prose",
    "clean_text",
    "find_spam",
]

# --------------------------------------------------------------------------- normalisation

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_SPACE_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}]) +(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_DASHES = "\u2500\u2014\u2015"                   # box-drawing line, em dash, horizontal bar
_DASH_RUN = re.compile(f"[{_DASHES}]{{2}}")

# ASCII punctuation -> full-width, applied to lines that contain Chinese characters.
_ALWAYS_FULL_WIDTH = {";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_COMMA = re.compile(r",(?!(?<=\d,)\d)")             # a comma between two digits stays ASCII
_COLON = re.compile(r":(?!(?<=\d:)\d)")


_HALF_WIDTH_ALNUM = {code: code - 0xFEE0 for start, end in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
                     for code in range(start, end + 1)}
"""Full-width Latin letters and digits (Ａ, ０) -> ASCII, for str.translate."""
_FULL_WIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def normalise_line(line: str) -> str:
    """One line in the project's normal form (see the module docstring); idempotent."""
    if not unicodedata.is_normalized("NFC", line):
        line = unicodedata.normalize("NFC", line)
    if _FULL_WIDTH_ALNUM.search(line):
        line = line.translate(_HALF_WIDTH_ALNUM)
    line = _SPACES.sub(" ", line).strip()
    if " " in line:
        line = _SPACE_BETWEEN_CJK.sub("", line)
    if any(dash in line for dash in _DASHES):
        line = _DASH_RUN.sub("——", line)
    if _CJK_CHAR.search(line):
        for ascii_mark, full_width in _ALWAYS_FULL_WIDTH.items():
            line = line.replace(ascii_mark, full_width)
        if "," in line:
            line = _COMMA.sub("，", line)
        if ":" in line:
            line = _COLON.sub("：", line)
    return line


def normalise_text(text: str) -> str:
    """``normalise_line`` on every line; BOM dropped, CRLF and CR read as LF, blank lines dropped."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = (normalise_line(line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


# --------------------------------------------------------------------------- chrome rules

SENTENCE_END = re.compile(r"[。！？]")
"""The characters that end a Chinese sentence; shared by cleaning and structure."""


_TWENTY_CJK = re.compile(f"[{_CJK}](?:[^{_CJK}]*[{_CJK}]){{19}}")


def is_prose(line: str) -> bool:
    """A line of running prose: at least 20 Chinese characters and a sentence end (。！？)."""
    return bool(SENTENCE_END.search(line)) and bool(_TWENTY_CJK.search(line))


def _short(pattern: str, max_len: int = 40) -> re.Pattern:
    """A pattern that the whole of a short line (at most ``max_len`` characters, no 。) must match."""
    return re.compile(rf"^(?=.{{1,{max_len}}}$)(?!.*。)(?:{pattern})$", re.IGNORECASE)


_UI_WORDS = (
    "设为首页|收藏本站|加入收藏|网站地图|返回顶部|返回列表|返回首页|快速回复|登录|注册|立即注册|首页|"
    "官方媒体|微信公众号|官方微博|APP下载|手机版|扫一扫|在线客服|在线咨询|客服中心|关闭|点赞|评论|分享|"
    "分享到|收藏|打印|本版积分规则|复制链接|\\[复制链接\\]|暂无记录|上一篇|下一篇|相关阅读|相关推荐|"
    "热门推荐|阅读模式|立即[\u4e00-\u9fff]{2}"
)


@dataclass(frozen=True)
class ChromeRule:
    """A named kind of page chrome, recognised on one normalised line."""

    name: str
    description: str
    pattern: re.Pattern


CHROME_RULES: tuple[ChromeRule, ...] = (
    ChromeRule(
        "reading_time",
        "article length / reading-time banner (本篇文章N字，读完约N分钟)",
        re.compile(r"^本?[篇]?文章?共?\d+字[，,]?\s*(?:预计)?(?:阅读|读完)(?:时间)?(?:约|大约)?需?\d+分钟$"),
    ),
    ChromeRule(
        "ui_label",
        "navigation, toolbar or button labels only (设为首页, APP下载, 点赞, 返回顶部, 立即参赛 …)",
        _short(rf"(?:(?:{_UI_WORDS})[\s|｜/·]*)+"),
    ),
    ChromeRule(
        "service_contact",
        "customer-service entries (客服 name, 在线时间, 联系电话, office hours, a bare phone number)",
        _short(
            r"客服[\u4e00-\u9fff]{0,6}"
            r"|(?:在线时间|服务时间|工作时间|联系电话|客服电话|客服热线|联系我们|联系方式|邮箱|传真|QQ)[：:].{0,20}"
            r"|周[一二三四五六日天]\s*[~～至\-—]\s*周[一二三四五六日天]"
            r"|\d{1,2}[:：]\d{2}\s*[-~～至—]\s*\d{1,2}[:：]\d{2}"
            r"|(?:\+?86[- ]?)?(?:0\d{2,3}[- ]?)?\d{7,8}|1[3-9]\d{9}|400[- ]?\d{3}[- ]?\d{4}"
        ),
    ),
    ChromeRule(
        "breadcrumb",
        "breadcrumb trail with > separators (资讯速递 > 标题)",
        _short(r".*\S\s*[>»＞›]\s*\S.*", max_len=120),
    ),
    ChromeRule(
        "view_counter",
        "view, reply or click counters, often with a post date (浏览量：662 2021-01-14; 查看：N|回复：N)",
        _short(r".*(?:浏览量|浏览次数|浏览|阅读量|阅读数|阅读|点击量|点击数|点击|查看|回复|人气)\s*[：:]\s*\d+.*", 60),
    ),
    ChromeRule(
        "forum_user_block",
        "forum poster's profile: mood, sign-in days, level, points, posts, rank "
        "(每日心情, 签到天数, [LV.4], Rank: 7, a bare number, 主题/帖子/积分 labels)",
        _short(
            r"[•·]?\s*TA的每日心情|[•·]?\s*签到天数[：:].*|\[LV\.\d+\].*|(?:Rank[：:]\s*\d+)+"
            r"|主题|帖子|积分|精华|金钱|威望|贡献|在线时间|注册时间|最后登录|UID[：:]?\s*\d+"
            r"|版主|管理员|超级版主|新手上路|注册会员|中级会员|高级会员|金牌会员|论坛元老"
            r"|\d+|\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?"
            r"|开心|难过|郁闷|无聊|怒|擦汗|奋斗|慵懒|衰",
            max_len=30,
        ),
    ),
    ChromeRule(
        "forum_thread_title",
        "forum thread title led by a board tag in brackets ([上海] 标题)",
        _short(r"\[[^\]]{1,8}\]\s*\S.*", max_len=80),
    ),
    ChromeRule(
        "forum_post_header",
        "forum post header (发表于 date | 显示全部楼层 | 阅读模式)",
        _short(r"发表于\s*\d{4}-\d{1,2}-\d{1,2}.*", max_len=80),
    ),
    ChromeRule(
        "comment_box",
        "comment and reply prompts (登录后发表评论, 留言与评论, 您需要登录后才可以回帖 …)",
        _short(r".*(?:评论|回帖|留言|跟帖).*", max_len=40),
    ),
    ChromeRule(
        "captcha",
        "captcha field (验证码：)",
        _short(r"(?:验证码|校验码)[：:]?.*", max_len=20),
    ),
    ChromeRule(
        "permalink",
        "page address or source link (本文地址：/… , 原文链接：…)",
        re.compile(r"^(?:本文地址|原文地址|本文链接|原文链接|文章链接|转载请注明|来源网址)[：:]"),
    ),
    ChromeRule(
        "disclaimer",
        "site disclaimer paragraph (本文仅代表作者观点，不代表本站立场 …), spam inside it included",
        re.compile(r"(?:仅代表作者(?:本人)?观点|不代表本站|未经(?:本站)?许可[，,]?不得转载|如有侵权|若.{0,12}侵权|版权归原作者)"),
    ),
    ChromeRule(
        "site_footer",
        "site footer (Powered by …, Copyright, ©, 版权所有, ICP备案)",
        re.compile(r"(?:Powered by|Copyright|©|版权所有|ICP备|公网安备)", re.IGNORECASE),
    ),
    ChromeRule(
        "image_file",
        "a bare image file name left by a stripped <img> (….jpeg)",
        re.compile(r"^[\w.\-]+\.(?:jpe?g|png|gif|webp|bmp)$", re.IGNORECASE),
    ),
)
"""Rules in the order they are tried; the first that matches names the removal."""

SPAM_PATTERN = re.compile(
    r"(?:九游会|j9入口|澳门(?:新)?(?:葡京|威尼斯人|金沙)|威尼斯人|太阳城|博彩|娱乐城|真人(?:娱乐|视讯)|"
    r"棋牌(?:游戏|平台)|(?:体育|电竞)投注|彩票(?:平台|注册)|开云|bet365|亚博)",
    re.IGNORECASE,
)
"""Brand names and phrases of gambling spam injected into scraped pages."""


def find_spam(text: str) -> list[str]:
    """Every spam phrase in ``text``, in order of occurrence."""
    return SPAM_PATTERN.findall(text)


def _matching_rule(line: str) -> ChromeRule | None:
    for rule in CHROME_RULES:
        if rule.pattern.search(line):
            return rule
    return None


# --------------------------------------------------------------------------- cleaning

AUDIT_COLUMNS = ["line_no", "zone", "action", "rule", "raw_line", "note"]


@dataclass(frozen=True)
class CleanedText:
    """The cleaned text, the raw line number of each of its lines, and the audit of
    every edge-zone line (kept or removed)."""

    text: str
    audit_rows: tuple[dict, ...]
    line_numbers: tuple[int, ...] = ()

    @property
    def audit(self) -> pd.DataFrame:
        """The audit as a table (columns AUDIT_COLUMNS), built when asked for: loading a
        large corpus needs only the text."""
        return pd.DataFrame(list(self.audit_rows), columns=AUDIT_COLUMNS)


def clean_text(raw: str) -> CleanedText:
    """Normalise ``raw`` and remove the page chrome in its edge zones.

    Returns the cleaned text (non-empty normalised lines joined by LF) and an audit
    with one row per non-blank line outside the body: its 1-based line number in
    ``raw``, zone (head/tail), action (removed/kept), rule name, the raw line and a
    note (spam phrases found in it). A text with no line of prose is all body: nothing
    is removed and the audit is empty.
    """
    raw = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = raw.split("\n")
    lines = [(no, raw_line, normalise_line(raw_line)) for no, raw_line in enumerate(raw_lines, 1)]
    lines = [(no, raw_line, norm) for no, raw_line, norm in lines if norm]
    rules: dict[int, ChromeRule | None] = {}

    def rule_of(i: int) -> ChromeRule | None:       # rules are tried only where they matter
        if i not in rules:
            rules[i] = _matching_rule(lines[i][2])
        return rules[i]

    def is_body(i: int) -> bool:
        return is_prose(lines[i][2]) and rule_of(i) is None

    start = next((i for i in range(len(lines)) if is_body(i)), None)
    if start is None:
        start, end = 0, len(lines) - 1
    else:
        end = next(i for i in range(len(lines) - 1, start - 1, -1) if is_body(i))

    kept: list[str] = []
    kept_numbers: list[int] = []
    audit_rows = []
    for i, (no, raw_line, norm) in enumerate(lines):
        if start <= i <= end:
            kept.append(norm)
            kept_numbers.append(no)
            continue
        rule = rule_of(i)
        spam = find_spam(norm)
        audit_rows.append(
            {
                "line_no": no,
                "zone": "head" if i < start else "tail",
                "action": "removed" if rule else "kept",
                "rule": rule.name if rule else "",
                "raw_line": raw_line.strip(),
                "note": ("spam: " + ", ".join(spam)) if spam else "",
            }
        )
        if rule is None:
            kept.append(norm)
            kept_numbers.append(no)
    return CleanedText("\n".join(kept), tuple(audit_rows), tuple(kept_numbers))
