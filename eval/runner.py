"""Run every question of a QA set through an answer function and score each answer."""
from __future__ import annotations

import logging
import time
from typing import Any, Callable

from tqdm import tqdm

from eval.metrics import score_question
from eval.qaset import QAItem

log = logging.getLogger(__name__)

AnswerFn = Callable[[str], Any]  # question -> Answer (with .to_json()) or its JSON dict
RetrieveFn = Callable[[str], list]  # question -> ranked passages (Hit-like with .to_json(), or dicts)


def answer_json(result: Any) -> dict:
    """The Answer JSON contract, whether the function returned an Answer or the dict itself."""
    return result.to_json() if hasattr(result, "to_json") else dict(result)


def warm_up(answer_fn: AnswerFn, question: str) -> None:
    """Answer one question untimed, so that loading the model and index is not counted as latency."""
    log.info("warming up: loading the model and the index (built on first use)")
    try:
        answer_fn(question)
    except Exception:  # the timed run reports the error against its question
        log.warning("the warm-up question failed", exc_info=True)


def retrieve(item: QAItem, retrieve_fn: RetrieveFn | None) -> list[dict] | None:
    """The deeper ranking used for the retrieval metrics; None when there is none (or it failed)."""
    if retrieve_fn is None:
        return None
    try:
        return [answer_json(hit) for hit in retrieve_fn(item.question)]
    except Exception as exc:  # scored on the answer's own passages instead
        log.warning("retrieval for question %s failed: %s", item.id, exc, exc_info=True)
        return None


def run_one(item: QAItem, answer_fn: AnswerFn, retrieve_fn: RetrieveFn | None = None) -> dict:
    """Answer and score one question; an exception is recorded against it, not raised.

    Only the answer is timed; the separate, deeper retrieval for hit@10 is not.
    """
    error, answer = None, {}
    start = time.perf_counter()
    try:
        answer = answer_json(answer_fn(item.question))
    except Exception as exc:  # one failing question must not stop the run
        log.warning("question %s failed: %s", item.id, exc, exc_info=True)
        error = f"{type(exc).__name__}: {exc}"
    latency = round((time.perf_counter() - start) * 1000, 2)
    ranking = retrieve(item, retrieve_fn)
    score = score_question(item, answer, None if error else latency, ranking)
    return {**item.to_json(), "answer": answer, "retrieved": ranking, "error": error,
            "latency_ms": latency, "result": score.to_json()}


def run_questions(items: list[QAItem], answer_fn: AnswerFn, retrieve_fn: RetrieveFn | None = None,
                  progress: bool = True, warmup: bool = True) -> list[dict]:
    """One record per question: the QA item, the answer JSON, the ranking, any error and its score."""
    if warmup and items:
        warm_up(answer_fn, items[0].question)
    records = []
    for item in tqdm(items, desc="eval", unit="q", disable=not progress):
        records.append(run_one(item, answer_fn, retrieve_fn))
    return records
