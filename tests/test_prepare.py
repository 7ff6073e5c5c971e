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


def test_prepare_applies_the_figure_style_so_a_new_notebooks_figures_render_chinese():
    """A notebook that calls prepare and then draws with matplotlib itself gets the CJK font:
    no 'Glyph … missing' warning for Chinese text (the recipe for a new notebook)."""
    import subprocess
    import sys

    from analysis.paths import ROOT

    code = ("import warnings, matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt; import analysis\n"
            "analysis.prepare(['cn-2018-wr'])\n"
            "with warnings.catch_warnings(record=True) as caught:\n"
            "    warnings.simplefilter('always')\n"
            "    fig, ax = plt.subplots(); ax.set_title('长宁区政府工作报告'); fig.canvas.draw()\n"
            "print(sum('Glyph' in str(w.message) for w in caught), matplotlib.rcParams['font.family'])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    missing, family = result.stdout.split(" ", 1)
    assert missing == "0" and "Noto" in family
