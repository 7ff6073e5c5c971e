"""The documentation holds together: every relative link of README.md, CHANGELOG.md and
docs/*.md reaches a file, every #fragment a heading of the page it names (GitHub's anchors),
README.md stays an overview of at most 12 KiB, and it links every page of docs/.

Links are read from mistune's parse tree (the Markdown library the report already uses), so
links inside code blocks and code spans are not links; external links (http, https, mailto)
are not fetched."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import mistune
import pytest

ROOT = Path(__file__).resolve().parents[1]

README_MAX_BYTES = 12_288
DOCS = sorted((ROOT / "docs").glob("*.md"))
PAGES = [ROOT / "README.md", ROOT / "CHANGELOG.md", *DOCS]
EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")     # http:, https:, mailto: … (not fetched)

_parse = mistune.create_markdown(renderer=None, plugins=["table", "strikethrough", "footnotes", "url"])


class _Anchors(HTMLParser):
    """href values of <a> tags in raw HTML inside the Markdown."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value]


def _walk(tokens):
    for token in tokens:
        yield token
        yield from _walk(token.get("children") or [])


def _text(token) -> str:
    """The plain text of a heading as GitHub reads it: text, code spans, emphasis, link text."""
    if "raw" in token and token["type"] in ("text", "codespan"):
        return token["raw"]
    return "".join(_text(child) for child in token.get("children") or [])


def github_anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped except hyphens and
    underscores (letters of any script kept), each space a hyphen."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def headings_and_links(markdown: str) -> tuple[set[str], list[str]]:
    """(anchors of the page's headings, every link and image target), from the parse tree.
    A repeated heading gets GitHub's -1, -2 … suffixes."""
    anchors: set[str] = set()
    links: list[str] = []
    for token in _walk(_parse(markdown)):
        kind = token["type"]
        if kind == "heading":
            anchor = base = github_anchor(_text(token))
            n = 0
            while anchor in anchors:
                n += 1
                anchor = f"{base}-{n}"
            anchors.add(anchor)
        elif kind in ("link", "image"):
            links.append(token["attrs"]["url"])
        elif kind in ("inline_html", "block_html"):
            parser = _Anchors()
            parser.feed(token.get("raw", ""))
            links += parser.hrefs
    return anchors, links


def broken_links(page: Path, markdown: str | None = None) -> list[str]:
    """Every relative link of ``page`` (its text, or ``markdown`` given for it) whose file
    does not exist, or whose #fragment is no heading of the Markdown page it names."""
    if markdown is None:
        markdown = page.read_text(encoding="utf-8")
    own_anchors, links = headings_and_links(markdown)
    problems = []
    for link in links:
        if EXTERNAL.match(link):
            continue
        parts = urlsplit(link)
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        target = (page.parent / path).resolve() if path else page
        if path and not target.exists():
            problems.append(f"{page.name}: {link} (no such file)")
            continue
        if not fragment:
            continue
        if target == page:
            anchors = own_anchors
        elif target.suffix == ".md" and target.is_file():
            anchors, _ = headings_and_links(target.read_text(encoding="utf-8"))
        else:
            problems.append(f"{page.name}: {link} (a fragment of a file that is not Markdown)")
            continue
        if fragment not in anchors:
            problems.append(f"{page.name}: {link} (no heading with that anchor)")
    return problems


def test_the_pages_exist():
    assert (ROOT / "README.md").is_file() and (ROOT / "CHANGELOG.md").is_file()
    assert {p.name for p in DOCS} >= {"methods.md", "howto.md", "performance.md", "reproducibility.md",
                                      "architecture.md"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_and_anchor_resolves(page):
    assert broken_links(page) == []


def test_the_readme_is_an_overview_of_at_most_12_kib():
    size = (ROOT / "README.md").stat().st_size
    assert size <= README_MAX_BYTES, f"README.md is {size} bytes; move detail into docs/"


def test_the_readme_links_every_page_of_docs():
    _, links = headings_and_links((ROOT / "README.md").read_text(encoding="utf-8"))
    linked = {(ROOT / unquote(urlsplit(link).path)).resolve() for link in links
              if not EXTERNAL.match(link) and urlsplit(link).path}
    assert [p.name for p in DOCS if p.resolve() not in linked] == []


def test_the_methods_page_starts_with_its_title():
    """The report renders docs/methods.md as its methods page."""
    first = next(t for t in _parse((ROOT / "docs" / "methods.md").read_text(encoding="utf-8"))
                 if t["type"] == "heading")
    assert (first["attrs"]["level"], _text(first)) == (1, "Methods")


def test_anchors_follow_github():
    assert github_anchor("Run it on your own corpus") == "run-it-on-your-own-corpus"
    assert github_anchor("Add or edit a theme") == "add-or-edit-a-theme"
    assert github_anchor("Quantities, targets and instruments") == "quantities-targets-and-instruments"
    assert github_anchor("The `make test` target (strict)") == "the-make-test-target-strict"
    assert github_anchor("snake_case & kebab-case") == "snake_case--kebab-case"
    assert github_anchor("长宁区 2018") == "长宁区-2018"


def test_the_checker_catches_a_broken_link_and_a_broken_anchor(tmp_path):
    (tmp_path / "other.md").write_text("# Other page\n\n## A section\n", encoding="utf-8")
    page = tmp_path / "page.md"
    markdown = ("# Page\n\n## Here\n\n"
                "Fine: [a](other.md), [b](other.md#a-section), [c](#here), [d](https://example.org/x#y).\n\n"
                "Broken: [e](missing.md), [f](other.md#no-such-section), [g](#nowhere).\n\n"
                "```\n[not a link](inside-a-code-block.md)\n```\n")
    page.write_text(markdown, encoding="utf-8")
    assert broken_links(page) == [
        "page.md: missing.md (no such file)",
        "page.md: other.md#no-such-section (no heading with that anchor)",
        "page.md: #nowhere (no heading with that anchor)",
    ]


def test_readme_still_quotes_every_figure_ci_measures():
    """tools/readme_times.py finds each quoted time and size in README.md, and flags a
    measurement off by more than ×1.5."""
    from tools import readme_times

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    figures = readme_times.quoted(readme)
    assert set(figures) == set(readme_times.QUOTED) and all(v > 0 for v in figures.values())
    lines = readme_times.report({name: value * 2 for name, value in figures.items()}, readme)
    assert all("OFF" in line for line in lines)
    assert not any("OFF" in line for line in readme_times.report(figures, readme))
