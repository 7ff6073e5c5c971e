"""Place names: the gazetteer and jieba's ns tag."""
from analysis.segmentation import lexicon, tagging, gazetteer as places


def test_places():
    assert places.is_place("徐汇")            # jieba tags 徐汇 as a person name; the gazetteer knows better
    assert places.is_place("长宁")
    assert not places.is_place("产业")
    assert tagging.part_of_speech("一网通办") == lexicon.LEXICON_POS
