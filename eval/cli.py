"""The `partnerqa eval` command: run a QA set, print a summary, write results.json and report.html."""
from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from eval.metrics import LOWER_IS_BETTER, METRIC_NAMES, RANK_DEPTH, format_delta, format_metric

EXIT_OK, EXIT_THRESHOLD, EXIT_BAD_INPUT = 0, 1, 2


class ThresholdError(ValueError):
    """A --fail-under spec that is not METRIC=VALUE with a known metric and a number."""


def load_engine(**kwargs):
    """chat.engine.load_engine, imported on use (the CLI stays fast; tests patch this function)."""
    from chat import engine as chat_engine

    return chat_engine.load_engine(**kwargs)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _add_common(parser: argparse.ArgumentParser) -> None:
    """The options every partnerqa command takes (chat.cli.add_common; a copy if chat is absent)."""
    try:
        from chat.cli import add_common
    except ImportError:
        parser.add_argument("--index-dir", help="where the index lives")
        parser.add_argument("--corpus-dir", help="the documents' root folder")
        parser.add_argument("--config", help="settings file")
        parser.add_argument("-v", "--verbose", action="store_true", help="log progress")
        return
    add_common(parser)


def register_eval(subparsers) -> None:
    """Add the `eval` subcommand to the main CLI (entry point group partnerqa.commands)."""
    p = subparsers.add_parser(
        "eval", help="run a QA set and report retrieval, answer, citation and abstention metrics",
        description="Run every question of a QA set (.jsonl or .csv) through the chat's answer "
                    "function; print a summary and write results.json and report.html.")
    p.add_argument("qa_set", metavar="SET", help="the QA set: a .jsonl or .csv file")
    p.add_argument("--k", type=_positive_int, default=5,
                   help="passages per answer (default 5); the retrieval metrics rank at least 10")
    p.add_argument("--out", help="output directory (default eval/runs/<timestamp>)")
    p.add_argument("--compare", metavar="PREVIOUS/results.json",
                   help="an earlier run's results.json to compare with")
    p.add_argument("--fail-under", metavar="METRIC=VALUE", nargs="+", action="append", default=[],
                   help="exit 1 when METRIC is below VALUE (above it for lower-is-better metrics: "
                        f"{', '.join(sorted(LOWER_IS_BETTER))}); repeatable; put SET first")
    p.add_argument("--retriever", choices=("hybrid", "dense", "lexical"), default=None,
                   help="which retrieval to evaluate (default hybrid)")
    p.add_argument("--llm-url", help="OpenAI-compatible endpoint for generated answers")
    p.add_argument("--llm-model", help="model name at --llm-url")
    p.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    _add_common(p)
    p.set_defaults(func=run_eval_command)


def parse_fail_under(specs: list[str]) -> dict[str, float]:
    """{metric: threshold} from METRIC=VALUE strings; ThresholdError names what is wrong."""
    thresholds = {}
    for spec in specs:
        name, sep, value = spec.partition("=")
        name = name.strip()
        if not sep:
            raise ThresholdError(f"--fail-under {spec!r}: use METRIC=VALUE, e.g. answer_accuracy=0.6")
        if name not in METRIC_NAMES:
            raise ThresholdError(f"--fail-under: unknown metric {name!r}; "
                                 f"valid names: {', '.join(METRIC_NAMES)}")
        try:
            thresholds[name] = float(value)
        except ValueError:
            raise ThresholdError(f"--fail-under {spec!r}: {value!r} is not a number") from None
    return thresholds


def check_thresholds(metrics: dict, thresholds: dict[str, float]) -> list[str]:
    """One message per missed threshold; a metric that could not be computed misses it."""
    missed = []
    for name, limit in thresholds.items():
        value = metrics.get(name)
        shown = f"{name} = {format_metric(name, value)}"
        if value is None:
            missed.append(f"{shown}: not measurable on this QA set (threshold {limit:g})")
        elif name in LOWER_IS_BETTER and value > limit:
            missed.append(f"{shown} is above the ceiling {limit:g} (lower is better)")
        elif name not in LOWER_IS_BETTER and value < limit:
            missed.append(f"{shown} is below {limit:g}")
    return missed


