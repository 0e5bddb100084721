"""Turn one file into a cleaned Document: read within limits, extract, clean, title and date it."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ingest.catalog import CatalogEntry
from ingest.clean import clean_text
from ingest.dates import find_period, parse_period, title_year
from ingest.loaders import LOADERS, LoadError
from ingest.records import Document, Page
from ingest.sandbox import LoadLimits, run_bounded

MAX_FILE_BYTES = LoadLimits().max_file_bytes
# Parsers of zipped or compressed formats run in a bounded child process (ingest.sandbox).
BOUNDED = {".pdf": "ingest.loaders:load_pdf", ".docx": "ingest.loaders:load_docx"}


def read_file(path: Path, source: str, limits: LoadLimits = LoadLimits()) -> bytes:
    """The file's bytes, refusing empty and oversized files before reading them into memory."""
    size = path.stat().st_size
    if size == 0:
        raise LoadError(source, "the file is empty (0 bytes)", "check it was saved or copied completely")
    if size > limits.max_file_bytes:
        raise LoadError(source, f"the file is {size / 1024 ** 2:.1f} MB, over the "
                        f"{limits.max_file_mb:g} MB limit", "split it into smaller files")
    with open(path, "rb") as handle:
        data = handle.read(limits.max_file_bytes + 1)  # the file may grow while we read it
    if len(data) > limits.max_file_bytes:
        raise LoadError(source, f"the file grew past the {limits.max_file_mb:g} MB limit while being read",
                        "wait until it is completely written, then ingest again")
    return data


def extract_pages(suffix: str, data: bytes, source: str, pdf_password: str | None = None,
                  limits: LoadLimits = LoadLimits()) -> list[str]:
    """Raw text per page from the right loader; PDF and Word run under a time and memory bound."""
    suffix = suffix.lower()
    if suffix not in LOADERS:
        raise LoadError(source, f"unsupported file type '{suffix or '(none)'}'",
                        "convert it to PDF, DOCX, TXT, MD or HTML")
    if suffix == ".pdf":
        return run_bounded(BOUNDED[suffix], data, source, {"password": pdf_password}, limits)
    if suffix in BOUNDED:
        return run_bounded(BOUNDED[suffix], data, source,
                           {"max_expanded_bytes": limits.max_expanded_bytes}, limits)
    try:
        return LOADERS[suffix](data, source)
    except LoadError:
        raise
    except Exception as exc:  # a parser bug on one file must not stop the others
        raise LoadError(source, f"could not be read ({type(exc).__name__}: {exc})"[:300],
                        "open it and save it again") from exc


def load_document(path: Path, corpus_dir: Path, entry: CatalogEntry | None = None,
                  pdf_password: str | None = None, limits: LoadLimits = LoadLimits(),
                  data: bytes | None = None) -> Document:
    """Read and clean the file at `path` (or its `data`, already read); raises LoadError naming the
    file and what to do."""
    source = path.relative_to(corpus_dir).as_posix() if path.is_relative_to(corpus_dir) else path.name
    if path.suffix.lower() not in LOADERS:
        raise LoadError(source, f"unsupported file type '{path.suffix or '(none)'}'",
                        "convert it to PDF, DOCX, TXT, MD or HTML")
    if data is None:
        data = read_file(path, source, limits)
    raw_pages = extract_pages(path.suffix, data, source, pdf_password, limits)
    return build_document(source, data, raw_pages, entry or CatalogEntry())


def build_document(source: str, data: bytes, raw_pages: list[str], entry: CatalogEntry) -> Document:
    """Clean raw page texts and attach title, date and hashes."""
    pages = tuple(Page(i + 1, clean_text(text)) for i, text in enumerate(raw_pages))
    if not any(p.text.strip() for p in pages):
        raise LoadError(source, "no text could be read from the file", "check it is not an image or empty")
    full = "\n\n".join(p.text for p in pages)
    sha = hashlib.sha256(data).hexdigest()
    title = entry.title or guess_title(full, source)
    period = parse_period(entry.date) if entry.date else find_period(full)
    if not period.start:  # "Safeguarding Escalation Protocol 2021": a year in the title dates it
        period = title_year(title)
    return Document(doc_id=sha[:16], source=source, title=title, period=period, pages=pages, sha256=sha,
                    organisation=entry.organisation)


def guess_title(text: str, source: str) -> str:
    """The first substantial line of the text (a Markdown heading counts), else the file name."""
    for line in text.splitlines()[:15]:
        line = line.strip().lstrip("#").strip()
        if 3 <= len(line) <= 120 and len(line.split()) >= 2 and not line.startswith("- "):
            return line
    return re.sub(r"[-_]+", " ", Path(source).stem).strip().capitalize()
