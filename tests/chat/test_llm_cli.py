"""End to end: the real engine over the real corpus, with generated answers from a loopback LLM server."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from chat.cli import main
from chat.engine import load_engine
from chat.prompt import REWRITE_RULES, SYSTEM_RULES
from fake_llm import FakeLLM, Reply
from tests_paths import CORPUS

pytestmark = pytest.mark.slow

KEY = "sk-e2e-SECRET-0987654321"
PARTNERQA = Path(sys.executable).with_name("partnerqa")


def cite_the_passage_naming(name: str):
    """A server that answers like a model would: from the passage that names `name`, citing it."""
    def script(body: dict) -> Reply:
        prompt = body["messages"][-1]["content"]
        for n, text in re.findall(r'<passage n="(\d+)"[^>]*>\n(.*?)\n</passage>', prompt, re.DOTALL):
            if name in text:
                return Reply(f"{name} is the lead for chronic neglect training [{n}]. "
                             f"Contact details are in the plan [{n}][12].")
        return Reply("The documents don't say. I couldn't find this in the partnership's documents.")
    return script


def test_ask_json_through_the_console_script(corpus_index_dir):
    with FakeLLM(cite_the_passage_naming("Paul Langley")) as llm:
        env = {**os.environ, "PARTNERQA_LLM_API_KEY": KEY}
        proc = subprocess.run([str(PARTNERQA), "ask", "--json", "--verbose", "--llm-url", llm.url,
                               "--llm-model", "llama3.1", "--llm-max-tokens", "300",
                               "--index-dir", str(corpus_index_dir), "--corpus-dir", str(CORPUS),
                               "Who leads on chronic neglect training?"],
                              capture_output=True, text=True, timeout=300, env=env)
        requests = llm.requests
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["mode"] == "llm" and not data["abstained"]
    assert data["answer"] == ("Paul Langley is the lead for chronic neglect training [1]. "
                              "Contact details are in the plan [1].")
    [citation] = data["citations"]
    assert "Paul Langley" in citation["text"] and (CORPUS / citation["source"]).is_file()
    assert citation["chunk_id"] in [p["chunk_id"] for p in data["passages"]]
    assert data["dropped_citations"] == [12] and "llm_ms" in data["timings_ms"]
    assert "rewritten_question" not in data  # a first question is not rewritten
    [request] = requests
    assert request["body"]["model"] == "llama3.1" and request["body"]["max_tokens"] == 300
    assert request["body"]["messages"][0]["content"] == SYSTEM_RULES
    assert request["headers"]["Authorization"] == f"Bearer {KEY}"
    assert KEY not in proc.stdout and KEY not in proc.stderr and "SECRET" not in proc.stderr
    assert "LLM request to" in proc.stderr  # --verbose logging ran, without the key


def test_ask_streams_text_and_shows_sources(corpus_index_dir):
    with FakeLLM(cite_the_passage_naming("Paul Langley")) as llm:
        proc = subprocess.run([str(PARTNERQA), "ask", "--llm-url", llm.url, "--llm-model", "m",
                               "--index-dir", str(corpus_index_dir), "--corpus-dir", str(CORPUS),
                               "Who leads on chronic neglect training?"],
                              capture_output=True, text=True, timeout=300)
        assert llm.requests[0]["body"]["stream"] is True
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("Paul Langley is the lead for chronic neglect training [1]. "
                          "Contact details are in the plan [1].\n")
    assert "Note: Removed 1 citation that pointed at no passage ([12])." in out
    assert "\nSources:\n  [1] " in out and "[2]" not in out


def test_a_failing_server_gives_the_real_extractive_answer_with_a_note(capsys, corpus_index_dir):
    with FakeLLM(Reply(status=500)) as llm:
        code = main(["ask", "--json", "--llm-url", llm.url, "--llm-model", "m", "--index-dir",
                     str(corpus_index_dir), "--corpus-dir", str(CORPUS), "Who leads on chronic neglect training?"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["mode"] == "extractive" and data["fallback_reason"] == "http_error"
    assert data["notes"] == ["The language model was unavailable (HTTP 500 from the server: internal error); "
                             "showing the extractive answer."]
    assert "Paul Langley" in data["answer"] or "Marie Grantham" in data["answer"]
    assert data["citations"] and all(f"[{c['n']}]" in data["answer"] for c in data["citations"])


def test_a_timeout_through_the_cli_falls_back(capsys, corpus_index_dir):
    with FakeLLM(Reply("x [1].", sleep=3)) as llm:
        code = main(["ask", "--llm-url", llm.url, "--llm-timeout", "0.5", "--index-dir", str(corpus_index_dir),
                     "--corpus-dir", str(CORPUS), "Who leads on chronic neglect training?"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Note: The language model was unavailable (timeout after 0.5 s); showing the extractive answer." in out
    assert "Sources:" in out


def test_a_follow_up_is_rewritten_before_retrieval(corpus_index_dir):
    standalone = "When will the new integrated children's public health service start?"

    def script(body):
        if body["messages"][0]["content"] == REWRITE_RULES:
            return Reply(standalone)
        prompt = body["messages"][-1]["content"]
        n = next(n for n, text in re.findall(r'<passage n="(\d+)"[^>]*>\n(.*?)\n</passage>', prompt, re.DOTALL)
                 if "April 2018" in text)
        return Reply(f"The service starts in April 2018 [{n}].")

    with FakeLLM(script) as llm:
        engine = load_engine(index_dir=str(corpus_index_dir), corpus_dir=str(CORPUS), llm_url=llm.url,
                             llm_model="m")
        history = [{"role": "user", "content": "Tell me about the integrated children's public health service."},
                   {"role": "assistant", "content": "It joins up health visiting and school nursing [1]."}]
        items = list(engine.answer_stream("When will it start?", history=history))
        rewrite, answer_request = llm.requests
    answer = items[-1]
    data = answer.to_json()
    assert data["question"] == "When will it start?" and data["rewritten_question"] == standalone
    assert data["mode"] == "llm" and data["answer"] == "The service starts in April 2018 [1]."
    assert "".join(items[:-1]) == data["answer"]
    assert "Follow-up question: When will it start?" in rewrite["body"]["messages"][-1]["content"]
    sent = answer_request["body"]["messages"]
    assert f"Question: {standalone}" in sent[-1]["content"]
    assert [m["role"] for m in sent] == ["system", "user", "assistant", "user"]
    assert "rewrite_ms" in data["timings_ms"]


def test_without_an_llm_the_answer_json_is_as_before(corpus_engine):
    assert not corpus_engine.settings.llm_url
    data = corpus_engine.answer("Who leads on chronic neglect training?").to_json()
    assert data["mode"] == "extractive" and data["notes"] == []
    assert not {"dropped_citations", "fallback_reason", "rewritten_question"} & set(data)
    [final] = list(corpus_engine.answer_stream("Who leads on chronic neglect training?"))
    assert final.to_json()["answer"] == data["answer"]


def test_a_failed_rewrite_falls_back_to_joining_the_previous_question(corpus_index_dir):
    def script(body):
        if body["messages"][0]["content"] == REWRITE_RULES:
            return Reply(status=503)
        return Reply("It starts in April 2018 [1].")

    with FakeLLM(script) as llm:
        engine = load_engine(index_dir=str(corpus_index_dir), corpus_dir=str(CORPUS), llm_url=llm.url)
        history = [{"role": "user", "content": "When does the integrated children's public health service start?"}]
        answer = engine.answer("And when does it end?", history=history)
        sent = llm.requests[-1]["body"]["messages"][-1]["content"]
    assert "Question: When does the integrated children's public health service start? And when does it end?" in sent
    assert answer.mode == "llm" and answer.notes[0].startswith(
        "The follow-up question could not be rewritten by the language model (HTTP 503 from the server")
    assert answer.to_json()["rewritten_question"].endswith("And when does it end?")
