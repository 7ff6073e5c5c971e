"""The dictionary's validation sample: drawn reproducibly, coded by the codebook's rules,
still matching the current dictionary, and turned into precision with Wilson intervals."""
import pandas as pd
import pytest

import analysis
from analysis.dictionaries import themes, validation
from analysis import textstats


@pytest.fixture(scope="module")
def seeds(corpus, paras):
    tokens = analysis.annotate_tokens(analysis.corpus_tokens(paras), paras, corpus)
    dictionary = themes.read_themes()
    return tokens, dictionary, themes.theme_hits(tokens, dictionary)


def test_the_shipped_sample_is_the_one_the_current_dictionary_draws(seeds, paras):
    """If the dictionary or the matching rules change, the sample must be drawn and coded again."""
    tokens, dictionary, hits = seeds
    drawn = validation.sample_for_coding(hits, tokens, paras, dictionary)
    coded = validation.read_coded_sample()
    columns = ["sample_id", "unit", "theme", "keyword", "doc_id", "para_no", "left", "match", "right", "text"]
    pd.testing.assert_frame_equal(coded[columns].astype(str), drawn[columns].astype(str))


def test_sample_is_stratified_and_reproducible(seeds, paras):
    tokens, dictionary, hits = seeds
    first = validation.sample_for_coding(hits, tokens, paras, dictionary, per_theme=5, seed=1)
    again = validation.sample_for_coding(hits, tokens, paras, dictionary, per_theme=5, seed=1)
    other = validation.sample_for_coding(hits, tokens, paras, dictionary, per_theme=5, seed=2)
    pd.testing.assert_frame_equal(first, again)
    assert not first.equals(other)
    assert first[first["unit"] == "hit"].groupby("theme").size().eq(5).all()
    with_hit = set(zip(hits["doc_id"], hits["para_no"]))
    assert not any((d, p) in with_hit for d, p in first.loc[first["unit"] == "paragraph", ["doc_id", "para_no"]]
                   .itertuples(index=False))


def test_precision_by_entry_with_wilson_intervals():
    coded = pd.DataFrame({"unit": ["hit"] * 5 + ["paragraph"] * 2, "theme": ["a", "a", "a", "b", "b", "", ""],
                          "code": ["1", "1", "1", "0", "0", "none", "a;b"]})
    table = validation.precision_by_entry(coded, [themes.DictionaryEntry("a", "甲", "A", ("甲",)),
                                                  themes.DictionaryEntry("b", "乙", "B", ("乙",))]).set_index("theme")
    assert table.loc["a", ["coded", "relevant"]].tolist() == [3, 3]
    low, high = textstats.wilson_interval(3, 3)
    assert (table.loc["a", "ci_low"], table.loc["a", "ci_high"]) == pytest.approx((float(low), float(high)))
    assert not table.loc["a", "flagged"] and table.loc["b", "flagged"]
    missed = validation.missed_paragraph_share(coded).iloc[0]
    assert (missed["paragraphs_coded"], missed["about_a_theme"], missed["themes_named"]) == (2, 1, "a、b")


def test_coded_sample_errors_name_the_file_and_row(tmp_path):
    path = tmp_path / "coded.csv"
    row = dict.fromkeys(validation.SAMPLE_COLUMNS, "")
    row.update(unit="hit", code="yes", coder="someone")
    pd.DataFrame([row]).to_csv(path, index=False)
    with pytest.raises(ValueError, match=r"coded.csv line 2: a hit is coded 1 \(about its theme\) or 0, not 'yes'"):
        validation.read_coded_sample(path)
    row.update(code="1", coder="")
    pd.DataFrame([row]).to_csv(path, index=False)
    with pytest.raises(ValueError, match="line 2: no coder"):
        validation.read_coded_sample(path)


def test_shipped_precision_is_reported_and_low_themes_are_flagged(seeds):
    """The figures notebook 02 reports, recomputed: every theme has ten coded hits, and a
    theme whose precision is below 0.7 is flagged there (it is not silently trusted)."""
    _, dictionary, _ = seeds
    table = validation.precision_by_entry(validation.read_coded_sample(), dictionary)
    assert table["coded"].eq(10).all()
    assert (table["flagged"] == (table["precision"] < 0.7)).all()
    assert table.loc[table["theme"] == "governance", "flagged"].item()
