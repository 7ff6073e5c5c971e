"""Notebooks are thin, executed top to bottom, and leave nothing that varies between runs."""
import io
import json
import re

import nbformat
import pytest

from analysis.notebook_execution import KERNEL_NAME, KERNELSPEC
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


def test_importing_the_package_prints_nothing():
    import subprocess
    import sys

    from analysis.paths import ROOT

    code = "import analysis, analysis.stats, analysis.themes, analysis.topics, analysis.kwic, analysis.benchmark"
    result = subprocess.run([sys.executable, "-W", "default", "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""
