"""The manifest: how an index build was made, and the check that refuses a mismatched one."""
from __future__ import annotations

import json
import platform
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

MANIFEST = "manifest.json"
# 2: each document's vocabulary is stored with it (ingest.vocabulary); 3: each chunk's paper (its cover sheet's title);
# 4: each document's people (ingest.people) and title-case words are stored with it (an older build lacks the tables);
# 5: acronyms of abbreviation lists taking more than a letter from a word ("SENCO") and names with an aside
# ("Education, Health and (social) Care Plans (EHCP)") are read, so passages' indexed text and the glossary change
FORMAT_VERSION = 5


class IndexMismatch(Exception):
    """The index on disk was built under other settings than the ones asked for."""


def package_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in ("partnerqa", "sentence-transformers", "torch", "faiss-cpu", "pypdf", "numpy"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def make_manifest(model: str, dimension: int, chunking: dict, files: dict, chunks: int,
                  vector_index: dict) -> dict:
    return {
        "format_version": FORMAT_VERSION,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "model": model,
        "dimension": dimension,
        "chunking": chunking,
        "vector_index": vector_index,
        "chunks": chunks,
        "files": files,
        "versions": package_versions(),
    }


def write_manifest(build_dir: Path, manifest: dict) -> None:
    (build_dir / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")


def read_manifest(build_dir: Path) -> dict:
    return json.loads((build_dir / MANIFEST).read_text(encoding="utf-8"))


def check_compatible(manifest: dict, model: str, chunking: dict, index_dir: Path) -> None:
    """Refuse an index built with another model or chunking, saying how to rebuild it."""
    problems = []
    if manifest.get("format_version") != FORMAT_VERSION:
        problems.append(f"index format {manifest.get('format_version')} (this version reads {FORMAT_VERSION})")
    if manifest.get("model") != model:
        problems.append(f"model '{manifest.get('model')}' (dimension {manifest.get('dimension')}), "
                        f"but '{model}' is configured")
    if manifest.get("chunking") != chunking:
        problems.append(f"chunking {manifest.get('chunking')}, but {chunking} is configured")
    if problems:
        raise IndexMismatch(f"The index in {index_dir} was built with " + "; ".join(problems) +
                            f". Rebuild it with: partnerqa ingest --rebuild --index-dir {index_dir}")
