"""Every shell recipe of README.md and docs/ runs as written, on a clean copy of the
repository, with fixture files the test writes (tests/synthetic_reports.py): adding each format
to a corpus of one's own, a place, many places by folder, a sidecar, checking, running a
notebook on one's own manifest, comparing two places (a small pair), and a new notebook's first
cell. A recipe that breaks fails here. The recipes that cannot run here are listed in
NOT_RUN_HERE, each with its reason; a new recipe block must be run here or listed there."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from analysis.paths import ROOT
from synthetic_reports import html_report, markdown_report, report_lines, write_docx, write_pdf

pytestmark = pytest.mark.slow

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_BLOCK = re.compile(r"```(?:sh|bash)\n(.*?)```", re.S)

NOT_RUN_HERE = {
    ("README.md", "make reproduce"): "the whole suite: .ci/run runs make test on a clean clone",
    ("README.md", "validate export blind/"): "needs coders to fill their workbooks (tests/coding/ runs the workflow)",
    ("panel.md", "政府工作报告-国务院"): "the development corpus, outside the repository",
    ("performance.md", "/work/devcorpus"): "the development corpus, outside the repository",
}
"""(page, a phrase of the block) -> why the block is not run by this test."""


def recipe_blocks() -> list[tuple[str, int, str]]:
    """(page name, line, text) of every ```sh block of README.md and docs/*.md."""
    blocks = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in _BLOCK.finditer(text):
            blocks.append((page.name, text[:match.start()].count("\n") + 1, match.group(1)))
    return blocks


def _not_run(page: str, text: str) -> str:
    return next((why for (name, phrase), why in NOT_RUN_HERE.items() if name == page and phrase in text), "")


def clean_copy(folder: Path) -> Path:
    """The repository's tracked files (as they are in the work tree) in ``folder``, with
    ``.venv`` linked to the running environment."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode("utf-8").split("\0")):
        source = ROOT / name
        if source.is_file():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    (folder / ".venv").symlink_to(Path(sys.prefix))
    return folder


def run_recipe(copy: Path, text: str) -> subprocess.CompletedProcess:
    """``text`` run by bash (stop at the first failing command) in ``copy``, with the
    copy's package first on the path, so nothing touches the repository the test runs from."""
    env = {**os.environ, "PYTHONPATH": str(copy), "ANALYSIS_FIGURES_DIR": str(copy / "figures"),
           "ANALYSIS_CACHE_DIR": str(copy / ".cache")}
    return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", text], cwd=copy, env=env, capture_output=True,
                          text=True, timeout=900)


def the_block(page: str, phrase: str) -> str:
    found = [text for name, _, text in recipe_blocks() if name == page and phrase in text]
    assert len(found) == 1, (page, phrase, len(found))
    return found[0]


def test_every_block_is_run_here_or_says_why_not():
    run = {("README.md", "--manifest mycorpus/manifest.csv"), ("howto.md", "report-2019.txt"),
           ("howto.md", "--district-from-folder"), ("howto.md", "--sidecar"), ("howto.md", "minhang-vs-pudong.yml"),
           ("howto.md", "make check        # or")}
    for page, line, text in recipe_blocks():
        covered = any(name == page and phrase in text for name, phrase in run)
        assert covered or _not_run(page, text), f"{page} line {line}: a recipe no test runs"


def _reports(folder: Path) -> None:
    """The files the adding recipes name, each a made-up report of its place and year."""
    (folder / "reports").mkdir(parents=True, exist_ok=True)
    (folder / "report-2019.txt").write_text("\n".join(report_lines(2019, "徐汇区")) + "\n", encoding="utf-8")
    for year in (2020, 2021):
        (folder / "reports" / f"shanghai-{year}.md").write_text(markdown_report(year, "上海市"), encoding="utf-8")
    (folder / "report.html").write_text(html_report(2021, "闵行区"), encoding="utf-8")
    write_docx(folder / "report.docx", 2022, "静安区")
    write_pdf(folder / "report.pdf", 2021, "普陀区")


def test_adding_each_format_to_ones_own_corpus_then_checking_and_running_a_notebook(tmp_path):
    copy = clean_copy(tmp_path / "repo")
    _reports(copy)
    done = run_recipe(copy, the_block("howto.md", "report-2019.txt"))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    manifest = (copy / "mycorpus" / "manifest.csv").read_text(encoding="utf-8")
    for doc_id in ("xuhui-2019-wr", "shanghai-2020-wr", "minhang-2021-wr", "jingan-2022-wr", "putuo-2021-wr"):
        assert f"\n{doc_id}," in manifest, doc_id
    assert (copy / "out" / "01.ipynb").exists() and any((copy / "out" / "figures").glob("01-*.png"))
    assert (copy / "seeds" / "manifest.csv").read_bytes() == (ROOT / "seeds" / "manifest.csv").read_bytes()
    check = run_recipe(copy, the_block("howto.md", "make check        # or").replace(
        "make check        # or: ", "").replace("[--manifest path/to/manifest.csv]", "--manifest mycorpus/manifest.csv"))
    assert check.returncode == 0 and "mycorpus/manifest.csv" in check.stdout, check.stdout + check.stderr


def test_readme_recipe_on_ones_own_corpus(tmp_path):
    copy = clean_copy(tmp_path / "repo")
    (copy / "reports").mkdir()
    for year in (2020, 2021):
        write_pdf(copy / "reports" / f"minhang-{year}.pdf", year, "闵行区")
    (copy / "report.html").write_text(html_report(2021, "浦东新区"), encoding="utf-8")
    done = run_recipe(copy, the_block("README.md", "--manifest mycorpus/manifest.csv"))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert (copy / "out" / "00-corpus.ipynb").exists() and (copy / "out" / "figures" / "00-document-sizes.png").exists()


def test_many_places_by_folder_and_by_sidecar(tmp_path):
    copy = clean_copy(tmp_path / "repo")
    for place in ("浙江省", "江苏省"):
        (copy / "reports" / place).mkdir(parents=True)
        (copy / "reports" / place / "2003.md").write_text(markdown_report(2003, place), encoding="utf-8")
    done = run_recipe(copy, the_block("howto.md", "--district-from-folder"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "cn330000-2003.md" in (copy / "mycorpus" / "manifest.csv").read_text(encoding="utf-8")
    howto = (ROOT / "docs" / "howto.md").read_text(encoding="utf-8")
    sidecar = re.search(r"```text\n(file,district.*?)```", howto, re.S).group(1)      # the sidecar as the page shows it
    shutil.rmtree(copy / "reports")
    (copy / "reports").mkdir()
    (copy / "reports" / "files.csv").write_text(sidecar, encoding="utf-8")
    for line in sidecar.splitlines()[1:]:
        name, place = line.split(",")[:2]
        path = copy / "reports" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown_report(int(re.search(r"\d{4}", name).group(0)), place), encoding="utf-8")
    shutil.rmtree(copy / "mycorpus")
    done = run_recipe(copy, the_block("howto.md", "--sidecar"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert len((copy / "mycorpus" / "manifest.csv").read_text(encoding="utf-8").splitlines()) == len(
        sidecar.splitlines())                                    # one row per listed file, and the header


def test_comparing_two_other_places_on_a_small_pair(tmp_path):
    """The yml as the page shows it, with its two paths pointing at the fixture corpus."""
    copy = clean_copy(tmp_path / "repo")
    corpus = copy / "corpus"
    corpus.mkdir()
    (corpus / "mh.txt").write_text("\n".join(report_lines(2021, "闵行区")) + "\n", encoding="utf-8")
    (corpus / "pd.txt").write_text("\n".join(report_lines(2022, "浦东新区")) + "\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text(textwrap.dedent("""\
        doc_id,file,district,district_zh,date,year,genre,title,scope
        minhang-2021-wr,mh.txt,Minhang,闵行,2021-01-15,2021,work_report,2021年闵行区政府工作报告,whole
        pudong-2022-wr,pd.txt,Pudong,浦东,2022-01-15,2022,work_report,2022年浦东新区政府工作报告,whole
        """), encoding="utf-8")
    howto = (ROOT / "docs" / "howto.md").read_text(encoding="utf-8")
    yml = re.search(r"```yaml\n(# minhang-vs-pudong\.yml\n.*?)```", howto, re.S).group(1)
    yml = yml.replace("/path/to/corpus", str(corpus)).replace("/path/to/out", str(copy / "out"))
    (copy / "minhang-vs-pudong.yml").write_text(yml, encoding="utf-8")
    done = run_recipe(copy, the_block("howto.md", "minhang-vs-pudong.yml"))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert (copy / "out" / "figures" / "03-term-explorer-main.html").exists()


def test_a_new_notebooks_first_cell_renders_chinese(tmp_path):
    """The python block of "Write a new analysis notebook", then a figure of one's own: no
    glyph is missing, because prepare applies the project style."""
    howto = (ROOT / "docs" / "howto.md").read_text(encoding="utf-8")
    block = textwrap.dedent(re.search(r"```python\n(.*?)```", howto[howto.index("## Write a new analysis notebook"):],
                                      re.S).group(1))
    script = tmp_path / "new_notebook.py"
    script.write_text("import warnings\nwarnings.simplefilter('error')\n"
                      f"MANIFEST = {str(ROOT / 'seeds' / 'manifest.csv')!r}\nFIGURES_DIR = {str(tmp_path)!r}\n"
                      "DOCUMENTS = None\n" + block + textwrap.dedent("""
                      import matplotlib
                      matplotlib.use("Agg")
                      import matplotlib.pyplot as plt
                      figure, ax = plt.subplots()
                      ax.set_title("长宁与徐汇")
                      figure.savefig(FIGURES_DIR + "/mine.png")
                      print(len(tokens))
                      """), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert done.returncode == 0 and "Glyph" not in done.stderr, done.stderr[-2000:]
    assert (tmp_path / "mine.png").exists()
