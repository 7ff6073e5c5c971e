"""Notebooks are thin, executed top to bottom, and leave nothing that varies between runs."""
import io
import json
import re

import nbformat
import numpy as np
import pandas as pd
import pytest

from tools.notebook_execution import KERNEL_NAME, KERNELSPEC
from analysis.paths import COMMITTED_FIGURES_DIR, NOTEBOOKS_DIR

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))


def test_notebooks_exist_and_are_numbered_in_order():
    numbers = [int(path.name[:2]) for path in NOTEBOOKS]
    assert numbers and numbers == list(range(len(numbers)))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_thin_executed_and_stable(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert [cell["execution_count"] for cell in code] == list(range(1, len(code) + 1))
    for cell in code:
        source = "".join(cell["source"])
        assert not re.search(r"^\s*(def|class) ", source, re.M), "logic belongs in the analysis package"
        assert "execution" not in cell["metadata"]
        for output in cell["outputs"]:
            assert output["output_type"] != "error"
            assert output.get("name") != "stderr", "".join(output.get("text", ""))
            text = json.dumps(output, ensure_ascii=False)
            assert not re.search(r"/(work|root|home|tmp)/", text), "absolute path in output"
            assert not re.search(r" at 0x[0-9a-f]+", text), "memory address in output"
    assert set(notebook["metadata"]) == {"kernelspec", "language_info"}
    assert notebook["metadata"]["kernelspec"] == KERNELSPEC


@pytest.fixture(scope="module")
def kernel_language_info():
    """The language_info this environment's python3 kernel reports (what JupyterLab writes)."""
    from jupyter_client.manager import KernelManager

    manager = KernelManager(kernel_name=KERNEL_NAME, transport_encryption="auto")
    manager.start_kernel()
    client = manager.client()
    try:
        client.start_channels()
        client.wait_for_ready(timeout=60)
        return client.kernel_info(reply=True, timeout=60)["content"]["language_info"]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_carries_what_a_jupyter_client_writes(path, kernel_language_info):
    """Opening a committed notebook in JupyterLab and saving it changes no byte: its
    language_info is the kernel's (the Python version is the one `make reproduce` ran, the
    newest supported; under another Python only the version may differ), and writing it
    back as Jupyter's contents manager does (nbformat) gives the same bytes."""
    text = path.read_text(encoding="utf-8")
    committed = json.loads(text)["metadata"]["language_info"]
    assert {k: v for k, v in committed.items() if k != "version"} == \
        {k: v for k, v in kernel_language_info.items() if k != "version"}
    assert re.fullmatch(r"3\.1[1-3]\.\d+", committed["version"])
    if committed["version"].rsplit(".", 1)[0] == kernel_language_info["version"].rsplit(".", 1)[0]:
        assert committed["version"] == kernel_language_info["version"]
    notebook = nbformat.read(path, as_version=4)
    buffer = io.StringIO()
    nbformat.write(notebook, buffer)
    assert buffer.getvalue() == text


def test_every_figure_has_svg_and_csv_beside_it():
    pngs = sorted(COMMITTED_FIGURES_DIR.glob("*.png"))
    assert pngs
    for png in pngs:
        assert png.with_suffix(".svg").is_file() and png.with_suffix(".csv").is_file()
        assert png.name[:2] in {path.name[:2] for path in NOTEBOOKS}


@pytest.mark.slow
def test_importing_the_package_prints_nothing():
    import subprocess
    import sys

    from analysis.paths import ROOT

    code = "import analysis, analysis.textstats, analysis.dictionaries.themes, analysis.models.topics, analysis.extract.kwic, tools.benchmark.run"
    result = subprocess.run([sys.executable, "-W", "default", "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_one_parameters_cell_with_the_corpus_and_figure_folder(path):
    notebook = nbformat.read(path, as_version=4)
    tagged = [cell for cell in notebook.cells if "parameters" in cell.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0].cell_type == "code"
    assert re.search(r"^MANIFEST = ", tagged[0].source, re.M) and re.search(r"^FIGURES_DIR = None", tagged[0].source, re.M)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_papermill_reads_every_one_line_parameter(path):
    """papermill's own reading of the parameters cell (what ``papermill --help-notebook``
    lists, and what it checks ``-p`` names against) finds every parameter written on one
    line: a comment holding '=' breaks its parser."""
    import papermill

    notebook = nbformat.read(path, as_version=4)
    source = next(c.source for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    one_line = set(re.findall(r"^([A-Z][A-Z0-9_]*) = [^\n]*?[^,\[{(\n]\s*(?:#[^\n]*)?$", source, re.M))
    assert one_line and one_line <= set(papermill.inspect_notebook(str(path)))
    assigned = set(re.findall(r"^([A-Z][A-Z0-9_]*(?:\s*,\s*[A-Z][A-Z0-9_]*)*)\s*=", source, re.M))
    assert assigned == set(papermill.inspect_notebook(str(path))), "one parameter a line: papermill reads no a, b = …"


@pytest.mark.slow
def test_notebook_03_runs_under_papermill_for_two_other_places(tmp_path):
    """Notebook 03 compares two other places with no code change: the two seed work
    reports filed under Minhang and Pudong (rows of analysis/data/districts.tsv), run by
    papermill with new parameters; its figures go to FIGURES_DIR, titles name the new places."""
    import shutil

    import papermill

    from analysis.paths import SEEDS_DIR

    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    for name in ("004_8b03acbbd24002e3.txt", "003_abf86c9aaf141910.txt"):
        shutil.copyfile(SEEDS_DIR / name, corpus_dir / name)
    (corpus_dir / "manifest.csv").write_text(
        "doc_id,file,district,date,year,genre,title,scope\n"
        "mh-2018-wr,004_8b03acbbd24002e3.txt,Minhang,2018-01-10,2018,work_report,2018年闵行区政府工作报告,whole\n"
        "pd-2019-wr,003_abf86c9aaf141910.txt,Pudong,2019-01-16,2019,work_report,2019年浦东新区政府工作报告,whole\n",
        encoding="utf-8")
    committed = {p.name: p.read_bytes() for p in COMMITTED_FIGURES_DIR.glob("03-*")}
    figures = tmp_path / "figures"
    output = tmp_path / "03-minhang-vs-pudong.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOKS_DIR / "03-changning-vs-xuhui.ipynb"), str(output), cwd=str(NOTEBOOKS_DIR), progress_bar=False,
        kernel_name=KERNEL_NAME, engine_name="encrypted",
        parameters={
            "MANIFEST": str(corpus_dir / "manifest.csv"), "FIGURES_DIR": str(figures),
            "PLACES": ["Minhang", "Pudong"], "REPORTS": ["mh-2018-wr", "pd-2019-wr"],
            "DESIGNS": {"main": ["doc_id == 'mh-2018-wr'", "doc_id == 'pd-2019-wr'"],
                        "same year": ["doc_id == 'mh-2018-wr' and part_kind == 'plan'",
                                      "doc_id == 'pd-2019-wr' and part_kind == 'review'"],
                        "sensitivity": ["district == 'Minhang'", "district == 'Pudong'"]},
        })
    written = sorted(p.name for p in figures.glob("03-*.png"))
    assert written == sorted(p for p in committed if p.endswith(".png"))
    assert {p.name: p.read_bytes() for p in COMMITTED_FIGURES_DIR.glob("03-*")} == committed
    svg = (figures / "03-keyness.svg").read_text(encoding="utf-8")
    executed = output.read_text(encoding="utf-8")
    assert "闵行 Minhang" in executed and "浦东 Pudong" in executed
    assert "长宁 Changning" not in "".join(
        "".join(cell.get("source", "")) for cell in json.loads(executed)["cells"] if cell["cell_type"] == "code"
        and "injected-parameters" not in cell["metadata"].get("tags", []) and "parameters" not in
        cell["metadata"].get("tags", []))
    assert svg.count("<path") > 0


@pytest.mark.slow
def test_notebook_01_runs_on_a_corpus_with_a_report_that_has_no_lexicon_term(tmp_path):
    """A document in which no lexicon term occurs (every older report) used to stop notebook
    01 at the lexicon table (a pivot indexed by every doc_id); it runs, and the document has
    zero lexicon terms in the summary."""
    import shutil

    import papermill

    from analysis.paths import SEEDS_DIR
    from analysis.segmentation.lexicon import lexicon_terms

    corpus_dir = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, corpus_dir)
    text = ("各位代表：\n一、2003年工作回顾\n过去一年，全市粮食产量稳定，农民收入有所增加，道路建设进展顺利。\n"
            "二、2004年主要任务\n今年要继续抓好农业生产，办好学校和医院，修好道路。\n")
    assert not any(term in text for term in lexicon_terms())
    (corpus_dir / "old-2004.txt").write_text(text, encoding="utf-8")
    with (corpus_dir / "manifest.csv").open("a", encoding="utf-8") as handle:
        handle.write("old-2004-wr,old-2004.txt,Changning,长宁,2004-01-10,2004,work_report,2004年长宁区政府工作报告,,,whole,,,,,original\n")
    output = tmp_path / "01-old.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOKS_DIR / "01-keyword-frequency.ipynb"), str(output), cwd=str(NOTEBOOKS_DIR), progress_bar=False,
        kernel_name=KERNEL_NAME, engine_name="encrypted",
        parameters={"MANIFEST": str(corpus_dir / "manifest.csv"), "FIGURES_DIR": str(tmp_path / "figures")})
    executed = json.loads(output.read_text(encoding="utf-8"))
    outputs = [o for cell in executed["cells"] for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("old-2004-wr" in "".join(o.get("data", {}).get("text/plain", "")) for o in outputs)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_papermill_parses_every_parameter_line_without_a_warning(path, caplog):
    """papermill warns "Unable to parse line" for a parameter spread over several lines (it
    then cannot tell a user the parameter exists); every parameters cell is one line each."""
    import logging

    import papermill

    with caplog.at_level(logging.WARNING, logger="papermill"):
        papermill.inspect_notebook(str(path))
    assert [r.getMessage() for r in caplog.records if "Unable to parse" in r.getMessage()] == []



SEED_NAMES = re.compile(r"Changning|Xuhui|(?<!数字)长宁|徐汇|\b(?:cn|xh)-20\d\d-")
"""The seeds' places and doc_ids, which no output on another corpus may name (数字长宁 is a
keyword of the theme dictionary, not a label)."""


@pytest.mark.slow
def test_every_notebook_runs_under_papermill_on_a_messy_corpus(tmp_path):
    """Notebooks 00–05 on a corpus the seeds are not like (tests/synthetic_reports.py,
    write_messy_corpus): 33 reports of three divisions of China that districts.tsv does not
    list, one place with 31 reports, two reports in one year, reports without part headings,
    a year-only date, places with one report. No cell fails, no output names a seed place
    or document, and notebook 03's outputs name the two places compared."""
    import papermill

    from synthetic_reports import MESSY_PLACES, write_messy_corpus

    ids = write_messy_corpus(tmp_path / "corpus")
    hangzhou, pair = ids["cn330100"], ["cn330100-2018-wr", "cn320100-2019-wr"]
    places = {"PLACES": ["cn330100", "cn320100"], "REPORTS": pair}
    parameters = {
        "00-corpus": {},
        "01-keyword-frequency": {"WORK_REPORTS": pair, "COMPARE": pair},
        "02-theme-evolution": {"TIMELINE": hangzhou, "REFERENCE": pair[1], "WORK_REPORTS": pair,
                               "EXCERPT": hangzhou[-1], "EXCERPT_SECTIONS": [1], "MATCH": pair[0], "MATCH_SECTIONS": [1],
                               "SUBJECT": "创新驱动 innovation", "TRAJECTORY_DOCS": hangzhou,
                               "TOPIC_NUMBERS": [2, 3, 4], "TOPIC_SAMPLES": 5},      # fewer fits: the test's time
        "03-changning-vs-xuhui": places,
        "04-targets-and-instruments": places,
        "05-panel": {},
    }
    assert sorted(parameters) == [path.stem for path in NOTEBOOKS]
    for name, own in parameters.items():
        output = tmp_path / f"{name}.ipynb"
        papermill.execute_notebook(
            str(NOTEBOOKS_DIR / f"{name}.ipynb"), str(output), cwd=str(NOTEBOOKS_DIR), progress_bar=False,
            kernel_name=KERNEL_NAME, engine_name="encrypted",
            parameters={"MANIFEST": str(tmp_path / "corpus" / "manifest.csv"), "FIGURES_DIR": str(tmp_path / "figures"),
                        **own})
        cells = [cell for cell in json.loads(output.read_text(encoding="utf-8"))["cells"] if cell["cell_type"] == "code"]
        outputs = [o for cell in cells for o in cell.get("outputs", [])]
        assert not [o for o in outputs if o.get("output_type") == "error"], name
        shown = json.dumps(outputs, ensure_ascii=False)
        assert not SEED_NAMES.findall(shown), (name, sorted(set(SEED_NAMES.findall(shown))))
        if name.startswith("03-"):
            assert MESSY_PLACES["cn330100"][:2] in shown and MESSY_PLACES["cn320100"][:2] in shown
        if name.startswith("02-"):          # 31 reports of one place: a trend per theme, Newey–West errors
            assert "documents on the timeline: 31; a trend needs at least 6" in shown and "Newey–West" in shown


@pytest.mark.slow
def test_notebook_03_does_not_move_when_a_document_of_another_place_joins(tmp_path):
    """The comparison reads only the two places' documents (documents.place_documents) and
    its log-odds prior is their counts (BACKGROUND): a Minhang report added to a copy of the
    seeds leaves every table notebook 03 writes as committed, byte for byte."""
    import shutil

    import papermill

    from analysis.paths import SEEDS_DIR
    from synthetic_reports import report_lines

    corpus_dir = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, corpus_dir)
    (corpus_dir / "mh-2021.txt").write_text("\n".join(report_lines(2021, "闵行区")) + "\n", encoding="utf-8")
    with (corpus_dir / "manifest.csv").open("a", encoding="utf-8") as handle:
        handle.write("minhang-2021-wr,mh-2021.txt,Minhang,闵行,2021-01-15,2021,work_report,2021年闵行区政府工作报告,,,whole,,,,,original\n")
    figures = tmp_path / "figures"
    papermill.execute_notebook(
        str(NOTEBOOKS_DIR / "03-changning-vs-xuhui.ipynb"), str(tmp_path / "03.ipynb"), cwd=str(NOTEBOOKS_DIR),
        progress_bar=False, kernel_name=KERNEL_NAME, engine_name="encrypted",
        parameters={"MANIFEST": str(corpus_dir / "manifest.csv"), "FIGURES_DIR": str(figures)})
    tables = sorted([*COMMITTED_FIGURES_DIR.glob("03-*.csv"), *COMMITTED_FIGURES_DIR.glob("03-term-explorer-*.html")])
    assert len(tables) > 5                         # the tables and the explorer pages (log-odds included)
    for table in tables:
        assert (figures / table.name).read_bytes() == table.read_bytes(), table.name


@pytest.mark.slow
def test_notebook_05_recovers_a_planted_panel(tmp_path):
    """Notebook 05 on the synthetic panel (tests/synthetic_reports.py, write_panel_corpus): 12
    provinces × 8 years and the national reports, one province-year missing. The coverage
    names the missing cell; the trend model finds ecology attention rising and economy
    attention falling (significant, clustered by government); every planted growth target,
    its type, its gap and its escalation over the national target is recovered."""
    import papermill

    from synthetic_reports import (PANEL_MISSING, PANEL_NATIONAL, PANEL_PLACES, panel_gap, panel_national_target,
                                   panel_target, panel_target_type, write_panel_corpus)

    write_panel_corpus(tmp_path / "corpus")
    figures = tmp_path / "figures"
    output = tmp_path / "05.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOKS_DIR / "05-panel.ipynb"), str(output), cwd=str(NOTEBOOKS_DIR), progress_bar=False,
        kernel_name=KERNEL_NAME, engine_name="encrypted",
        parameters={"MANIFEST": str(tmp_path / "corpus" / "manifest.csv"), "FIGURES_DIR": str(figures),
                    "NATIONAL": PANEL_NATIONAL})
    cells = [cell for cell in json.loads(output.read_text(encoding="utf-8"))["cells"] if cell["cell_type"] == "code"]
    assert not [o for cell in cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]

    coverage = pd.read_csv(figures / "05-coverage.csv", dtype={"missing_years": str}, keep_default_na=False)
    missing = coverage[coverage["missing"] > 0]
    assert missing[["government", "missing_years"]].values.tolist() == [[PANEL_MISSING[0], str(PANEL_MISSING[1])]]
    grid = pd.read_csv(figures / "05-coverage-grid.csv").set_index("government")
    assert grid.at[PANEL_MISSING[0], str(PANEL_MISSING[1])] == 0 and int((grid == 0).sum().sum()) == 1

    trends = pd.read_csv(figures / "05-measure-trends.csv").set_index(["family", "measure"])
    for theme, sign in (("ecology", 1), ("economy", -1)):
        row = trends.loc[("attention", theme)]
        assert row["significant"] and np.sign(row["slope_per_year"]) == sign, theme
        assert row["standard_errors"] == "clustered by government" and row["governments"] == 13
    assert not trends.loc[("attention", "culture"), "significant"]          # no trend planted, none found

    growth = pd.read_csv(figures / "05-growth-targets.csv")
    index = {code: i for i, code in enumerate(PANEL_PLACES)}
    provinces = growth[growth["government"] != PANEL_NATIONAL]
    assert len(provinces) == len(PANEL_PLACES) * 8 - 1
    expected_target = [panel_target(index[g], y) for g, y in zip(provinces["government"], provinces["year"])]
    assert np.allclose(provinces["target_value"], expected_target)
    assert provinces["target_type"].tolist() == [panel_target_type(index[g]) for g in provinces["government"]]
    paired = provinces[provinces["outcome_status"] == "paired"]
    assert len(paired) == len(PANEL_PLACES) * 7 - 2              # no 2018 outcome; 河北 2014 and 2015 have none
    assert np.allclose(paired["gap"], [panel_gap(index[g]) for g in paired["government"]])
    escalation = pd.read_csv(figures / "05-escalation.csv")
    assert np.allclose(escalation["national_target"], [panel_national_target(y) for y in escalation["year"]])
    assert np.allclose(escalation["escalation"], [0.5 + 0.1 * index[g] for g in escalation["government"]])
    from analysis import outputs

    assert outputs.targets_escalate(escalation).holds and outputs.trends_found(trends.reset_index(), "attention").holds


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if not p.name.startswith("00-")], ids=lambda p: p.name)
def test_every_findings_table_shows_whole_sentences(path):
    """The committed findings table (the output of the cell that builds outputs.claims_table)
    holds every claim and its evidence whole: no cell cut with pandas' '...'."""
    notebook = nbformat.read(path, as_version=4)
    cell = next(c for c in reversed(notebook.cells) if c.cell_type == "code" and "claims_table(" in c.source)
    assert 'option_context("display.max_colwidth", None)' in cell.source
    shown = "".join(o["data"]["text/html"] for o in cell.outputs if "text/html" in o.get("data", {}))
    cells = re.findall(r"<td>(.*?)</td>", shown, re.S)
    assert cells and not [c for c in cells if c.rstrip().endswith("...")]
