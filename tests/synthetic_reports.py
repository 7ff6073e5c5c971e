"""Small synthetic work reports, written in each supported format, for the tests.

The texts are made up: a meeting line, a review part and a plan part with numbered
sections and items, and optionally appended material (a 名词解释 glossary and a list of
revisions made after delivery). Words that appear only in the appended material
(APPENDED_ONLY_WORDS) let a test see whether it was counted.
"""
from __future__ import annotations

from pathlib import Path

APPENDED_ONLY_WORDS = ("改为", "名词解释", "释义")
"""Words the synthetic appended material uses and the report proper never does."""

MARKUP_WORDS = ("source", "https", "www", "gov", "cn", "html", "title", "jpg", "png")
"""Words that appear only in the markup of the synthetic Markdown and HTML files."""


def report_lines(year: int, place: str = "示范市", day: int = 15, appended: bool = False) -> list[str]:
    """The lines of one synthetic work report delivered on {year}-01-{day}."""
    lines = [
        f"——{year}年1月{day}日在{place}第十五届人民代表大会第{year - 2009}次会议上",
        "各位代表：",
        f"现在，我代表{place}人民政府，向大会报告工作，请予审议。",
        f"一、{year - 1}年工作回顾",
        f"过去一年，我们坚持稳中求进工作总基调，统筹推进经济发展和民生保障，全年地区生产总值增长百分之{year % 7 + 3}。",
        "（一）坚持创新驱动，产业结构持续优化。",
        "1.科技创新能力不断增强。新建研发平台十二个，高新技术企业数量稳步增长，营商环境持续改善。",
        "2.数字化转型深入推进。建成一批应用场景，公共数据开放共享水平明显提高，城市治理更加精细。",
        "（二）坚持民生为本，群众获得感不断增强。",
        "3.就业和社会保障更加有力。城镇新增就业岗位保持稳定，养老服务体系更加完善，社区服务更加便利。",
        f"二、{year}年主要任务",
        f"{year}年是推进高质量发展的关键一年，我们将着力做好以下工作。",
        "（一）加快建设现代化产业体系，推动经济实现质的有效提升和量的合理增长。",
        "1.培育壮大新兴产业。实施一批重大产业项目，推动先进制造业和现代服务业深度融合发展。",
        "（二）持续保障和改善民生，办好群众急难愁盼的实事。",
        "2.提升公共服务水平。新增养老床位和托育托位，推进优质教育资源均衡配置，加强基层医疗服务。",
        "各位代表，让我们团结一心，奋发有为，为建设人民城市作出新的更大贡献。",
    ]
    return lines + (appended_lines(year) if appended else [])


def appended_lines(year: int) -> list[str]:
    """The material appended after a synthetic report: a glossary and a revision list."""
    return [
        "名词解释",
        "1.应用场景：指新技术在城市治理和生产生活中落地的具体释义对象和环境。",
        "2.托育托位：指为三岁以下婴幼儿提供照护服务的位置，此处为释义说明。",
        f"政府工作报告修改{year % 5 + 2}处",
        "- 第3页第2段，“稳步增长”改为“较快增长”。",
        "- 第5页第1段，“明显提高”改为“显著提高”。",
    ]


def markdown_report(year: int, place: str = "示范市", appended: bool = True, front_matter: bool = True) -> str:
    """A synthetic report as Markdown, as a user might save it from a web page: YAML front
    matter, an image with its caption in an HTML comment, heading markers, emphasis, a
    link and a table; appended material as headings and a bullet list."""
    def markdown(line: str) -> list[str]:
        if line.startswith(("一、", "二、", "名词解释", "政府工作报告修改")):
            return [f"## {line}", ""]
        if line.startswith("（"):
            return [f"### **{line}**", ""]
        if line.startswith("- "):
            return [line]
        if line.startswith("各位代表："):
            return [f"*{line}*", ""]
        return [line, ""]

    out = []
    if front_matter:
        out += ["---", f"title: {year}年{place}政府工作报告",
                f"source: https://www.example.gov.cn/zwgk/{year}/report-{year}.html",
                f"date: {year}-02-0{year % 9 + 1}", "---", ""]
    out += [f"# {year}年{place}政府工作报告", "",
            "<!-- 图片说明：大会现场 -->", f"![大会现场](https://www.example.gov.cn/images/{year}.jpg)", ""]
    out += [md for line in report_lines(year, place) for md in markdown(line)]
    out += ["| 指标 | 数值 |", "|---|---:|", "| 地区生产总值增速 | 百分之五 |", "",
            "<!--", "  图片：大会会场 https://www.example.gov.cn/images/hall.png", "-->",
            "更多内容见[政府网站](https://www.example.gov.cn/zwgk/index.html)。", ""]
    if appended:
        out += [md for line in appended_lines(year) for md in markdown(line)]
    return "\n".join(out) + "\n"


