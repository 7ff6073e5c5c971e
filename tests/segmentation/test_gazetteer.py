"""Place names: the project gazetteer and China's divisions, never a part-of-speech tag alone."""
import pytest

from analysis.segmentation import gazetteer as places
from analysis.segmentation import tagging


def test_the_gazetteer_and_the_divisions_name_places():
    assert places.is_place("徐汇")            # jieba tags 徐汇 as a person name; the gazetteer knows better
    assert places.is_place("长宁") and places.is_place("苏州河")
    assert places.is_place("杭州市") and places.is_place("浙江") and places.is_place("西湖区")
    assert not places.is_place("产业")


@pytest.mark.parametrize("word", ["城市", "深度", "宜居", "美丽", "满意度", "新建", "城区"])
def test_a_word_jieba_tags_as_a_place_is_not_one_on_that_tag_alone(word):
    """The words the real-corpora run found set apart as places (城区 is also the name of a
    few districts, and is left out as a common word)."""
    assert not places.is_place(word)


def test_jieba_does_tag_them_as_places_so_the_rule_is_what_changed():
    assert [tagging.part_of_speech(w) for w in ("城市", "深度", "宜居")] == ["ns", "ns", "ns"]
