"""Assemble an eval run into results.json and report.html in an output directory."""
from __future__ import annotations

import hashlib
import json
import logging
import subprocess
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from eval.compare import compare
from eval.metrics import QuestionScore, breakdown, compute_metrics, summarize

log = logging.getLogger(__name__)
SCHEMA_VERSION = 1
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def git_commit(cwd: Path = PROJECT_ROOT) -> dict:
    """The checked-out commit and whether the tree has uncommitted changes; None when git is absent."""
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain") if commit else None
    return {"git_commit": commit, "git_dirty": None if status is None else bool(status)}


def answer_mode(records: list[dict]) -> str:
    """The answer mode of the run: "extractive", "llm", or "mixed (...)" when answers differ."""
    modes = Counter(r["answer"].get("mode") for r in records if r.get("answer"))
    if not modes:
        return "unknown"
    if len(modes) == 1:
        return str(next(iter(modes)))
    return "mixed (" + ", ".join(f"{m} {n}" for m, n in modes.most_common()) + ")"


def file_sha256(path: str | Path) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def build_results(records: list[dict], qa_path: str | Path, config: dict, manifest: dict | None,
                  previous: dict | None = None) -> dict:
    """Everything about one run: provenance, metrics, breakdowns, comparison and every question."""
    scores = [QuestionScore.from_json(r["result"]) for r in records]
    results = {
        "schema_version": SCHEMA_VERSION,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        **git_commit(),
        "qa_set": {"path": str(qa_path), "sha256": file_sha256(qa_path), "questions": len(records)},
        "config": {**config, "mode": answer_mode(records)},
        "manifest": manifest or {},
        "summary": summarize(scores),
        "metrics": compute_metrics(scores),
        "breakdowns": {"type": breakdown(scores, "type"), "difficulty": breakdown(scores, "difficulty")},
        "errors": sum(1 for r in records if r.get("error")),
        "questions": records,
    }
    results["comparison"] = compare(previous, results) if previous else None
    return results


def write_run(results: dict, out_dir: str | Path) -> dict[str, Path]:
    """Write results.json and report.html into out_dir (created if needed); return their paths."""
    from eval.html_report import render_html

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    json_path, html_path = out / "results.json", out / "report.html"
    json_path.write_text(json.dumps(results, indent=1, ensure_ascii=False, default=str) + "\n",
                         encoding="utf-8")
    html_path.write_text(render_html(results), encoding="utf-8")
    log.info("wrote %s and %s", json_path, html_path)
    return {"results": json_path, "report": html_path}
