"""The records that leave ingest: a loaded Document and the Chunks cut from it."""
from __future__ import annotations

from dataclasses import dataclass, field, asdict


@dataclass(frozen=True)
class Period:
    """When a document applies: ISO start and end dates and the text they were read from."""

    start: str | None = None
    end: str | None = None
    text: str | None = None

    def label(self) -> str:
        """A human label: the text it came from, else the ISO range, else ''."""
        if self.text:
            return self.text
        if self.start and self.end and self.start != self.end:
            return f"{self.start} to {self.end}"
        return self.start or ""

    def sort_key(self) -> str:
        """The date used to rank documents by recency (end of the period, '' when unknown)."""
        return self.end or self.start or ""


@dataclass(frozen=True)
class Page:
    """One page of a document's cleaned text; number is 1-based."""

    number: int
    text: str


@dataclass(frozen=True)
class Document:
    """A loaded, cleaned document with its provenance."""

    doc_id: str
    source: str
    title: str
    period: Period
    pages: tuple[Page, ...]
    sha256: str
    organisation: str = ""

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.pages)


@dataclass(frozen=True)
class Chunk:
    """A unit of retrieval: the text shown and cited, and the text embedded and indexed.

    `text` is what a user sees in a citation; `index_text` adds context (title, section heading,
    table column names) so that a chunk such as a bare table row can still be found.
    """

    chunk_id: str
    doc_id: str
    source: str
    title: str
    date: str
    date_sort: str
    text: str
    index_text: str
    page_start: int
    page_end: int
    char_start: int
    char_end: int
    heading: str = ""
    kind: str = "paragraph"  # paragraph, heading, list_item, table_row, contact
    paper: str = ""  # in a bundle of papers with cover sheets, the title of the paper it is part of
    fields: dict = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict:
        return asdict(self)
