"""Run a risky parser (pypdf, python-docx) in a child process under a time and memory bound."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from ingest.loaders import LoadError

# The child is a fresh interpreter, not a fork: a fork of a process holding torch would start with
# gigabytes of address space already mapped, and RLIMIT_AS counts all of it.
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[1])


@dataclass(frozen=True)
class LoadLimits:
    """How much one file may cost to read; exceeding any limit skips the file with a reason."""

    max_file_bytes: int = 100 * 1024 * 1024
    timeout_s: float = 120.0
    memory_bytes: int = 2 * 1024 ** 3
    max_expanded_bytes: int = 512 * 1024 * 1024  # a .docx zip's members, once unpacked
    max_text_chars: int = 20_000_000  # about 10,000 pages; more is a bomb, not a document

    @property
    def max_file_mb(self) -> float:
        return self.max_file_bytes / (1024 * 1024)


def run_bounded(target: str, data: bytes, source: str, options: dict, limits: LoadLimits) -> list[str]:
    """Call `target` ("module:function", taking data, source, **options) in a bounded child process.

    Returns its list of page texts; raises LoadError naming `source` when it fails, runs out of time
    or memory, or dies.
    """
    header = json.dumps({"target": target, "source": source, "options": options,
                         "limits": asdict(limits)}).encode("utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (_PACKAGE_ROOT, os.environ.get("PYTHONPATH", "")) if p))
    proc = subprocess.Popen([sys.executable, "-m", "ingest.sandbox"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        out, err = proc.communicate(header + b"\n" + data, timeout=limits.timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise LoadError(source, f"reading it took longer than {limits.timeout_s:g} s (a malformed file?)",
                        "open it and save or export it again") from None
    return _parse_reply(out, err, proc.returncode, source, limits)


def _parse_reply(out: bytes, err: bytes, code: int, source: str, limits: LoadLimits) -> list[str]:
    try:
        reply = json.loads(out.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        reply = None
    if isinstance(reply, dict) and "pages" in reply:
        return [str(p) for p in reply["pages"]]
    if isinstance(reply, dict) and "reason" in reply:
        raise LoadError(source, reply["reason"], reply.get("hint", ""))
    if code < 0 or b"MemoryError" in err:
        raise LoadError(source, f"the reader ran out of memory or crashed (limit "
                        f"{limits.memory_bytes // 1024 ** 2} MB; a malformed file or a decompression bomb?)",
                        "open it and save or export it again")
    last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
    raise LoadError(source, f"the reader failed ({last[0][:200]})", "open it and save or export it again")


# -- the child side ------------------------------------------------------------------------------
def _apply_limits(limits: dict) -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows; the time bound still holds
        return
    memory = int(limits["memory_bytes"])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _child() -> int:
    header = json.loads(sys.stdin.buffer.readline())
    data = sys.stdin.buffer.read()
    _apply_limits(header["limits"])
    # Prepared now: after a MemoryError there may be no room left to build it.
    oom = json.dumps({"reason": "reading it needs more than "
                      f"{header['limits']['memory_bytes'] // 1024 ** 2} MB of memory "
                      "(a malformed file or a decompression bomb?)",
                      "hint": "open it and save or export it again"}).encode()
    try:
        module, _, name = header["target"].partition(":")
        func = getattr(__import__(module, fromlist=[name]), name)
        pages = func(data, header["source"], **header["options"])
        _check_text_size(pages, header["source"], header["limits"]["max_text_chars"])
        reply = json.dumps({"pages": pages}).encode("utf-8")
    except MemoryError:
        reply = oom
    except LoadError as exc:
        reply = json.dumps({"reason": exc.reason, "hint": exc.hint}).encode("utf-8")
    sys.stdout.buffer.write(reply)
    sys.stdout.buffer.flush()
    return 0


def _check_text_size(pages: list[str], source: str, limit: int) -> None:
    if sum(len(p) for p in pages) > limit:
        raise LoadError(source, f"it expands to more than {limit:,} characters of text "
                        "(a decompression bomb?)", "split it into smaller files")


if __name__ == "__main__":
    sys.exit(_child())
