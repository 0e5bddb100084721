"""Ingest and query benchmarks on the real corpus: a fresh build, parse and embed rates, answer() latency."""
from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

DEV_SET = Path("eval/sets/dev.jsonl")
_HEADING = re.compile(r"^[A-Z][A-Za-z ,'&-]{8,60}$")


def percentiles(values: list[float]) -> dict:
    if not values:
        return {"p50": None, "p95": None, "mean": None}
    return {"p50": round(float(np.percentile(values, 50)), 2), "p95": round(float(np.percentile(values, 95)), 2),
            "mean": round(float(np.mean(values)), 2)}


def cli(*args: str) -> list[str]:
    """The partnerqa command, run with this interpreter (works without an activated venv)."""
    return [sys.executable, "-m", "chat.cli", *args]


def fresh_ingest(corpus_dir: Path, index_dir: Path) -> dict:
    """Wall time of `partnerqa ingest` into an empty index directory, as a user would run it."""
    began = time.perf_counter()
    proc = subprocess.run(cli("ingest", "--index-dir", str(index_dir), "--corpus-dir", str(corpus_dir)),
                          capture_output=True, text=True, timeout=1800)
    wall = time.perf_counter() - began
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"ingest failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return {"fresh_ingest_s": round(wall, 2), "summary": proc.stdout.strip().splitlines()[-1]}


def parse_rate(corpus_dir: Path) -> tuple[dict, list[str]]:
    """Pages per second through load + clean + chunk; returns the chunks' indexed texts too."""
    from index.build import discover
    from ingest.catalog import read_catalog
    from ingest.chunking import chunk_document
    from ingest.documents import load_document

    corpus_dir = corpus_dir.resolve()
    files, _ = discover([corpus_dir], corpus_dir)
    catalog, pages, texts = read_catalog(corpus_dir), 0, []
    began = time.perf_counter()
    for path in files:
        document = load_document(path, corpus_dir, catalog.get(path.relative_to(corpus_dir).as_posix()))
        pages += len(document.pages)
        texts += [c.index_text for c in chunk_document(document)]
    seconds = time.perf_counter() - began
    return {"files": len(files), "pages": pages, "chunks": len(texts), "parse_s": round(seconds, 3),
            "pages_per_s": round(pages / seconds, 1)}, texts


def embed_rate(texts: list[str], precisions: tuple[str, ...]) -> dict:
    """Chunks per second embedded at each precision (model load excluded, warmed up)."""
    from index.embedder import SentenceTransformerEmbedder

    out = {}
    for precision in precisions:
        embedder = SentenceTransformerEmbedder(precision=precision)
        began = time.perf_counter()
        embedder.embed(texts[:4])
        load_s = time.perf_counter() - began
        began = time.perf_counter()
        embedder.embed(texts)
        seconds = time.perf_counter() - began
        out[precision] = {"chunks_per_s": round(len(texts) / seconds, 1), "embed_s": round(seconds, 2),
                          "load_s": round(load_s, 2)}
    return out


def load_questions(path: Path | None, corpus_dir: Path, limit: int | None = None) -> tuple[list[str], str]:
    """Questions from a QA set (JSON Lines with "question"), else made from corpus headings."""
    path = path or DEV_SET
    if path.is_file():
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        questions = [r["question"] for r in rows if r.get("question")]
        return questions[:limit] if limit else questions, str(path)
    return builtin_questions(corpus_dir)[:limit] if limit else builtin_questions(corpus_dir), "corpus headings"


def builtin_questions(corpus_dir: Path, per_file: int = 8) -> list[str]:
    questions = []
    for path in sorted(Path(corpus_dir).glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8", errors="replace").splitlines()]
        headings = list(dict.fromkeys(ln for ln in lines if _HEADING.match(ln)))[:per_file]
        questions += [f"What does the document say about {h.lower()}?" for h in headings]
    return questions or ["Who leads safeguarding training?"]


def query_latency(index_dir: Path, corpus_dir: Path, questions: list[str]) -> dict:
    """answer() latency over `questions` on a warm engine, split into embed / retrieve / answer."""
    from chat.engine import load_engine

    engine = load_engine(index_dir=str(index_dir), corpus_dir=str(corpus_dir))
    engine.answer(questions[0])  # warm: opens the index and loads the query embedder
    parts: dict[str, list[float]] = {"total": [], "embed_ms": [], "retrieve_ms": [], "answer_ms": []}
    for question in questions:
        began = time.perf_counter()
        answer = engine.answer(question)
        parts["total"].append((time.perf_counter() - began) * 1000)
        for name in ("embed_ms", "retrieve_ms", "answer_ms"):
            parts[name].append(answer.timings.get(name, 0.0))
    return {"questions": len(questions), **{name: percentiles(values) for name, values in parts.items()}}
