"""Comparing two runs: metric changes (direction-aware) and questions that flipped."""
from __future__ import annotations

import json

import pytest

from eval.compare import ResultsError, compare, load_results
from eval.metrics import METRIC_NAMES


def run(passes: dict, **metrics):
    base = {name: 0.5 for name in METRIC_NAMES}
    return {"created": "t", "git_commit": "abc", "qa_set": {"sha256": "s"},
            "metrics": {**base, **metrics},
            "questions": [{"id": q, "question": f"{q}?", "result": {"passed": p}} for q, p in passes.items()]}


def test_flips_and_metric_changes():
    before = run({"a": True, "b": False, "c": True, "gone": True}, answer_accuracy=0.5, invented_citations=4)
    after = run({"a": False, "b": True, "c": True, "new": False}, answer_accuracy=0.75, invented_citations=6)
    result = compare(before, after)
    assert result["pass_to_fail"] == [{"id": "a", "question": "a?"}]
    assert result["fail_to_pass"] == [{"id": "b", "question": "b?"}]
    assert result["added"] == ["new"] and result["removed"] == ["gone"]
    assert result["metrics"]["answer_accuracy"] == {"before": 0.5, "after": 0.75, "delta": 0.25, "better": True}
    assert result["metrics"]["invented_citations"]["better"] is False  # more invented citations is worse
    assert result["metrics"]["mrr"]["better"] is None and result["same_qa_set"] is True


def test_missing_metric_has_no_delta():
    result = compare(run({}, abstain_rate=None), run({}))
    assert result["metrics"]["abstain_rate"]["delta"] is None


def test_load_results_errors(tmp_path):
    with pytest.raises(ResultsError, match="file not found"):
        load_results(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ResultsError, match="not readable JSON"):
        load_results(bad)
    bad.write_text(json.dumps({"x": 1}), encoding="utf-8")
    with pytest.raises(ResultsError, match="not an eval results.json"):
        load_results(bad)
