"""The times and sizes README.md quotes, beside the ones a run measured.

Usage: python -m tools.readme_times MEASURED.json

``.ci/run`` measures each figure on a clean clone (seconds, or MB for sizes), writes them as
JSON, and calls this to print each README figure beside its measurement, flagging one that
is off by more than a factor of 1.5. It prints and does not fail: times on a shared machine
are noisy. ``tests/test_docs.py`` checks that every pattern below still finds its figure in
README.md, so a rewording cannot silently drop one.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUOTED = {
    "env_seconds": (r"building `\.venv/` \([\d.]+ GB of disk\) takes\s+about (\d+) minutes?", 60),
    "venv_mb": (r"building `\.venv/` \(([\d.]+) GB of disk\)", 1000),
    "reproduce_seconds": (r"the notebooks then take about (\d+) s", 1),
    "cache_mb": (r"`\.cache/` \(about (\d+) MB", 1),
    "test_seconds": (r"tests in about (\d+) minutes on 2 cores", 60),
}
"""figure -> (pattern whose group is README's number, factor to seconds or MB)."""
TOLERANCE = 1.5


def quoted(readme: str) -> dict[str, float]:
    """README's figures in seconds or MB; a ValueError names a pattern that finds nothing."""
    text = " ".join(readme.split())
    figures = {}
    for name, (pattern, factor) in QUOTED.items():
        found = re.search(pattern, text)
        if found is None:
            raise ValueError(f"README.md no longer quotes {name} (pattern {pattern!r})")
        figures[name] = float(found.group(1)) * factor
    return figures


def report(measured: dict[str, float], readme: str) -> list[str]:
    """One line per figure: README's, the measured one, and 'off' beyond TOLERANCE."""
    lines = []
    for name, expected in quoted(readme).items():
        if name not in measured:
            lines.append(f"{name:18} README {expected:8.0f}   not measured")
            continue
        value = measured[name]
        off = not (expected / TOLERANCE <= value <= expected * TOLERANCE)
        lines.append(f"{name:18} README {expected:8.0f}   measured {value:8.0f}" + ("   OFF by more than ×1.5" if off else ""))
    return lines


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    measured = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    print("README figures (seconds or MB) against this run:")
    for line in report(measured, (ROOT / "README.md").read_text(encoding="utf-8")):
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
