"""One loader per file type: bytes on disk -> raw text per page, or a LoadError saying what to do."""
from __future__ import annotations

import io
import logging
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable

log = logging.getLogger(__name__)


class LoadError(Exception):
    """A file that could not be read; the message names the file, the reason and what to do."""

    def __init__(self, source: str, reason: str, hint: str = ""):
        self.source, self.reason, self.hint = source, reason, hint
        super().__init__(f"{source}: {reason}" + (f" ({hint})" if hint else ""))


def decode_text(data: bytes, source: str) -> str:
    """Decode text that may be UTF-8, UTF-16 (with or without a BOM) or Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")  # a truncated file loses its last character only
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    sample = data[:4096]
    if _looks_utf16le(sample):
        return data.decode("utf-16-le", errors="replace")
    if b"\x00" in sample:
        raise LoadError(source, "binary data, not text", "check the file is really a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if _control_share(text[:4096]) > 0.02:
        raise LoadError(source, "binary data, not text", "check the file is really a text file")
    return text


def _looks_utf16le(sample: bytes) -> bool:
    """UTF-16 saved without a BOM: mostly-ASCII text has a zero in nearly every odd byte."""
    odd, even = sample[1::2], sample[0::2]
    return len(odd) >= 8 and odd.count(0) >= 0.6 * len(odd) and even.count(0) <= 0.05 * len(even)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f\ufffd]")


def _control_share(text: str) -> float:
    """The share of characters no text file holds (controls, undecodable bytes)."""
    return len(_CONTROL.findall(text)) / max(1, len(text))


def load_text(data: bytes, source: str) -> list[str]:
    """Plain text and Markdown: one page (form feeds, where present, separate pages)."""
    return decode_text(data, source).split("\x0c")


class _VisibleText(HTMLParser):
    """Collects the text a browser would show: no scripts, styles or head."""

    _HIDDEN = {"script", "style", "head", "noscript", "template"}
    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if tag in self._HIDDEN:
            self.hidden += 1
        elif tag in self._BLOCK:
            self.parts.append("\n- " if tag == "li" else "\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in self._HIDDEN and self.hidden:
            self.hidden -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if not self.hidden:
            self.parts.append(data)


def load_html(data: bytes, source: str) -> list[str]:
    """HTML: the visible text only, one page."""
    parser = _VisibleText()
    parser.feed(decode_text(data, source))
    text = "".join(parser.parts)
    if parser.title.strip():
        text = f"{parser.title.strip()}\n\n{text}"
    return [text]


def check_zip_expansion(data: bytes, source: str, limit: int) -> None:
    """Refuse a zip (a .docx is one) whose members unpack to more than `limit` bytes: a zip bomb."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise LoadError(source, "not a readable Word file (not a zip archive)",
                        "re-save it as .docx from Word or export it as PDF") from None
    if total > limit:
        raise LoadError(source, f"it unpacks to {total // 1024 ** 2:,} MB, over the "
                        f"{limit // 1024 ** 2} MB limit (a decompression bomb?)",
                        "re-save it from Word, or split it into smaller files")


def load_docx(data: bytes, source: str, max_expanded_bytes: int = 512 * 1024 ** 2) -> list[str]:
    """Word (.docx): paragraphs and tables in order (table cells tab-separated), one page."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - python-docx is a core dependency
        raise LoadError(source, "python-docx is not installed", "pip install python-docx") from exc
    check_zip_expansion(data, source, max_expanded_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for a broken zip or XML
        raise LoadError(source, f"not a readable Word file ({type(exc).__name__})",
                        "re-save it as .docx from Word or export it as PDF") from exc
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            style = (block.style.name or "").lower() if block.style is not None else ""
            prefix = "- " if "list" in style else ""
            lines.append(prefix + block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                lines.append("\t".join(cell.text.replace("\n", " ") for cell in row.cells))
            lines.append("")
    return ["\n".join(lines)]


def load_pdf(data: bytes, source: str, password: str | None = None) -> list[str]:
    """PDF: the text of each page, page numbers kept. Run it through ingest.sandbox: pypdf on a
    malformed file can take very long or much memory."""
    import pypdf
    from pypdf.errors import DependencyError, LimitReachedError, PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            _decrypt(reader, source, password)
        pages = [page.extract_text() or "" for page in reader.pages]
    except LoadError:
        raise
    except LimitReachedError as exc:
        raise LoadError(source, f"the PDF expands beyond safe limits (a decompression bomb?): {exc}",
                        "export it again, or split it into smaller files") from exc
    except DependencyError as exc:
        raise LoadError(source, f"the PDF needs an optional package to be read ({exc})",
                        "pip install cryptography") from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            OSError, UnicodeError, ZeroDivisionError) as exc:
        raise LoadError(source, f"the PDF is damaged or incomplete ({type(exc).__name__}: {exc})"[:300],
                        "download or export it again") from exc
    if pages and not any(p.strip() for p in pages):
        raise LoadError(source, "no text layer (scanned?): the PDF holds only images",
                        "run it through OCR and ingest the result")
    return pages


def _decrypt(reader, source: str, password: str | None) -> None:
    """Open an encrypted PDF: the empty user password first (viewers open those silently)."""
    for candidate in ("", password) if password else ("",):
        if reader.decrypt(candidate):
            return
    if password:
        raise LoadError(source, "the PDF is password-protected and the password given does not open it",
                        "check the --pdf-password value, or save an unprotected copy")
    raise LoadError(source, "the PDF is password-protected",
                    "give the password with --pdf-password, or save an unprotected copy")


LOADERS: dict[str, Callable[[bytes, str], list[str]]] = {
    ".txt": load_text,
    ".md": load_text,
    ".markdown": load_text,
    ".html": load_html,
    ".htm": load_html,
    ".docx": load_docx,
    ".pdf": load_pdf,
}


def supported(path: Path) -> bool:
    return path.suffix.lower() in LOADERS
