"""The command line: the JSON contract, --file, search, ingest output, and corpus questions."""
import json
import subprocess
import sys

import pytest

from chat.cli import main
from tests_paths import CORPUS

pytestmark = pytest.mark.slow

CITATION_FIELDS = {"n", "source", "title", "date", "page", "chunk_id", "text", "score"}
PASSAGE_FIELDS = {"source", "title", "date", "page", "chunk_id", "text", "score"}


def _ask_json(capsys, index_dir, *args):
    code = main(["ask", "--json", "--index-dir", str(index_dir), "--corpus-dir", str(CORPUS), *args])
    assert code == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]


def test_ask_json_follows_the_contract(capsys, corpus_index_dir):
    [data] = _ask_json(capsys, corpus_index_dir, "Who leads on chronic neglect training?")
    assert {"question", "answer", "abstained", "citations", "passages", "latency_ms"} <= set(data)
    assert data["abstained"] is False and isinstance(data["latency_ms"], float)
    assert data["citations"] and all(CITATION_FIELDS <= set(c) for c in data["citations"])
    assert len(data["passages"]) == 5 and all(PASSAGE_FIELDS <= set(p) for p in data["passages"])
    for c in data["citations"]:
        assert f"[{c['n']}]" in data["answer"]
        assert (CORPUS / c["source"]).is_file()
    assert "Paul Langley" in data["answer"] or "Marie Grantham" in data["answer"]


def test_ask_file_answers_every_line_in_order_in_one_process(tmp_path, corpus_index_dir):
    questions = ["When will the new integrated children's public health service start?",
                 "What is the target vacancy rate for hard to recruit teams?",
                 "What is the mayor's favourite football team?"]
    path = tmp_path / "questions.txt"
    path.write_text("\n".join(questions) + "\n")
    proc = subprocess.run([sys.executable, "-m", "chat.cli", "ask", "--json", "--file", str(path),
                           "--index-dir", str(corpus_index_dir), "--corpus-dir", str(CORPUS)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    answers = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [a["question"] for a in answers] == questions
    assert "April 2018" in answers[0]["answer"]
    assert "5%" in answers[1]["answer"]
    assert answers[2]["abstained"] is True and answers[2]["citations"] == []


CORPUS_QUESTIONS = [
    ("Who is the contact for the integrated workforce project?", "partnership-board-papers-2013-09-25.txt"),
    ("How many babies are breastfed at six to eight weeks?", "children-young-peoples-plan-2016.txt"),
    ("How is the audit and learning visit model going?", "improvement-portfolio-update-jul-sep-2020.txt"),
    ("What does the Mental Capacity Act mean for staff working with 16 year olds?",
     "workforce-action-plan-2017-2019.txt"),
    ("How was the previous workforce strategy from 2007 reviewed?", "workforce-strategy-2010-2014.txt"),
]


@pytest.mark.parametrize("question,source", CORPUS_QUESTIONS)
def test_corpus_questions_cite_the_right_document(corpus_engine, question, source):
    answer = corpus_engine.answer(question)
    assert not answer.abstained
    assert source in {c.hit.chunk.source for c in answer.citations}


@pytest.mark.parametrize("question", ["What is the budget for the new swimming pool?",
                                      "Who won the 2018 football world cup?"])
def test_abstains_when_the_documents_do_not_say(corpus_engine, question):
    answer = corpus_engine.answer(question)
    assert answer.abstained and not answer.citations
    assert "documents don't say" in answer.text


def test_who_holds_a_post_is_not_answered_by_the_post_alone(corpus_engine):
    # The Board's membership lists the Assistant Chief Constable by post only: no one is named.
    answer = corpus_engine.answer("Who is the Assistant Chief Constable who sits on the Children's Partnership Board?")
    assert answer.abstained, answer.text
    named = corpus_engine.answer("Who is the independent chair of the safeguarding children board?")
    assert not named.abstained and "Paul Burnett" in named.text


def test_search_and_ingest_commands(capsys, tmp_path, small_corpus):
    index_dir = tmp_path / "idx"
    code = main(["ingest", "--index-dir", str(index_dir), "--corpus-dir", str(small_corpus)])
    out = capsys.readouterr().out
    assert code == 0 and out.count("added") >= 3 and "3 added" in out
    (small_corpus / "notes.xyz").write_text("unsupported")
    code = main(["ingest", "--index-dir", str(index_dir), "--corpus-dir", str(small_corpus)])
    out = capsys.readouterr().out
    assert code == 3 and "skipped   notes.xyz: unsupported file type '.xyz'" in out and "3 unchanged" in out
    code = main(["search", "--json", "--k", "3", "--index-dir", str(index_dir), "--corpus-dir",
                 str(small_corpus), "vacancy rate target"])
    hits = json.loads(capsys.readouterr().out)
    assert code == 0 and len(hits) == 3
    assert hits[0]["source"] == "improvement-portfolio-update-jul-sep-2020.txt"
