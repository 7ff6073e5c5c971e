"""Views that scale: per-document figures readable, and within a page, at 5, 35 and 120 documents."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import analysis
import analysis.plots
import analysis.textstats
from analysis.extract import kwic
from analysis.plots import views
from synthetic_reports import report_lines

DISTRICTS = ("Changning", "Xuhui", "Minhang", "Pudong", "Jingan")


def synthetic_corpus(folder, n: int) -> pd.DataFrame:
    """``n`` synthetic work reports over five districts and the years from 1990 on."""
    rows = []
    for i in range(n):
        district, year = DISTRICTS[i % 5], 1990 + i // 5
        name = f"r{i:03d}.txt"
        (folder / name).write_text("\n".join(report_lines(year, f"{district}区")), encoding="utf-8")
        rows.append(f"d{i:03d}-{year},{name},{district},{year}-01-15,{year},work_report,标题,whole")
    (folder / "manifest.csv").write_text("doc_id,file,district,date,year,genre,title,scope\n" + "\n".join(rows) + "\n",
                                         encoding="utf-8")
    return analysis.load_corpus(folder / "manifest.csv")


@pytest.fixture(scope="module", params=[12, 35, 120], ids=lambda n: f"{n}-documents")
def large(request, tmp_path_factory):
    corpus = synthetic_corpus(tmp_path_factory.mktemp(f"corpus{request.param}"), request.param)
    paras = analysis.paragraphs(corpus)
    tokens = analysis.annotate_tokens(analysis.corpus_tokens(paras, cache=False), paras, corpus)
    return corpus, tokens


def frame(districts: list[str], years: list[int]) -> pd.DataFrame:
    n = len(districts)
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "district": districts, "district_zh": [""] * n,
                         "year": years, "genre": ["work_report"] * n, "scope": ["whole"] * n,
                         "text_quality": ["original"] * n})


def test_view_groups_coarsen_with_the_number_of_documents(corpus):
    assert views.view_groups(corpus).to_list() == [f"{label}\n{doc_id}" for doc_id, label in
                                                     analysis.document_labels(corpus).items()]
    two_per_year = frame(["Changning", "Xuhui"] * 30, [2000 + i // 4 for i in range(60)])   # 60 docs, 30 district-years
    assert views.view_groups(two_per_year, 60).nunique() == 60                    # documents while they fit
    by_year = views.view_groups(two_per_year, 40)
    assert by_year.nunique() == 30 and by_year.iloc[0] == "长宁 2000" and by_year.iloc[1] == "徐汇 2000"
    decades = views.view_groups(two_per_year, 20)                                 # 30 district-years > 20
    assert decades.iloc[0] == "长宁 2000s" and decades.nunique() == 4
    districts = views.view_groups(two_per_year, 3)
    assert districts.unique().tolist() == ["长宁", "徐汇"]
    unknown = views.view_groups(frame(["Kunshan"] * 3, [2001, 2002, 2003]), 2)    # a place not in districts.tsv
    assert unknown.unique().tolist() == ["Kunshan 2000s"]

    # many places of China: their provinces, then the largest provinces and one group of the rest
    cities = frame(["cn330100", "cn330200", "cn320100", "cn320200", "cn440100", "cn110000"], [2001] * 6)
    cities["district_zh"] = ["杭州市", "宁波市", "南京市", "无锡市", "广州市", "北京市"]
    provinces = views.view_groups(cities, 4)
    assert provinces.tolist() == ["浙江", "浙江", "江苏", "江苏", "广东", "北京"]
    capped = views.view_groups(cities, 3)
    assert capped.tolist() == ["浙江", "浙江", "江苏", "江苏", "其他 other (2 places)", "其他 other (2 places)"]


@pytest.fixture(scope="module")
def tokens_annotated(corpus, paras):
    return analysis.annotate_tokens(analysis.corpus_tokens(paras), paras, corpus)


def test_seed_figures_keep_one_panel_per_document(corpus, tokens_annotated):
    figure, table = views.top_terms_figure(tokens_annotated, corpus, 15, "t")
    assert len([ax for ax in figure.axes if ax.get_visible()]) == len(corpus)
    assert set(table["doc_id"]) == set(corpus["doc_id"])
    plt.close(figure)


@pytest.mark.slow
def test_large_corpora_figures_fit_a_page_and_tables_keep_every_document(large):
    corpus, tokens = large
    n = len(corpus)
    sizes = analysis.textstats.document_sizes(corpus, tokens)
    positions = kwic.dispersion(tokens, ["营商环境", "养老"])
    made = {
        "top terms": views.top_terms_figure(tokens, corpus, 15, "各文档高频词"),
        "word clouds": views.wordclouds_figure(tokens, corpus, 30, 0),
        "dispersion": views.dispersion_figure(positions, corpus, ["营商环境", "养老"]),
        "sizes": views.document_sizes_figure(sizes, corpus),
    }
    for name, (figure, table) in made.items():
        assert views.fits_page(figure), (name, figure.get_size_inches())
        plt.close(figure)
    assert made["top terms"][1]["doc_id"].nunique() == n
    assert made["sizes"][1]["doc_id"].nunique() == n
    if n > views.MAX_BARS:                  # bars per group say what a group's bar is
        titles = [ax.get_title() for ax in made["sizes"][0].axes]
        assert "summed over the group's documents" in titles[0] and "the group's largest document" in titles[1]
    assert len(made["dispersion"][1]) == len(positions)
    # beyond a page of panels the top-terms view is one heat map (image + colour bar)
    assert len(made["top terms"][0].axes) == 2
    if n > views.MAX_PANELS:
        assert made["word clouds"][1]["group"].nunique() <= views.MAX_CLOUDS


def test_heatmap_shrinks_its_cells_to_fit_a_page():
    matrix = pd.DataFrame([[float(i + j) for j in range(120)] for i in range(60)],
                          columns=[f"c{j}" for j in range(120)], index=[f"r{i}" for i in range(60)])
    figure = analysis.plots.plot_heatmap(matrix, colorbar_label="x")
    assert views.fits_page(figure)
    assert not [text for text in figure.axes[0].texts]          # no values written in tiny cells
    plt.close(figure)
    small = analysis.plots.plot_heatmap(matrix.iloc[:3, :3], colorbar_label="x")
    assert len(small.axes[0].texts) == 9
    plt.close(small)


def test_similarity_view_is_the_matrix_for_few_documents_and_linear_beyond(corpus, large):
    import numpy as np

    few = pd.DataFrame(np.eye(len(corpus)), index=corpus["doc_id"], columns=corpus["doc_id"])
    figure, table, shown = views.similarity_figure(few, corpus, "t", "c")
    assert shown.shape == (5, 5) and len(table) == 5 and "cn-2017-retreat (rewritten)" in shown.index
    plt.close(figure)
    big_corpus, tokens = large
    if len(big_corpus) <= views.MAX_COLUMNS:
        return
    similarity = analysis.textstats.similarity.document_similarity(tokens)
    figure, table, shown = views.similarity_figure(similarity, big_corpus, "t", "c")
    assert views.fits_page(figure)
    assert len(table) == len(big_corpus) * views.NEIGHBOURS                      # linear in the documents
    assert (table.groupby("doc_id")["similarity"].apply(lambda s: s.is_monotonic_decreasing)).all()
    assert not (table["doc_id"] == table["neighbour"]).any()
    assert shown.shape[0] <= views.MAX_COLUMNS
    plt.close(figure)