def html_report(year: int, place: str = "示范市") -> str:
    """A synthetic report as an HTML page: title, a publication-date meta tag, a canonical
    link, a script, a style, comments, <br> line breaks and a table."""
    paragraphs = "\n".join(f"<p>{line}</p>" for line in report_lines(year, place))
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{year}年{place}政府工作报告</title>
<meta name="PubDate" content="{year}-02-01 09:30">
<link rel="canonical" href="https://www.example.gov.cn/zwgk/{year}/report.html">
<style>p {{ line-height: 2; }}</style></head>
<body><!-- 导航栏 https://www.example.gov.cn -->
<script>var site = "https://www.example.gov.cn/title.html";</script>
<div class="article">
{paragraphs}
<table><tr><th>指标</th><th>数值</th></tr><tr><td>地区生产总值增速</td><td>百分之五</td></tr></table>
</div></body></html>
"""


def write_docx(path: Path, year: int, place: str = "示范市") -> Path:
    """A synthetic report as .docx (python-docx): the title in the core properties, the
    lines as paragraphs and one table."""
    import docx

    document = docx.Document()
    document.core_properties.title = f"{year}年{place}政府工作报告"
    for line in report_lines(year, place):
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    for (r, c), value in {(0, 0): "指标", (0, 1): "数值", (1, 0): "地区生产总值增速", (1, 1): "百分之五"}.items():
        table.cell(r, c).text = value
    document.save(path)
    return path


def write_pdf(path: Path, year: int, place: str = "示范市", width: int = 24) -> Path:
    """A synthetic report as a PDF drawn by matplotlib with the project's CJK font: each
    line wrapped every ``width`` characters, as a page width would, 20 lines a page,
    with a page number at the foot of each page and the title in the document information."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    from analysis.plots.style import use_project_style

    use_project_style()
    wrapped = [line[i:i + width] for line in report_lines(year, place) for i in range(0, len(line), width)]
    pages = [wrapped[i:i + 20] for i in range(0, len(wrapped), 20)]
    with PdfPages(path, metadata={"Title": f"{year}年{place}政府工作报告", "CreationDate": None}) as pdf:
        for number, page in enumerate(pages, 1):
            figure = plt.figure(figsize=(8.27, 11.69))
            for i, line in enumerate(page):
                figure.text(0.08, 0.92 - 0.04 * i, line, fontsize=12)
            figure.text(0.5, 0.04, str(number), fontsize=10)
            pdf.savefig(figure)
            plt.close(figure)
    return path


HEADING_VARIANTS = {
    # variant -> (part heading lines for a report of ``year``, expected part kinds), seen in real work reports
    "year_named": (lambda y: [f"一、{y - 1}年主要工作和成效", f"二、{y}年重点工作"], ["review", "plan"]),
    "five_year_review": (lambda y: ["一、过去五年工作回顾", "二、今后五年的目标任务", f"三、{y}年工作安排"],
                         ["review", "plan", "plan"]),
    "general_requirements": (lambda y: [f"一、{y - 1}年工作回顾", f"二、{y}年工作的总体要求", "三、全面加强政府自身建设"],
                             ["review", "plan", "other"]),
    "tasks_completed": (lambda y: ["一、“十五”计划确定的目标和任务全面完成", f"二、关于{y}年政府工作的建议"],
                        ["review", "plan"]),
    "topical_plan": (lambda y: [f"一、{y - 1}年工作回顾", "二、坚定不移推动高质量发展", "三、持续保障和改善民生"],
                     ["review", "plan", "plan"]),
    "full_stop_numeral": (lambda y: [f"一．{y - 1}年经济社会发展回顾", f"二．{y}年主要任务"], ["review", "plan"]),
    "unnumbered": (lambda y: [f"{y - 1}年工作回顾", f"{y}年工作安排"], ["review", "plan"]),
    "unnumbered_spaced_year": (lambda y: [f"{y - 1} 年工作回顾", f"{y} 年的目标和任务"], ["review", "plan"]),
    "plan_unnumbered_after_numbered_review": (lambda y: [f"一、{y - 1}年工作回顾", f"{y}年工作部署"], ["review", "plan"]),
    "five_years_ahead": (lambda y: ["一、过去五年工作的回顾", "二、今后五年的工作", f"三、{y}年的工作"],
                         ["review", "plan", "plan"]),
    "review_and_targets": (lambda y: [f"一、{y - 1}年政府工作回顾和{y}年的目标任务", "二、新的一年必须着力抓好的重点工作"],
                           ["review", "plan"]),
    "years_past": (lambda y: ["一、向建设现代化示范市宏伟目标阔步前进的五年", "二、着眼于实现奋斗目标促进经济向更高水平发展"],
                   ["review", "plan"]),
    "achieved_at_end": (lambda y: ["一、奋力开拓，“十五”经济社会发展目标全面实现", "二、明确任务，全面实现“十一五”规划的各项目标"],
                        ["review", "plan"]),
}
"""Part headings of real work reports that the part-heading rules must type (the
development corpus: provincial and national reports), each with the kinds expected."""


