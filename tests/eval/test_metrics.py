"""Every metric on tiny hand-made cases with known values."""
from __future__ import annotations

import math

import pytest

from eval.metrics import (METRIC_NAMES, breakdown, compute_metrics, invented_citations, is_correct,
                          ndcg_at, percentile, reciprocal_rank, score_question, summarize, token_f1)

EVIDENCE = "Jane Example leads the workforce group"


def test_metric_names_are_exactly_the_published_ones(make_item, make_answer):
    metrics = compute_metrics([score_question(make_item(), make_answer("Jane Example [1]"))])
    assert tuple(metrics) == METRIC_NAMES
    assert len(METRIC_NAMES) == 15


def test_evidence_hits_at_each_rank_mrr_and_ndcg(make_item, make_answer, ranked):
    scores = [score_question(make_item(id=f"q{at}"), make_answer("x", passages=ranked(at)))
              for at in (1, 3, 5, 10, None)]
    assert [s.evidence_ranks for s in scores] == [(1,), (3,), (5,), (10,), ()]
    m = compute_metrics(scores)
    assert (m["evidence_hit@1"], m["evidence_hit@3"], m["evidence_hit@5"], m["evidence_hit@10"]) == (
        0.2, 0.4, 0.6, 0.8)
    assert m["mrr"] == pytest.approx((1 + 1 / 3 + 1 / 5 + 1 / 10) / 5, abs=1e-4)
    expected_ndcg = (1 + 1 / math.log2(4) + 1 / math.log2(6) + 1 / math.log2(11)) / 5
    assert m["ndcg@10"] == pytest.approx(expected_ndcg, abs=1e-4)
    assert m["doc_hit@5"] == 0.6  # the gold document's passage sits where the evidence is


def test_rank_functions_directly():
    assert reciprocal_rank((4, 2)) == 0.5
    assert reciprocal_rank((11,)) == 0.0  # beyond the first 10 passages
    assert ndcg_at((1,)) == 1.0
    assert ndcg_at((2, 3)) == pytest.approx((1 / math.log2(3) + 1 / math.log2(4)) / (1 + 1 / math.log2(3)))
    assert ndcg_at((12,)) == 0.0


def test_doc_hit_counts_also_docs_and_ignores_rank_six(make_item, make_answer, make_passage):
    passages = [make_passage() for _ in range(5)] + [make_passage("x", source="plan.txt")]
    late = score_question(make_item(), make_answer("x", passages=passages))
    other = [make_passage("y", source="./sub/report.txt")]
    also = score_question(make_item(type="multi_doc", also_docs=["report.txt"]), make_answer("x", passages=other))
    assert late.doc_ranks == (6,) and also.doc_ranks == (1,)
    assert compute_metrics([late, also])["doc_hit@5"] == 0.5


def test_unanswerable_questions_are_left_out_of_retrieval_and_answer_metrics(make_item, make_answer, ranked):
    answerable = score_question(make_item(), make_answer("Jane Example", passages=ranked(1)))
    unanswerable = score_question(make_item(id="u", type="unanswerable"),
                                  make_answer("Jane Example", passages=ranked(None)))
    m = compute_metrics([answerable, unanswerable])
    assert m["evidence_hit@1"] == 1.0 and m["mrr"] == 1.0 and m["doc_hit@5"] == 1.0
    assert m["answer_accuracy"] == 1.0
    assert m["abstain_rate"] == 0.0  # it answered instead of abstaining
    assert unanswerable.correct is None and unanswerable.passed is False


