"""Report: one static HTML site anyone can open from the file system, with no server and
no network (``make report`` writes ``report/``, which git ignores).

* ``index.html``: what the project is, links to every notebook, every notebook's findings
  (its computed claims, with whether each holds), every figure, table and term explorer, and
  the methods;
* ``notebooks/NN-name.html``: each notebook rendered with its committed outputs by
  nbconvert (lab template, images embedded), titled by the notebook's first heading;
* ``figures/``: a copy of the committed figures (PNG, SVG, CSV, HTML);
* ``methods.html``: ``docs/methods.md``.

Pages load nothing from the network: nbconvert's remote scripts (require.js, MathJax,
mermaid, none of which the notebooks need) are removed (:func:`offline_html`), and
:func:`site_links` lists every link and resource of the site so a test can check that each
resolves to a file of the site.
"""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

from analysis.paths import COMMITTED_FIGURES_DIR, NOTEBOOKS_DIR, ROOT, display_path

__all__ = ["REPORT_DIR", "offline_html", "methods_section", "notebook_title", "findings_table", "build_report",
           "site_links", "unresolved_links"]

REPORT_DIR = ROOT / "report"
_STYLE = """body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;vertical-align:top}
img.thumb{max-width:28rem;max-height:20rem;border:1px solid #ddd}code{background:#f4f4f4}
ul.figures{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}ul.figures li{width:28rem}
div.findings table{font-size:.85rem}"""


