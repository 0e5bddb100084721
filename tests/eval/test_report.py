"""results.json and the self-contained, escaped report.html."""
from __future__ import annotations

import json
import re

from eval.report import build_results, git_commit, write_run
from eval.runner import run_questions

EVIDENCE = "Jane Example leads the workforce group"
EVIL = "<script>alert('x')</script>"


def make_run(tmp_path, make_item, make_answer, make_passage, passes=True, previous=None):
    qa = tmp_path / "set.jsonl"
    qa.write_text("{}\n", encoding="utf-8")
    hit = make_passage(f"{EVIL} Minutes: {EVIDENCE} since May.", source="plan.txt")
    answers = {
        "Who leads?": make_answer(("Jane Example [1]" if passes else "Nobody") + f" {EVIL}",
                                  passages=[make_passage(), hit], citations=[(1, hit["text"])]),
        "Budget in 2030?": make_answer("The documents don't say.", abstained=True),
    }
    items = [make_item(id="who-1", question="Who leads?"),
             make_item(id="none-1", question="Budget in 2030?", type="unanswerable", difficulty="hard")]
    records = run_questions(items, lambda q: answers[q], progress=False, warmup=False)
    config = {"retriever": "dense", "k": 5, "retrieval_depth": 10, "llm_model": None, "engine": {}}
    results = build_results(records, qa, config, {"embedding_model": "all-MiniLM-L6-v2"}, previous)
    return results, write_run(results, tmp_path / "out")


def test_results_json_holds_everything(tmp_path, make_item, make_answer, make_passage):
    results, paths = make_run(tmp_path, make_item, make_answer, make_passage)
    data = json.loads(paths["results"].read_text(encoding="utf-8"))
    assert data["config"]["retriever"] == "dense" and data["config"]["mode"] == "extractive"
    assert data["manifest"] == {"embedding_model": "all-MiniLM-L6-v2"}
    assert "git_commit" in data and data["qa_set"]["questions"] == 2 and data["qa_set"]["sha256"]
    assert data["metrics"]["answer_accuracy"] == 1.0 and data["metrics"]["abstain_rate"] == 1.0
    assert data["metrics"]["evidence_hit@1"] == 0.0 and data["metrics"]["evidence_hit@3"] == 1.0
    assert data["summary"]["passed"] == 2
    assert set(data["breakdowns"]) == {"type", "difficulty"}
    question = data["questions"][0]
    assert question["answer"]["passages"][1]["source"] == "plan.txt"
    assert question["answer"]["citations"][0]["n"] == 1 and question["result"]["passed"] is True


def test_report_is_self_contained_and_escaped(tmp_path, make_item, make_answer, make_passage):
    _, paths = make_run(tmp_path, make_item, make_answer, make_passage)
    page = paths["report"].read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "<svg" in page
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)  # no external assets
    assert "<link" not in page
    assert f"<mark>{EVIDENCE}</mark>" in page
    assert "retriever:</b> dense" in page and "all-MiniLM-L6-v2" in page and "extractive" in page
    assert "Pass rate by type" in page and "Pass rate by difficulty" in page


def test_report_shows_comparison_and_flips(tmp_path, make_item, make_answer, make_passage):
    previous, _ = make_run(tmp_path, make_item, make_answer, make_passage, passes=True)
    current, paths = make_run(tmp_path, make_item, make_answer, make_passage, passes=False, previous=previous)
    assert [q["id"] for q in current["comparison"]["pass_to_fail"]] == ["who-1"]
    assert current["comparison"]["metrics"]["answer_accuracy"]["delta"] == -1.0
    page = paths["report"].read_text(encoding="utf-8")
    assert "Passed before, fail now (1)" in page and "<b>who-1</b>" in page
    assert "-1.000" in page


def test_git_commit_is_none_outside_a_repository(tmp_path):
    assert git_commit(tmp_path) == {"git_commit": None, "git_dirty": None}
