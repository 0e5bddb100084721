"""Build or update the index from files: only new and changed files are embedded again."""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from index import layout, vectors
from index.discover import FileResult, discover, source_name as _source
from index.embedder import Embedder
from index.manifest import check_compatible, make_manifest, read_manifest, write_manifest
from index.store import ChunkStore
from ingest.acronyms import find_acronyms
from ingest.catalog import read_catalog
from ingest.chunking import ChunkSettings, chunk_document
from ingest.documents import load_document, read_file
from ingest.loaders import LoadError
from ingest.people import facts_in_chunks
from ingest.sandbox import LoadLimits
from ingest.vocabulary import vocabulary_of

log = logging.getLogger(__name__)


@dataclass
class BuildReport:
    files: list[FileResult] = field(default_factory=list)
    build_dir: Path | None = None
    chunks: int = 0
    embedded: int = 0

    def count(self, status: str) -> int:
        return sum(f.status == status for f in self.files)

    @property
    def changed(self) -> bool:
        return any(f.status in ("added", "updated", "removed") for f in self.files)


def build_index(paths: list[Path], corpus_dir: Path, index_dir: Path, embedder: Embedder,
                chunking: ChunkSettings = ChunkSettings(), rebuild: bool = False,
                pdf_password: str | None = None, wait: bool = False,
                limits: LoadLimits = LoadLimits(), exact_limit: int = vectors.EXACT_LIMIT) -> BuildReport:
    """Bring the index in `index_dir` up to date with `paths`, publishing a new build atomically.
    The dense index is exact below `exact_limit` chunks and approximate above (index.vectors)."""
    corpus_dir, index_dir = Path(corpus_dir).resolve(), Path(index_dir)
    with layout.ingest_lock(index_dir, wait=wait):
        layout.prune(index_dir)  # half-written builds of an ingest that was killed
        previous = layout.current_build(index_dir)
        old_manifest = read_manifest(previous) if previous else None
        if old_manifest and not rebuild:
            check_compatible(old_manifest, embedder.name, chunking.to_json(), index_dir)
        old = ChunkStore(previous / "chunks.sqlite", readonly=True) if previous and not rebuild else None
        try:
            return _build(paths, corpus_dir, index_dir, embedder, chunking, old, old_manifest,
                          {"pdf_password": pdf_password, "limits": limits}, exact_limit)
        finally:
            if old:
                old.close()


def _build(paths, corpus_dir, index_dir, embedder, chunking, old, old_manifest, load_options, exact_limit):
    report = BuildReport()
    resolved = [Path(p).resolve() for p in paths]
    files, skipped = discover(resolved, corpus_dir)
    report.files += skipped
    old_files = (old_manifest or {}).get("files", {}) if old else {}
    catalog = read_catalog(corpus_dir)
    build = layout.new_build_dir(index_dir)
    store = ChunkStore(build / "chunks.sqlite")
    seen, manifest_files = set(), {}
    for path in _progress(files, "Reading"):
        source = _source(path, corpus_dir)
        seen.add(source)
        result = _add_file(path, source, corpus_dir, store, old, old_files.get(source), catalog,
                           embedder, chunking, load_options)
        report.files.append(result)
        report.embedded += result.chunks if result.status in ("added", "updated") else 0
        record = _file_record(store, source)
        if record:
            manifest_files[source] = record
    for source in sorted(set(old_files) - seen):
        if _under(corpus_dir / source, resolved) or not (corpus_dir / source).exists():
            report.files.append(FileResult(source, "removed"))
        else:  # not part of this run's paths: carry it over untouched
            report.files.append(_copy_from_old(source, store, old))
            manifest_files[source] = _file_record(store, source)
    report.chunks = store.count()
    if not report.changed and old is not None:
        store.close()
        shutil.rmtree(build, ignore_errors=True)
        report.build_dir = None
        return report
    dim = embedder.dimension
    pause_point("before-faiss")
    spec = vectors.choose(report.chunks, exact_limit)
    vectors.save(vectors.build_index(store.all_vectors(dim), dim, spec), build / "vectors.faiss")
    store.summarise_vocabulary()
    store.commit()
    store.close()
    write_manifest(build, make_manifest(embedder.name, dim, chunking.to_json(), manifest_files,
                                        report.chunks, spec))
    pause_point("before-publish")
    layout.publish(index_dir, build)
    pause_point("before-prune")
    layout.prune(index_dir)
    report.build_dir = build
    return report


