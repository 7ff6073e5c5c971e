"""Cleaning: normalisation, chrome rules on inline pages, and golden tests on the seeds."""
import pytest

from analysis.documents.cleaning import CHROME_RULES, clean_text, find_spam, is_prose, normalise_line, normalise_text
from analysis.documents.corpus import read_raw_text
from analysis.paths import SEEDS_DIR

PROSE_1 = "二〇一八年，我们坚持稳中求进工作总基调，经济运行总体平稳，城区环境品质持续提升。"
PROSE_2 = "二〇一九年，我们将继续深化改革开放，全面提升城区治理能力和公共服务水平，努力建设人民满意的政府。"


# --------------------------------------------------------------------------- normalisation

@pytest.mark.parametrize("raw, expected", [
    ("(一)坚持创新驱动,经济运行质量进一步提高;效益提升!", "（一）坚持创新驱动，经济运行质量进一步提高；效益提升！"),
    ("（一）坚持创新驱动，经济运行", "（一）坚持创新驱动，经济运行"),
    ("时间:9:00-18:00,共1,000人", "时间：9:00-18:00，共1,000人"),
    ("增长6.5%左右", "增长6.5%左右"),
    ("政 府 工 作 报 告", "政府工作报告"),
    ("上海市徐汇区区长\u00a0\u00a0方世忠", "上海市徐汇区区长方世忠"),
    ("    各位代表:", "各位代表："),
    ("ＡＩ＋交通，２０１８年", "AI＋交通，2018年"),
    ("──2018年1月10日", "——2018年1月10日"),
    ("Powered by X3.4 (Licensed)", "Powered by X3.4 (Licensed)"),
    ("AI 产业", "AI 产业"),
])
def test_normalise_line(raw, expected):
    assert normalise_line(raw) == expected


@pytest.mark.parametrize("line", ["(一)坚持,创新;驱动!", "政 府 工 作", "  时间:9:00  ", "ＡＢ（一）"])
def test_normalise_line_is_idempotent(line):
    once = normalise_line(line)
    assert normalise_line(once) == once


def test_normalise_text_accepts_bom_and_crlf():
    assert normalise_text("\ufeff第一行,\r\n\r\n第二行\r第三行") == "第一行，\n第二行\n第三行"


def test_is_prose():
    assert is_prose(PROSE_1)
    assert not is_prose("二〇一八年工作回顾")               # no sentence end
    assert not is_prose("好。")                           # too short


# --------------------------------------------------------------------------- chrome on inline pages

PORTAL_PAGE = "\n".join([
    "立即报名", "", "官方媒体", "微信公众号 | APP下载", "客服王先生",
    "新闻中心 > 政策文件 > 某区政府工作报告", "浏览量:1024 2021-03-01",
    "某区政府工作报告",
    PROSE_1, "评论", PROSE_2,
    "banner_01.PNG", "点赞", "分享到", "试试以这些内容开始评论吧!",
    "本文仅代表作者观点,不代表本站立场。建议您到九游会官网浏览或下载完整版本;若对您造成了侵权,请联系本站。",
    "本文链接:https://example.org/a/1.html", "验证码:", "网站地图",
    "Copyright © 2024 某网站 版权所有",
])

FORUM_PAGE = "\n".join([
    "设为首页收藏本站", "查看: 99|回复: 3", "[北京] 某区政府工作报告", "[复制链接]",
    "• TA的每日心情", "郁闷", "2020-1-2 08:00", "• 签到天数: 5 天", "[LV.2]偶尔看看I",
    "12", "主题", "34", "帖子", "版主", "Rank: 3",
    "发表于 2020-1-3 09:10:11 | 显示全部楼层 |阅读模式",
    "某区政府工作报告",
    PROSE_1, PROSE_2,
    "您需要登录后才可以回帖 登录 | 立即注册", "在线时间:", "周一~周五", "9:00-17:30",
    "联系电话:", "021-12345678", "Powered by Discuz! X3.4", "快速回复 返回顶部 返回列表",
])


def test_portal_page_chrome_removed_and_body_kept():
    result = clean_text(PORTAL_PAGE)
    assert result.text.split("\n") == ["某区政府工作报告", normalise_line(PROSE_1), "评论", normalise_line(PROSE_2)]
    removed = result.audit[result.audit["action"] == "removed"]
    assert removed["rule"].tolist() == [
        "ui_label", "ui_label", "ui_label", "service_contact", "breadcrumb", "view_counter",
        "image_file", "ui_label", "ui_label", "comment_box", "disclaimer", "permalink", "captcha",
        "ui_label", "site_footer",
    ]
    assert removed.loc[removed["rule"] == "disclaimer", "note"].item() == "spam: 九游会"
    kept = result.audit[result.audit["action"] == "kept"]
    assert kept["raw_line"].tolist() == ["某区政府工作报告"]


