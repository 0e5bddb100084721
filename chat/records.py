"""What the answer core returns: an Answer with numbered Citations, and its JSON contract."""
from __future__ import annotations

from dataclasses import dataclass, field

from index.records import Hit

NOT_FOUND = "The documents don't say. I couldn't find this in the partnership's documents."


@dataclass(frozen=True)
class Citation:
    """The source behind one [n] marker in an answer."""

    n: int
    hit: Hit
    quote: str = ""

    def to_json(self) -> dict:
        data = self.hit.to_json()
        data.pop("rank", None)
        data.pop("retriever", None)
        return {"n": self.n, **data, "quote": self.quote}


@dataclass(frozen=True)
class Answer:
    """An answer to one question; `passages` are the ranked hits it was drawn from."""

    question: str
    text: str
    citations: tuple[Citation, ...]
    passages: tuple[Hit, ...]
    abstained: bool
    mode: str = "extractive"
    timings: dict = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)

    @property
    def latency_ms(self) -> float:
        return round(sum(self.timings.values()), 2)

    def to_json(self) -> dict:
        """The JSON contract shared by `ask --json`, the HTTP API and eval."""
        return {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "mode": self.mode,
            "citations": [c.to_json() for c in self.citations],
            "passages": [h.to_json() for h in self.passages],
            "latency_ms": self.latency_ms,
            "timings_ms": {k: round(v, 2) for k, v in self.timings.items()},
            "notes": list(self.notes),
            **self.extra,
        }
