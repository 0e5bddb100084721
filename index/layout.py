"""The index directory: builds side by side, a CURRENT pointer switched atomically, and a lock."""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

CURRENT = "CURRENT"
BUILDS = "builds"
KEEP_BUILDS = 2  # the live one and its predecessor, which readers may still have open


class IndexBusy(Exception):
    """Another ingest holds the index lock."""


def current_build(index_dir: Path) -> Path | None:
    """The build that readers should use, or None when there is no complete index yet."""
    pointer = Path(index_dir) / CURRENT
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    build = Path(index_dir) / BUILDS / name
    return build if (build / "manifest.json").is_file() else None


def new_build_dir(index_dir: Path) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    path = Path(index_dir) / BUILDS / f"{stamp}-{os.getpid()}-{time.monotonic_ns() % 100000}"
    path.mkdir(parents=True)
    return path


def publish(index_dir: Path, build: Path) -> None:
    """Make `build` the current one in a single atomic rename; readers see old or new, never half."""
    for name in os.listdir(build):
        _fsync(build / name)
    tmp = Path(index_dir) / f"{CURRENT}.tmp"
    tmp.write_text(build.name, encoding="utf-8")
    _fsync(tmp)
    os.replace(tmp, Path(index_dir) / CURRENT)
    _fsync(Path(index_dir))


def prune(index_dir: Path) -> None:
    """Remove every build but the current one and the newest complete build published before it
    (readers may still have that open). Call under the lock: builds without a manifest, or newer
    than the current one, were left by an ingest that died before publishing and are removed."""
    live = current_build(index_dir)
    root = Path(index_dir) / BUILDS
    if not root.is_dir():
        return
    others = sorted((p for p in root.iterdir() if p != live), key=_mtime, reverse=True)
    published_before = [p for p in others if (p / "manifest.json").is_file()
                        and live is not None and _mtime(p) <= _mtime(live)]
    keep = published_before[: KEEP_BUILDS - 1]
    for build in others:
        if build not in keep:
            shutil.rmtree(build, ignore_errors=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0


@contextmanager
def ingest_lock(index_dir: Path, wait: bool = False):
    """Hold the index's writer lock. The OS drops it when the holder dies, so it never goes stale."""
    Path(index_dir).mkdir(parents=True, exist_ok=True)
    handle = open(Path(index_dir) / "ingest.lock", "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                handle.seek(0)
                holder = handle.read().strip()[:20] or "unknown"
                raise IndexBusy(f"another ingest (process {holder}) is updating {index_dir}; wait for it "
                                "to finish, or run again with --wait") from exc
            raise
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
