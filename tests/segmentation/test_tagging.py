"""Part-of-speech tags over the project tokenizer."""
from analysis.segmentation import lexicon, tagging
from analysis import textstats
from toy_corpora import toy_tokens


def test_lexicon_tags_survive_any_order_of_tagger_use():

    assert tagging.part_of_speech("一网通办") == lexicon.LEXICON_POS
    tokens = toy_tokens({"d": ["深化一网通办改革，推进一网通办建设，一网通办服务群众。"]})
    assert textstats.textrank_keywords(tokens).loc[0, "term"] == "一网通办"
    assert tagging.part_of_speech("一网通办") == lexicon.LEXICON_POS


def test_token_part_of_speech_uses_the_dictionary_then_the_tagger():
    assert tagging.token_part_of_speech("建设") == tagging.part_of_speech("建设") == "vn"
    assert tagging.token_part_of_speech("一网通办") == lexicon.LEXICON_POS
    # outside the dictionary: the tagger's tag of the token alone, 'x' when the tagger splits it
    assert "顾洪辉" not in tagging.pos_tokenizer().word_tag_tab
    assert tagging.token_part_of_speech("顾洪辉") == "nr"
    assert tagging.token_part_of_speech("低碳") == "x"
    assert tagging.tags(["建设", "，"]) == ["vn", "x"]
