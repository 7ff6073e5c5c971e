"""DictionaryEntry dictionary: loading errors, matching (multi-token, overlapping, longest first),
rates and shares, bootstrap reproducibility; topic-model helpers; term trajectories."""
import warnings

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis.dictionaries import themes
from analysis import textstats
from analysis.dictionaries.themes import DictionaryEntry
from toy_corpora import toy_tokens


DICTIONARY = [
    DictionaryEntry("reform", "改革", "Reform", ("改革", "制度创新")),
    DictionaryEntry("innovation", "创新", "Innovation", ("创新", "科技")),
    DictionaryEntry("governance", "治理", "Governance", ("社会治理", "治理")),
]


SPAN_DICTIONARY = [
    DictionaryEntry("urban", "城市", "Urban", ("旧区改造", "改造", "规划")),
    DictionaryEntry("digital", "数字", "Digital", ("大数据", "数据")),
    DictionaryEntry("reform", "改革", "Reform", ("进博会",)),
]


def test_project_dictionary_loads_with_ten_themes():
    dictionary = themes.read_themes()
    assert 10 <= len(dictionary) <= 12
    assert all(t.zh and t.en and t.keywords for t in dictionary)


@pytest.mark.parametrize("text, message", [
    ("themes: []", "expected a non-empty list under 'themes'"),
    ("themes: [{id: a, zh: 甲, en: A}]", "theme a has no keywords"),
    ("themes: [{id: a, zh: 甲, en: A, keywords: [改革]}, {id: a, zh: 乙, en: B, keywords: [创新]}]",
     "duplicate theme id 'a'"),
    ("themes: [{id: a, zh: 甲, en: A, keywords: [改革]}, {id: b, zh: 乙, en: B, keywords: [改革]}]",
     "keyword '改革' is listed under 'a' and again under 'b'"),
    ("themes: [unclosed", "cannot read the theme dictionary"),
])
def test_bad_dictionary_names_file_and_problem(tmp_path, text, message):
    path = tmp_path / "themes.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="themes.yml: .*" + message.replace("[", r"\[").replace("(", r"\(")):
        themes.read_themes(path)


def test_multi_token_keyword_and_longest_match_first():
    # 制度创新 = 制度 + 创新 (two tokens) counts for reform only; 社会治理 (two tokens) for governance once.
    tokens = toy_tokens({"d": ["推进制度创新和科技创新，加强社会治理。"]})
    hits = themes.theme_hits(tokens, DICTIONARY)
    assert hits[["theme", "keyword", "n_tokens"]].values.tolist() == [
        ["reform", "制度创新", 2], ["innovation", "科技", 1], ["innovation", "创新", 1],
        ["governance", "社会治理", 2]]


def test_matches_do_not_cross_punctuation_or_paragraphs():
    tokens = toy_tokens({"d": ["推进制度，创新", "社会", "治理"]})
    hits = themes.theme_hits(tokens, DICTIONARY)
    assert hits["keyword"].tolist() == ["创新", "治理"]


def test_rates_and_shares_by_hand():
    tokens = toy_tokens({"a": ["改革，创新，公园。", "加强治理。"], "b": ["建设公园"]})
    hits = themes.theme_hits(tokens, DICTIONARY)
    rates = themes.theme_rates(hits, tokens, DICTIONARY).set_index(["doc_id", "theme"])
    # a: words 改革 创新 公园 加强 治理 -> 5 word tokens; hits reform 1, innovation 1, governance 1
    assert rates.loc[("a", "reform"), ["hits", "word_tokens"]].tolist() == [1, 5]
    assert rates.loc[("a", "reform"), "per_1000"] == pytest.approx(200.0)
    assert rates.loc[("a", "governance"), "share"] == pytest.approx(1 / 3)
    assert rates.loc[("b", "innovation"), ["hits", "per_1000", "share"]].tolist() == [0, 0.0, 0.0]


def test_bootstrap_is_reproducible_and_brackets_the_estimate():
    paragraphs = ["改革，" + "创新，" * (i % 4) + "公园，" * (i % 5) + "学校。" for i in range(15)]
    tokens = toy_tokens({"a": paragraphs, "b": ["改革"]})
    hits = themes.theme_hits(tokens, DICTIONARY)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        first = themes.bootstrap_theme_rates(hits, tokens, DICTIONARY, n_resamples=500, seed=7)
    again = themes.bootstrap_theme_rates(hits, tokens, DICTIONARY, n_resamples=500, seed=7)
    other = themes.bootstrap_theme_rates(hits, tokens, DICTIONARY, n_resamples=500, seed=8)
    pd.testing.assert_frame_equal(first, again)
    assert not np.allclose(first["ci_low"].dropna(), other["ci_low"].dropna())
    assert first["ci_low"].notna().sum() == 3
    a = first[first["doc_id"] == "a"]
    assert (a["ci_low"] <= a["per_1000"]).all() and (a["per_1000"] <= a["ci_high"]).all()
    governance = a.set_index("theme").loc["governance"]
    assert governance[["per_1000", "ci_low"]].tolist() == [0.0, 0.0]          # no hit: not [0, 0]
    assert governance["ci_high"] > 0 and governance["ci_method"] == "jeffreys (no hit)"
    b = first[first["doc_id"] == "b"]
    assert b["ci_low"].isna().all() and b["paragraphs"].eq(1).all()


def test_keyword_usage_lists_unmatched_keywords():
    tokens = toy_tokens({"d": ["改革，公园"]})
    usage = themes.keyword_usage(themes.theme_hits(tokens, DICTIONARY), DICTIONARY)
    assert usage.loc[usage["hits"] > 0, "keyword"].tolist() == ["改革"]
    assert len(usage) == 6


def test_hit_concordance():
    corpus = pd.DataFrame({"doc_id": ["d"], "text": ["深入推进制度创新工作"]})
    paras = analysis.paragraphs(corpus)
    tokens = analysis.corpus_tokens(paras)
    lines = themes.hit_concordance(themes.theme_hits(tokens, DICTIONARY), tokens, paras, window=4)
    assert lines[["theme", "left", "keyword", "right"]].values.tolist() == [["reform", "深入推进", "制度创新", "工作"]]


def test_rate_differences_and_timeline_steps():
    paragraphs_a = ["改革，学校。"] * 6 + ["学校，公园。"] * 6           # reform in half the paragraphs
    paragraphs_b = ["学校，公园。"] * 12                                # no reform at all
    tokens = toy_tokens({"a": paragraphs_a, "b": paragraphs_b, "c": paragraphs_a})
    hits = themes.theme_hits(tokens, DICTIONARY)
    steps = themes.timeline_steps(hits, tokens, ["a", "b", "c"], [DICTIONARY[0]], n_resamples=500, seed=1)
    assert steps[["theme", "from", "to"]].values.tolist() == [["reform", "a", "b"], ["reform", "b", "c"]]
    first = steps.iloc[0]
    assert first["rate_from"] == pytest.approx(6 / 24 * 1000) and first["rate_to"] == 0.0
    assert first["difference"] == pytest.approx(-250.0)
    assert first["ci_high"] < 0 and first["excludes_zero"] and not first["small_n"]
    assert (first["paragraphs_from"], first["paragraphs_to"]) == (12, 12)
    direct = textstats.bootstrap_rate_difference([1] * 6 + [0] * 6, [2] * 12, [0] * 12, [2] * 12,
                                                  n_resamples=500, seed=1)
    assert (first["ci_low"], first["ci_high"]) == pytest.approx((direct.ci_low, direct.ci_high))


def test_zero_hits_get_a_jeffreys_upper_bound_not_zero_zero():
    tokens = toy_tokens({"a": ["学校，公园。"] * 12})
    rates = themes.bootstrap_theme_rates(themes.theme_hits(tokens, DICTIONARY), tokens, DICTIONARY,
                                         n_resamples=200, seed=1).set_index("theme")
    reform = rates.loc["reform"]
    _, upper = textstats.poisson_rate_interval(0, 24, per=1000)
    assert (reform["ci_low"], reform["ci_high"]) == (0.0, pytest.approx(float(upper)))
    assert reform["ci_method"] == "jeffreys (no hit)" and reform["ci_high"] > 0


def test_keywords_match_across_jieba_splits_but_never_inside_a_token():
    tokens = toy_tokens({"a": ["推进旧区改造工作，举办进博会。", "发展大数据产业，用好数据。"]})
    assert [t for t in tokens["token"] if t in {"旧区", "改造", "大", "数据", "进", "博会"}] == \
        ["旧区", "改造", "进", "博会", "大", "数据", "数据"]          # jieba splits all three keywords
    hits = themes.theme_hits(tokens, SPAN_DICTIONARY, not_attention=())
    assert hits[["keyword", "n_tokens"]].values.tolist() == [
        ["旧区改造", 2], ["进博会", 2], ["大数据", 2], ["数据", 1]]   # longest first; 数据 alone once
    inside = toy_tokens({"b": ["开展工作。"]})                       # 展工 is no token boundary pair
    assert themes.theme_hits(inside, [DictionaryEntry("x", "x", "X", ("展工",))], not_attention=()).empty


def test_not_attention_phrases_are_never_hits():
    tokens = toy_tokens({"a": ["实施“十四五”规划，加强规划引导。"]})
    hits = themes.theme_hits(tokens, SPAN_DICTIONARY, not_attention=("“十四五”规划",))
    assert hits["keyword"].tolist() == ["规划"] and hits["position"].tolist() == [7]   # the second 规划 only
    assert len(themes.theme_hits(tokens, SPAN_DICTIONARY, not_attention=())) == 2
    assert "“十四五”规划" in themes.not_attention_phrases()


def test_headings_and_imprints_are_neither_hits_nor_words(corpus, paras):
    tokens = analysis.annotate_tokens(analysis.corpus_tokens(paras), paras, corpus)
    hits = themes.theme_hits(tokens, themes.read_themes())
    assert set(hits["kind"]) <= set(themes.BODY_KINDS)
    imprint = paras[(paras["doc_id"] == "cn-2018-wr") & paras["text"].str.contains("人民代表大会")].iloc[0]
    assert imprint["kind"] == "subheading"                               # ——2018年1月10日在…人民代表大会…上
    assert hits[(hits["doc_id"] == "cn-2018-wr") & (hits["para_no"] == imprint["para_no"])].empty
    rates = themes.theme_rates(hits, tokens, themes.read_themes())
    body_words = themes.body_tokens(tokens).query("doc_id == 'cn-2018-wr' and is_word").shape[0]
    assert rates.loc[rates["doc_id"] == "cn-2018-wr", "word_tokens"].iloc[0] == body_words
    assert body_words < tokens.query("doc_id == 'cn-2018-wr' and is_word").shape[0]


def test_a_place_name_cannot_be_a_keyword(tmp_path):
    path = tmp_path / "themes.yml"
    path.write_text("themes: [{id: urban, zh: 城市, en: Urban, keywords: [改造, 虹桥]}]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"themes.yml: keyword '虹桥' of theme 'urban' is a place name"):
        themes.read_themes(path)
    assert not {k for t in themes.read_themes() for k in t.keywords} & analysis.segmentation.gazetteer.place_names()


def test_every_keyword_matches_wherever_it_stands_on_token_boundaries(corpus, paras):
    """Golden test on the seeds: each occurrence of a keyword in a body paragraph whose first
    character starts a token and whose last ends one is covered by a hit (of that keyword
    or of a longer one overlapping it), unless it lies in a not_attention phrase."""
    tokens = analysis.annotate_tokens(analysis.corpus_tokens(paras), paras, corpus)
    dictionary = themes.read_themes()
    hits = themes.theme_hits(tokens, dictionary)
    located = themes.hit_offsets(hits, tokens)
    covered = {(d, p, s + i) for d, p, s, k in zip(located["doc_id"], located["para_no"], located["start"],
                                                   located["keyword"]) for i in range(len(k))}
    phrases = themes.not_attention_phrases()
    missed = []
    body = paras[paras["kind"].isin(themes.BODY_KINDS)]
    starts = tokens.groupby(["doc_id", "para_no"])["start"].agg(set)
    ends = (tokens["start"] + tokens["token"].str.len()).groupby([tokens["doc_id"], tokens["para_no"]]).agg(set)
    for doc_id, para_no, text in zip(body["doc_id"], body["para_no"], body["text"]):
        if (doc_id, para_no) not in starts.index:
            continue
        excluded = themes.phrase_mask(text, phrases)
        for keyword in {k for t in dictionary for k in t.keywords}:
            at = text.find(keyword)
            while at >= 0:
                end = at + len(keyword)
                aligned = at in starts[(doc_id, para_no)] and end in ends[(doc_id, para_no)]
                if aligned and not excluded[at:end].any() and \
                        not any((doc_id, para_no, c) in covered for c in range(at, end)):
                    missed.append((doc_id, para_no, keyword))
                at = text.find(keyword, at + 1)
    assert missed == []


def _reference_theme_hits(tokens, dictionary, not_attention):
    """The matching rule written as plainly as possible, one paragraph at a time: rebuild
    the paragraph's text, then at each token try every keyword of its first character,
    longest first, and accept one that fills whole tokens and no not_attention phrase."""
    index = themes._keyword_index(dictionary)
    rows = []
    ordered = themes.body_tokens(tokens).sort_values(["doc_id", "para_no", "position"], kind="mergesort")
    for (doc_id, para_no), paragraph in ordered.groupby(["doc_id", "para_no"], sort=False):
        words, starts, positions = (paragraph[c].to_list() for c in ("token", "start", "position"))
        text = themes._paragraph_text(words, starts)
        excluded = themes.phrase_mask(text, not_attention)
        token_ending_at = {start + len(word): i for i, (start, word) in enumerate(zip(starts, words))}
        i = 0
        while i < len(words):
            for keyword, theme_id in index.get(text[starts[i]], ()):
                end = starts[i] + len(keyword)
                if end in token_ending_at and text.startswith(keyword, starts[i]) and not excluded[starts[i]:end].any():
                    rows.append((doc_id, para_no, positions[i], theme_id, keyword, token_ending_at[end] - i + 1))
                    i = token_ending_at[end] + 1
                    break
            else:
                i += 1
    table = pd.DataFrame(rows, columns=["doc_id", "para_no", "position", "theme", "keyword", "n_tokens"])
    return table.astype({c: tokens[c].dtype for c in ("para_no", "position")})


@pytest.mark.parametrize("dictionary", ["themes", "instruments"])
def test_theme_hits_equal_the_plain_rule_on_the_seeds(dictionary):
    from analysis.dictionaries import instruments
    _, _, tokens = analysis.prepare()
    entries = themes.read_themes() if dictionary == "themes" else instruments.read_instruments()
    phrases = themes.not_attention_phrases()                      # on the instruments too, to exercise the rule
    hits = themes.theme_hits(tokens, entries, not_attention=phrases)
    expected = _reference_theme_hits(tokens, entries, phrases)
    pd.testing.assert_frame_equal(hits[expected.columns], expected)
    assert len(expected) > 200
    white_space = tokens.assign(start=tokens["start"] + (tokens["position"] >= 3))    # a dropped space in each paragraph
    pd.testing.assert_frame_equal(themes.theme_hits(white_space, entries, not_attention=phrases)[expected.columns],
                                  _reference_theme_hits(white_space, entries, phrases))


def test_occurrence_starts_and_phrase_mask_include_overlapping_occurrences():
    assert themes.occurrence_starts("阿阿阿", "阿阿") == [0, 1]
    assert themes.phrase_mask("甲十四五乙", ["十四五"]).tolist() == [False, True, True, True, False]


def test_a_group_of_five_or_more_documents_resamples_documents(panel):
    """By government (eight reports each on the panel) the unit is the document; by report,
    the paragraph. Every report of the panel has its ecology sentences in one paragraph block,
    so resampling documents gives a different interval from resampling paragraphs."""
    from analysis.dictionaries import themes as theme_module

    ecology = [t for t in panel.dictionary if t.id == "ecology"]
    hits = panel.hits.assign(district=panel.hits["doc_id"].map(panel.corpus.set_index("doc_id")["district"]))
    by_government = theme_module.bootstrap_theme_rates(hits, panel.tokens, ecology, "district", 300, 1)
    assert (by_government["unit"] == "document").all()
    by_report = theme_module.bootstrap_theme_rates(panel.hits, panel.tokens, ecology, "doc_id", 300, 1)
    assert (by_report["unit"] == "paragraph").all()
    differences = theme_module.rate_differences(hits, panel.tokens, ecology, [("cn110000", "cn120000")], "district", 300, 1)
    assert differences["unit"].tolist() == ["document"]
    row = by_government.set_index("district").loc["cn110000"]
    assert row["ci_low"] <= row["per_1000"] <= row["ci_high"]
