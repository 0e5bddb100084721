"""Find the files to ingest under the given paths, and say why each other file is left out."""
from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ingest.loaders import supported


@dataclass
class FileResult:
    """What happened to one file in a build: added, updated, unchanged, removed or skipped."""

    source: str
    status: str
    chunks: int = 0
    reason: str = ""


def discover(paths: list[Path], catalogue_dir: Path) -> tuple[list[Path], list[FileResult]]:
    """Regular files under `paths` (no hidden files, links followed only inside `paths`, each file
    once); everything else is reported skipped with its reason."""
    found, skipped, seen = [], [], set()
    roots = [root.resolve() for root in paths]
    for root in paths:
        if root.is_file():
            candidates = [root]
        elif root.is_dir():
            # Real files before links, so a file and a link to it index the file under its own name.
            candidates = sorted(_walk(root, catalogue_dir, skipped), key=lambda p: (p.is_symlink(), p))
        else:
            skipped.append(FileResult(display_name(root), "skipped", reason="no such file or directory"))
            continue
        for path in candidates:
            if path.parent == catalogue_dir and path.name == "README.md":
                continue  # the catalogue describes the corpus; it is not one of its documents
            reason = _unusable(path, roots, seen)
            if reason:
                skipped.append(FileResult(source_name(path, catalogue_dir), "skipped", reason=reason))
                continue
            seen.add(path.resolve())
            found.append(path)
    return found, skipped


def _walk(root: Path, catalogue_dir: Path, skipped: list[FileResult]) -> list[Path]:
    """Files under `root`, not descending into hidden folders or folder links (a link can loop)."""
    out = []
    for folder, dirs, files in os.walk(root):
        for name in sorted(dirs):
            if name.startswith("."):
                dirs.remove(name)
            elif os.path.islink(os.path.join(folder, name)):
                skipped.append(FileResult(source_name(Path(folder) / name, catalogue_dir), "skipped",
                                          reason="a link to a folder, not followed (links can loop); "
                                                 "put the documents in the folder itself"))
        out += [Path(folder) / f for f in files if not f.startswith(".")]
    return sorted(out)


def _unusable(path: Path, roots: list[Path], seen: set[Path]) -> str:
    """Why `path` cannot be ingested, or '' when it can."""
    text = str(path)
    if any(unicodedata.category(ch) == "Cc" for ch in text) or not _utf8(text):
        return "the file name has control characters or is not valid UTF-8; rename it"
    if path.is_symlink():
        if not path.exists():
            return "a broken link"
        if not any(path.resolve().is_relative_to(root) for root in roots):
            return "a link to a file outside the folder being ingested, not followed"
    if not path.is_file():
        return "not a regular file (a pipe, socket or device?)"
    if not supported(path):
        return f"unsupported file type '{path.suffix or '(none)'}'; convert it to PDF, DOCX, TXT, MD or HTML"
    if path.resolve() in seen:
        return "a link to a file that is already being ingested under its own name"
    return ""


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def display_name(path: Path) -> str:
    """A path safe to print and store: undecodable bytes and control characters escaped."""
    text = os.fsencode(str(path)).decode("utf-8", "backslashreplace")
    return "".join(ch if unicodedata.category(ch) != "Cc" else repr(ch)[1:-1] for ch in text)


def source_name(path: Path, corpus_dir: Path) -> str:
    """A file's name in citations: its path relative to the corpus, else its path as given.

    A link keeps its own name here (the duplicate check in discover() uses the resolved path)."""
    absolute = Path(os.path.abspath(path))
    try:
        source = absolute.relative_to(corpus_dir).as_posix()
    except ValueError:
        source = path.as_posix()
    return display_name(Path(source))


