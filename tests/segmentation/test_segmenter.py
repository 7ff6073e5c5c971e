"""The segmenter gives jieba's own results: the same DAG, the same route to the bit, the same tokens
(jieba's part-of-speech tagger reaches the dictionary through the same two methods)."""
import math

import jieba
import pytest

import analysis
from analysis.segmentation.segmenter import Segmenter
from analysis.segmentation.tokens import tokenizer

EXTRA = "\n".join(["数字化转型和一网通办、一网统管", "abc 123，ＡＢＣ１２３ 5G网络！", "未登录词：长宁区虹桥街道古北市民中心",
                   "重要讲话精神，“十四五”规划纲要", "", "的的的的的的", "鑫鑫鑫淼淼淼"])


@pytest.fixture(scope="module")
def pair():
    """The project tokenizer and a plain jieba.Tokenizer sharing its dictionary."""
    project = tokenizer()
    plain = jieba.Tokenizer()
    plain.FREQ, plain.total, plain.initialized = project.FREQ, project.total, True
    return project, plain


@pytest.fixture(scope="module")
def texts():
    paras = analysis.paragraphs(analysis.load_corpus())
    return [*paras["text"], *EXTRA.split("\n")]


def test_the_project_tokenizer_is_a_segmenter():
    assert isinstance(tokenizer(), Segmenter)


def test_dag_and_route_equal_jiebas(pair, texts):
    project, plain = pair
    checked = 0
    for text in texts:
        for block in jieba.re_han_default.split(text):
            if not block or not jieba.re_han_default.match(block):
                continue
            dag = project.get_DAG(block)
            assert dag == plain.get_DAG(block)
            route, expected = {}, {}
            project.calc(block, dag, route)
            plain.calc(block, dag, expected)
            assert route == expected                      # the floats equal to the bit, not approximately
            checked += 1
    assert checked > 1000


@pytest.mark.parametrize("hmm", [True, False])
def test_tokens_equal_jiebas(pair, texts, hmm):
    project, plain = pair
    assert [project.lcut(t, HMM=hmm) for t in texts] == [plain.lcut(t, HMM=hmm) for t in texts]
    assert [project.lcut(t, cut_all=True) for t in texts[:50]] == [plain.lcut(t, cut_all=True) for t in texts[:50]]


def test_log_frequencies_follow_dictionary_changes():
    """After add_word, del_word and suggest_freq(tune=True) the segmenter still agrees with a
    plain tokenizer given the same changes (its ln(freq) table is updated)."""
    segmenter, plain = Segmenter(), jieba.Tokenizer()
    text = "长宁区推进城市数字化转型，打造虹桥临空经济示范区"
    assert segmenter.lcut(text) == plain.lcut(text)
    for change in (lambda t: t.add_word("临空经济示范区", 10 ** 6), lambda t: t.del_word("城市"),
                   lambda t: t.suggest_freq(("数字化", "转型"), tune=True)):
        change(segmenter)
        change(plain)
        assert segmenter.lcut(text) == plain.lcut(text)
    assert "临空经济示范区" in segmenter.lcut(text)
    rebuilt = {word: (math.log(count) if count else None) for word, count in segmenter.FREQ.items()}
    assert segmenter._log_frequency_table() == rebuilt


def test_calc_over_a_plain_dag_is_jiebas(pair):
    """A DAG that get_DAG did not make (a plain dict, no scores) is routed by jieba's loop."""
    project, plain = pair
    block = "推进城市数字化转型"
    dag = dict(plain.get_DAG(block))
    route, expected = {}, {}
    project.calc(block, dag, route)
    plain.calc(block, dag, expected)
    assert route == expected
