"""prepare: the corpus, paragraphs and annotated tokens of a selection in one call."""
import pytest

import analysis


def test_prepare_selects_documents_in_the_order_asked(corpus):
    prepared = analysis.prepare(["xh-2019-wr", "cn-2018-wr"])
    got_corpus, paras, tokens = prepared
    assert got_corpus["doc_id"].tolist() == ["xh-2019-wr", "cn-2018-wr"]
    assert paras["doc_id"].unique().tolist() == ["xh-2019-wr", "cn-2018-wr"]
    assert {"district", "year", "genre", "part_kind", "is_word"} <= set(tokens.columns)
    assert tokens["doc_id"].unique().tolist() == ["xh-2019-wr", "cn-2018-wr"]


def test_prepare_every_document_and_unknown_ids(corpus):
    assert analysis.prepare().corpus["doc_id"].tolist() == corpus["doc_id"].tolist()
    with pytest.raises(ValueError, match="doc_id\\(s\\) not in the corpus: xx-1"):
        analysis.prepare(["xx-1"])
