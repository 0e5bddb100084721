"""Eval metrics as pure functions: score each question, then aggregate, summarise and break down."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import asdict, dataclass

from eval.matching import contains_any, evidence_in_passage, strip_markers
from eval.qaset import DIFFICULTIES, TYPES, QAItem

METRIC_NAMES = ("evidence_hit@1", "evidence_hit@3", "evidence_hit@5", "evidence_hit@10", "doc_hit@5",
                "mrr", "ndcg@10", "answer_accuracy", "token_f1", "citation_support",
                "invented_citations", "abstain_rate", "false_abstain_rate", "latency_p50_ms",
                "latency_p95_ms")
# For these a smaller value is better: a --fail-under threshold on them is a ceiling.
LOWER_IS_BETTER = frozenset({"invented_citations", "false_abstain_rate", "latency_p50_ms",
                             "latency_p95_ms"})
RANK_DEPTH = 10  # MRR and nDCG look at the first 10 passages
ANSWER_WINDOW = 600  # a gold answer must appear within the answer's first 600 characters
_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
_ARTICLES = re.compile(r"\b(a|an|the)\b")


@dataclass(frozen=True)
class QuestionScore:
    """What eval measured on one question; the metrics are aggregates of these."""

    id: str
    type: str
    difficulty: str
    answerable: bool
    has_evidence: bool
    evidence_ranks: tuple[int, ...]  # 1-based positions of the passages holding the evidence
    doc_ranks: tuple[int, ...]  # 1-based positions of the passages from the gold document(s)
    abstained: bool
    correct: bool | None  # None for unanswerable questions
    token_f1: float | None
    cited_support: bool | None  # None unless the answer is correct
    invented_citations: int
    latency_ms: float | None
    passed: bool

    def to_json(self) -> dict:
        data = asdict(self)
        data["evidence_ranks"], data["doc_ranks"] = list(self.evidence_ranks), list(self.doc_ranks)
        return data

    @classmethod
    def from_json(cls, data: dict) -> "QuestionScore":
        return cls(**{**data, "evidence_ranks": tuple(data["evidence_ranks"]),
                      "doc_ranks": tuple(data["doc_ranks"])})


def same_doc(a: str | None, b: str | None) -> bool:
    """Whether two corpus-relative paths name the same file ("./x.txt", "sub/x.txt" vs "x.txt")."""
    if not a or not b:
        return False
    a, b = a.replace("\\", "/").removeprefix("./"), b.replace("\\", "/").removeprefix("./")
    return a == b or a.endswith("/" + b) or b.endswith("/" + a)


def is_correct(answer_text: str, golds, abstained: bool) -> bool:
    """A gold answer appears as whole words in the first 600 characters (markers removed)."""
    if abstained:
        return False
    return contains_any(strip_markers(answer_text)[:ANSWER_WINDOW], golds)


def _f1_tokens(text: str) -> list[str]:
    text = re.sub(r"[^\w\s]", " ", strip_markers(text).casefold())
    return _ARTICLES.sub(" ", text).split()


def token_f1(prediction: str, gold: str) -> float:
    """SQuAD-style token F1: lower case, no punctuation or articles, bag-of-words overlap."""
    pred, ref = _f1_tokens(prediction), _f1_tokens(gold)
    common = sum((Counter(pred) & Counter(ref)).values())
    if not pred or not ref or not common:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)


def invented_citations(answer_text: str, citation_numbers) -> int:
    """How many [n] markers in the answer point at no citation ([1, 2] counts as two markers)."""
    valid = set(citation_numbers)
    numbers = [int(n) for group in _MARKER.findall(answer_text or "") for n in group.split(",")]
    return sum(1 for n in numbers if n not in valid)


def score_question(item: QAItem, answer: dict, latency_ms: float | None = None,
                   ranking: list[dict] | None = None) -> QuestionScore:
    """Measure one answer (the Answer JSON contract) against its QA item.

    Retrieval is scored on `ranking` (a deeper list of passages than the answer used) when given,
    else on the answer's own passages.
    """
    text, abstained = answer.get("answer") or "", bool(answer.get("abstained"))
    citations = answer.get("citations") or []
    passages = ranking if ranking is not None else answer.get("passages") or []
    golds = item.accepted_answers
    evidence_ranks = tuple(i for i, p in enumerate(passages, 1)
                           if item.evidence and evidence_in_passage(item.evidence, p.get("text", ""), golds))
    docs = ((item.doc,) if item.doc else ()) + item.also_docs
    doc_ranks = tuple(i for i, p in enumerate(passages, 1) if any(same_doc(p.get("source"), d) for d in docs))
    correct = is_correct(text, golds, abstained) if item.answerable else None
    f1 = None
    if item.answerable:
        f1 = 0.0 if abstained else max(token_f1(text, g) for g in item.answers)
    support = None
    if correct:
        cited = " \n ".join(f"{c.get('text') or ''} \n {c.get('quote') or ''}" for c in citations)
        support = contains_any(cited, golds)
    return QuestionScore(
        id=item.id, type=item.type, difficulty=item.difficulty, answerable=item.answerable,
        has_evidence=bool(item.evidence), evidence_ranks=evidence_ranks, doc_ranks=doc_ranks,
        abstained=abstained, correct=correct, token_f1=f1, cited_support=support,
        invented_citations=invented_citations(text, [c.get("n") for c in citations]),
        latency_ms=latency_ms, passed=bool(correct) if item.answerable else abstained)


def hit_at(ranks, k: int) -> bool:
    """Whether any relevant passage is in the first k."""
    return any(r <= k for r in ranks)


def reciprocal_rank(ranks, depth: int = RANK_DEPTH) -> float:
    """1 / position of the first relevant passage within `depth`, else 0."""
    first = min((r for r in ranks if r <= depth), default=None)
    return 1.0 / first if first else 0.0


def ndcg_at(ranks, k: int = RANK_DEPTH) -> float:
    """Binary-relevance nDCG@k; the ideal ranking puts every relevant retrieved passage first."""
    relevant = [r for r in ranks if r <= k]
    if not relevant:
        return 0.0
    dcg = sum(1.0 / math.log2(r + 1) for r in relevant)
    ideal = sum(1.0 / math.log2(i + 1) for i in range(1, len(relevant) + 1))
    return dcg / ideal


def percentile(values, p: float) -> float | None:
    """The p-th percentile with linear interpolation between ranks (numpy's default)."""
    data = sorted(values)
    if not data:
        return None
    pos = (len(data) - 1) * p / 100
    low, high = math.floor(pos), math.ceil(pos)
    return data[low] + (data[high] - data[low]) * (pos - low)


def _mean(values) -> float | None:
    values = [float(v) for v in values]
    return round(sum(values) / len(values), 4) if values else None


def compute_metrics(scores: list[QuestionScore]) -> dict:
    """The 15 named metrics; a metric with nothing to measure (e.g. no unanswerable questions) is None."""
    answerable = [s for s in scores if s.answerable]
    with_evidence = [s for s in answerable if s.has_evidence]
    unanswerable = [s for s in scores if not s.answerable]
    correct = [s for s in answerable if s.correct]
    latencies = [s.latency_ms for s in scores if s.latency_ms is not None]
    metrics = {f"evidence_hit@{k}": _mean(hit_at(s.evidence_ranks, k) for s in with_evidence)
               for k in (1, 3, 5, 10)}
    metrics.update({
        "doc_hit@5": _mean(hit_at(s.doc_ranks, 5) for s in answerable),
        "mrr": _mean(reciprocal_rank(s.evidence_ranks) for s in with_evidence),
        "ndcg@10": _mean(ndcg_at(s.evidence_ranks, 10) for s in with_evidence),
        "answer_accuracy": _mean(bool(s.correct) for s in answerable),
        "token_f1": _mean(s.token_f1 or 0.0 for s in answerable),
        "citation_support": _mean(bool(s.cited_support) for s in correct),
        "invented_citations": sum(s.invented_citations for s in scores),
        "abstain_rate": _mean(s.abstained for s in unanswerable),
        "false_abstain_rate": _mean(s.abstained for s in answerable),
        "latency_p50_ms": _round(percentile(latencies, 50), 1),
        "latency_p95_ms": _round(percentile(latencies, 95), 1),
    })
    return {name: metrics[name] for name in METRIC_NAMES}


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def summarize(scores: list[QuestionScore]) -> dict:
    """Counts behind the metrics: questions, answerable, passed and the pass rate."""
    passed = sum(s.passed for s in scores)
    return {"questions": len(scores), "answerable": sum(s.answerable for s in scores),
            "unanswerable": sum(not s.answerable for s in scores),
            "without_evidence": sum(s.answerable and not s.has_evidence for s in scores),
            "passed": passed, "pass_rate": _mean([s.passed for s in scores])}


def breakdown(scores: list[QuestionScore], by: str) -> dict:
    """Summary and metrics per question type (by="type") or per difficulty (by="difficulty")."""
    order = {"type": TYPES, "difficulty": DIFFICULTIES}[by]
    groups: dict[str, list[QuestionScore]] = {}
    for s in scores:
        groups.setdefault(getattr(s, by), []).append(s)
    ordered = sorted(groups, key=lambda g: order.index(g) if g in order else len(order))
    return {g: {**summarize(groups[g]), "metrics": compute_metrics(groups[g])} for g in ordered}


def format_metric(name: str, value) -> str:
    """A metric as shown in the terminal and the report: rates to 3 places, ms whole, counts as is."""
    if value is None:
        return "n/a"
    if name.startswith("latency"):
        return f"{value:.0f} ms"
    if name == "invented_citations":
        return str(int(value))
    return f"{value:.3f}"


def format_delta(name: str, delta) -> str:
    """A signed change of a metric in the metric's own unit."""
    if delta is None:
        return ""
    if name.startswith("latency"):
        return f"{delta:+.0f} ms"
    return f"{int(delta):+d}" if name == "invented_citations" else f"{delta:+.3f}"
