"""Every claim a notebook states holds on the seeds (recomputed here from the package), and
each claim function can fail on data that contradict it."""
import pandas as pd
import pytest

import analysis
from analysis import findings, themes, topics


@pytest.fixture(scope="module")
def theme_data(corpus, paras):
    tokens = analysis.annotate_tokens(analysis.corpus_tokens(paras), paras, corpus)
    dictionary = themes.read_themes()
    return tokens, dictionary, themes.theme_hits(tokens, dictionary)


TIMELINE = ["cn-2017-retreat", "cn-2018-wr", "cn-2020-fyp", "cn-2024-wr"]     # notebook 02's defaults
WORK_REPORTS = ["cn-2018-wr", "xh-2019-wr"]


def test_notebook_02_timeline_claims_hold_on_the_seeds(corpus, theme_data):
    tokens, dictionary, hits = theme_data
    steps = themes.timeline_steps(hits, tokens, TIMELINE, dictionary, 2000, 2024)
    assert findings.timeline_changes_are_few(steps).holds
    assert findings.timeline_changes_are_confounded(steps, corpus).holds


def test_notebook_02_parts_claim_holds_on_the_seeds(theme_data):
    tokens, dictionary, hits = theme_data
    queries = {f"{d} · {k}": f"doc_id == '{d}' and part_kind == '{k}'" for d in WORK_REPORTS for k in ["review", "plan"]}
    differences = themes.rate_differences(analysis.tokens.stack_groups(hits, queries),
                                          analysis.tokens.stack_groups(tokens, queries), dictionary,
                                          [(f"{d} · review", f"{d} · plan") for d in WORK_REPORTS], "group", 2000, 2024)
    assert findings.parts_do_not_differ(differences).holds


def test_notebook_02_topic_claim_holds_on_the_seeds(theme_data):
    tokens, dictionary, _ = theme_data
    model = topics.fit_topics(topics.paragraph_documents(tokens), len(dictionary), 0)
    assert findings.topics_align_weakly(topics.topic_theme_alignment(model, dictionary)).holds


def test_claims_fail_on_data_that_contradict_them():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "genre": ["work_report"] * 2, "scope": ["whole"] * 2})
    steps = pd.DataFrame({"theme": ["t1", "t2"], "from": ["a", "a"], "to": ["b", "b"], "rate_from": [5.0, 5.0],
                          "rate_to": [20.0, 6.0], "ci_low": [4.0, -2.0], "ci_high": [26.0, 4.0],
                          "excludes_zero": [True, False]})
    assert not findings.timeline_changes_are_few(steps, max_share=0.2).holds      # 1 of 2
    claim = findings.timeline_changes_are_confounded(steps, corpus)                 # same genre and scope
    assert not claim.holds and "t1 a → b: none" in claim.evidence
    assert not findings.parts_do_not_differ(steps).holds
    strong = pd.DataFrame({"best_share": [0.5, 0.1], "unmatched_share": [0.4, 0.9]})
    assert not findings.topics_align_weakly(strong).holds
    table = findings.claims_table([claim])
    assert table.columns.tolist() == ["claim", "evidence", "holds"] and not table["holds"].item()


def test_notebook_02_precision_claim_holds_on_the_shipped_sample():
    from analysis import validation

    precision = validation.precision_by_theme(validation.read_coded_sample(), themes.read_themes())
    assert findings.flagged_themes_are(precision, ["governance"]).holds
    assert not findings.flagged_themes_are(precision, []).holds
