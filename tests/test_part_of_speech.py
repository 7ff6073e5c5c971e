"""Part-of-speech tags over the project tokenizer."""
import pandas as pd

from analysis import lexicon, part_of_speech
from analysis import stats


def test_lexicon_tags_survive_any_order_of_tagger_use():

    assert part_of_speech.part_of_speech("一网通办") == lexicon.LEXICON_POS
    texts = pd.Series({"d": "深化一网通办改革，推进一网通办建设，一网通办服务群众。"})
    assert stats.textrank_keywords(texts).loc[0, "term"] == "一网通办"
    assert part_of_speech.part_of_speech("一网通办") == lexicon.LEXICON_POS
