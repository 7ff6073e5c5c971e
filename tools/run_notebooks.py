"""Execute notebooks in place, top to bottom, and write them back byte-stably.

Usage: python -m tools.run_notebooks notebooks/00-corpus.ipynb [more.ipynb ...]

Each notebook runs in a fresh kernel with its own folder as working directory
(tools.notebook_execution): no execution timing is written, and the metadata is
what a Jupyter client writes for the kernel (kernelspec and full language_info).
"""
from __future__ import annotations

import sys

from tools.notebook_execution import execute_in_place


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for name in paths:
        print(f"executing {name}", flush=True)
        execute_in_place(name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