def format_summary(results: dict) -> str:
    """The plain-text summary table printed after a run."""
    from eval.html_report import describe_config

    comparison = results.get("comparison")
    shown = ("retriever", "k", "passages retrieved", "mode", "LLM")
    lines = ["  ".join(f"{k}: {v}" for k, v in describe_config(results) if k in shown), ""]
    header = f"{'metric':<20} {'value':>10}" + (f" {'previous':>10} {'change':>10}" if comparison else "")
    lines += [header, "-" * len(header)]
    for name in METRIC_NAMES:
        row = f"{name:<20} {format_metric(name, results['metrics'][name]):>10}"
        if comparison:
            change = comparison["metrics"][name]
            row += f" {format_metric(name, change['before']):>10} {format_delta(name, change['delta']):>10}"
        lines.append(row)
    summary = results["summary"]
    lines += ["", f"passed {summary['passed']} of {summary['questions']} questions"]
    for by in ("type", "difficulty"):
        lines += ["", f"{by:<14} {'questions':>9} {'passed':>7} {'pass rate':>10}"]
        for group, data in results["breakdowns"][by].items():
            rate = format_metric("rate", data["pass_rate"])
            lines.append(f"{group:<14} {data['questions']:>9} {data['passed']:>7} {rate:>10}")
    if comparison:
        lines += ["", f"pass -> fail: {', '.join(q['id'] for q in comparison['pass_to_fail']) or 'none'}",
                  f"fail -> pass: {', '.join(q['id'] for q in comparison['fail_to_pass']) or 'none'}"]
    return "\n".join(lines)


def ranking_function(engine, k: int):
    """The ranking the retrieval metrics score, and its depth.

    Answers use k passages, as the chat does; hit@10, MRR and nDCG@10 need 10, so the same search is
    asked separately for max(k, 10) (Engine.search). An engine without `search` is scored on the
    passages of its answers.
    """
    search = getattr(engine, "search", None)
    if search is None:
        return None, k
    depth = max(k, RANK_DEPTH)
    return (lambda question: search(question, k=depth)), depth


def run_eval_command(args: argparse.Namespace) -> int:
    """Handle `partnerqa eval`; returns 0, 1 (a threshold missed) or 2 (bad QA set or options)."""
    from eval.compare import ResultsError, load_results
    from eval.qaset import QASetError, load_qaset
    from eval.report import build_results, write_run
    from eval.runner import run_questions

    try:
        thresholds = parse_fail_under([s for group in args.fail_under or [] for s in group])
        items = load_qaset(args.qa_set)
        previous = load_results(args.compare) if args.compare else None
    except (ThresholdError, QASetError, ResultsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    engine = load_engine(index_dir=getattr(args, "index_dir", None),
                         corpus_dir=getattr(args, "corpus_dir", None), retriever=args.retriever, k=args.k,
                         llm_url=args.llm_url, llm_model=args.llm_model,
                         config_file=getattr(args, "config", None))
    retrieve_fn, depth = ranking_function(engine, args.k)
    records = run_questions(items, engine.answer, retrieve_fn,
                            progress=not getattr(args, "no_progress", False))
    engine_config = dict(getattr(engine, "config", None) or {})
    config = {"retriever": args.retriever or engine_config.get("retriever", "hybrid"), "k": args.k, "retrieval_depth": depth,
              "llm_url": args.llm_url, "llm_model": args.llm_model,
              "engine": engine_config}
    manifest = dict(getattr(engine, "manifest", None) or {})
    results = build_results(records, args.qa_set, config, manifest, previous)
    out = Path(args.out or Path("eval") / "runs" / datetime.now().strftime("%Y%m%d-%H%M%S"))
    paths = write_run(results, out)
    print(format_summary(results))
    print(f"\nwrote {paths['results']}\n      {paths['report']}")
    missed = check_thresholds(results["metrics"], thresholds)
    for message in missed:
        print(f"FAIL: {message}", file=sys.stderr)
    return EXIT_THRESHOLD if missed else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run eval without the main CLI: `python -m eval.cli eval SET ...`."""
    parser = argparse.ArgumentParser(prog="partnerqa")
    register_eval(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
