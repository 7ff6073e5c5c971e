"""Statistics: document sizes on a toy corpus counted by hand."""
import pandas as pd

import analysis


def test_document_sizes_by_hand():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["建设公园，建设学校。\n我们建设2018", "改革"]})
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus))
    assert tokens["token"].tolist() == ["建设", "公园", "，", "建设", "学校", "。", "我们", "建设", "2018", "改革"]
    sizes = analysis.document_sizes(corpus, tokens)
    # a: 18 characters; 9 tokens; words 建设 公园 建设 学校 建设 -> 5 word tokens, 3 word types
    assert sizes.values.tolist() == [["a", 18, 2, 9, 5, 3], ["b", 2, 1, 1, 1, 1]]
    assert list(sizes.columns) == ["doc_id", "chars", "paragraphs", "tokens", "word_tokens", "word_types"]


def test_document_sizes_keeps_a_document_without_words():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["改革", "。"]})
    tokens = analysis.corpus_tokens(analysis.paragraphs(corpus))
    sizes = analysis.document_sizes(corpus, tokens)
    assert sizes.loc[1, ["tokens", "word_tokens", "word_types"]].tolist() == [1, 0, 0]
