"""Compare two eval runs (results.json): the change of every metric and the questions that flipped."""
from __future__ import annotations

import json
from pathlib import Path

from eval.metrics import LOWER_IS_BETTER, METRIC_NAMES


class ResultsError(ValueError):
    """A results.json that cannot be read or is not an eval run."""


def load_results(path: str | Path) -> dict:
    """Read a results.json written by `partnerqa eval`; raise ResultsError with what is wrong."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ResultsError(f"{path}: file not found; give the results.json of an earlier eval run") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResultsError(f"{path}: not readable JSON ({exc})") from None
    if not isinstance(data, dict) or "metrics" not in data or "questions" not in data:
        raise ResultsError(f"{path}: not an eval results.json (no 'metrics' or 'questions')")
    return data


def metric_change(name: str, before: float | None, after: float | None) -> dict:
    """Before, after, the difference and whether it is better (None when equal or unknown)."""
    if before is None or after is None:
        return {"before": before, "after": after, "delta": None, "better": None}
    delta = round(after - before, 4)
    better = None if delta == 0 else (delta < 0) == (name in LOWER_IS_BETTER)
    return {"before": before, "after": after, "delta": delta, "better": better}


def _passes(results: dict) -> dict[str, bool]:
    return {q["id"]: bool(q.get("result", {}).get("passed")) for q in results.get("questions", [])}


def _qa_hash(results: dict) -> str | None:
    return (results.get("qa_set") or {}).get("sha256")


def compare(previous: dict, current: dict) -> dict:
    """Metric changes and question flips (matched by id) from `previous` to `current`."""
    before, after = _passes(previous), _passes(current)
    common = [qid for qid in after if qid in before]
    questions = {q["id"]: q.get("question", "") for q in current.get("questions", [])}
    return {
        "previous": {"created": previous.get("created"), "git_commit": previous.get("git_commit"),
                     "qa_set": previous.get("qa_set")},
        "same_qa_set": _qa_hash(previous) == _qa_hash(current),
        "metrics": {name: metric_change(name, previous["metrics"].get(name), current["metrics"].get(name))
                    for name in METRIC_NAMES},
        "pass_to_fail": [{"id": q, "question": questions[q]} for q in common if before[q] and not after[q]],
        "fail_to_pass": [{"id": q, "question": questions[q]} for q in common if not before[q] and after[q]],
        "added": [q for q in after if q not in before],
        "removed": [q for q in before if q not in after],
    }
