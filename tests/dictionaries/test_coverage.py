"""Keyword coverage: occurrences of a keyword that no hit covers, on an inline corpus and on
the seeds (the theme keywords a referee found unmatched now have forms that match)."""
import pandas as pd

import analysis
from analysis.dictionaries import coverage, themes
from analysis.dictionaries.themes import DictionaryEntry
from toy_corpora import toy_tokens

GOVERNANCE = [DictionaryEntry("governance", "治理", "Governance", ("治安",))]


def _occurrences(texts, entries):
    tokens = toy_tokens(texts)
    corpus = {doc_id: "\n".join(paras) for doc_id, paras in texts.items()}
    paras = analysis.paragraphs(pd.DataFrame({"doc_id": list(corpus), "text": list(corpus.values())}))
    return coverage.unmatched_occurrences(paras, tokens, themes.theme_hits(tokens, entries), entries)


def test_an_occurrence_inside_a_longer_token_is_uncovered_and_names_its_token():
    occurrences = _occurrences({"d": ["我们持续加强社会治安综合治理，社会面保持稳定。"]}, GOVERNANCE)
    by_keyword = occurrences.set_index("keyword")
    assert not by_keyword.loc["治安", "covered"]
    assert "治安" in by_keyword.loc["治安", "tokens"] and by_keyword.loc["治安", "tokens"] != "治安"
    table = coverage.keyword_coverage(occurrences)
    assert table["keyword"].tolist() == ["治安"]
    assert table.loc[0, ["occurrences", "uncovered"]].tolist() == [1, 1]


def test_adding_the_token_form_covers_the_occurrence():
    entries = [DictionaryEntry("governance", "治理", "Governance", ("治安", "社会治安"))]
    occurrences = _occurrences({"d": ["我们持续加强社会治安综合治理，社会面保持稳定。"]}, entries)
    assert occurrences.loc[occurrences["keyword"] == "治安", "covered"].all()
    assert coverage.keyword_coverage(occurrences).empty


def test_the_named_theme_keywords_match_wherever_they_occur_in_the_seeds(paras):
    tokens = analysis.prepare().tokens
    dictionary = themes.read_themes()
    occurrences = coverage.unmatched_occurrences(paras, tokens, themes.theme_hits(tokens, dictionary), dictionary,
                                                 themes.not_attention_phrases())
    named = occurrences[occurrences["keyword"].isin(["碳", "防汛", "治安", "党员", "统战", "问责"])]
    assert len(named) >= 6
    assert named["covered"].all(), named[~named["covered"]]


def test_government_self_construction_matches_its_three_tokens_in_a_body_paragraph():
    entries = [e for e in themes.read_themes() if e.id == "party_government"]
    tokens = toy_tokens({"d": ["我们将全面加强政府自身建设，提高行政效能。"]})
    hits = themes.theme_hits(tokens, entries)
    assert "政府自身建设" in hits["keyword"].tolist()