def heading_variant_report(year: int, variant: str) -> str:
    """A synthetic work report of ``year`` whose part headings are those of ``variant``
    (HEADING_VARIANTS), each part with a sentence of body text and, under each unnumbered
    heading of the unnumbered variants, a numbered 一、 section."""
    headings, _ = HEADING_VARIANTS[variant]
    lines = [f"——{year}年1月15日在示范市第十五届人民代表大会第{year - 2009}次会议上", "各位代表：",
             "现在，我代表示范市人民政府，向大会报告工作，请予审议。"]
    for heading in headings(year):
        lines.append(heading)
        if variant.startswith("unnumbered") and not heading.startswith("一、"):
            lines.append("一、统筹推进经济发展和民生保障")
        lines.append("我们坚持稳中求进工作总基调，统筹推进经济发展和民生保障，城区环境品质持续提升。")
    return "\n".join(lines) + "\n"


_VARIED_SENTENCES = (
    "推进城市更新，完成老旧小区改造，改善居住条件。",
    "优化营商环境，深化“放管服”改革，企业开办时间进一步压缩。",
    "加强生态环境保护，空气质量优良天数比例稳步提高。",
    "发展人工智能和数字经济，建设一批智能工厂和应用场景。",
    "做好粮食生产，增加农民收入，推进乡村振兴。",
    "加强基础设施建设，新建改建道路，完善公共交通网络。",
    "深化国有企业改革，扩大对外开放，利用外资稳步增长。",
)
"""Sentences that vary the messy corpus's reports from year to year (one per year in turn)."""


def varied_report_lines(year: int, place: str) -> list[str]:
    """report_lines of ``year`` with three of _VARIED_SENTENCES, chosen by the year, added to
    the review and the plan, so that the reports of one place differ."""
    lines = report_lines(year, place)
    extra = [_VARIED_SENTENCES[(year + k) % len(_VARIED_SENTENCES)] for k in range(3)]
    plan = lines.index(f"二、{year}年主要任务")
    return lines[:plan] + extra[:2] + lines[plan:-1] + extra[2:] + lines[-1:]


MESSY_PLACES = {"cn330100": "杭州市", "cn320100": "南京市", "cn440100": "广州市"}
"""The messy corpus's places: divisions of China, none in districts.tsv."""


def write_messy_corpus(folder: Path) -> dict[str, list[str]]:
    """A corpus in ``folder`` (manifest.csv and text files) with what real corpora hold and the
    seeds do not: one place with 30 reports (杭州市 1995–2024), two of them in 2010; a
    report with no part headings (1995); a year-only date (1996); and two places with one
    report each (南京市 2019, 广州市 2020, the latter with no part headings). Returns the
    doc_ids by place (cn330100 in date order)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows, ids = [], {place: [] for place in MESSY_PLACES}

    def add(doc_id: str, place: str, year: int, lines: list[str], date: str, precision: str = "") -> None:
        (folder / f"{doc_id}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        rows.append(f"{doc_id},{doc_id}.txt,{place},{MESSY_PLACES[place]},{date},{year},work_report,"
                    f"{year}年{MESSY_PLACES[place]}政府工作报告,whole,{precision}")
        ids[place].append(doc_id)

    for year in range(1995, 2025):
        lines = varied_report_lines(year, "杭州市")
        if year == 1995:
            lines = [line for line in lines if not line.startswith(("一、", "二、"))]
        add(f"cn330100-{year}-wr", "cn330100", year, lines, str(year) if year == 1996 else f"{year}-01-15",
            "year" if year == 1996 else "")
        if year == 2010:
            add("cn330100-2010-wr-2", "cn330100", year, varied_report_lines(year + 3, "杭州市"), "2010-12-20")
    add("cn320100-2019-wr", "cn320100", 2019, varied_report_lines(2019, "南京市"), "2019-01-16")
    add("cn440100-2020-wr", "cn440100", 2020,
        [line for line in varied_report_lines(2020, "广州市") if not line.startswith(("一、", "二、"))], "2020-01-16")
    header = "doc_id,file,district,district_zh,date,year,genre,title,scope,date_precision"
    (folder / "manifest.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return ids


PANEL_PLACES = {"cn110000": "北京市", "cn120000": "天津市", "cn130000": "河北省", "cn140000": "山西省",
                "cn150000": "内蒙古自治区", "cn210000": "辽宁省", "cn220000": "吉林省", "cn230000": "黑龙江省",
                "cn310000": "上海市", "cn320000": "江苏省", "cn330000": "浙江省", "cn340000": "安徽省"}
"""The panel fixture's twelve governments (provinces of China)."""
PANEL_YEARS = range(2011, 2019)
PANEL_MISSING = ("cn130000", 2015)
"""The one government-year without a report."""
PANEL_NATIONAL = "cn000000"
_RISING = "加强生态保护，推进绿色低碳发展，开展污染防治。"      # ecology: 生态, 绿色, 低碳, 污染防治
_FALLING = "扩大有效投资，壮大实体产业，支持民营企业。"        # economy: 投资, 产业, 企业
_TARGET_WORDING = ("增长{v}%左右", "增长{v}%以上", "力争增长{v}%")


