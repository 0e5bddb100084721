"""The `partnerqa` command line: ingest, search, ask, serve, and commands other packages register."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from importlib.metadata import entry_points
from pathlib import Path

# Exit codes (documented in the README).
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SKIPPED, EXIT_BUSY = 0, 1, 2, 3, 4


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not hasattr(args, "func"):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # turned into one friendly line here, the single place for it
        return report_error(exc, args.verbose)


def report_error(exc: Exception, verbose: bool) -> int:
    """Print an actionable one-line message for a known error; a traceback only with --verbose."""
    from chat.config import ConfigError
    from index.layout import IndexBusy
    from index.manifest import IndexMismatch
    from index.searcher import IndexMissing

    if verbose:
        logging.exception("failed")
    known = {ConfigError: EXIT_USAGE, IndexMismatch: EXIT_ERROR, IndexMissing: EXIT_ERROR,
             IndexBusy: EXIT_BUSY, ValueError: EXIT_USAGE, FileNotFoundError: EXIT_ERROR}
    for kind, code in known.items():
        if isinstance(exc, kind):
            print(f"partnerqa: {exc}", file=sys.stderr)
            return code
    print(f"partnerqa: unexpected error: {type(exc).__name__}: {exc} (run with --verbose for details)",
          file=sys.stderr)
    return EXIT_ERROR


def add_common(parser: argparse.ArgumentParser) -> None:
    """Options every command takes."""
    parser.add_argument("--index-dir", help="where the index lives (default .partnerqa, or $PARTNERQA_INDEX_DIR)")
    parser.add_argument("--corpus-dir", help="the documents' root folder (default corpus)")
    parser.add_argument("--config", help="settings file (default partnerqa.toml if present)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and show tracebacks")


def add_llm_options(parser: argparse.ArgumentParser) -> None:
    """Options for generated answers; the API key is read only from $PARTNERQA_LLM_API_KEY."""
    parser.add_argument("--llm-url", help="OpenAI-compatible server for generated answers, "
                                          "e.g. http://localhost:11434/v1 (key: $PARTNERQA_LLM_API_KEY)")
    parser.add_argument("--llm-model", help="model name at --llm-url, e.g. llama3.1")
    parser.add_argument("--llm-timeout", type=float, help="seconds to wait for the LLM (default 60)")
    parser.add_argument("--llm-max-tokens", type=int, help="longest generated answer in tokens (default 512)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="partnerqa", description="Ask questions of a partnership's documents; answers cite their sources.")
    parser.add_argument("-v", "--verbose", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("ingest", help="build or update the index from documents")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the corpus folder)")
    p.add_argument("--rebuild", action="store_true", help="ignore the existing index and build afresh")
    p.add_argument("--pdf-password", help="password for encrypted PDFs")
    p.add_argument("--wait", action="store_true", help="wait for another running ingest instead of exiting")
    add_common(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("search", help="show the passages that best match a query")
    p.add_argument("query")
    p.add_argument("--k", type=int, default=10, help="how many passages (default 10)")
    p.add_argument("--retriever", choices=("hybrid", "dense", "lexical"))
    p.add_argument("--json", action="store_true", help="print JSON")
    add_common(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("ask", help="answer a question with cited sources")
    p.add_argument("question", nargs="?", help="the question (or use --file)")
    p.add_argument("--file", type=Path, help="answer each line of this file, in one process")
    p.add_argument("--k", type=int, help="passages to retrieve (default 5)")
    p.add_argument("--retriever", choices=("hybrid", "dense", "lexical"))
    p.add_argument("--json", action="store_true", help="print the answer as JSON (JSON Lines with --file)")
    add_llm_options(p)
    add_common(p)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("serve", help="start the web chat")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    add_llm_options(p)
    p.add_argument("--auth", action="append", metavar="USER:PASSWORD", default=[],
                   help="require this login (repeatable); needed to bind to a non-local address")
    p.add_argument("--allow-upload", action="store_true", help="let users add documents from the Documents tab")
    p.add_argument("--max-upload-mb", type=int, default=50, help="largest upload accepted (default 50)")
    add_common(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("feedback", help="export the thumbs up/down given in the web chat")
    fsub = p.add_subparsers(title="actions", metavar="ACTION")
    e = fsub.add_parser("export", help="print all feedback as CSV or JSON Lines")
    e.add_argument("--format", choices=("csv", "jsonl"), default="csv", help="output format (default csv)")
    add_common(e)
    e.set_defaults(func=cmd_feedback_export)

    for ep in entry_points(group="partnerqa.commands"):
        try:
            register = ep.load()
        except ImportError as exc:  # a broken plug-in must not take the other commands down
            logging.getLogger(__name__).warning("command '%s' unavailable: %s", ep.name, exc)
            continue
        register(sub)  # the plug-in may use chat.cli.add_common for the shared options
    return parser


def _engine(args, ensure: bool = True):
    from chat.engine import load_engine

    llm = {name: getattr(args, name, None) for name in ("llm_url", "llm_model", "llm_timeout", "llm_max_tokens")}
    return load_engine(index_dir=args.index_dir, corpus_dir=args.corpus_dir,
                       retriever=getattr(args, "retriever", None), k=getattr(args, "k", None),
                       config_file=args.config, ensure=ensure, **llm)


def cmd_ingest(args) -> int:
    engine = _engine(args, ensure=False)
    report = engine.ingest(args.paths or None, rebuild=args.rebuild, pdf_password=args.pdf_password,
                           wait=args.wait)
    for result in report.files:
        detail = f" ({result.chunks} chunks)" if result.chunks else ""
        reason = f": {result.reason}" if result.reason else ""
        print(f"{result.status:<9} {result.source}{detail}{reason}")
    counts = ", ".join(f"{report.count(s)} {s}" for s in ("added", "updated", "unchanged", "removed", "skipped"))
    print(f"{counts}; {report.chunks} chunks in the index ({report.embedded} embedded now)")
    return EXIT_SKIPPED if report.count("skipped") else EXIT_OK


def cmd_search(args) -> int:
    engine = _engine(args)
    hits = engine.search(args.query, k=args.k)
    if args.json:
        print(json.dumps([h.to_json() for h in hits], ensure_ascii=False, indent=2))
        return EXIT_OK
    for hit in hits:
        c = hit.chunk
        print(f"{hit.rank:>2}. {c.title} ({c.date}), p.{c.page_start}  [{hit.score:.3f}]  {c.source}")
        print("    " + c.text.replace("\n", "\n    ")[:600])
    return EXIT_OK


def cmd_ask(args) -> int:
    if bool(args.question) == bool(args.file):
        print("partnerqa ask: give a question or --file QUESTIONS.txt (one question per line)", file=sys.stderr)
        return EXIT_USAGE
    engine = _engine(args)
    if args.file:
        questions = [q for q in args.file.read_text(encoding="utf-8").splitlines() if q.strip()]
    else:
        questions = [args.question]
    for question in questions:
        if engine.settings.llm_url and not args.json:
            print_streamed(engine.answer_stream(question))
            continue
        answer = engine.answer(question)
        if args.json:
            print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
        else:
            print(format_answer(answer), flush=True)
    return EXIT_OK


def print_streamed(stream) -> None:
    """Print verified sentences as they arrive, then the sources; the final answer replaces the
    streamed text when it differs (the extractive fallback)."""
    shown = ""
    for item in stream:
        if isinstance(item, str):
            print(item, end="", flush=True)
            shown += item
            continue
        if shown and item.text == shown:
            print(format_answer(item)[len(shown):], flush=True)
        else:
            print(("\n\n" if shown else "") + format_answer(item), flush=True)


def format_answer(answer) -> str:
    """An answer, its notes and its numbered sources as plain text for a terminal."""
    lines = [answer.text]
    lines += [f"Note: {note}" for note in answer.notes]
    if answer.citations:
        lines.append("\nSources:")
        for c in answer.citations:
            chunk = c.hit.chunk
            lines.append(f"  [{c.n}] {chunk.title} ({chunk.date}), page {chunk.page_start} - {chunk.source}")
    return "\n".join(lines)


def cmd_serve(args) -> int:
    from chat.web import serve

    credentials = []
    for item in args.auth:
        user, sep, password = item.partition(":")
        if not (sep and user and password):
            print(f"partnerqa serve: --auth takes USER:PASSWORD, not '{item}'", file=sys.stderr)
            return EXIT_USAGE
        credentials.append((user, password))
    if not is_local(args.host) and not credentials:
        print(f"partnerqa serve: refusing to serve on {args.host} without a login; add --auth USER:PASSWORD "
              "(or use --host 127.0.0.1)", file=sys.stderr)
        return EXIT_USAGE
    if args.max_upload_mb < 1:
        print("partnerqa serve: --max-upload-mb must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    engine = _engine(args)
    serve(engine, host=args.host, port=args.port, auth=credentials or None, allow_upload=args.allow_upload,
          max_upload_mb=args.max_upload_mb)
    return EXIT_OK


def is_local(host: str) -> bool:
    """True for loopback addresses and 'localhost' (only this machine can connect)."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cmd_feedback_export(args) -> int:
    from chat.config import load_settings
    from chat.feedback import FeedbackStore, export

    settings = load_settings(args.config, {"index_dir": args.index_dir, "corpus_dir": args.corpus_dir})
    sys.stdout.write(export(FeedbackStore(Path(settings.index_dir)).rows(), args.format))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
