"""Command line: ``python -m analysis add FILE… --district D`` adds documents and
``python -m analysis remove DOC_ID…`` undoes it (see analysis.documents.intake); ``python -m analysis check`` validates the corpus before
anything runs; ``python -m analysis export --format csv|parquet|xlsx OUT_DIR`` writes the
analysis tables with their data dictionary (see analysis.outputs.export); ``python -m analysis
benchmark`` prints the performance figures (see tools/benchmark/run.py).

Each command imports what it needs when it runs (jieba, pandas and matplotlib take
seconds to load), so ``--help`` and ``add`` answer at once."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .paths import MANIFEST, ROOT, display_path


def check(manifest: Path, flag_share: float) -> int:
    """Report every manifest and file problem at once, then the documents whose cleaning
    removed an unusual share, then lexicon and theme-dictionary problems
    (:func:`analysis.documents.corpus_problems`). Exit status 1 when anything is wrong (a
    flagged document counts), 0 otherwise.

    Warnings do not fail the check: a work report with no review or no plan part (an
    excerpt, or a text whose headings were not recognised) is left out of every
    review/plan comparison, and a document with appended material has it set apart."""
    from .dictionaries.themes import read_themes
    from .documents.checks import corpus_problems, heading_lines
    from .documents.structure import PART_HEADINGS_FILE
    from .segmentation.lexicon import read_lexicon

    found = corpus_problems(manifest, flag_share)
    problems, warnings, documents = found
    if documents is not None:
        print(f"{display_path(manifest)}: {documents} documents read and cleaned")
        print(f"part headings (kind and title; the rules are in {display_path(PART_HEADINGS_FILE)}):")
        for line in heading_lines(found.part_headings):
            print(f"  {line}")
    for reader in (read_lexicon, read_themes):
        try:
            reader()
        except ValueError as exc:
            problems.append(str(exc))
    for warning in warnings:
        print(f"warning: {warning}")
    for problem in problems:
        print(problem, file=sys.stderr)
    print((f"{len(problems)} problem(s)" if problems else "no problems")
          + (f", {len(warnings)} warning(s)" if warnings else ""))
    return 1 if problems else 0


def add(args: argparse.Namespace) -> int:
    """Add the files (analysis.documents.intake); print one line per document added, or every problem."""
    from .documents.intake import MANIFEST_COLUMNS, add_documents, read_sidecar
    from .documents.corpus import CorpusError

    if not args.files and not args.sidecar:
        print("add: give the files, or a --sidecar that lists them", file=sys.stderr)
        return 2
    try:
        per_file = read_sidecar(args.sidecar) if args.sidecar else {}
        files = [*args.files, *(path for path in per_file if path not in args.files)]
        result = add_documents(files, args.district, district_zh=args.district_zh, genre=args.genre,
                               date=args.date, title=args.title, doc_id=args.doc_id, scope=args.scope,
                               speaker=args.speaker, source=args.source, publisher=args.publisher,
                               manifest=args.manifest, district_from_folder=args.district_from_folder,
                               keep_going=args.keep_going, per_file=per_file, dry_run=args.dry_run)
    except CorpusError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s); nothing was added", file=sys.stderr)
        return 1
    rows, refused = (result.rows, result.refused) if args.keep_going else (result, [])
    for problem in refused:
        print(f"refused: {problem}", file=sys.stderr)
    if args.dry_run:
        import csv
        import io

        buffer = io.StringIO()                          # the rows as add would write them (columns with a value)
        columns = [c for c in MANIFEST_COLUMNS if any(row.get(c) for row in rows)]
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        print(buffer.getvalue(), end="")
        print(f"dry run: {len(rows)} document(s) would be added to {display_path(args.manifest)}"
              + (f", {len(refused)} file problem(s) refused" if refused else "") + "; nothing was written")
        return 1 if refused else 0
    for row in rows:
        print(f"added {row['doc_id']}: {row['file']}, {row['date']} ({row['date_note']})")
    print(f"{len(rows)} document(s) added to {display_path(args.manifest)}"
          + (f", {len(refused)} file problem(s) refused" if refused else "")
          + f"; next: python -m analysis check --manifest {display_path(args.manifest)}")
    return 1 if refused else 0


def remove(args: argparse.Namespace) -> int:
    """Undo add (analysis.documents.intake.remove_documents); print what was removed, or the problems."""
    from .documents.corpus import CorpusError
    from .documents.intake import remove_documents

    try:
        removed = remove_documents(args.doc_ids, args.manifest)
    except CorpusError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print("nothing was removed", file=sys.stderr)
        return 1
    for row in removed:
        print(f"removed {row['doc_id']}: its row of {display_path(args.manifest)} and {row['file']}")
    return 0


def export(args) -> int:
    """``export``: the analysis tables of a corpus with their data dictionary."""
    from .outputs import export as exporting
    from .documents.corpus import CorpusError
    from .prepare import prepare

    if args.min_freq < 1 or args.window < 1:
        print("--min-freq and --window must be at least 1", file=sys.stderr)
        return 2
    designs = {name: (target, reference) for name, target, reference in args.design} if args.design \
        else exporting.DEFAULT_DESIGNS
    terms = [t.strip() for t in args.terms.split(",") if t.strip()]
    try:
        corpus, paras, tokens = prepare(manifest=args.manifest, workers=args.workers)
        tables = exporting.analysis_tables(corpus, paras, tokens, designs, terms, args.min_freq, args.window)
        paths = exporting.write_tables(tables, args.out_dir, args.fmt)
    except CorpusError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except ValueError as exc:
        hint = "; pass --design NAME TARGET REFERENCE for this corpus" if "design" in str(exc) and not args.design else ""
        print(f"export: {exc}{hint}", file=sys.stderr)
        return 1
    if not terms:
        print("concordance not written: no --terms given")
    for name, table in tables.items():
        print(f"{name}: {len(table):,} rows")
    print(f"{len(paths)} file(s) written to {display_path(args.out_dir)} ({args.fmt}), with the data dictionary")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate the manifest, the texts, the lexicon and the themes")
    check_parser.add_argument("--manifest", type=Path, default=MANIFEST, help="manifest CSV (default: seeds/manifest.csv)")
    check_parser.add_argument("--flag-share", type=float, default=0.2,
                              help="flag a document whose cleaning removes more than this share (default 0.2)")
    add_parser = commands.add_parser("add", help="copy documents beside the manifest (--manifest; default seeds/) and write their rows")
    add_parser.add_argument("files", nargs="*", type=Path, metavar="FILE",
                            help="documents: .txt, .md, .html, .docx or .pdf")
    add_parser.add_argument("--sidecar", type=Path, help="CSV or TSV with a file column (relative to it) and any of "
                            "district, district_zh, date, genre, title, doc_id, speaker, source, publisher, scope "
                            "per file; its files are added with the FILEs")
    add_parser.add_argument("--district", help="place: a district id (Changning, Shanghai) or a Chinese name "
                            "(长宁, 杭州市, 浙江省; a division of China becomes cn + its code)")
    add_parser.add_argument("--district-from-folder", action="store_true",
                            help="each file's place is the name of its folder (浙江省/2003.md); copies are named "
                                 "PLACE-FILE so that places cannot clash")
    add_parser.add_argument("--keep-going", action="store_true",
                            help="add the files without problems and list each refused file with its reason "
                                 "(exit status 1 when any was refused); default: all or nothing")
    add_parser.add_argument("--district-zh", help="place name in Chinese (default: the manifest's for the district)")
    add_parser.add_argument("--genre", help="work_report, plan_proposal, news_article … "
                                            "(default: work_report when the title contains 政府工作报告)")
    add_parser.add_argument("--date", help="YYYY-MM-DD, or YYYY when only the year is known (default: read from the report's "
                            "meeting line, else the year from the title or file name); one file only")
    add_parser.add_argument("--title", help="title (default: from the file's metadata, else its first line when that is a short title line, as a Markdown # heading or a DOCX Heading 1 is); one file only")
    add_parser.add_argument("--doc-id", help="doc_id (default: district-year-genre code); one file only")
    add_parser.add_argument("--scope", default="whole", help="whole, or 'excerpt: …' (default: whole)")
    add_parser.add_argument("--speaker", default="", help="who delivered or signed it")
    add_parser.add_argument("--source", default="", help="what kind of source the file came from")
    add_parser.add_argument("--publisher", default="", help="the government body that issued the text, e.g. "
                            "上海市长宁区人民政府 (default: the file's metadata, else empty)")
    add_parser.add_argument("--manifest", type=Path, default=MANIFEST, help="manifest CSV (default: seeds/manifest.csv)")
    add_parser.add_argument("--dry-run", action="store_true",
                            help="check the files and print the manifest rows that would be written; write nothing")
    remove_parser = commands.add_parser("remove", help="undo add: drop documents' manifest rows and their copied files")
    remove_parser.add_argument("doc_ids", nargs="+", metavar="DOC_ID")
    remove_parser.add_argument("--manifest", type=Path, default=MANIFEST,
                               help="manifest CSV (default: seeds/manifest.csv)")
    export_parser = commands.add_parser("export", help="write the analysis tables with their data dictionary")
    export_parser.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="folder to write to (created)")
    export_parser.add_argument("--format", required=True, choices=["csv", "parquet", "xlsx"], dest="fmt",
                               help="csv and parquet: a file per table; xlsx: one workbook, a sheet per table")
    export_parser.add_argument("--manifest", type=Path, default=MANIFEST, help="manifest CSV (default: seeds/manifest.csv)")
    export_parser.add_argument("--design", nargs=3, action="append", metavar=("NAME", "TARGET", "REFERENCE"),
                               help="a keyness design: name and pandas queries on the token table for its two "
                                    "sides (repeatable; default: notebook 03's designs on the seeds)")
    export_parser.add_argument("--terms", default="", help="comma-separated terms for concordance lines (default: none)")
    export_parser.add_argument("--min-freq", type=int, default=5, help="keyness: minimum frequency on the two sides")
    export_parser.add_argument("--window", type=int, default=15, help="concordance: characters on each side")
    export_parser.add_argument("--workers", type=int, default=1, help="processes that segment the documents")
    validate_parser = commands.add_parser("validate", help="blind double coding: export workbooks, import codes "
                                   "(agreement, adjudication, precision and recall)")
    steps = validate_parser.add_subparsers(dest="step", required=True)
    out = steps.add_parser("export", help="draw the blind sample; write its keys and one blank workbook per coder")
    out.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    out.add_argument("--coders", nargs="+", required=True, metavar="ID", help="coder ids, one workbook each")
    out.add_argument("--per-entry", type=int, default=8, help="hit sentences per theme and instrument (default 8)")
    out.add_argument("--random", type=int, default=100, help="random body sentences, for recall (default 100)")
    out.add_argument("--numbers", type=int, default=40, help="sentences with numbers, for the extractor (default 40)")
    out.add_argument("--seed", type=int, default=2026)
    out.add_argument("--manifest", type=Path, default=MANIFEST)
    into = steps.add_parser("import", help="read the coders' workbooks; write agreement, disagreements and scores")
    into.add_argument("workbooks", nargs="+", type=Path, metavar="WORKBOOK")
    into.add_argument("--keys", type=Path, required=True, help="the folder validate export wrote the keys into")
    into.add_argument("--adjudication", type=Path, help="adjudication.xlsx (or .csv) with every final filled in")
    into.add_argument("--out", type=Path, required=True, help="folder for the tables")
    into.add_argument("--manifest", type=Path, default=MANIFEST)
    bench = commands.add_parser("benchmark", help="measure throughput, speed-ups, memory and notebook times")
    bench.add_argument("--copies", type=int, default=100, help="corpus size as a multiple of the seeds (default 100)")
    bench.add_argument("--workers", type=int, default=0, help="processes for the parallel run (default: all cores)")
    bench.add_argument("--skip-notebooks", action="store_true", help="do not time the notebooks")
    bench.add_argument("--real-size-reports", type=int, default=1200,
                       help="synthetic work reports for the real-size figures (default 1,200; 0 skips them)")
    bench.add_argument("--out-of-core-reports", type=int, default=10_000,
                       help="synthetic reports for the out-of-core figures (default 10,000; 0 skips them)")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.manifest, args.flag_share)
    if args.command == "add":
        return add(args)
    if args.command == "remove":
        return remove(args)
    if args.command == "export":
        return export(args)
    if args.command == "validate":
        return validate(args)
    return benchmark(args)


def validate(args: argparse.Namespace) -> int:
    """``validate export``: the blind sample's keys and workbooks; ``validate import``: agreement
    (α, κ), the adjudication sheet and, once adjudicated, precision and recall (analysis.coding)."""
    from .coding.workflow import export_sample, import_codes, measured_dictionaries
    from .prepare import prepare

    try:
        measured = measured_dictionaries(*prepare(manifest=args.manifest))
        if args.step == "export":
            for path in export_sample(args.out_dir, args.coders, measured, args.per_entry, args.random, args.numbers,
                                      args.seed):
                print(f"wrote {display_path(path)}")
            print(f"keys in {display_path(args.out_dir)} (key_sentences.csv, key_numbers.csv): keep them from the coders")
            return 0
        tables = import_codes(args.keys, args.workbooks, measured, args.out, args.adjudication)
    except ValueError as exc:
        print(f"validate: {exc}", file=sys.stderr)
        return 1
    print(tables["agreement"].to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    if "final_sentences" not in tables:
        print(f"coders disagree: fill the final column of {display_path(args.out / 'adjudication.xlsx')} "
              "and run again with --adjudication")
        return 0
    for name in ("precision_themes", "recall_themes", "precision_instruments", "recall_instruments", "quantity_measures"):
        print(f"\n{name}")
        print(tables[name].to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    return 0


def benchmark(args: argparse.Namespace) -> int:
    """``benchmark``: run tools/benchmark/run.py of the repository (tooling, not part of the package)."""
    tools = ROOT / "tools" / "benchmark" / "run.py"
    if not tools.is_file():
        print(f"benchmark: {display_path(tools)} not found; the benchmark runs from a clone of the repository",
              file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from tools.benchmark.run import run    # the repository's tooling, on the path only for this command

    return run(args.copies, args.workers, not args.skip_notebooks, out_of_core_reports=args.out_of_core_reports,
               real_size_reports=args.real_size_reports)


if __name__ == "__main__":
    sys.exit(main())