def test_forum_page_chrome_removed_and_title_kept():
    result = clean_text(FORUM_PAGE)
    assert result.text.split("\n") == ["某区政府工作报告", normalise_line(PROSE_1), normalise_line(PROSE_2)]
    rules = set(result.audit.loc[result.audit["action"] == "removed", "rule"])
    assert rules == {"ui_label", "view_counter", "forum_thread_title", "forum_user_block", "forum_post_header",
                     "comment_box", "service_contact", "site_footer"}


def test_chrome_like_line_inside_the_body_is_kept():
    result = clean_text("\n".join([PROSE_1, "点赞", "浏览量:5", PROSE_2]))
    assert result.text.split("\n")[1:3] == ["点赞", "浏览量：5"]
    assert result.audit.empty


def test_text_without_prose_is_left_whole():
    result = clean_text("点赞\n评论\n标题")
    assert result.text == "点赞\n评论\n标题"
    assert result.audit.empty


def test_audit_line_numbers_refer_to_raw_lines():
    result = clean_text("点赞\n\n" + PROSE_1 + "\n\n网站地图")
    assert result.audit[["line_no", "zone", "rule"]].values.tolist() == [[1, "head", "ui_label"], [5, "tail", "ui_label"]]


def test_every_rule_has_a_unique_name_and_a_description():
    names = [rule.name for rule in CHROME_RULES]
    assert len(names) == len(set(names))
    assert all(rule.description for rule in CHROME_RULES)


def test_find_spam():
    assert find_spam("请到九游会俱乐部j9入口官网") == ["九游会", "j9入口"]
    assert find_spam(PROSE_1) == []


# --------------------------------------------------------------------------- golden tests on the seeds

SEED_FILES = {
    "cn-2017-retreat": "000_9b36db97c0fe795e.txt",
    "cn-2020-fyp": "001_1001f7fc0fc2cdbd.txt",
    "cn-2024-wr": "002_9ddeabd5aaa08ccf.txt",
    "xh-2019-wr": "003_abf86c9aaf141910.txt",
    "cn-2018-wr": "004_8b03acbbd24002e3.txt",
}

# First and last official lines (start of each), and the number of chrome lines removed.
GOLDEN = {
    "cn-2017-retreat": ("134人参加了会议，24人发言", "会上，长宁区常委、副区长陈、", 1),
    "cn-2020-fyp": ("中共上海市长宁区委", "实现“十四五”规划和二〇三五年远景目标", 15),
    "cn-2024-wr": ("（三）坚定不移抓创新，发展动力势能积蓄壮大。", "不断增强城区安全韧性。", 5),
    "xh-2019-wr": ("2019年上海市徐汇区政府工作报告", "各位代表，团结凝聚力量，实干创造未来。", 33),
    "cn-2018-wr": ("长宁区十六届人大", "长宁区十六届人大三次会议秘书处", 0),
}

CHROME_STRINGS = [
    "本篇文章", "立即参赛", "官方媒体", "微信公众号", "APP下载", "在线客服", "客服杨女士", "客服中心", "资讯速递", "浏览量",
    "点赞", "登录后发表评论", "暂无记录", ".jpeg", "本站", "九游会", "本文地址", "验证码", "网站地图",
    "设为首页", "回复", "复制链接", "每日心情", "签到天数", "Rank", "发表于", "显示全部楼层", "回帖",
    "本版积分规则", "在线时间", "联系电话", "010-63691786", "Powered by", "返回顶部",
]


@pytest.fixture(scope="module", params=sorted(SEED_FILES))
def seed(request):
    doc_id = request.param
    raw = read_raw_text(SEEDS_DIR / SEED_FILES[doc_id])
    return doc_id, raw, clean_text(raw)


def test_seed_first_and_last_official_lines_kept(seed):
    doc_id, _, result = seed
    first, last, _ = GOLDEN[doc_id]
    lines = result.text.split("\n")
    assert lines[0].startswith(first)
    assert lines[-1].startswith(last)


def test_seed_no_chrome_left(seed):
    _, _, result = seed
    assert [s for s in CHROME_STRINGS if s in result.text] == []


def test_seed_removed_line_count(seed):
    doc_id, _, result = seed
    assert (result.audit["action"] == "removed").sum() == GOLDEN[doc_id][2]


def test_seed_every_prose_line_kept(seed):
    """Every line of running prose in the raw text is in the cleaned text, except the disclaimer."""
    _, raw, result = seed
    kept = set(result.text.split("\n"))
    disclaimer = next(rule for rule in CHROME_RULES if rule.name == "disclaimer")
    prose = [normalise_line(line) for line in raw.split("\n") if is_prose(normalise_line(line))]
    lost = [line for line in prose if line not in kept and not disclaimer.pattern.search(line)]
    assert lost == []


def test_seed_cleaning_is_idempotent(seed):
    _, _, result = seed
    again = clean_text(result.text)
    assert again.text == result.text
    assert again.audit["action"].eq("kept").all()
