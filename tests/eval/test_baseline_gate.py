"""The regression gate: the dev set, run through the real engine, must not fall below eval/baseline.json."""
import pytest

from eval.baseline import read_baseline, regressions
from eval.metrics import QuestionScore, compute_metrics
from eval.qaset import load_qaset
from eval.runner import run_questions
from tests_paths import CORPUS

DEV_SET = CORPUS.parent / "eval" / "sets" / "dev.jsonl"


def test_regressions_are_reported_per_metric():
    baseline = {"tolerance": 0.02, "metrics": {"mrr": 0.80, "false_abstain_rate": 0.05, "invented_citations": 0}}
    assert regressions({"mrr": 0.79, "false_abstain_rate": 0.06, "invented_citations": 0}, baseline) == []
    problems = regressions({"mrr": 0.77, "false_abstain_rate": 0.08, "invented_citations": 1}, baseline)
    assert [p.split(":")[0] for p in problems] == ["mrr", "false_abstain_rate", "invented_citations"]
    assert regressions({}, baseline)[0] == "mrr: missing (baseline 0.8)"


@pytest.mark.slow
def test_dev_set_does_not_fall_below_the_committed_baseline(corpus_engine):
    items = load_qaset(DEV_SET)
    records = run_questions(items, corpus_engine.answer, lambda q: corpus_engine.search(q, k=10),
                            progress=False)
    metrics = compute_metrics([_score(r) for r in records])
    problems = regressions(metrics, read_baseline())
    assert not problems, "\n".join(problems) + "\n(update eval/baseline.json only as a reviewed change)"


def _score(record) -> QuestionScore:
    return QuestionScore(**record["result"])
