"""The term explorer: its table, the sentences behind each term, byte-stable ids, and the
page itself opened in a real headless browser (Chromium driven by selenium), offline."""
import json
import shutil
import time

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis.documents import districts
from analysis.outputs import explorer
from analysis.segmentation import gazetteer as places
from analysis import textstats
from toy_corpora import toy_tokens


def test_explorer_table_floors_zero_rates_and_marks_places_and_campaigns():
    keyness = pd.DataFrame({"term": ["长宁", "一网通办", "公园"], "freq_target": [5, 0, 3], "freq_reference": [0, 6, 3],
                            "rate_target": [10.0, 0.0, 6.0], "rate_reference": [0.0, 4.0, 2.0],
                            "g2": [7.0, -5.0, 1.0], "log_ratio": [3.0, -3.0, 1.6], "p_adjusted": [0.01, 0.02, 0.5]})
    log_odds = pd.DataFrame({"term": ["长宁", "公园"], "z": [2.5, 0.4]})
    table = explorer.explorer_table(keyness, log_odds, {"长宁"}, {"一网通办": "shanghai"}).set_index("term")
    assert table.loc["长宁", ["x", "y", "zero_rate"]].tolist() == [10.0, 1.0, "B"]      # half of the smallest rate, 2
    assert table.loc["一网通办", ["x", "zero_rate", "campaign"]].tolist() == [1.0, "A", "shanghai"]
    assert bool(table.loc["长宁", "is_place"]) and np.isnan(table.loc["一网通办", "z"])


def test_term_sentences_lists_each_sentence_once_in_order():
    paras = analysis.paragraphs(pd.DataFrame({"doc_id": ["d"], "text": ["推进公园建设。公园开放，公园免费。无关句子。"]}))
    tokens = toy_tokens({"d": ["推进公园建设。公园开放，公园免费。无关句子。"]})
    sentences, hits = explorer.term_sentences(tokens, paras, ["公园", "缺席"], {"d": "文档甲"}, max_sentences=5)
    assert [s[3] for s in sentences] == ["推进公园建设。", "公园开放，公园免费。"]      # only sentences listed
    assert sentences[0][0] == "文档甲"
    assert hits == {"公园": [2, [0, 1]], "缺席": [0, []]}
    sentences, hits = explorer.term_sentences(tokens, paras, ["公园"], {"d": "文档甲"}, max_sentences=1)
    assert [s[3] for s in sentences] == ["推进公园建设。"] and hits == {"公园": [2, [0]]}


def test_stable_ids_renumber_in_order_of_first_appearance():
    page = ('{"id":"p1042","x":{"id":"p1007"},"y":{"id":"p1042"}} '
            'id="7f3c2a10-1b2c-4d5e-8f90-a1b2c3d4e5f6" ref 7f3c2a10-1b2c-4d5e-8f90-a1b2c3d4e5f6')
    assert explorer.stable_ids(page) == ('{"id":"p1","x":{"id":"p2"},"y":{"id":"p1"}} '
                                         'id="00000000-0000-4000-8000-000000000001" ref 00000000-0000-4000-8000-000000000001')


@pytest.fixture(scope="module")
def seed_explorer(tmp_path_factory):
    corpus, paras, tokens = analysis.prepare()
    target, reference = tokens.query("doc_id == 'cn-2018-wr'"), tokens.query("doc_id == 'xh-2019-wr'")
    main = textstats.keyness(textstats.word_counts(target), textstats.word_counts(reference), 5)
    log_odds = textstats.log_odds_dirichlet(textstats.word_counts(target), textstats.word_counts(reference),
                                        textstats.word_counts(tokens), 1000.0, 5)
    pair = districts.pair_labels(corpus, ("Changning", "Xuhui"), ("cn-2018-wr", "xh-2019-wr"))
    place_names = frozenset(t for t in main["term"] if places.is_place(t))
    folder = tmp_path_factory.mktemp("explorer")
    paths = [explorer.write_term_explorer(folder / f"{run}.html", main, log_odds, target, reference, paras, place_names,
                                          {"一网通办": "shanghai"}, analysis.document_labels(corpus), pair.names,
                                          pair.colours, "Changning 2018 vs Xuhui 2019") for run in ("one", "two")]
    both = main[(main["freq_target"] > 0) & (main["freq_reference"] > 0)]
    term = both.sort_values(["freq_target", "term"], ascending=[False, True])["term"].iloc[0]
    return paths, term, pair.names


def test_the_page_is_self_contained_and_byte_stable(seed_explorer):
    (first, second), _, _ = seed_explorer
    page = first.read_text(encoding="utf-8")
    assert first.read_bytes() == second.read_bytes()
    assert "<script src=" not in page and "<link " not in page          # everything inline
    assert json.dumps("一网通办")[1:-1] in page.replace("一网通办", json.dumps("一网通办")[1:-1]) and "log-odds z" in page


def _browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip("no headless browser: install Debian's chromium and chromium-driver (.ci/run does) "
                    "to run the explorer in a real browser")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1200,1400", "--lang=zh-CN"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=options)


_DEEP = """
const [selector, text] = arguments;
const found = [];
const walk = (root) => {
  for (const el of root.querySelectorAll(selector)) if (!text || el.textContent.includes(text)) found.push(el);
  for (const el of root.querySelectorAll("*")) if (el.shadowRoot) walk(el.shadowRoot);
};
walk(document);
return found;
"""


