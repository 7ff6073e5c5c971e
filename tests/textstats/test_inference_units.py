"""The unit of inference follows the data: documents from MIN_DOCUMENTS per group, else
paragraphs; the document bootstrap resamples whole documents; keyness over documents."""
import numpy as np
import pandas as pd
import pytest

from analysis.textstats import inference_units as units
from analysis.textstats import keyness


def test_the_rule_and_its_threshold():
    assert units.MIN_DOCUMENTS == 5
    assert units.inference_unit(5, 7) == "document"
    assert units.inference_unit(5, 4) == "paragraph"
    assert units.inference_unit() == "paragraph"
    assert units.inference_unit(2, 2, min_documents=2) == "document"


def test_document_sums_keep_first_seen_order():
    counts, words = units.document_sums([1, 2, 3, 4], [10, 10, 20, 20], ["b", "a", "b", "a"])
    assert counts.tolist() == [4, 6] and words.tolist() == [30, 30]


def _sides(documents: int, paragraphs: int = 4):
    """Every document has the same rate (1 per 100 words) over paragraphs that vary a lot."""
    counts = np.tile([0, 2, 0, 2][:paragraphs], documents).astype(float)
    words = np.full(len(counts), 100.0)
    docs = np.repeat([f"d{i}" for i in range(documents)], paragraphs)
    return counts, words, docs


def test_documents_are_resampled_whole_when_each_side_has_enough():
    a, b = _sides(6), _sides(5)
    b = (b[0] * 2, b[1], np.char.add("e", b[2]))
    found, unit = units.rate_difference_by_unit(*a, *b, n_resamples=500, seed=1)
    assert unit == "document"
    assert found.difference == pytest.approx(10.0)          # 20 − 10 per 1,000
    assert found.ci_low == pytest.approx(10.0) and found.ci_high == pytest.approx(10.0)   # every document alike
    assert found.paragraphs_a == 24 and not found.small_n
    few, unit = units.rate_difference_by_unit(*_sides(2), *_sides(2), n_resamples=500, seed=1)
    assert unit == "paragraph" and few.ci_high > few.ci_low      # paragraphs vary: a real interval


def test_group_rates_name_their_unit_and_are_seeded():
    rows = []
    for year, documents in ((2020, 6), (2021, 2)):
        for d in range(documents):
            for p, count in enumerate([0, 3, 1]):
                rows.append({"year": year, "doc_id": f"{year}-{d}", "count": count + d % 2, "words": 100})
    table = pd.DataFrame(rows)
    first = units.group_rates_by_unit(table, ["year"], seed=3, n_resamples=300)
    again = units.group_rates_by_unit(table, ["year"], seed=3, n_resamples=300)
    pd.testing.assert_frame_equal(first, again)
    assert first["unit"].tolist() == ["document", "paragraph"] and first["documents"].tolist() == [6, 2]
    expected = table[table["year"] == 2020]["count"].sum() / table[table["year"] == 2020]["words"].sum() * 1000
    assert first.loc[0, "rate"] == pytest.approx(expected)
    assert first.loc[0, "ci_low"] <= first.loc[0, "rate"] <= first.loc[0, "ci_high"]


def _tokens(docs: dict[str, list[str]]) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": d, "para_no": i // 5, "token": t, "is_word": True}
                         for d, words in docs.items() for i, t in enumerate(words)])


def test_keyness_over_documents_finds_a_term_spread_over_documents_not_one_packed_in_one():
    late = {f"l{i}": ["生态"] * 3 + ["工作"] * 7 + (["项目"] * 30 if i == 0 else []) for i in range(6)}
    early = {f"e{i}": ["工作"] * 10 + ["项目"] * 2 for i in range(6)}
    target, reference = _tokens(late), _tokens(early)
    table = keyness({t: int(c) for t, c in target["token"].value_counts().items()},
                    {t: int(c) for t, c in reference["token"].value_counts().items()})
    tested, unit = units.keyness_over_units(table, target, reference)
    tested = tested.set_index("term")
    assert unit == "document" and "documents_target" in tested.columns
    assert tested.loc["生态", "survives"]                          # in every late document
    assert tested.loc["项目", "significant_g2"] and not tested.loc["项目", "significant_units"]   # packed in one
    few, unit = units.keyness_over_units(table, _tokens(dict(list(late.items())[:2])), reference)
    assert unit == "paragraph" and "significant_units" in few.columns
    with pytest.raises(ValueError, match="share 6 document"):
        units.keyness_over_units(table, target, target)


def test_a_share_over_clusters_is_wider_than_wilson_when_clusters_move_together():
    from analysis.textstats import wilson_interval

    years = np.repeat(np.arange(20), 25)                          # 20 years × 25 governments
    met = np.repeat(np.arange(20) % 2 == 0, 25)                   # a year is met by all or by none
    share, low, high, clusters = units.cluster_bootstrap_share(met, years, seed=1)
    w_low, w_high = wilson_interval(int(met.sum()), len(met))
    assert share == 0.5 and clusters == 20 and (high - low) > 2 * (w_high - w_low)
    assert units.cluster_bootstrap_share(met, years, seed=1) == (share, low, high, clusters)   # seeded
    assert np.isnan(units.cluster_bootstrap_share([True, False], ["a", "a"])[1])
