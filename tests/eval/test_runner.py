"""Running questions through an answer function: records, errors and the untimed warm-up."""
from __future__ import annotations

from eval.runner import run_questions


class FakeAnswer:
    def __init__(self, data):
        self.data = data

    def to_json(self):
        return self.data


def test_runs_every_question_and_scores_it(make_item, make_answer, ranked):
    calls = []

    def answer(question):
        calls.append(question)
        if question == "boom?":
            raise RuntimeError("index missing")
        return FakeAnswer(make_answer("Jane Example [1]", passages=ranked(2), question=question))

    items = [make_item(id="a", question="Who leads?"), make_item(id="b", question="boom?")]
    records = run_questions(items, answer, progress=False)
    assert calls == ["Who leads?", "Who leads?", "boom?"]  # the first is the untimed warm-up
    first, second = records
    assert first["id"] == "a" and first["answer"]["answer"] == "Jane Example [1]"
    assert first["result"]["passed"] is True and first["result"]["evidence_ranks"] == [2]
    assert first["latency_ms"] >= 0 and first["result"]["latency_ms"] == first["latency_ms"]
    assert second["error"] == "RuntimeError: index missing" and second["answer"] == {}
    assert second["result"]["passed"] is False and second["result"]["latency_ms"] is None


def test_accepts_plain_dicts_and_skips_warm_up(make_item, make_answer):
    calls = []

    def answer(question):
        calls.append(question)
        return make_answer("", abstained=True)

    records = run_questions([make_item(type="unanswerable")], answer, progress=False, warmup=False)
    assert len(calls) == 1 and records[0]["result"]["passed"] is True
