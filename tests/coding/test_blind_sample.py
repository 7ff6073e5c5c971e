"""The blind sample: strata, seeds, and numbers."""
import analysis
from analysis import coding


def _measured():
    return coding.measured_dictionaries(*analysis.prepare())


def test_random_sentences_are_drawn_first_and_hit_strata_from_the_rest():
    measured = _measured()
    key = coding.draw_sentences(measured.paras, measured.tokens, measured.dictionaries, per_entry=3,
                                random_sentences=15, seed=7)
    assert (key["stratum"] == "random").sum() == 15
    assert not key.duplicated(["doc_id", "para_no", "sent_no"]).any()
    located = coding.located_keywords(measured.dictionaries["themes"][1], measured.tokens, measured.paras)
    economy = set(map(tuple, located.loc[located["theme"] == "economy", ["doc_id", "para_no", "sent_no"]].to_numpy()))
    drawn = key[key["stratum"] == "hit:themes:economy"]
    assert len(drawn) == 3 and all(k in economy for k in zip(drawn["doc_id"], drawn["para_no"], drawn["sent_no"]))
    assert key["sample_id"].is_unique and key["sample_id"].is_monotonic_increasing
    body = coding.body_sentences(measured.paras)
    assert set(body["doc_id"].astype(str)) >= set(key["doc_id"])


def test_every_arabic_number_of_the_drawn_sentences_is_a_unit():
    measured = _measured()
    numbers = coding.draw_numbers(measured.paras, n_sentences=6, seed=3)
    text = coding.body_sentences(measured.paras).astype({"doc_id": str}).set_index(["doc_id", "para_no", "sent_no"])["text"]
    sentences = numbers.groupby(["doc_id", "para_no", "sent_no"])
    assert sentences.ngroups == 6
    for key, group in sentences:
        assert group["number"].to_list() == coding.NUMBER.findall(text[key])
        assert all(text[key][s:e] == n for s, e, n in zip(group["start"], group["end"], group["number"]))