def offline_html(text: str) -> str:
    """``text`` without elements that would reach the network: scripts, style sheets,
    images and frames whose src/href is remote, and inline scripts that import remote
    modules."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(["script", "link", "img", "iframe", "source"]):
        target = tag.get("src") or (tag.get("href") if tag.name == "link" else "") or ""
        inline = tag.name == "script" and not tag.get("src") and re.search(r"https?://", tag.get_text() or "")
        if re.match(r"(?:https?:)?//", target) or inline:
            tag.decompose()
    return str(soup)


def methods_section(methods: Path = ROOT / "docs" / "methods.md") -> str:
    """``docs/methods.md`` as HTML. Links to files of the repository that the site does not
    carry (relative links outside an in-page #anchor) are kept as their text."""
    import mistune  # optional import: only the report renders Markdown
    from bs4 import BeautifulSoup  # optional import: only the report edits HTML

    soup = BeautifulSoup(mistune.html(methods.read_text(encoding="utf-8")), "html.parser")
    for link in soup.find_all("a"):
        target = link.get("href", "")
        if not re.match(r"(?:https?:|mailto:|#)", target):
            link.unwrap()
    return str(soup)


def notebook_title(notebook, fallback: str) -> str:
    """The text of the notebook's first level-one heading (``# 02 · Theme evolution …``)."""
    return next((c.source.splitlines()[0].lstrip("# ").strip() for c in notebook.cells
                 if c.cell_type == "markdown" and c.source.startswith("# ")), fallback)


def findings_table(notebook) -> str:
    """The HTML of the notebook's findings: the rich output of its last cell that builds
    ``outputs.claims_table`` (claim, evidence, holds); '' when it has none."""
    for cell in reversed(notebook.cells):
        if cell.cell_type == "code" and "claims_table(" in cell.source:
            for output in cell.get("outputs", []):
                if "text/html" in output.get("data", {}):
                    return output["data"]["text/html"]
    return ""


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{_STYLE}</style></head><body>\n{body}\n</body></html>\n")


def build_report(out_dir: Path = REPORT_DIR, notebooks_dir: Path = NOTEBOOKS_DIR,
                 figures_dir: Path = COMMITTED_FIGURES_DIR, methods: Path = ROOT / "docs" / "methods.md") -> Path:
    """Write the site (module docstring) to ``out_dir``, replacing what was there; returns
    the index page's path."""
    import nbformat
    from nbconvert import HTMLExporter

    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / "notebooks").mkdir(parents=True)
    exporter = HTMLExporter(template_name="lab", embed_images=True)
    notebook_items, findings_items = [], []
    for path in sorted(notebooks_dir.glob("[0-9][0-9]-*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        heading = notebook_title(notebook, path.stem)
        body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": heading}})
        (out_dir / "notebooks" / f"{path.stem}.html").write_text(offline_html(body), encoding="utf-8")
        notebook_items.append(f'<li><a href="notebooks/{path.stem}.html">{html.escape(heading)}</a> '
                              f"(<code>{path.name}</code>)</li>")
        claims = findings_table(notebook)
        if claims:
            findings_items.append(f'<h3><a href="notebooks/{path.stem}.html">{html.escape(heading)}</a></h3>'
                                  f'<div class="findings">{claims}</div>')
    shutil.copytree(figures_dir, out_dir / "figures", ignore=shutil.ignore_patterns(".*"))
    figure_items, table_items, explorer_items = [], [], []
    for png in sorted((out_dir / "figures").glob("*.png")):
        links = " · ".join(f'<a href="figures/{png.stem}.{ext}">{ext.upper()}</a>' for ext in ("png", "svg", "csv")
                           if (png.parent / f"{png.stem}.{ext}").exists())
        figure_items.append(f'<li><a href="figures/{png.name}"><img class="thumb" src="figures/{png.name}" '
                            f'alt="{png.stem}"></a><br><code>{png.stem}</code><br>{links}</li>')
    for csv in sorted((out_dir / "figures").glob("*.csv")):
        if not (csv.parent / f"{csv.stem}.png").exists():
            table_items.append(f'<li><a href="figures/{csv.name}"><code>{csv.name}</code></a></li>')
    for page in sorted((out_dir / "figures").glob("*.html")):
        explorer_items.append(f'<li><a href="figures/{page.name}"><code>{page.name}</code></a></li>')
    (out_dir / "methods.html").write_text(_page("Methods", methods_section(methods) +
                                                '\n<p><a href="index.html">Back to the index</a></p>'),
                                          encoding="utf-8")
    sections = [
        "<h1>Policy texts of Shanghai's Changning and Xuhui districts</h1>",
        "<p>The notebooks, figures and tables of the analysis, as committed: open any page from the file "
        "system, with no server and no network. <a href=\"methods.html\">Methods</a>.</p>",
        "<h2>Notebooks</h2><ul>" + "".join(notebook_items) + "</ul>",
    ]
    if findings_items:
        sections.append("<h2>Findings</h2><p>Each notebook's findings as computed claims: the evidence a cell "
                        "computes and whether it supports the claim (<code>holds</code>).</p>" + "".join(findings_items))
    if explorer_items:
        sections.append("<h2>Interactive explorers</h2><ul>" + "".join(explorer_items) + "</ul>")
    sections.append('<h2>Figures</h2><p>Each with the CSV of its numbers.</p><ul class="figures">'
                    + "".join(figure_items) + "</ul>")
    if table_items:
        sections.append("<h2>Tables</h2><ul>" + "".join(table_items) + "</ul>")
    index = out_dir / "index.html"
    index.write_text(_page("Policy texts: report", "\n".join(sections)), encoding="utf-8")
    return index


def site_links(out_dir: Path = REPORT_DIR) -> list[tuple[Path, str]]:
    """(page, link) for every href and src of every HTML page of the site."""
    from bs4 import BeautifulSoup

    links = []
    for page in sorted(out_dir.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(True):
            for attribute in ("href", "src"):
                if tag.get(attribute):
                    links.append((page, tag[attribute]))
    return links


def unresolved_links(out_dir: Path = REPORT_DIR) -> list[str]:
    """Links of the site that do not resolve: a relative link to a file that is not there,
    an in-page anchor (#name) with no element of that id, or any link that leaves the
    site for the network from a script, style sheet, image or frame. Plain links to web
    pages (a reference a reader may follow) are allowed. Empty when every link resolves."""
    from bs4 import BeautifulSoup

    problems = []
    ids: dict[Path, set[str]] = {}
    for page, link in site_links(out_dir):
        parts = urlsplit(link)
        if parts.scheme in ("http", "https", "mailto") or link.startswith("data:") or link.startswith("javascript:"):
            continue
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
        if not target.exists():
            problems.append(f"{page.relative_to(out_dir)}: {link} (no such file)")
            continue
        if parts.fragment and target.suffix == ".html":
            if target not in ids:
                soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                ids[target] = {tag.get("id") for tag in soup.find_all(id=True)} | \
                    {tag.get("name") for tag in soup.find_all("a", attrs={"name": True})}
            if parts.fragment not in ids[target] and unquote(parts.fragment) not in ids[target]:   # as browsers match
                problems.append(f"{page.relative_to(out_dir)}: {link} (no element with that id)")
    for page in sorted(out_dir.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["script", "link", "img", "iframe", "source"]):
            target = tag.get("src") or (tag.get("href") if tag.name == "link" else "") or ""
            if re.match(r"(?:https?:)?//", target):
                problems.append(f"{page.relative_to(out_dir)}: <{tag.name}> loads {target} from the network")
    return problems


if __name__ == "__main__":
    print(display_path(build_report()))
