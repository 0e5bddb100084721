"""The regression gate: the dev set, run through the real engine, must not fall below eval/baseline.json."""
import pytest

from eval.baseline import read_baseline, regressions
from eval.metrics import QuestionScore, compute_metrics
from eval.qaset import load_qaset
from eval.runner import run_questions
from tests_paths import CORPUS

EVAL_DIR = CORPUS.parent / "eval"
# Each committed set with its committed baseline: the dev set, and the set in a practitioner's own words.
GATED_SETS = [("dev.jsonl", "baseline.json"), ("paraphrase.jsonl", "baseline-paraphrase.json")]


def test_regressions_are_reported_per_metric():
    baseline = {"tolerance": 0.02, "metrics": {"mrr": 0.80, "false_abstain_rate": 0.05, "invented_citations": 0}}
    assert regressions({"mrr": 0.79, "false_abstain_rate": 0.06, "invented_citations": 0}, baseline) == []
    problems = regressions({"mrr": 0.77, "false_abstain_rate": 0.08, "invented_citations": 1}, baseline)
    assert [p.split(":")[0] for p in problems] == ["mrr", "false_abstain_rate", "invented_citations"]
    assert regressions({}, baseline)[0] == "mrr: missing (baseline 0.8)"


@pytest.mark.slow
@pytest.mark.parametrize("qa_set, baseline", GATED_SETS)
def test_a_committed_set_does_not_fall_below_its_committed_baseline(corpus_engine, qa_set, baseline):
    items = load_qaset(EVAL_DIR / "sets" / qa_set)
    records = run_questions(items, corpus_engine.answer, lambda q: corpus_engine.search(q, k=10),
                            progress=False)
    metrics = compute_metrics([_score(r) for r in records])
    problems = regressions(metrics, read_baseline(EVAL_DIR / baseline))
    assert not problems, "\n".join(problems) + f"\n(update eval/{baseline} only as a reviewed change)"


def _score(record) -> QuestionScore:
    return QuestionScore(**record["result"])
