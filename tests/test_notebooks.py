"""Notebooks are thin, executed top to bottom, and leave nothing that varies between runs."""
import json
import re

import pytest

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
    assert notebook["metadata"] == {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }


def test_every_figure_has_svg_and_csv_beside_it():
    pngs = sorted(COMMITTED_FIGURES_DIR.glob("*.png"))
    assert pngs
    for png in pngs:
        assert png.with_suffix(".svg").is_file() and png.with_suffix(".csv").is_file()
        assert png.name[:2] in {path.name[:2] for path in NOTEBOOKS}


def test_importing_the_package_prints_nothing():
    import subprocess
    import sys

    from analysis.paths import ROOT

    code = "import analysis, analysis.stats, analysis.themes, analysis.topics, analysis.kwic, analysis.benchmark"
    result = subprocess.run([sys.executable, "-W", "default", "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""
