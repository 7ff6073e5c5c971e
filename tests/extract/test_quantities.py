"""Quantities in report sentences: numerals, magnitudes, units, qualifiers, directions,
indicators and kinds; what is not a quantity."""
import math

import pandas as pd
import pytest

from analysis.extract import quantities as indicators


def found(sentence):
    return [(q.indicator, q.value, q.unit, q.base_value, q.base_unit, q.qualifier, q.direction)
            for q in indicators.find_quantities(sentence)]


@pytest.mark.parametrize("text, value", [("325", 325), ("3,000", 3000), ("117.69", 117.69), ("二十五", 25),
                                         ("三千零五", 3005), ("一百二十", 120), ("六点五", 6.5), ("两", 2), ("十", 10)])
def test_parse_number(text, value):
    assert indicators.parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["十四五", "三二", "abc", ""])
def test_parse_number_refuses(text):
    with pytest.raises(ValueError):
        indicators.parse_number(text)


def test_results_with_magnitudes_and_a_change():
    assert found("引进重点企业325家，完成固定资产投资117.69亿元，同比增长12.4%。") == [
        ("重点企业", "325", "家", 325.0, "个", "", ""),
        ("固定资产投资", "117.69亿", "元", 11_769_000_000.0, "元", "", ""),
        ("固定资产投资", "12.4", "%", 12.4, "%", "", "增长"),
    ]


def test_targets_with_qualifiers():
    assert found("区级一般公共预算收入增长6.5%，新增就业岗位3万个，力争全年拆违20万平方米。") == [
        ("区级一般公共预算收入", "6.5", "%", 6.5, "%", "", "增长"),
        ("就业岗位", "3万", "个", 30_000.0, "个", "", ""),
        ("拆违", "20万", "平方米", 200_000.0, "平方米", "力争", ""),
    ]
    assert found("城镇登记失业人数控制在1.87万人以内。") == [("城镇登记失业人数", "1.87万", "人", 18_700.0, "人", "以内", "")]
    assert found("GDP增长百分之六点五左右。") == [("GDP", "百分之六点五", "%", 6.5, "%", "左右", "增长")]


def test_indicator_after_the_number_and_percentage_points():
    assert found("完成2500多家店面整治，新增2所幼儿园、1所九年一贯制学校，失业率下降0.3个百分点。") == [
        ("店面整治", "2500多", "家", 2500.0, "个", "多", ""),
        ("幼儿园", "2", "所", 2.0, "个", "", ""),
        ("九年一贯制学校", "1", "所", 1.0, "个", "", ""),
        ("失业率", "0.3", "个百分点", 0.3, "percentage points", "", "下降"),
    ]


def test_ranges_and_area_units():
    (q,) = indicators.find_quantities("建设绿地3—5公顷。")
    assert (q.base_value, q.base_value_high, q.base_unit) == (30_000.0, 50_000.0, "平方米")
    (q,) = indicators.find_quantities("新建公园1.2万平方米。")
    assert math.isnan(q.base_value_high)


@pytest.mark.parametrize("sentence", [
    "牢固树立“四个意识”，加快“十四五”规划编制。",        # slogans in quotation marks
    "公布第一批改革事项，召开第三次会议。",                 # ordinals
    "2018年1月10日，拨打12345热线。",                     # dates and a hotline number
    "1.科技创新能力不断增强。",                           # a list marker
    "实施三年行动计划，文号〔2018〕5号。",                 # durations and document numbers
])
def test_not_quantities(sentence):
    assert indicators.find_quantities(sentence) == []


