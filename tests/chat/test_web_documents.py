"""Documents through gradio_client on a real server over a private corpus: markup shown as text, upload, delete."""
import json
import urllib.request

import pytest

from webserver import EVIL_FILE, EVIL_QUESTION, EVIL_SCRIPT, serving

pytestmark = pytest.mark.slow


@pytest.fixture()
def server(evil_copy):
    corpus, index = evil_copy
    with serving(index, corpus, "--allow-upload", "--max-upload-mb", "1") as url:
        yield url, corpus


def ask(url, question, **filters):
    body = json.dumps({"question": question, "filters": filters}).encode()
    request = urllib.request.Request(url + "/api/ask", data=body, headers={"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request, timeout=60))


def text_of(message):
    content = message["content"]
    return "".join(p.get("text", "") for p in content) if isinstance(content, list) else str(content)


def test_a_document_with_markup_is_shown_as_text(server):
    from gradio_client import Client

    url, _ = server
    indexed = " ".join(p["text"] for p in ask(url, EVIL_QUESTION)["passages"])
    assert EVIL_SCRIPT in indexed and "<img src=x onerror=" in indexed  # the index really holds the markup
    client = Client(url + "/", verbose=False)
    reply = text_of(client.predict(EVIL_QUESTION, [], "", "", api_name="/ask")[-1])
    assert EVIL_FILE in reply
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in reply and "<script" not in reply
    assert "&lt;img src=x onerror=" in reply and "<img" not in reply
    page = client.predict(EVIL_FILE, api_name="/view_document")
    assert "&lt;script&gt;" in page and "<script" not in page and "<img" not in page


def test_upload_is_checked_ingested_and_answerable_then_deleted(server, tmp_path):
    from gradio_client import Client, handle_file

    url, corpus = server
    client = Client(url + "/", verbose=False)
    fake = tmp_path / "report.pdf"
    fake.write_text("this is not a pdf", encoding="utf-8")
    message = client.predict(handle_file(str(fake)), api_name="/upload")[0]
    assert "report.pdf was not added" in message and "not a PDF" in message
    from pdfmaker import make_pdf

    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(make_pdf([""]))  # a real PDF with no text layer, like a scan
    message = client.predict(handle_file(str(scanned)), api_name="/upload")[0]
    assert "scan.pdf was not added" in message and "no text layer" in message
    assert not list((corpus / "uploads").glob("*.pdf"))  # a rejected file is not kept
    good = tmp_path / "forest-school-note.txt"
    good.write_text("Forest School Note 2022\n\nThe forest school sessions for toddlers run every Thursday "
                    "morning at Bulwell Bogs, led by Priya Sharma.\n", encoding="utf-8")
    message, table = client.predict(handle_file(str(good)), api_name="/upload")[:2]
    assert "forest-school-note.txt was added" in message
    assert "(uploaded as forest-school-note.txt)" in json.dumps(table)
    stored = list((corpus / "uploads").glob("*.txt"))
    assert len(stored) == 1 and stored[0].name != good.name  # a generated name
    answer = ask(url, "When do the forest school sessions for toddlers run?")
    assert not answer["abstained"] and answer["citations"][0]["source"] == f"uploads/{stored[0].name}"
    message = client.predict(f"uploads/{stored[0].name}", True, api_name="/delete_document")[0]
    assert message.startswith("Deleted")
    answer = ask(url, "When do the forest school sessions for toddlers run?")
    assert all(not c["source"].startswith("uploads/") for c in answer["citations"] + answer["passages"])


def test_delete_needs_confirmation(server):
    from gradio_client import Client

    url, _ = server
    client = Client(url + "/", verbose=False)
    assert "Tick" in client.predict(EVIL_FILE, False, api_name="/delete_document")[0]
    assert any(p["source"] == EVIL_FILE for p in ask(url, EVIL_QUESTION)["passages"])
