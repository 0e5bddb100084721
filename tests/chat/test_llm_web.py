"""The web chat with an LLM: a real `partnerqa serve` process, a loopback LLM server, gradio_client."""
import socket
import subprocess
import sys
import time

import pytest

from chat.prompt import content_text
from fake_llm import FakeLLM, Reply
from tests_paths import CORPUS

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _script(body):
    if "Question: Who runs the mayor's football team?" in body["messages"][-1]["content"]:
        return Reply("HACKED, no citations.")
    return Reply("The service starts in April 2018 [1]. It is joined up [9].")


@pytest.fixture(scope="module")
def server(corpus_index_dir):
    with FakeLLM(_script) as llm:
        port = _free_port()
        proc = subprocess.Popen([sys.executable, "-m", "chat.cli", "serve", "--port", str(port),
                                 "--llm-url", llm.url, "--llm-model", "m",
                                 "--index-dir", str(corpus_index_dir), "--corpus-dir", str(CORPUS)],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"serve exited: {proc.stdout.read()}")
                time.sleep(0.5)
        yield f"http://127.0.0.1:{port}/", llm
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=20)


def test_the_chat_shows_the_verified_generated_answer(server):
    from gradio_client import Client

    url, llm = server
    client = Client(url, verbose=False)
    history = client.predict("When will the new integrated children's public health service start?", [], "", "",
                             api_name="/ask")
    text = content_text(history[-1]["content"])
    assert text.startswith("The service starts in April 2018 [[1]](#source-1).")
    assert "joined up" not in text and "Sources" in text
    assert "Note: Removed 1 citation that pointed at no passage ([9])." in text
    assert llm.requests[-1]["body"]["stream"] is True


def test_the_chat_falls_back_visibly_when_the_answer_cites_nothing(server):
    from gradio_client import Client

    url, _ = server
    history = Client(url, verbose=False).predict("Who runs the mayor's football team?", [], "", "", api_name="/ask")
    text = content_text(history[-1]["content"])
    assert "HACKED" not in text
    assert "answer cited none of the passages, so it is not shown" in text and "Note: The language model" in text
