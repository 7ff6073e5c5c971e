"""Running a notebook as a Jupyter client does: in its own folder, no timings, full metadata."""
import json

import nbformat

from tools import notebook_execution


def test_execute_in_place_runs_in_the_notebook_folder_and_writes_no_timing(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("import os\nprint(os.path.basename(os.getcwd()))", id="c1"),
                      nbformat.v4.new_code_cell("1 + 1", id="c2")]
    folder = tmp_path / "here"
    folder.mkdir()
    path = folder / "t.ipynb"
    nbformat.write(notebook, path)
    notebook_execution.execute_in_place(path)
    written = json.loads(path.read_text(encoding="utf-8"))
    first, second = written["cells"]
    assert first["outputs"][0]["text"] == ["here\n"]
    assert second["outputs"][0]["data"]["text/plain"] == ["2"]
    assert [cell["execution_count"] for cell in written["cells"]] == [1, 2]
    assert all("execution" not in cell["metadata"] for cell in written["cells"])
    assert written["metadata"]["kernelspec"] == notebook_execution.KERNELSPEC
    assert written["metadata"]["language_info"]["name"] == "python"
    assert path.read_bytes().endswith(b"\n") and b"\r\n" not in path.read_bytes()