def test_extract_quantities_kinds_measures_and_themes():
    from analysis.dictionaries.themes import DictionaryEntry

    paragraphs = pd.DataFrame({
        "doc_id": ["a", "a", "a"], "para_no": [1, 2, 3], "part_kind": ["review", "plan", pd.NA],
        "text": ["全年引进重点企业325家，研发投入占比3.5%。", "新增就业岗位3万个，区级财政收入增长6.5%。",
                 "力争建成公园2座。预计完成投资5亿元。"]})
    dictionary = [DictionaryEntry("jobs", "就业", "Jobs", ("就业",)), DictionaryEntry("finance", "财政", "Finance", ("财政",))]
    table = indicators.extract_quantities(paragraphs, dictionary)
    assert list(table.columns[:len(indicators.QUANTITY_COLUMNS)]) == indicators.QUANTITY_COLUMNS
    assert table["kind"].tolist() == ["achieved", "achieved", "target", "target", "target", "achieved"]
    assert table["measure"].tolist() == ["level", "share/rate", "level", "change", "level", "level"]
    assert table["theme"].tolist() == ["", "", "jobs", "finance", "", ""]
    assert table["sent_no"].tolist() == [1, 1, 1, 1, 1, 2]


@pytest.mark.parametrize("sentence, number, kind", [
    # results the old rule (目标 anywhere makes a target) plotted as targets
    ("推进“一街道一楼宇”工作，目标楼宇税收落地率同比提高5.04个百分点，单位面积产出率进一步提高。", "5.04", "achieved"),
    ("全面落实规划纲要提出的各项目标任务，46个重大项目开竣工率达到83.7%，总体实现任务过半。", "83.7", "achieved"),
    ("城镇新增就业人数超出预期目标，城镇登记失业率控制在3.5%。", "3.5", "achieved"),
    ("全年争取到中央投资402亿元，支持重大项目建设。", "402亿", "achieved"),
    ("确保了5700公里边境线的安全。", "5700", "achieved"),
    ("预计地区生产总值增长6.5%。", "6.5", "achieved"),                      # an estimate of the year's result
    # commitments written inside a review part
    ("加快小额贷款公司试点，力争达到350家。", "350", "target"),
    ("今年经济社会发展主要预期目标是：生产总值增长7.5%左右；新增城镇就业6万人。", "6万", "target"),
    ("确保全社会固定资产投资增长10%左右。", "10", "target"),
])
def test_kind_in_a_review_part_follows_the_markers_before_the_number(sentence, number, kind):
    start = next(q.start for q in indicators.find_quantities(sentence) if q.value == number)
    assert indicators.quantity_kind(sentence, start, "review") == kind


def test_kind_outside_review_and_plan_needs_a_marker():
    assert indicators.quantity_kind("全年新增就业岗位3万个。", 8, "") == "unknown"
    assert indicators.quantity_kind("累计新增就业岗位3万个。", 8, "other") == "achieved"
    assert indicators.quantity_kind("力争新增就业岗位3万个。", 8, "other") == "target"
    assert indicators.quantity_kind("去年完成投资5亿元，今年新增就业岗位3万个；", 14, "plan") == "target"


@pytest.mark.parametrize("sentence, expected", [
    # the head noun after a count or area unit, not the modifier before it
    ("落实方案的98项改革任务全面完成。", [("改革任务", "98", "")]),
    ("今年建成1家智慧公办养老院。", [("智慧公办养老院", "1", "")]),
    # two quantities of one sentence keep their own nouns
    ("划定80万亩粮食生产功能区和50万亩蔬菜生产保护区。", [("粮食生产功能区", "80万", ""), ("蔬菜生产保护区", "50万", "")]),
    # 分别 lists are spread; a 分别 list without items keeps the whole phrase (实现率 is not cut at 实现)
    ("城镇和农村居民人均可支配收入分别增长8%和9%。", [("城镇居民人均可支配收入", "8", ""), ("农村居民人均可支配收入", "9", "")]),
    ("垃圾分类实现率分别为50%、45%。", [("垃圾分类实现率", "50", ""), ("垃圾分类实现率", "45", "")]),
    # 约 inside 节约 stays; 力争 far before the number and 至少 are qualifiers
    ("企业节约用水10%。", [("企业节约用水", "10", "")]),
    ("力争全年全市规模以上工业企业利润总额增长8%。", [("规模以上工业企业利润总额", "8", "力争")]),
    ("至少建成3个社区食堂。", [("社区食堂", "3", "至少")]),
    # units 剂次 and 场; durations and fractions
    ("接种疫苗120万剂次，举办招聘会30场。", [("接种疫苗", "120万", ""), ("招聘会", "30", "")]),
    ("审批时间压缩10.6天，办事环节压缩一半以上。", [("审批时间", "10.6", ""), ("办事环节", "一半", "以上")]),
    # a joint target gives each indicator the figure
    ("调查失业率和登记失业率都稳定在4.3%以内。", [("调查失业率", "4.3", "以内"), ("登记失业率", "4.3", "以内")]),
    # time words are not part of the indicator
    ("到2010年轨道交通运营里程达到400公里。", [("轨道交通运营里程", "400", "")]),
])
def test_indicator_phrases_and_qualifiers_of_the_real_corpus_errors(sentence, expected):
    assert [(q.indicator, q.value, q.qualifier) for q in indicators.find_quantities(sentence)] == expected


