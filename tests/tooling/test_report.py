"""`make report`: a static site of the notebooks, figures and methods that opens from the
file system; every link resolves and nothing is loaded from the network."""
import pytest

from tools import report
from analysis.paths import COMMITTED_FIGURES_DIR, NOTEBOOKS_DIR


pytestmark = pytest.mark.slow    # building the site takes about 5 s


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "report"
    report.build_report(out)
    return out


def test_the_site_has_every_notebook_figure_and_the_methods(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    for notebook in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb")):
        assert (site / "notebooks" / f"{notebook.stem}.html").exists()
        assert f'href="notebooks/{notebook.stem}.html"' in index
    for png in COMMITTED_FIGURES_DIR.glob("*.png"):
        assert f'src="figures/{png.name}"' in index
    assert 'href="figures/04-quantities.csv"' in index                  # a table without a figure
    methods = (site / "methods.html").read_text(encoding="utf-8")
    assert "<h1>Methods</h1>" in methods and "Keyness" in methods


def test_every_link_resolves_and_nothing_comes_from_the_network(site):
    assert report.unresolved_links(site) == []
    assert len(report.site_links(site)) > 50
    html = (site / "notebooks" / "03-changning-vs-xuhui.html").read_text(encoding="utf-8")
    assert "cdnjs.cloudflare.com" not in html and "data:image/png;base64," in html


def test_a_broken_link_and_a_remote_script_are_reported(site, tmp_path):
    page = site / "broken.html"
    page.write_text('<a href="figures/nothing.png">x</a><a href="index.html#nowhere">y</a>'
                    '<script src="https://cdn.example.org/lib.js"></script>', encoding="utf-8")
    try:
        problems = report.unresolved_links(site)
    finally:
        page.unlink()
    assert problems == ["broken.html: figures/nothing.png (no such file)",
                        "broken.html: index.html#nowhere (no element with that id)",
                        "broken.html: <script> loads https://cdn.example.org/lib.js from the network"]


def test_offline_html_drops_remote_scripts_and_keeps_local_ones():
    page = ('<script src="https://cdn.example.org/a.js"></script><script>import x from "https://cdn.example.org/m.js"'
            '</script><script>var local = 1;</script><img src="figures/a.png">')
    out = report.offline_html(page)
    assert "cdn.example.org" not in out and "var local = 1;" in out and 'src="figures/a.png"' in out


def test_pages_carry_their_notebook_title_and_the_index_lists_every_notebooks_findings(site):
    import re

    import nbformat

    index = (site / "index.html").read_text(encoding="utf-8")
    assert "<h2>Findings</h2>" in index
    for notebook in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb")):
        node = nbformat.read(notebook, as_version=4)
        title = report.notebook_title(node, notebook.stem)
        page = (site / "notebooks" / f"{notebook.stem}.html").read_text(encoding="utf-8")
        assert re.search(r"<title>(.*?)</title>", page).group(1) == title, notebook.name
        if notebook.stem != "00-corpus":                        # 00 states no findings
            claims = report.findings_table(node)
            assert claims and "holds" in claims and claims in index, notebook.name
