"""Factories for tiny hand-made QA items and Answer JSON dicts used by the eval tests."""
from __future__ import annotations

import pytest

from eval.qaset import QAItem


def _item(id="q1", question="Who leads?", answers=("Jane Example",), doc="plan.txt",
          evidence="Jane Example leads the workforce group", type="who", difficulty="easy",
          also_docs=()):
    if type == "unanswerable":
        answers, doc, evidence = (), None, None
    return QAItem(id=id, question=question, answers=tuple(answers), doc=doc, evidence=evidence,
                  type=type, difficulty=difficulty, also_docs=tuple(also_docs))


def _passage(text="Unrelated text about school meals and transport.", source="other.txt", **extra):
    return {"source": source, "title": source, "date": "2017", "page": 1, "chunk_id": f"{source}:1",
            "text": text, "score": 0.5, "rank": 0, "retriever": "hybrid", **extra}


def _answer(text="", passages=(), citations=(), abstained=False, mode="extractive", question="Q?"):
    cites = [{"n": n, "source": "plan.txt", "title": "Plan", "date": "2017", "page": 1,
              "chunk_id": "plan.txt:1", "text": t, "score": 0.5, "quote": ""} for n, t in citations]
    return {"question": question, "answer": text, "abstained": abstained, "mode": mode,
            "citations": cites, "passages": list(passages), "latency_ms": 1.0, "timings_ms": {},
            "notes": []}


@pytest.fixture
def make_item():
    return _item


@pytest.fixture
def make_passage():
    return _passage


@pytest.fixture
def make_answer():
    return _answer


@pytest.fixture
def ranked():
    """Passages (10 by default) with the evidence passage at 1-based position `at` (None: nowhere)."""
    def build(at, evidence="Jane Example leads the workforce group", n=10, source="plan.txt"):
        out = [_passage(f"Filler passage number {i} about school meals.") for i in range(1, n + 1)]
        if at:
            out[at - 1] = _passage(f"As agreed, {evidence}.", source=source)
        return out
    return build