@pytest.mark.parametrize("sentence", ["严格落实中央八项规定精神。", "守住四条底线，增强四个意识。"])
def test_set_names_are_not_quantities(sentence):
    assert indicators.find_quantities(sentence) == []


def test_ranges_written_with_a_unit_on_each_end_and_flow_or_stock():
    (q,) = indicators.find_quantities("地区生产总值增长6.5%-7%。")
    assert (q.base_value, q.base_value_high) == (6.5, 7.0)
    assert [q.flow_stock for q in indicators.find_quantities("新增7000张公办养老床位，养老床位达到12.6万张。")] == ["flow", "stock"]


def test_a_review_of_the_targets_reports_results():
    sentence = "较好完成了年初确定的主要目标：地方一般公共预算收入增长10.3%，居民消费价格上涨1.2%。"
    assert [indicators.quantity_kind(sentence, q.start, "review") for q in indicators.find_quantities(sentence)] == [
        "achieved", "achieved"]


@pytest.mark.parametrize("sentence, expected", [
    # a sentence's first figure with no words of its own takes the noun of the clause before
    ("全省地区生产总值历史性迈上万亿元台阶，达到11000亿元，增长12.8%。", [("全省地区生产总值", "11000亿"), ("全省地区生产总值", "12.8")]),
    # one figure after 城乡…分别 is two
    ("城乡居民人均可支配收入分别增长7.5%左右。", [("城镇居民人均可支配收入", "7.5"), ("农村居民人均可支配收入", "7.5")]),
    # figures that follow a 分别 list in a later clause take its items
    ("城镇和农村常住居民人均可支配收入分别达27000元和9900元，增长8%和9%。", [
        ("城镇常住居民人均可支配收入", "27000"), ("农村常住居民人均可支配收入", "9900"),
        ("城镇常住居民人均可支配收入", "8"), ("农村常住居民人均可支配收入", "9")]),
    # the words that announce a target are not its indicator
    ("全省经济增长的预期目标是9％。", [("经济增长", "9")]),
    # verbs of doing, the government's scope and 累计 are not part of what is counted
    ("全年利用合同外资11.6亿美元；新增总部经济机构5家，累计达到82家。", [
        ("合同外资", "11.6亿"), ("总部经济机构", "5"), ("总部经济机构", "82")]),
    ("共查处安全隐患1200处，全区新优质学校达到20所。", [("安全隐患", "1200"), ("新优质学校", "20")]),
    # lists of work areas and ten projects are no quantities, nor a bare 百 (百所乡镇卫生院, a programme)
    ("突出抓好五个方面，办好十件实事。", []),
    ("继续改造提升百所乡镇卫生院。", []),
    # a joint list before 均 does not reach past the figure it shares
    ("财政总收入和一般预算收入均增长12%，城镇登记失业率控制在4.2%以内。", [
        ("财政总收入", "12"), ("一般预算收入", "12"), ("城镇登记失业率", "4.2")]),
    # a list, a linking verb and as many figures; then 分别 with no items of its own
    ("城镇居民人均可支配收入、农民人均纯收入达到16305元和5641元，分别增长14.3%和13.2%。", [
        ("城镇居民人均可支配收入", "16305"), ("农民人均纯收入", "5641"),
        ("城镇居民人均可支配收入", "14.3"), ("农民人均纯收入", "13.2")]),
    # 城乡…分别 with two figures, and one figure after a list and 分别
    ("城乡居民收入分别增长6.5%和8%左右。", [("城镇居民收入", "6.5"), ("农村居民收入", "8")]),
    ("财政总收入和一般预算收入分别增长15%。", [("财政总收入", "15"), ("一般预算收入", "15")]),
    # an average over the years takes the indicator before it
    ("外贸出口总额达到32亿美元，平均每年增长7%左右。", [("外贸出口总额", "32亿"), ("外贸出口总额", "7")]),
])
def test_indicators_of_lists_and_bare_figures(sentence, expected):
    assert [(q.indicator, q.value) for q in indicators.find_quantities(sentence)] == expected