def _wait_for(browser, selector, text=None, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = browser.execute_script(_DEEP, selector, text)
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"nothing matching {selector!r} {text or ''} appeared within {seconds} s")


def test_search_click_and_contexts_in_a_real_browser_with_no_request_and_no_error(seed_explorer):
    from selenium.webdriver.support.select import Select

    (page, _), term, names = seed_explorer
    browser = _browser()
    try:
        browser.get(page.as_uri())
        search = _wait_for(browser, "input.bk-input")[0]
        search.send_keys(term[0])                                       # a first character, then a choice
        chooser = next(el for el in _wait_for(browser, "select") if term in el.text)
        Select(chooser).select_by_value(term)
        marks = _wait_for(browser, "mark", term)
        assert all(mark.text == term for mark in marks)
        headings = [el.text for el in _wait_for(browser, "h4")]
        assert any(h.startswith(names[0]) for h in headings) and any(h.startswith(names[1]) for h in headings)
        stats = " ".join(el.text for el in _wait_for(browser, ".stats"))            # beside the sentences
        assert "G²" in stats and "Log Ratio" in stats and names[0] in stats and "rate per 10,000" in stats
        listed = _wait_for(browser, "li .where")
        assert any("cn-2018-wr" in el.text or "长宁" in el.text for el in listed)
        requests = [json.loads(entry["message"])["message"] for entry in browser.get_log("performance")]
        urls = {m["params"]["request"]["url"] for m in requests if m["method"] == "Network.requestWillBeSent"}
        assert {u for u in urls if not u.startswith(("file://", "data:", "blob:"))} == set()
        errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
        assert errors == []
    finally:
        browser.quit()


@pytest.mark.parametrize("pause", [0.0, 0.6])
def test_typing_one_character_at_a_time_keeps_the_typed_text(seed_explorer, pause):
    """An input method commits a character at a time, with pauses and an Enter: the search box
    keeps what was typed (a completion once replaced 城市更新 with 城区市更新), and a term typed
    in full is selected."""
    from selenium.webdriver.common.keys import Keys

    (page, _), term, _ = seed_explorer
    browser = _browser()
    try:
        browser.get(page.as_uri())
        search = _wait_for(browser, "input.bk-input")[0]
        for character in term:
            search.send_keys(character)
            time.sleep(pause)
        search.send_keys(Keys.ENTER)                                   # an input method's commit key
        time.sleep(0.5)
        assert search.get_attribute("value") == term
        assert all(mark.text == term for mark in _wait_for(browser, "mark", term))
    finally:
        browser.quit()


def test_the_page_holds_numbers_at_six_significant_digits():
    """So that the page is the same on every CPU (floats differ in their last bits)."""
    keyness = pd.DataFrame({"term": ["公园", "绿地"], "freq_target": [1, 2], "freq_reference": [3, 1],
                            "rate_target": [1 / 3, 2 / 3], "rate_reference": [1.0, 1 / 7], "g2": [-2 / 3, 1 / 9],
                            "log_ratio": [-1.5849625007, 2.2223924213], "p_adjusted": [0.123456789, 0.987654321]})
    table = explorer.explorer_table(keyness, pd.DataFrame({"term": ["公园"], "z": [-0.1234567891]}), set(), {})
    sentences = {"a": [], "b": []}
    hits = {"a": {t: [0, []] for t in table["term"]}, "b": {t: [0, []] for t in table["term"]}}
    page = explorer.term_explorer_html(table, sentences, hits, ("甲 A", "乙 B"), ("#4C72B0", "#DD8452"), "t")
    assert "0.333333" in page and "0.3333333" not in page and "-0.123457" in page and "0.142857" in page


def test_the_page_names_the_documents_and_the_ends_of_its_colour_scale(seed_explorer):
    (page, _), _, names = seed_explorer
    text = page.read_text(encoding="utf-8")
    bar = explorer.colour_bar_title("G² (signed)", names)
    assert bar in text or json.dumps(bar)[1:-1] in text                # Bokeh's JSON may escape non-ASCII
    assert explorer.colour_bar_title("G² (signed)", names) == f"G² (signed): high = more in {names[0]}, low = more in {names[1]}"
    tokens = pd.DataFrame({"doc_id": ["a", "a", "b", "c", "d", "e"]})
    labels = {"a": "长宁 2018 政府工作报告", "b": "徐汇 2019 政府工作报告"}
    assert explorer.sides_title(tokens.iloc[:2], tokens.iloc[2:3], labels, "main") == \
        "长宁 2018 政府工作报告 vs 徐汇 2019 政府工作报告 (main)"
    assert explorer.sides_title(tokens, tokens.iloc[2:3], labels, "all").startswith("5 documents (长宁 2018 政府工作报告、徐汇")


def test_a_pair_too_small_for_any_term_still_gets_its_page(tmp_path):
    """No term reaches the minimum frequency: the page is written, empty, without an error."""
    empty = textstats.keyness({"甲": 1}, {"乙": 1}, 5)
    assert empty.empty
    table = explorer.explorer_table(empty, pd.DataFrame(columns=["term", "z"]), frozenset(), {})
    page = explorer.term_explorer_html(table, {"a": [], "b": []}, {"a": {}, "b": {}}, ("甲地", "乙地"),
                                       ("#4C72B0", "#DD8452"), "甲地 vs 乙地 (main)")
    assert "<title>甲地 vs 乙地 (main)</title>" in page
