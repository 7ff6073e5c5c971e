"""Execute notebooks in place, top to bottom, and write them back byte-stably.

Usage: python tools/run_notebooks.py notebooks/00-corpus.ipynb [more.ipynb ...]

Each notebook runs in a fresh kernel with its own folder as working directory.
What would change from run to run or machine to machine is not written: no
execution timing, and the notebook metadata is reduced to a fixed kernelspec and
the language name (no Python patch version).
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def run(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=1800,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    notebook.metadata = nbformat.from_dict({"kernelspec": KERNELSPEC, "language_info": {"name": "python"}})
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    nbformat.validate(notebook)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        nbformat.write(notebook, handle)


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for name in paths:
        print(f"executing {name}", flush=True)
        run(Path(name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