def test_a_scope_is_neither_a_target_nor_a_result():
    sentence = "做好5万平方米以下城市连片棚户区改造收尾工作。"
    (q,) = indicators.find_quantities(sentence)
    assert indicators.quantity_kind(sentence, q.start, "plan") == "unknown"


@pytest.mark.parametrize("sentence, number", [
    # a size threshold after 超 and before 的 + a noun
    ("争取今年再涌现一批销售收入超50亿元和超100亿元的企业。", "50亿"),
    ("争取今年再涌现一批销售收入超50亿元和超100亿元的企业。", "100亿"),
    # a count of places that a measure is applied in, or that another figure follows
    ("落实20个欠发达县域帮扶措施。", "20"),
    ("在15个县（市、区）开展试点。", "15"),
    ("5个市县8家敬老院建成投入使用。", "5"),
    # the length of a list of tasks
    ("用心办好10件重点民生实事。", "10"),
    ("抓好12项30个重点民生实事项目。", "12"),
    ("抓好12项30个重点民生实事项目。", "30"),
])
def test_thresholds_places_and_list_lengths_are_scopes(sentence, number):
    (q,) = [q for q in indicators.find_quantities(sentence) if q.value == number]
    assert indicators.is_scope(sentence, q.start)
    assert indicators.quantity_kind(sentence, q.start, "plan") == "unknown"


@pytest.mark.parametrize("sentence, number", [
    ("创建5个国家级生态县。", "5"),                      # a count of places to make is a target
    ("5个市县8家敬老院建成投入使用。", "8"),
    ("地区生产总值增长6.5%左右，达到1.2万亿元的水平。", "1.2万亿"),
    ("新增就业超过100万人。", "100万"),
])
def test_counts_and_figures_that_are_no_scope(sentence, number):
    (q,) = [q for q in indicators.find_quantities(sentence) if q.value == number]
    assert not indicators.is_scope(sentence, q.start)


def test_levels_held_or_passed_are_stocks_unless_the_year_adds_them():
    assert [q.flow_stock for q in indicators.find_quantities(
        "绿色食品基地面积稳定在1亿亩以上，国家级高新技术企业突破7000家，新增城镇就业突破40万人。")] == [
        "stock", "stock", "flow"]