def panel_national_target(year: int) -> float:
    """The national growth target planted for ``year``: 8.0 − 0.25 per year from 2011."""
    return 8.0 - 0.25 * (year - 2011)


def panel_target(place_index: int, year: int) -> float:
    """The planted growth target: the national one plus 0.5 + 0.1 × the place's index."""
    return round(panel_national_target(year) + 0.5 + 0.1 * place_index, 2)


def panel_gap(place_index: int) -> float:
    """The planted gap outcome − target: +0.3 for an even place index, −0.2 for an odd one."""
    return 0.3 if place_index % 2 == 0 else -0.2


def panel_target_type(place_index: int) -> str:
    """The planted target type of a place: approximate (左右), floor (以上) or soft (力争), in turn."""
    return ("approximate", "floor", "soft")[place_index % 3]


def panel_report_lines(place: str, place_index: int | None, year: int, years: range = PANEL_YEARS) -> list[str]:
    """One panel report: a review part stating last year's growth (target + gap), a plan part
    with this year's main targets, the ecology sentence (year − first year) times and the
    economy sentence (last year − year) times, so that ecology attention rises and economy
    attention falls over the years. ``place_index`` None: the national report (国内生产总值,
    the national target, no gap)."""
    k = year - years[0]
    national = place_index is None
    target = panel_national_target(year) if national else panel_target(place_index, year)
    last = panel_national_target(year - 1) if national else panel_target(place_index, year - 1) + panel_gap(place_index)
    output = "国内生产总值" if national else "地区生产总值"
    wording = "增长{v}%左右" if national else _TARGET_WORDING[place_index % 3]
    stated = wording.format(v=f"{target:g}")
    return [
        f"——{year}年1月20日在{place}人民代表大会上",
        "各位代表：",
        f"现在，我代表{place}人民政府，向大会报告工作，请予审议。",
        f"一、{year - 1}年工作回顾",
        f"过去一年，{output}增长{last:g}%，城乡居民收入稳步提高。",
        "（一）坚持民生为本，群众获得感不断增强。",
        "1.就业和社会保障更加有力。养老服务体系更加完善，社区服务更加便利。",
        f"二、{year}年主要任务",
        f"{year}年经济社会发展的主要预期目标是：{output}{stated}，城镇登记失业率控制在4.5%以内。",
        "（一）推动高质量发展。",
        *[_RISING] * k,
        *[_FALLING] * (len(years) - 1 - k),
        "（二）持续保障和改善民生。",
        "2.提升公共服务水平。推进优质教育资源均衡配置，加强基层医疗服务。",
        "各位代表，让我们团结一心，奋发有为。",
    ]


def write_panel_corpus(folder: Path, national: bool = True) -> list[str]:
    """A panel in ``folder`` (manifest.csv and text files): the twelve PANEL_PLACES over
    PANEL_YEARS, without PANEL_MISSING, and with ``national`` the national reports of the
    same years (PANEL_NATIONAL). Planted: ecology attention rises and economy attention
    falls with the year; each place's growth target (:func:`panel_target`, type
    :func:`panel_target_type`) and its outcome (target + :func:`panel_gap`) in the next
    report. Returns the doc_ids in manifest order."""
    folder.mkdir(parents=True, exist_ok=True)
    rows, ids = [], []
    places = [(PANEL_NATIONAL, "国务院", None)] if national else []
    places += [(code, name, i) for i, (code, name) in enumerate(PANEL_PLACES.items())]
    for code, name, index in places:
        for year in PANEL_YEARS:
            if (code, year) == PANEL_MISSING:
                continue
            doc_id = f"{code}-{year}-wr"
            (folder / f"{doc_id}.txt").write_text("\n".join(panel_report_lines(name, index, year)) + "\n",
                                                   encoding="utf-8")
            rows.append(f"{doc_id},{doc_id}.txt,{code},{name},{year}-01-20,{year},work_report,"
                        f"{year}年{name}政府工作报告,whole")
            ids.append(doc_id)
    header = "doc_id,file,district,district_zh,date,year,genre,title,scope"
    (folder / "manifest.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return ids
