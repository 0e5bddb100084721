"""The web chat through gradio_client against a real `partnerqa serve` process: chat, follow-ups, filters."""
import json
import urllib.request

import pytest

from tests_paths import CORPUS
from webserver import serving

pytestmark = pytest.mark.slow
QUESTION = "When will the new integrated children's public health service start?"


@pytest.fixture(scope="module")
def server(corpus_index_dir):
    with serving(corpus_index_dir, CORPUS) as url:
        yield url


@pytest.fixture()
def client(server):
    from gradio_client import Client

    return Client(server + "/", verbose=False)


def text_of(message: dict) -> str:
    content = message["content"]
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content)
    return str(content)


def test_the_chat_answers_with_linked_numbered_sources(client):
    history = client.predict(QUESTION, [], "", "", api_name="/ask")
    assert [m["role"] for m in history] == ["user", "assistant"]
    reply = text_of(history[-1])
    assert "April 2018" in reply
    assert "[[1]](#source-1)" in reply  # the marker links to its numbered source ...
    assert 'id="source-1"' in reply and "workforce-action-plan-2017-2019.txt" in reply  # ... shown under it
    assert "<mark>" in reply  # the question's words are highlighted in the passage


def test_a_follow_up_keeps_the_conversation(client):
    client.predict(QUESTION, [], "", "", api_name="/ask")
    history = client.predict("Who leads the workforce strategy action plan?", [], "", "", api_name="/ask")
    assert [m["role"] for m in history] == ["user", "assistant"] * 2
    assert text_of(history[0]) == QUESTION.replace("'", "'")
    cleared = client.predict(api_name="/new_chat")
    assert cleared[0] == []


def test_filters_restrict_the_next_answer_and_are_shown(client):
    only = "children-young-peoples-plan-2016.txt"
    history = client.predict(QUESTION, [only], "", "", api_name="/ask")
    reply = text_of(history[-1])
    assert "Active filters: documents: " + only.replace("-", "-") in reply.replace("\\", "")
    assert "workforce-action-plan-2017-2019.txt" not in reply  # the unfiltered answer's source is excluded
    history = client.predict(QUESTION, [], "2019", "2021", api_name="/ask")
    reply = text_of(history[-1])
    assert "children-young-peoples-plan-2016.txt" not in reply and "dates: 2019 to 2021" in reply


def test_a_bad_date_gets_a_friendly_message_not_an_error(client):
    history = client.predict(QUESTION, [], "last spring", "", api_name="/ask")
    assert "Please fix the date filter" in text_of(history[-1]) and "YYYY" in text_of(history[-1])


def test_open_source_shows_the_whole_document_at_the_passage(client, server):
    request = urllib.request.Request(server + "/api/ask", data=json.dumps({"question": QUESTION}).encode(),
                                     headers={"Content-Type": "application/json"})
    chunk_id = json.load(urllib.request.urlopen(request))["citations"][0]["chunk_id"]
    client.predict(QUESTION, [], "", "", api_name="/ask")
    page = client.predict(chunk_id, api_name="/open_source")
    assert 'id="pqa-focus"' in page and "Page 1" in page
    assert page.count("<p") > 20  # the whole document, not just the passage
