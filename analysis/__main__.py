"""Command line: ``python -m analysis check`` validates the corpus before anything runs;
``python -m analysis benchmark`` prints the performance figures (see analysis.benchmark)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .paths import MANIFEST, display_path


def check(manifest: Path, flag_share: float) -> int:
    """Report every manifest and file problem at once, then the documents whose cleaning
    removed an unusual share, then lexicon and theme-dictionary problems. Exit status 1
    when anything is wrong (a flagged document counts), 0 otherwise."""
    from .corpus import cleaning_summary, load_corpus, manifest_problems
    from .themes import read_themes
    from .tokens import read_lexicon

    problems = manifest_problems(manifest)
    if not problems:
        corpus = load_corpus(manifest)
        summary = cleaning_summary(corpus, flag_share)
        for row in summary[summary["flagged"]].itertuples():
            name = corpus.loc[corpus["doc_id"] == row.doc_id, "file"].item()
            problems.append(f"{display_path(Path(manifest).parent / name)}: cleaning removed {row.share_removed:.1%} "
                            f"of the text (more than {flag_share:.0%}); inspect its cleaning audit")
        print(f"{display_path(manifest)}: {len(corpus)} documents read and cleaned")
    for reader in (read_lexicon, read_themes):
        try:
            reader()
        except ValueError as exc:
            problems.append(str(exc))
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s)" if problems else "no problems")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate the manifest, the texts, the lexicon and the themes")
    check_parser.add_argument("--manifest", type=Path, default=MANIFEST, help="manifest CSV (default: seeds/manifest.csv)")
    check_parser.add_argument("--flag-share", type=float, default=0.2,
                              help="flag a document whose cleaning removes more than this share (default 0.2)")
    bench = commands.add_parser("benchmark", help="measure throughput, speed-ups, memory and notebook times")
    bench.add_argument("--copies", type=int, default=100, help="corpus size as a multiple of the seeds (default 100)")
    bench.add_argument("--workers", type=int, default=0, help="processes for the parallel run (default: all cores)")
    bench.add_argument("--skip-notebooks", action="store_true", help="do not time the notebooks")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.manifest, args.flag_share)
    from .benchmark import run

    return run(args.copies, args.workers, not args.skip_notebooks)


if __name__ == "__main__":
    sys.exit(main())