def _add_file(path, source, corpus_dir, store, old, old_record, catalog, embedder, chunking,
              load_options) -> FileResult:
    try:
        data = read_file(path, source, load_options["limits"])
    except LoadError as exc:
        return _keep_old(source, store, old, old_record, _reason(exc))
    except OSError as exc:
        return _keep_old(source, store, old, old_record, f"cannot read the file ({exc.strerror})")
    sha = hashlib.sha256(data).hexdigest()
    twin = _twin(store, sha)
    if twin:
        return twin_result(source, twin)
    if old is not None and old_record and old_record.get("sha256") == sha:
        return _copy_from_old(source, store, old)
    try:
        document = load_document(path, corpus_dir, catalog.get(source), data=data, **load_options)
    except LoadError as exc:
        return _keep_old(source, store, old, old_record, _reason(exc))
    except Exception as exc:  # one bad file never stops the rest
        log.warning("unexpected error reading %s", source, exc_info=True)
        return _keep_old(source, store, old, old_record, f"could not be read ({type(exc).__name__}: {exc})")
    chunks = chunk_document(document, chunking)
    store.add_glossary(source, [(a.short, a.expansion, a.context) for a in find_acronyms(document.text)])
    pause_point("before-embed")
    vecs = embedder.embed([c.index_text for c in chunks], progress=False)
    store.add_chunks(chunks, vecs)
    store.add_vocabulary(source, vocabulary_of(c.text for c in chunks))
    store.add_people(facts_in_chunks(chunks, {source: document.organisation}))
    pause_point("mid-store")
    stat = path.stat()
    store.add_document({
        "source": source, "doc_id": document.doc_id, "sha256": sha, "title": document.title,
        "organisation": document.organisation, "date": document.period.label(),
        "date_start": document.period.start, "date_end": document.period.end,
        "pages": len(document.pages), "chunks": len(chunks), "size": stat.st_size,
        "mtime": stat.st_mtime, "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds")})
    return FileResult(source, "updated" if old_record else "added", len(chunks), _blank_pages(document))


def _reason(exc: LoadError) -> str:
    return exc.reason + (f"; {exc.hint}" if exc.hint else "")


def _blank_pages(document) -> str:
    """A note for a partly scanned document: the pages that gave no text."""
    blank = [str(p.number) for p in document.pages if not p.text.strip()]
    if not blank or len(document.pages) < 2:
        return ""
    return f"no text layer (scanned?) on page{'s' if len(blank) > 1 else ''} {', '.join(blank[:20])}"


def pause_point(name: str) -> None:
    """Test hook for the crash tests: with PARTNERQA_PAUSE_AT=name the ingest stops here (and says so
    on stderr) until it is killed. Unset, it costs one dictionary lookup."""
    if os.environ.get("PARTNERQA_PAUSE_AT") != name:
        return
    log.warning("paused at %s (PARTNERQA_PAUSE_AT is set: a test hook)", name)
    while True:
        time.sleep(1)


def _keep_old(source, store, old, old_record, reason) -> FileResult:
    """A file that fails to load keeps its previously indexed version, if there is one."""
    if old is not None and old_record:
        _copy_from_old(source, store, old)
        reason += "; the previously indexed version is kept"
    return FileResult(source, "skipped", reason=reason)


def _copy_from_old(source, store, old) -> FileResult:
    meta = next(d for d in old.documents() if d["source"] == source)
    twin = _twin(store, meta["sha256"])
    if twin:
        return twin_result(source, twin)
    chunks, vecs = old.chunks_of(source)
    store.add_chunks(chunks, vecs)
    store.add_document(meta)
    store.add_glossary(source, [(g["short"], g["expansion"], g["context"]) for g in old.glossary(source)])
    store.add_vocabulary(source, old.vocabulary(source))
    store.add_people(old.people(source))
    return FileResult(source, "unchanged", len(chunks))


def _twin(store: ChunkStore, sha: str) -> str:
    """The source already in this build with the same bytes ('' if none): identical bytes would give
    identical chunk ids."""
    row = store.db.execute("SELECT source FROM documents WHERE sha256 = ?", (sha,)).fetchone()
    return row[0] if row else ""


def twin_result(source: str, twin: str) -> FileResult:
    return FileResult(source, "skipped", reason=f"the same content as {twin}, which is indexed")


def _file_record(store: ChunkStore, source: str) -> dict:
    row = store.db.execute("SELECT sha256, size, mtime, chunks FROM documents WHERE source = ?",
                           (source,)).fetchone()
    return {"sha256": row[0], "size": row[1], "mtime": row[2], "chunks": row[3]} if row else {}


def _under(path: Path, roots: list[Path]) -> bool:
    return any(root.is_dir() and path.resolve().is_relative_to(root) for root in roots)


def _progress(items, label):
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover
        return items
    return tqdm(items, desc=label, unit="file", disable=len(items) < 2 or None, leave=False)
