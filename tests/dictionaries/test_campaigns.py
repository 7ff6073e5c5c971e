"""Campaigns marked in the lexicon, and the terms of a comparison that belong to one."""
import pandas as pd
import pytest

import analysis
from analysis.dictionaries import campaigns
from analysis.segmentation import lexicon
from analysis.segmentation.lexicon import LexiconEntry

ENTRIES = [LexiconEntry("四大品牌", "numeric_slogan", "x", "shanghai", 2018),
           LexiconEntry("一网通办", "service_reform", "x", "shanghai", 2018),
           LexiconEntry("放管服", "service_reform", "x", "national", 2015),
           LexiconEntry("家门口工程", "programme", "x")]


def test_the_shipped_lexicon_marks_the_municipal_campaigns_of_2018():
    table = campaigns.campaign_table(analysis.read_lexicon()).set_index("campaign")
    assert table.loc["四大品牌", ["level", "start_year"]].tolist() == ["shanghai", 2018]
    assert table.loc["一网通办", ["level", "start_year"]].tolist() == ["shanghai", 2018]
    assert set(table["level"]) == {"shanghai", "national"}


def test_linked_campaigns_by_name_or_a_word_inside_it():
    assert [e.term for e in campaigns.linked_campaigns("品牌", ENTRIES)] == ["四大品牌"]
    assert [e.term for e in campaigns.linked_campaigns("一网通办", ENTRIES)] == ["一网通办"]
    assert campaigns.linked_campaigns("工程", ENTRIES) == []          # 家门口工程 is not a campaign
    assert campaigns.linked_campaigns("网", ENTRIES) == []            # one character is too short


def test_campaign_terms_flag_campaigns_begun_between_the_years():
    table = pd.DataFrame({"term": ["品牌", "放管服", "产业"], "freq_target": [2, 1, 9], "freq_reference": [25, 3, 1],
                          "g2": [-15.8, -1.0, 8.0], "p_adjusted": [0.004, 0.9, 0.03]})
    result = campaigns.campaign_terms(table, ENTRIES, (2019, 2018))
    assert result[["term", "significant", "campaign", "start_year", "began_between"]].values.tolist() == [
        ["品牌", True, "四大品牌", 2018, True], ["放管服", False, "放管服", 2015, False]]


def test_lexicon_campaign_columns_are_checked(tmp_path):
    path = tmp_path / "lexicon.tsv"
    header = "term\tcategory\tsource\tcampaign\tcampaign_start\n"
    path.write_text(header + "甲乙\tformula\tx\tcity\t2018\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lexicon.tsv line 2: campaign 'city' is not one of shanghai, national"):
        lexicon.read_lexicon(path)
    path.write_text(header + "甲乙\tformula\tx\tshanghai\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2: campaign '甲乙' needs the year it began"):
        lexicon.read_lexicon(path)
    path.write_text(header + "甲乙\tformula\tx\t\t2018\n", encoding="utf-8")
    with pytest.raises(ValueError, match="campaign_start '2018' given but no campaign level"):
        lexicon.read_lexicon(path)
    path.write_text(header + "甲乙\tformula\tx\tshanghai\t2018\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2: campaign '甲乙' needs campaign_source"):
        lexicon.read_lexicon(path)
    path.write_text(header.replace("\n", "\tcampaign_source\n") + "甲乙\tformula\tx\tshanghai\t2018\t某文件（2018年）\n",
                    encoding="utf-8")
    assert lexicon.read_lexicon(path)[0].campaign_source == "某文件（2018年）"
    path.write_text("term\tcategory\tsource\n甲乙\tformula\tx\n", encoding="utf-8")   # the columns are optional
    assert lexicon.read_lexicon(path) == [LexiconEntry("甲乙", "formula", "x")]


def test_campaign_mentions_count_the_names_per_document(corpus, paras):
    tokens = analysis.annotate_tokens(analysis.corpus_tokens(paras), paras, corpus)
    table = campaigns.campaign_mentions(analysis.read_lexicon(), tokens, ["cn-2018-wr", "xh-2019-wr"])
    counts = table.set_index("campaign")[["cn-2018-wr", "xh-2019-wr"]]
    assert counts.loc["四大品牌"].tolist() == [0, 4]           # launched 2018, after the Changning report
    assert counts.loc["一网通办"].tolist() == [0, 4]
    # announced in May 2017, first held in November 2018: named in the report of January 2018
    assert counts.loc["进口博览会"].tolist() == [2, 5] and table.set_index("campaign").at["进口博览会", "start_year"] == 2017
    assert table["source"].str.len().gt(0).all()
    assert (counts.sum(axis=1) > 0).all()                      # campaigns named in neither are left out
