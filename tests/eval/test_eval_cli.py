"""`partnerqa eval` end to end with a fake engine: outputs, summary, --compare and exit codes."""
from __future__ import annotations

import json

import pytest

from eval import cli
from eval.metrics import METRIC_NAMES

ROWS = [
    {"id": "who-1", "question": "Who leads the workforce group?", "answers": ["Jane Example"],
     "doc": "plan.txt", "also_docs": [], "evidence": "Jane Example leads the workforce group",
     "type": "who", "difficulty": "easy"},
    {"id": "num-1", "question": "How many places are funded?", "answers": ["25"], "doc": "plan.txt",
     "also_docs": [], "evidence": "There are 25 funded places for two-year-olds", "type": "how_many",
     "difficulty": "medium"},
    {"id": "none-1", "question": "What is the budget for 2030?", "answers": [], "doc": None,
     "also_docs": [], "evidence": None, "type": "unanswerable", "difficulty": "hard"},
]


class FakeAnswer:
    def __init__(self, data):
        self.data = data

    def to_json(self):
        return self.data


def passage(text, n):
    return {"source": "plan.txt" if n == 1 else "other.txt", "title": "Plan", "date": "2017", "page": 1,
            "chunk_id": f"p:{n}", "text": text, "score": 1.0 / n, "rank": n, "retriever": "hybrid"}


PASSAGES = [passage("Jane Example leads the workforce group. There are 25 funded places for "
                    "two-year-olds.", 1)] + [passage(f"Filler {n} about school meals.", n) for n in range(2, 12)]


class FakeEngine:
    """Answers from a table; 'wrong' makes the how-many answer miss ("2025" is not "25")."""

    manifest = {"model": "fake-mini", "chunk_words": 200}
    config = {"retriever": "hybrid", "k": 5}

    def __init__(self, wrong=False):
        self.wrong = wrong
        self.searches = []

    def search(self, query, k=None, filters=None, retriever=None):
        self.searches.append(k)
        return [FakeAnswer(p) for p in PASSAGES[:k]]

    def answer(self, question, history=None, filters=None):
        text = {"Who leads the workforce group?": "Jane Example leads it [1].",
                "How many places are funded?": "In 2025 [1]." if self.wrong else "There are 25 places [1]."}
        passage = PASSAGES[0]
        citation = {"n": 1, **{k: passage[k] for k in ("source", "title", "date", "page", "chunk_id",
                                                         "text", "score")}, "quote": ""}
        abstained = question not in text
        return FakeAnswer({"question": question, "answer": text.get(question, "The documents don't say."),
                           "abstained": abstained, "mode": "extractive",
                           "citations": [] if abstained else [citation],
                           "passages": PASSAGES[:5], "latency_ms": 3.0, "timings_ms": {}, "notes": []})


