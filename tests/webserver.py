"""Test helper: run a real `partnerqa serve` subprocess on a free loopback port and stop it afterwards."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from tests_paths import CORPUS

# A document whose text carries markup: it must always be shown as characters, never run. The
# cleaner drops real tags from extracted text and then decodes entities, so the markup is written
# as entities here to reach the index as the literal characters <script> and <img onerror=...>.
EVIL_TEXT = """Safeguarding Escalation Protocol 2021

Escalation of concerns
When a practitioner disagrees with a decision about a child's safety they should escalate it to the Designated Safeguarding Lead &lt;script&gt;alert('xss')&lt;/script&gt; within two working days of the decision.
The escalation form is on the partnership website &lt;img src=x onerror="alert('img')"&gt; under Safeguarding &amp; Escalation.
"""
EVIL_SCRIPT = "<script>alert('xss')</script>"
EVIL_FILE = "escalation-protocol-2021.txt"
EVIL_QUESTION = "How quickly should a practitioner escalate a disagreement about a child's safety?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_small_corpus(root: Path) -> Path:
    """Two real documents plus the document with markup in its text."""
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    for name in ("workforce-action-plan-2017-2019.txt", "children-young-peoples-plan-2016.txt", "README.md"):
        shutil.copy2(CORPUS / name, corpus / name)
    (corpus / EVIL_FILE).write_text(EVIL_TEXT, encoding="utf-8")
    return corpus


@contextmanager
def serving(index_dir: Path, corpus_dir: Path, *extra: str, timeout: float = 180):
    """Yield the base URL of a running server; its output is shown if it dies while starting."""
    port = free_port()
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    proc = subprocess.Popen([sys.executable, "-m", "chat.cli", "serve", "--port", str(port), "--index-dir",
                             str(index_dir), "--corpus-dir", str(corpus_dir), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(proc, url, timeout)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def _wait_ready(proc: subprocess.Popen, url: str, timeout: float) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"serve exited with {proc.returncode}: {proc.stdout.read()}")
        try:
            with urllib.request.urlopen(url + "/api/health", timeout=2):
                return
        except urllib.error.HTTPError:
            return  # answering at all (e.g. 401 when a login is required) means it is up
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"serve did not answer on {url} within {timeout} s")
