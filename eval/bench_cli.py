"""The `partnerqa bench` command: registered through the "partnerqa.commands" entry point."""
from __future__ import annotations

import sys
from pathlib import Path

# Kept light: the CLI imports this module for every command, so the benchmark code loads only when run.


def register_bench(subparsers) -> None:
    from chat.cli import add_common

    p = subparsers.add_parser("bench", help="benchmark ingest, queries, start-up, scale and concurrency")
    p.add_argument("--out", type=Path, default=Path("eval/bench/latest"), help="where bench.json and the plot go")
    p.add_argument("--sizes", default="10000,100000,1000000", help="synthetic index sizes, comma-separated")
    p.add_argument("--sections", default="ingest,query,startup,scale,concurrency",
                   help="which sections to run, comma-separated")
    p.add_argument("--questions", type=Path, help="QA set (JSON Lines) for the query section "
                                                   "(default eval/sets/dev.jsonl, else corpus headings)")
    p.add_argument("--users", type=int, default=20, help="simultaneous users in the concurrency section")
    p.add_argument("--seconds", type=float, default=30.0, help="how long the concurrency section runs")
    p.add_argument("--quick", action="store_true", help="a small, fast run (sizes 2000, 3 s of 4 users)")
    add_common(p)
    p.set_defaults(func=cmd_bench)


def cmd_bench(args) -> int:
    from eval.bench import SECTIONS, run
    from eval.bench_report import table

    sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    unknown = sorted(set(sections) - set(SECTIONS))
    if unknown:
        print(f"partnerqa bench: unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}",
              file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    users, seconds = args.users, args.seconds
    if args.quick:
        sizes = sizes if args.sizes != "10000,100000,1000000" else [2000]
        users, seconds = min(users, 4), min(seconds, 3.0)
    corpus = Path(args.corpus_dir or "corpus")
    results = run(args.out, corpus, sizes, args.quick, sections, args.questions, users, seconds)
    print(table(results))
    print(f"\nwrote {args.out / 'bench.json'}" + (f" and {results['plot']}" if results.get("plot") else ""))
    return 0  # a benchmark reports figures; missed targets are shown in the table, not an error
