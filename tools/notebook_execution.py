"""Executing notebooks the way a Jupyter client does, with nothing that varies by run.

A notebook runs top to bottom in a fresh ``python3`` kernel with its own folder as
working directory. The kernel's channels are encrypted (CurveZMQ keys provisioned by
jupyter_client, as the ipykernel kernelspec declares it supports), so the kernel does
not warn that it runs over TCP in plain text. The notebook keeps the metadata a Jupyter
client writes for this kernel: the kernelspec and the kernel's full ``language_info``,
so that JupyterLab, opening it, finds nothing to change. Execution timing is not
recorded.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient
from traitlets.config import Config

from analysis._internal.kernel_config import ENCRYPTED_KERNEL_CONFIG

__all__ = ["KERNEL_NAME", "KERNELSPEC", "execute", "execute_in_place"]

KERNEL_NAME = "python3"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL_NAME}
"""The kernelspec metadata JupyterLab writes for ipykernel's ``python3`` kernel."""


def execute(notebook: nbformat.NotebookNode, folder: Path, timeout: int = 1800) -> nbformat.NotebookNode:
    """Run every cell of ``notebook`` in a fresh encrypted ``python3`` kernel started in
    ``folder``; outputs and ``language_info`` are filled in place, and the notebook returned."""
    client = NotebookClient(notebook, timeout=timeout, kernel_name=KERNEL_NAME, record_timing=False,
                            resources={"metadata": {"path": str(folder)}},
                            config=Config(ENCRYPTED_KERNEL_CONFIG))
    client.execute()
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    return notebook


def execute_in_place(path: Path | str) -> None:
    """Execute the notebook at ``path`` (:func:`execute`, in its own folder) and write it
    back as Jupyter's contents manager does (nbformat, UTF-8, LF, one space indent)."""
    path = Path(path)
    notebook = execute(nbformat.read(path, as_version=4), path.parent)
    nbformat.validate(notebook)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        nbformat.write(notebook, handle)
