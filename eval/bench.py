"""`partnerqa bench`: run the benchmark sections, check the targets, write bench.json and a plot."""
from __future__ import annotations

import json
import logging
import os
import platform
import shutil
import tempfile
import time
from importlib import metadata
from pathlib import Path

from eval import bench_local, bench_scale, bench_serve

log = logging.getLogger(__name__)

SECTIONS = ("ingest", "query", "startup", "scale", "concurrency")
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
# (label, path into the results, "<=" or ">=", limit): the targets, 2 cores, warm index.
TARGETS = [
    ("answer() p50 ms", ("query", "total", "p50"), "<=", 50),
    ("answer() p95 ms", ("query", "total", "p95"), "<=", 150),
    ("one-shot ask s", ("startup", "ask_s"), "<=", 3),
    ("serve answering s", ("startup", "serve_answer_s"), "<=", 6),
    ("serve resident MB", ("concurrency", "serve_peak_rss_mb"), "<=", 1024),
    ("fresh ingest s", ("ingest", "fresh_ingest_s"), "<=", 15),
    ("embedding chunks/s", ("ingest", "chunks_per_s"), ">=", 60),
    ("1M dense p95 ms", ("scale_1000000", "dense_p95_ms"), "<=", 30),
    ("1M recall@10", ("scale_1000000", "recall_at_10"), ">=", 0.95),
    ("1M hybrid p95 ms", ("scale_1000000", "hybrid_p95_ms"), "<=", 100),
    ("1M resident MB", ("scale_1000000", "peak_rss_mb"), "<=", 3072),
    ("20 users errors", ("concurrency", "errors"), "<=", 0),
    ("20 users p95 ms", ("concurrency", "latency_ms", "p95"), "<=", 1500),
]


def machine() -> dict:
    model = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                  if ln.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    ram = next((int(ln.split()[1]) // 1024 for ln in Path("/proc/meminfo").read_text().splitlines()
                if ln.startswith("MemTotal")), None) if Path("/proc/meminfo").exists() else None
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {"cpus": os.cpu_count(), "cpu_model": model, "ram_mb": ram, "platform": platform.platform(),
            "load_avg_1min_at_start": load}


def versions() -> dict:
    out = {"python": platform.python_version()}
    for name in ("partnerqa", "torch", "sentence-transformers", "faiss-cpu", "numpy", "gradio", "tokenizers"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def run(out_dir: Path, corpus_dir: Path, sizes=DEFAULT_SIZES, quick: bool = False,
        sections=SECTIONS, questions_file: Path | None = None, users: int = 20, seconds: float = 30.0) -> dict:
    """Run the chosen sections; returns (and writes to out_dir/bench.json) every figure."""
    out_dir.mkdir(parents=True, exist_ok=True)
    settings = {"sizes": list(sizes), "quick": quick, "sections": list(sections), "users": users,
                "seconds": seconds, "corpus_dir": str(corpus_dir)}
    results = {"machine": machine(), "versions": versions(), "settings": settings,
               "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    work = Path(tempfile.mkdtemp(prefix="partnerqa-bench-"))
    try:
        _sections(results, work, corpus_dir, sizes, quick, sections, questions_file, users, seconds)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["targets"] = check_targets(results)
    (out_dir / "bench.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    plot = _plot(results, out_dir / "scale.png")
    results["plot"] = str(plot) if plot else None
    return results


def _sections(results, work, corpus_dir, sizes, quick, sections, questions_file, users, seconds):
    index_dir = work / "corpus-index"
    questions, origin = bench_local.load_questions(questions_file, corpus_dir, limit=10 if quick else None)
    results["settings"]["questions"] = origin
    if {"ingest", "query", "startup", "concurrency"} & set(sections):
        log.info("fresh ingest of %s", corpus_dir)
        results["ingest"] = bench_local.fresh_ingest(corpus_dir, index_dir)
    if "query" in sections:
        log.info("answer() latency over %d questions", len(questions))
        results["query"] = bench_local.query_latency(index_dir, corpus_dir, questions)
    if "ingest" in sections:
        parsed, texts = bench_local.parse_rate(corpus_dir)
        rates = bench_local.embed_rate(texts, ("fp32",) if quick else ("fp32", "bf16", "int8"))
        results["ingest"].update(parsed, embedding=rates, chunks_per_s=_configured_rate(rates))
    if "startup" in sections:
        results["startup"] = _startup(index_dir, corpus_dir, questions[0], runs=1 if quick else 3)
    if "concurrency" in sections:
        results["concurrency"] = _concurrency(index_dir, corpus_dir, questions, users, seconds)
    if "scale" in sections:
        for n in sizes:
            log.info("scale: %d synthetic chunks", n)
            results[f"scale_{n}"] = bench_scale.measure(n, work, count=20 if quick else 200)
            shutil.rmtree(work / f"scale-{n}", ignore_errors=True)


def _configured_rate(rates: dict) -> float:
    from chat.config import load_settings
    from index.embedder import resolve_precision

    precision = resolve_precision(load_settings().embed_precision)
    return rates.get(precision, rates["fp32"])["chunks_per_s"]


def _startup(index_dir: Path, corpus_dir: Path, question: str, runs: int) -> dict:
    out = bench_serve.one_shot_ask(index_dir, corpus_dir, question, runs)
    server = bench_serve.Server(index_dir, corpus_dir)
    try:
        out.update(server.wait_until_answering(question))
    finally:
        server.stop()
    return out


def _concurrency(index_dir, corpus_dir, questions, users, seconds) -> dict:
    server = bench_serve.Server(index_dir, corpus_dir)
    try:
        server.wait_until_answering(questions[0])
        out = bench_serve.concurrency(server, questions, users, seconds)
        memory = server.memory()
        out.update(serve_rss_mb=memory["rss_mb"], serve_peak_rss_mb=memory["peak_rss_mb"])
        return out
    finally:
        server.stop()


def check_targets(results: dict) -> list[dict]:
    rows = []
    for label, path, op, limit in TARGETS:
        value = results
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        met = None if value is None else (value <= limit if op == "<=" else value >= limit)
        rows.append({"target": label, "value": value, "limit": f"{op} {limit}", "met": met})
    return rows


def _plot(results: dict, path: Path) -> Path | None:
    from eval.bench_plot import plot_scale

    return plot_scale(results, path)
