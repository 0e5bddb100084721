"""Does a faster embedding precision keep retrieval quality? fp32 against bf16/int8 on a QA set.

For each precision: build the corpus index, then per question the evidence hit@5 and MRR@10 of the
passages (the gold evidence quote found in a passage), answer accuracy (a gold answer in the text),
and the overlap of the top-10 passages with fp32's. Run: python -m eval.bench_quality QA.jsonl
"""
from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from pathlib import Path

_WORD = re.compile(r"\w+")
MIN_RUN = 8  # a passage holding 8 consecutive evidence words holds (part of) the evidence


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def holds_evidence(passage: str, evidence: str) -> bool:
    """The evidence's words appear contiguously in the passage (all, or a run of MIN_RUN)."""
    ev, text = _words(evidence), " " + " ".join(_words(passage)) + " "
    run = min(MIN_RUN, len(ev))
    return bool(ev) and any(" " + " ".join(ev[i:i + run]) + " " in text for i in range(len(ev) - run + 1))


def score(engine, items: list[dict]) -> tuple[dict, dict[str, list[str]]]:
    hits5, rr, correct, answerable, tops = 0, 0.0, 0, 0, {}
    for item in items:
        passages = engine.search(item["question"], k=10)
        tops[item["id"]] = [h.chunk.chunk_id for h in passages]
        if not item.get("evidence"):
            continue
        answerable += 1
        ranks = [r for r, h in enumerate(passages, 1) if holds_evidence(h.chunk.text, item["evidence"])]
        hits5 += bool(ranks and ranks[0] <= 5)
        rr += 1 / ranks[0] if ranks else 0.0
        text = engine.answer(item["question"]).text.casefold()
        correct += any(a.casefold() in text for a in item.get("answers", []))
    n = max(answerable, 1)
    return {"evidence_hit@5": round(hits5 / n, 4), "mrr@10": round(rr / n, 4),
            "answer_accuracy": round(correct / n, 4), "answerable": answerable}, tops


def compare(qa_path: Path, corpus_dir: Path, precisions=("fp32", "bf16", "int8")) -> dict:
    from chat.config import load_settings
    from chat.engine import Engine

    items = [json.loads(line) for line in qa_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out, reference = {}, None
    for precision in precisions:
        with tempfile.TemporaryDirectory() as index_dir:
            settings = load_settings(overrides={"index_dir": index_dir, "corpus_dir": str(corpus_dir),
                                                "embed_precision": precision})
            engine = Engine(settings)
            began = time.perf_counter()
            engine.ingest()
            metrics, tops = score(engine, items)
            metrics["seconds"] = round(time.perf_counter() - began, 1)
        if reference is None:
            reference = tops
        overlap = [len(set(tops[q]) & set(reference[q])) / max(len(reference[q]), 1) for q in reference]
        metrics["top10_overlap_with_fp32"] = round(sum(overlap) / max(len(overlap), 1), 4)
        out[precision] = metrics
    return out


if __name__ == "__main__":
    corpus = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("corpus")
    print(json.dumps(compare(Path(sys.argv[1]), corpus), indent=2))
