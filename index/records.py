"""What a search returns: a chunk with its score, rank and the retriever that found it."""
from __future__ import annotations

from dataclasses import dataclass

from ingest.records import Chunk


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk; score is higher-is-better within one result list."""

    chunk: Chunk
    score: float
    rank: int
    retriever: str  # dense, lexical or hybrid
    similarity: float = 0.0  # cosine between the question and the chunk, whatever the retriever

    def to_json(self) -> dict:
        c = self.chunk
        return {
            "source": c.source,
            "title": c.title,
            "date": c.date,
            "page": c.page_start,
            "chunk_id": c.chunk_id,
            "text": c.text,
            "score": round(float(self.score), 6),
            "rank": self.rank,
            "retriever": self.retriever,
        }


@dataclass(frozen=True)
class Filters:
    """Restrict a search to some documents and/or a date range (ISO dates, inclusive).

    A chunk passes the date range when its document's period overlaps it.
    """

    sources: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None

    @classmethod
    def from_json(cls, data: dict | None) -> "Filters":
        data = data or {}
        unknown = set(data) - {"sources", "date_from", "date_to"}
        if unknown:
            raise ValueError(f"unknown filter field(s): {', '.join(sorted(unknown))}; "
                             "use sources, date_from, date_to")
        return cls(tuple(data.get("sources") or ()), data.get("date_from") or None,
                   data.get("date_to") or None)

    def is_empty(self) -> bool:
        return not (self.sources or self.date_from or self.date_to)
