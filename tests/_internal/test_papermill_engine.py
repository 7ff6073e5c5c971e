"""The papermill engine: notebooks run by papermill without the kernel's TCP warning."""
import subprocess
import sys
from pathlib import Path

import nbformat


def test_papermill_with_the_project_engine_runs_with_no_tcp_warning(tmp_path):
    """``papermill --engine encrypted`` (the entry point in pyproject.toml): the kernel's
    channels are encrypted, so its log has no "running over TCP without encryption"; without
    the engine, papermill's kernel prints that warning (the reason the engine exists)."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("x = 1", id="c1")]
    source = tmp_path / "in.ipynb"
    nbformat.write(notebook, source)
    papermill = [str(Path(sys.executable).with_name("papermill")), "--no-progress-bar", "--kernel", "python3"]

    def stderr(*engine: str) -> str:
        return subprocess.run([*papermill, *engine, str(source), str(tmp_path / "out.ipynb")], capture_output=True,
                              text=True, check=True, cwd=tmp_path).stderr

    assert "without encryption" in stderr()
    assert "without encryption" not in stderr("--engine", "encrypted")
