"""The HTTP API on a real `partnerqa serve` process: /api/ask returns the `ask --json` contract; /api/health."""
import base64
import json
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from tests_paths import CORPUS
from webserver import serving

pytestmark = pytest.mark.slow
QUESTION = "When will the new integrated children's public health service start?"


def call(url: str, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        return exc.code, json.load(exc)


@pytest.fixture(scope="module")
def server(corpus_index_dir):
    with serving(corpus_index_dir, CORPUS, "--auth", "staff:s3cret") as url:
        yield url


AUTH = {"Authorization": "Basic " + base64.b64encode(b"staff:s3cret").decode()}


def test_health(server):
    status, body = call(server + "/api/health", headers=AUTH)
    assert status == 200 and body["status"] == "ok" and body["documents"] == 5 and body["chunks"] > 100


def test_ask_returns_exactly_the_cli_json(server, corpus_index_dir):
    status, body = call(server + "/api/ask", {"question": QUESTION, "history": [], "filters": {}}, AUTH)
    assert status == 200
    cli = subprocess.run([sys.executable, "-m", "chat.cli", "ask", "--json", QUESTION, "--index-dir",
                          str(corpus_index_dir), "--corpus-dir", str(CORPUS)],
                         capture_output=True, text=True, check=True)
    expected = json.loads(cli.stdout)
    for volatile in ("latency_ms", "timings_ms"):
        assert set(body[volatile] if isinstance(body[volatile], dict) else {}) == \
            set(expected[volatile] if isinstance(expected[volatile], dict) else {})
        body.pop(volatile), expected.pop(volatile)
    assert body == expected
    assert "April 2018" in body["answer"] and body["citations"][0]["n"] == 1


def test_ask_applies_filters(server):
    only = "children-young-peoples-plan-2016.txt"
    status, body = call(server + "/api/ask", {"question": QUESTION, "filters": {"sources": [only]}}, AUTH)
    assert status == 200 and {p["source"] for p in body["passages"]} == {only}


@pytest.mark.parametrize("body, needle", [({"question": ""}, "question"), ({"q": "x"}, "unknown field"),
                                          ({"question": "x", "filters": {"doc": "a"}}, "unknown filter"),
                                          ({"question": "x", "history": "hello"}, "history")])
def test_bad_requests_get_a_message(server, body, needle):
    status, answer = call(server + "/api/ask", body, AUTH)
    assert status == 400 and needle in answer["error"]


def test_the_api_needs_the_login_when_auth_is_on(server):
    assert call(server + "/api/health")[0] == 401
    bad = {"Authorization": "Basic " + base64.b64encode(b"staff:wrong").decode()}
    assert call(server + "/api/ask", {"question": QUESTION}, bad)[0] == 401


def test_serve_refuses_a_public_address_without_auth(tmp_path):
    result = subprocess.run([sys.executable, "-m", "chat.cli", "serve", "--host", "0.0.0.0", "--index-dir",
                             str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "--auth" in result.stderr
