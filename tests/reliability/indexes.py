"""Helpers for the crash and concurrency tests: corpora in two versions and what an index holds."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from index.layout import BUILDS, current_build
from index.store import ChunkStore

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
V1 = ("workforce-action-plan-2017-2019.txt", "improvement-portfolio-update-jul-sep-2020.txt",
      "children-young-peoples-plan-2016.txt", "README.md")


def make_v1(corpus: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    for name in V1:
        shutil.copy(CORPUS / name, corpus / name)


def make_v2(corpus: Path) -> None:
    """From v1: one file added, one changed, one removed."""
    shutil.copy(CORPUS / "partnership-board-papers-2013-09-25.txt", corpus)
    plan = corpus / "workforce-action-plan-2017-2019.txt"
    plan.write_text(plan.read_text(encoding="utf-8") + "\nClosing note: apprenticeships start in May.\n",
                    encoding="utf-8")
    (corpus / "children-young-peoples-plan-2016.txt").unlink()


def contents(index_dir: Path) -> tuple[list[str], int]:
    """The current build's chunk ids (in order) and its FAISS vector count."""
    from index import vectors

    build = current_build(index_dir)
    store = ChunkStore(build / "chunks.sqlite", readonly=True)
    try:
        ids = [r[0] for r in store.db.execute("SELECT chunk_id FROM chunks ORDER BY pos")]
    finally:
        store.close()
    return ids, vectors.load(build / "vectors.faiss").ntotal


def half_builds(index_dir: Path) -> list[Path]:
    """Builds never published: no manifest, or newer than the current one (a killed ingest's)."""
    root, live = Path(index_dir) / BUILDS, current_build(index_dir)
    return [p for p in root.iterdir() if p != live and (not (p / "manifest.json").is_file()
                                                         or p.stat().st_mtime > live.stat().st_mtime)]


def start_ingest(corpus: Path, index_dir: Path, log: Path, *extra: str, pause_at: str = "") -> subprocess.Popen:
    env = dict(os.environ)
    env.pop("PARTNERQA_PAUSE_AT", None)
    if pause_at:
        env["PARTNERQA_PAUSE_AT"] = pause_at
    handle = open(log, "w")
    return subprocess.Popen([sys.executable, "-m", "chat.cli", "ingest", "--index-dir", str(index_dir),
                             "--corpus-dir", str(corpus), *extra],
                            stdout=handle, stderr=subprocess.STDOUT, env=env)


def wait_for(log: Path, text: str, proc: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in log.read_text(errors="replace"):
            return
        if proc.poll() is not None:
            raise AssertionError(f"process ended ({proc.returncode}) before '{text}':\n{log.read_text()}")
        time.sleep(0.1)
    raise AssertionError(f"'{text}' not seen in {timeout} s:\n{log.read_text()}")


def kill(proc: subprocess.Popen) -> bool:
    """SIGKILL the process; False when it had already ended on its own (a run can finish
    between a caller's last look and the signal)."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return proc.returncode == -signal.SIGKILL
