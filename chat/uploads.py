"""Uploads: check a file by its content and size, store it under a generated name, ingest it in the background."""
from __future__ import annotations

import io
import json
import logging
import re
import threading
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

UPLOADS = "uploads"  # the sub-folder of the corpus that uploads go to
NAMES = ".names.json"  # generated name -> the name it was uploaded as (hidden: the ingest skips it)
ALLOWED = (".pdf", ".docx", ".txt", ".md", ".html", ".htm")
_HTML = re.compile(rb"<\s*(!doctype\s+html|html|head|body|p|div|h[1-6]|table)[\s>]", re.I)


class UploadRejected(Exception):
    """A file we will not store; the message says why in words a user understands."""


def sniff(data: bytes, filename: str, max_bytes: int) -> str:
    """The extension the content really has (.pdf, .docx, .html, .md, .txt), or UploadRejected."""
    claimed = Path(filename or "").suffix.lower()
    if claimed not in ALLOWED:
        raise UploadRejected(f"'{claimed or 'no extension'}' files are not accepted: upload PDF, DOCX, TXT, MD or HTML")
    if len(data) > max_bytes:
        raise UploadRejected(f"the file is {len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB")
    if not data.strip():
        raise UploadRejected("the file is empty")
    if data.startswith(b"%PDF-"):
        actual = ".pdf"
    elif data.startswith(b"PK\x03\x04"):
        actual = ".docx" if _is_docx(data) else ""
    elif b"\x00" in data[:4096]:
        actual = ""
    else:
        actual = ".html" if _HTML.search(data[:4096]) else (".md" if claimed == ".md" else ".txt")
    if not actual:
        raise UploadRejected("the content is not a PDF, Word (.docx) or text file")
    if claimed in (".pdf", ".docx") and actual != claimed:
        raise UploadRejected(f"the file is named {claimed} but its content is not a {claimed[1:].upper()} file")
    return actual


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def store(data: bytes, original_name: str, extension: str, corpus_dir: Path) -> Path:
    """Write the bytes under a generated name in corpus/uploads/ and remember the original name."""
    folder = Path(corpus_dir) / UPLOADS
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{uuid.uuid4().hex[:16]}{extension}"
    path.write_bytes(data)
    names = original_names(corpus_dir)
    names[path.name] = Path(original_name).name[:200]
    (folder / NAMES).write_text(json.dumps(names, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def original_names(corpus_dir: Path) -> dict[str, str]:
    try:
        return json.loads((Path(corpus_dir) / UPLOADS / NAMES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@dataclass
class Job:
    """One upload's progress through the background ingest."""

    id: str
    name: str
    state: str = "queued"  # queued, indexing, done, rejected
    progress: float = 0.0
    message: str = ""
    done: threading.Event = field(default_factory=threading.Event)


class Uploader:
    """Accepts uploads and ingests them one after another on a background thread."""

    def __init__(self, engine, max_bytes: int):
        self.engine, self.max_bytes = engine, max_bytes
        self.corpus_dir = Path(engine.settings.corpus_dir)
        self.jobs: dict[str, Job] = {}
        self._lock = threading.Lock()  # one ingest at a time from this process

    def submit(self, data: bytes, filename: str) -> Job:
        """Check and store a file, then ingest it in the background; a rejected job says why."""
        job = Job(uuid.uuid4().hex[:8], Path(filename or "upload").name)
        self.jobs[job.id] = job
        try:
            path = store(data, job.name, sniff(data, job.name, self.max_bytes), self.corpus_dir)
        except UploadRejected as exc:
            return self._finish(job, "rejected", f"{job.name} was not added: {exc}.")
        job.progress = 0.2
        threading.Thread(target=self._ingest, args=(job, path), daemon=True).start()
        return job

    def _ingest(self, job: Job, path: Path) -> None:
        with self._lock:
            job.state, job.progress = "indexing", 0.4
            try:
                report = self.engine.ingest(None, wait=True)
            except Exception as exc:  # reported to the user, logged in full for the operator
                log.exception("ingest of %s failed", path)
                path.unlink(missing_ok=True)
                return self._finish(job, "rejected", f"{job.name} could not be indexed: {exc}")
        source = path.relative_to(self.corpus_dir.resolve() if path.is_absolute() else self.corpus_dir).as_posix()
        result = next((f for f in report.files if f.source == source), None)
        if result is None or result.status == "skipped":
            path.unlink(missing_ok=True)  # a file we cannot read is not kept in the corpus
            reason = result.reason if result else "it was not found by the ingest"
            return self._finish(job, "rejected", f"{job.name} was not added: {reason}.")
        self._finish(job, "done", f"{job.name} was added ({result.chunks} passages); it can be asked about now.")

    def _finish(self, job: Job, state: str, message: str) -> Job:
        job.state, job.message, job.progress = state, message, 1.0
        job.done.set()
        return job