@pytest.fixture
def qa_set(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def engine_calls(monkeypatch):
    calls = []

    def fake_load_engine(**kwargs):
        calls.append(kwargs)
        engine = FakeEngine(wrong=kwargs.get("llm_model") == "wrong")
        if kwargs.get("llm_model") == "no-search":
            engine.search = None
        return engine

    monkeypatch.setattr(cli, "load_engine", fake_load_engine)
    return calls


def run(*argv):
    return cli.main(["eval", *map(str, argv), "--no-progress"])


def test_writes_results_and_report_and_prints_summary(qa_set, tmp_path, engine_calls, capsys):
    out = tmp_path / "run"
    assert run(qa_set, "--out", out, "--retriever", "lexical", "--llm-url", "http://x", "--llm-model", "m") == 0
    assert engine_calls == [{"index_dir": None, "corpus_dir": None, "retriever": "lexical", "k": 5,
                             "llm_url": "http://x", "llm_model": "m", "config_file": None}]
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert tuple(results["metrics"]) == METRIC_NAMES
    assert results["metrics"]["answer_accuracy"] == 1.0 and results["metrics"]["abstain_rate"] == 1.0
    assert results["config"]["k"] == 5 and results["config"]["retrieval_depth"] == 10
    assert results["manifest"]["model"] == "fake-mini"
    first = results["questions"][0]
    assert len(first["answer"]["passages"]) == 5 and len(first["retrieved"]) == 10  # answers use k=5
    assert (out / "report.html").is_file()
    printed = capsys.readouterr().out
    assert "answer_accuracy           1.000" in printed and "passed 3 of 3 questions" in printed
    assert "retriever: lexical" in printed


def test_fail_under_exit_codes(qa_set, tmp_path, engine_calls, capsys):
    ok = run(qa_set, "--out", tmp_path / "a", "--fail-under", "answer_accuracy=0.9", "invented_citations=0")
    assert ok == 0
    missed = run(qa_set, "--out", tmp_path / "b", "--llm-model", "wrong", "--fail-under",
                 "answer_accuracy=0.9", "--fail-under", "evidence_hit@1=0.5")
    assert missed == 1
    err = capsys.readouterr().err
    assert "FAIL: answer_accuracy = 0.500 is below 0.9" in err and "evidence_hit@1" not in err


def test_lower_is_better_thresholds_are_ceilings():
    metrics = {"latency_p95_ms": 900.0, "invented_citations": 2, "abstain_rate": None}
    missed = cli.check_thresholds(metrics, {"latency_p95_ms": 1000, "invented_citations": 0, "abstain_rate": 0.5})
    assert len(missed) == 2
    assert "invented_citations = 2 is above the ceiling 0" in missed[0] and "not measurable" in missed[1]


@pytest.mark.parametrize("spec, words", [
    ("recall=0.5", "unknown metric 'recall'; valid names: evidence_hit@1, evidence_hit@3"),
    ("answer_accuracy", "use METRIC=VALUE"),
    ("mrr=high", "'high' is not a number"),
])
def test_bad_fail_under_exits_2_before_running(qa_set, tmp_path, engine_calls, capsys, spec, words):
    assert run(qa_set, "--out", tmp_path / "x", "--fail-under", spec) == 2
    assert words in capsys.readouterr().err
    assert engine_calls == [] and not (tmp_path / "x").exists()


def test_bad_qa_set_exits_2_and_runs_nothing(tmp_path, engine_calls, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({**ROWS[0], "type": "why"}) + "\n", encoding="utf-8")
    assert run(bad, "--out", tmp_path / "x") == 2
    assert "bad.jsonl, line 1, field 'type'" in capsys.readouterr().err and engine_calls == []


def test_compare_lists_flips_and_changes(qa_set, tmp_path, engine_calls, capsys):
    assert run(qa_set, "--out", tmp_path / "before") == 0
    capsys.readouterr()
    assert run(qa_set, "--out", tmp_path / "after", "--llm-model", "wrong",
               "--compare", tmp_path / "before" / "results.json") == 0
    printed = capsys.readouterr().out
    assert "pass -> fail: num-1" in printed and "fail -> pass: none" in printed
    assert "-0.500" in printed
    results = json.loads((tmp_path / "after" / "results.json").read_text(encoding="utf-8"))
    assert [q["id"] for q in results["comparison"]["pass_to_fail"]] == ["num-1"]
    assert run(qa_set, "--out", tmp_path / "c", "--compare", tmp_path / "missing.json") == 2


def test_default_output_directory_is_timestamped(qa_set, tmp_path, engine_calls, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(qa_set) == 0
    runs = list((tmp_path / "eval" / "runs").iterdir())
    assert len(runs) == 1 and (runs[0] / "report.html").is_file()


def test_engine_without_search_is_scored_on_its_answer_passages(qa_set, tmp_path, engine_calls):
    assert run(qa_set, "--out", tmp_path / "x", "--llm-model", "no-search", "--k", "3") == 0
    results = json.loads((tmp_path / "x" / "results.json").read_text(encoding="utf-8"))
    assert results["config"]["retrieval_depth"] == 3 and results["questions"][0]["retrieved"] is None
    assert results["metrics"]["evidence_hit@1"] == 1.0


def test_common_options_reach_the_engine(qa_set, tmp_path, engine_calls):
    assert run(qa_set, "--out", tmp_path / "x", "--index-dir", tmp_path / "idx", "--corpus-dir", "docs") == 0
    assert engine_calls[0]["index_dir"] == str(tmp_path / "idx") and engine_calls[0]["corpus_dir"] == "docs"