def test_abstention_rates(make_item, make_answer):
    scores = [
        score_question(make_item(id="u1", type="unanswerable"), make_answer("", abstained=True)),
        score_question(make_item(id="u2", type="unanswerable"), make_answer("", abstained=True)),
        score_question(make_item(id="u3", type="unanswerable"), make_answer("Maybe 3")),
        score_question(make_item(id="a1"), make_answer("Jane Example")),
        score_question(make_item(id="a2"), make_answer("", abstained=True)),
        score_question(make_item(id="a3"), make_answer("Jane Example")),
        score_question(make_item(id="a4"), make_answer("Jane Example")),
    ]
    m = compute_metrics(scores)
    assert m["abstain_rate"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["false_abstain_rate"] == 0.25
    assert m["answer_accuracy"] == 0.75  # the abstained answerable question is wrong
    assert [s.passed for s in scores] == [True, True, False, True, False, True, True]


def test_accuracy_is_whole_word_within_600_characters_and_ignores_markers():
    assert not is_correct("The plan ends in 2025.", ["25"], abstained=False)
    assert is_correct("There are 25 places [1].", ["25"], abstained=False)
    assert not is_correct("See [25] for places.", ["25"], abstained=False)
    assert is_correct("x" * 590 + " 25 places", ["25"], abstained=False)
    assert not is_correct("x" * 700 + " 25 places", ["25"], abstained=False)
    assert not is_correct("There are 25 places.", ["25"], abstained=True)


def test_temporal_questions_count_only_the_first_most_recent_answer(make_item, make_answer):
    item = make_item(type="temporal", answers=("30", "25"))
    assert score_question(item, make_answer("It is now 30.")).correct is True
    assert score_question(item, make_answer("It was 25.")).correct is False
    when = make_item(type="when", answers=("30", "25"))
    assert score_question(when, make_answer("It was 25.")).correct is True


def test_token_f1_squad_style(make_item, make_answer):
    assert token_f1("Jane Example leads it", "Jane Example") == pytest.approx(2 / 3)
    assert token_f1("The Board.", "board") == 1.0
    assert token_f1("nothing", "Jane") == 0.0
    item = make_item(answers=("Jane Example", "the workforce lead"))
    assert score_question(item, make_answer("Jane Example [1]")).token_f1 == 1.0  # best gold answer
    assert score_question(item, make_answer("Jane Example", abstained=True)).token_f1 == 0.0
    scores = [score_question(item, make_answer("Jane Example")), score_question(item, make_answer("no"))]
    assert compute_metrics(scores)["token_f1"] == 0.5


def test_citation_support_among_correct_answers(make_item, make_answer):
    supported = make_answer("Jane Example [1]", citations=[(1, "Jane Example leads the group.")])
    unsupported = make_answer("Jane Example [1]", citations=[(1, "The group meets monthly.")])
    wrong = make_answer("Bob [1]", citations=[(1, "Jane Example leads.")])
    scores = [score_question(make_item(id=str(i)), a) for i, a in enumerate((supported, unsupported, wrong))]
    assert [s.cited_support for s in scores] == [True, False, None]
    assert compute_metrics(scores)["citation_support"] == 0.5


def test_invented_citations_are_counted(make_item, make_answer):
    assert invented_citations("A [1]. B [3]. C [2, 4]. D [1,5]", [1, 2]) == 3
    answer = make_answer("Jane Example [1] and [2] [7]", citations=[(1, "Jane Example"), (2, "x")])
    other = make_answer("Jane Example [9]", citations=[])
    scores = [score_question(make_item(), answer), score_question(make_item(id="b"), other)]
    assert scores[0].invented_citations == 1
    assert compute_metrics(scores)["invented_citations"] == 2


def test_latency_percentiles(make_item, make_answer):
    assert percentile([10, 20, 30, 40], 50) == 25
    assert percentile([10, 20, 30, 40], 95) == pytest.approx(38.5)
    assert percentile([7], 95) == 7 and percentile([], 50) is None
    scores = [score_question(make_item(id=str(ms)), make_answer("x"), latency_ms=ms) for ms in (40, 10, 30, 20)]
    m = compute_metrics(scores)
    assert (m["latency_p50_ms"], m["latency_p95_ms"]) == (25.0, 38.5)


def test_metrics_without_anything_to_measure_are_none(make_item, make_answer):
    m = compute_metrics([score_question(make_item(), make_answer("Jane Example"))])
    assert m["abstain_rate"] is None and m["latency_p50_ms"] is None
    no_evidence = make_item(evidence=None)
    assert compute_metrics([score_question(no_evidence, make_answer("x"))])["evidence_hit@1"] is None


def test_summary_and_breakdowns(make_item, make_answer):
    scores = [
        score_question(make_item(id="a", type="who", difficulty="easy"), make_answer("Jane Example")),
        score_question(make_item(id="b", type="who", difficulty="hard"), make_answer("no idea")),
        score_question(make_item(id="c", type="unanswerable", difficulty="hard"), make_answer("", abstained=True)),
    ]
    assert summarize(scores)["passed"] == 2 and summarize(scores)["pass_rate"] == pytest.approx(0.6667)
    by_type = breakdown(scores, "type")
    assert list(by_type) == ["who", "unanswerable"]
    assert by_type["who"]["passed"] == 1 and by_type["who"]["metrics"]["answer_accuracy"] == 0.5
    assert by_type["unanswerable"]["metrics"]["abstain_rate"] == 1.0
    by_difficulty = breakdown(scores, "difficulty")
    assert list(by_difficulty) == ["easy", "hard"] and by_difficulty["hard"]["questions"] == 2