def test_a_look_back_inside_a_plan_part_reports_results_until_the_year_ahead():
    paragraph = ("刚刚过去的2015年，我们较好完成了主要目标任务。全省生产总值增长8%。城镇新增就业116.8万人。"
                 "今年主要预期目标是：城镇新增就业110万人。")
    parts = indicators.sentence_parts(indicators.split_sentences(paragraph), "plan")
    assert [kind for _, kind in parts] == ["review", "review", "review", "plan"]
    assert [kind for _, kind in indicators.sentence_parts(["去年，完成投资100亿元。"], "review")] == ["review"]
    table = pd.DataFrame({"doc_id": ["d"], "para_no": [1], "part_kind": ["plan"], "text": [paragraph]})
    assert indicators.extract_quantities(table)[["value", "kind"]].values.tolist() == [
        ["8", "achieved"], ["116.8万", "achieved"], ["110万", "target"]]


@pytest.mark.parametrize("sentence, expected", [
    ("——全省外贸进出口总额344.4亿美元。", "外贸进出口总额"),       # a list dash and the scope
    ("除险加固大中型水库15座。", "大中型水库"),                     # verbs of doing
    ("改扩建幼儿园28所。", "幼儿园"),
    ("新建和美乡村200个。", "和美乡村"),                           # 和 after the verb is part of the noun
    ("净增规模以上工业企业1000家以上。", "规模以上工业企业"),
    ("全省有6家新建污水处理厂通过验收。", "污水处理厂"),            # the verb before the head after the number
    ("全社会固定资产投资累计达到1.7万亿元左右。", "全社会固定资产投资"),  # 累计 after the noun
    ("城镇登记失业率预计可控制在4.2%。", "城镇登记失业率"),         # 预计可 before a bound
    ("今年经济增长目标确定为9.5%左右。", "经济增长"),
])
def test_indicator_phrases_without_verbs_dashes_and_hedges(sentence, expected):
    assert indicators.find_quantities(sentence)[0].indicator == expected


@pytest.mark.parametrize("sentence, expected", [
    ("提请审议地方性法规4件。", "地方性法规"),                        # verbs of doing in a row
    ("新登记民营经营主体112.8万户。", "民营经营主体"),
    ("五年全省研发投入315亿元。", "研发投入"),                         # 五年 is a time word
    ("满意度持续保持100%。", "满意度"),                               # 持续 and 保持 before the figure
    ("省级一般性支出下降超10%。", "省级一般性支出"),                   # 超 and the direction
    ("非公有制经济实现增加值增长20%。", "非公有制经济实现增加值"),       # a bare measure keeps its subject
    ("初步统计全社会固定资产投资16585亿元。", "全社会固定资产投资"),     # the words of an estimate
])
def test_indicator_phrases_of_the_fresh_provincial_sample(sentence, expected):
    assert indicators.find_quantities(sentence)[0].indicator == expected


def test_a_comparison_base_is_not_measured_and_a_share_is_passed_over():
    found = indicators.find_quantities("全省生产总值达到21701亿元，占全国的11.9%，比“九五”期末增加10960亿元，比上年增长12.5%。")
    assert [(q.indicator, q.value) for q in found] == [
        ("生产总值", "21701亿"), ("占全国", "11.9"), ("生产总值", "10960亿"), ("生产总值", "12.5")]


@pytest.mark.parametrize("sentence, number, kind", [
    ("新型农村合作医疗人均筹资标准由390元提高到470元。", "390", "unknown"),   # the figure a change starts from
    ("新型农村合作医疗人均筹资标准由390元提高到470元。", "470", "target"),
    ("国务院组成部门从40个减少到29个。", "40", "unknown"),
    ("实施10项民生计划，完成7.7万人的生态移民。", "10", "unknown"),           # a list of tasks
])
def test_the_base_of_a_change_and_a_list_of_plans_are_neither_target_nor_result(sentence, number, kind):
    (q,) = [q for q in indicators.find_quantities(sentence) if q.value == number]
    assert indicators.quantity_kind(sentence, q.start, "plan") == kind


def test_a_sentence_telling_what_was_done_in_a_plan_part_reports_results():
    parts = indicators.sentence_parts(["群众安全感率达99.1%，守护了人民安居乐业。", "群众安全感率达到99%以上。"], "plan")
    assert [kind for _, kind in parts] == ["review", "plan"]
