"""A small OpenAI-compatible chat-completions client (plain and SSE streaming), standard library only."""
from __future__ import annotations

import http.client
import json
import logging
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Iterator

log = logging.getLogger(__name__)

# The key is read from the environment only: never from a settings file or a flag, where it would
# end up in shell history, a repository or eval's results.json.
API_KEY_ENV = "PARTNERQA_LLM_API_KEY"


class LLMError(Exception):
    """The language model could not give a usable reply; `reason` is a short label for the JSON."""

    reason = "error"


class LLMHTTPError(LLMError):
    """The server answered with an HTTP error status (or an error object inside the stream)."""

    reason = "http_error"

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class LLMConnectionError(LLMError):
    """The server could not be reached (refused, unknown host, TLS failure)."""

    reason = "connection_error"


class LLMTimeout(LLMError):
    """The server did not send anything for `timeout` seconds."""

    reason = "timeout"


class LLMMalformed(LLMError):
    """The reply was not the chat-completions JSON or SSE stream it should be."""

    reason = "malformed"


def api_key(environ: dict | None = None) -> str:
    return ((os.environ if environ is None else environ).get(API_KEY_ENV) or "").strip()


def endpoint(base_url: str) -> str:
    """The chat-completions URL for a base URL such as http://localhost:11434/v1 (query kept)."""
    parts = urllib.parse.urlsplit(base_url.strip())
    path = parts.path.rstrip("/")
    if not path.endswith("/chat/completions"):
        path += "/chat/completions"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


@dataclass
class ChatStream:
    """Iterates over the text deltas of a streamed reply; `finish_reason` is set once it is done."""

    lines: Iterator[bytes]
    finish_reason: str | None = None

    def __iter__(self) -> Iterator[str]:
        done = False
        for raw in self.lines:
            line = raw.decode("utf-8", errors="replace").strip()
            if not line or line.startswith((":", "event:", "id:", "retry:")):
                continue  # blank separators, keep-alive comments and SSE fields we do not use
            if not line.startswith("data:"):
                raise LLMMalformed(f"unexpected line in the event stream: {line[:80]!r}")
            payload = line[5:].strip()
            if payload == "[DONE]":
                done = True
                break
            text = self._delta(payload)
            if text:
                yield text
        if not done and self.finish_reason is None:
            raise LLMMalformed("the event stream ended before [DONE]")

    def _delta(self, payload: str) -> str:
        data = _loads(payload)
        if isinstance(data, dict) and data.get("error"):
            raise LLMHTTPError(f"error in the stream: {_error_text(data)}")
        try:
            choices = data["choices"]
            if not choices:  # e.g. a final usage-only chunk
                return ""
            choice = choices[0]
            self.finish_reason = choice.get("finish_reason") or self.finish_reason
            content = (choice.get("delta") or {}).get("content")
        except (KeyError, TypeError, AttributeError, IndexError) as exc:
            raise LLMMalformed(f"a stream chunk without choices[0].delta: {payload[:80]!r}") from exc
        if content is not None and not isinstance(content, str):
            raise LLMMalformed("a stream chunk whose content is not text")
        return content or ""


@dataclass(frozen=True)
class Completion:
    text: str
    finish_reason: str | None = None


class LLMClient:
    """Talks to one OpenAI-compatible server: POST {base}/chat/completions."""

    def __init__(self, base_url: str, model: str = "", timeout: float = 60.0, max_tokens: int = 512,
                 temperature: float = 0.0, environ: dict | None = None):
        self.url = endpoint(base_url)
        self.model = model
        self.timeout = timeout
        self.max_tokens = max_tokens
        self.temperature = temperature
        self._key = api_key(environ)
        self.last_finish_reason: str | None = None  # of the last stream(), e.g. "length" when cut

    def __repr__(self) -> str:  # never shows the key
        return f"LLMClient(url={self.url!r}, model={self.model!r}, timeout={self.timeout})"

    def complete(self, messages: list[dict], max_tokens: int | None = None) -> Completion:
        """One reply, not streamed."""
        with self._post(messages, stream=False, max_tokens=max_tokens) as response:
            try:
                body = response.read()
            except (TimeoutError, socket.timeout) as exc:
                raise LLMTimeout(f"timeout after {self.timeout:g} s") from exc
            except (OSError, http.client.HTTPException) as exc:
                raise LLMMalformed(f"the reply broke off: {exc}") from exc
        return _completion(_loads(body.decode("utf-8", errors="replace")))

    def stream(self, messages: list[dict], max_tokens: int | None = None) -> Iterator[str]:
        """The reply's text deltas as the server sends them (server-sent events)."""
        with self._post(messages, stream=True, max_tokens=max_tokens) as response:
            if "text/event-stream" not in (response.headers.get("Content-Type") or ""):
                # Some servers ignore "stream": true and send one JSON reply; accept it whole.
                yield _completion(_loads(response.read().decode("utf-8", errors="replace"))).text
                return
            stream = ChatStream(iter(response.readline, b""))
            try:
                yield from stream
            except (TimeoutError, socket.timeout) as exc:
                raise LLMTimeout(f"the stream stalled for more than {self.timeout:g} s") from exc
            except (OSError, ValueError, http.client.HTTPException) as exc:  # reset, bad chunking
                raise LLMMalformed(f"the stream broke off: {exc}") from exc
            self.last_finish_reason = stream.finish_reason
            log.info("LLM stream finished (%s)", stream.finish_reason)

    def _headers(self) -> dict:
        headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
        if self._key:
            headers["Authorization"] = f"Bearer {self._key}"
            if (urllib.parse.urlsplit(self.url).hostname or "").endswith(".azure.com"):
                headers["api-key"] = self._key  # Azure OpenAI deployment URLs authenticate this way
        return headers

    def _post(self, messages: list[dict], stream: bool, max_tokens: int | None):
        body = {"messages": messages, "temperature": self.temperature,
                "max_tokens": max_tokens or self.max_tokens, "stream": stream}
        if self.model:  # single-model servers (llama.cpp) accept none
            body["model"] = self.model
        request = urllib.request.Request(self.url, json.dumps(body).encode("utf-8"), self._headers(), method="POST")
        log.info("LLM request to %s (model %s, stream=%s)", self.url, self.model or "default", stream)
        try:
            return _opener(self.url).open(request, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            detail = self._redact(_error_body(exc))
            raise LLMHTTPError(f"HTTP {exc.code} from the server{': ' + detail if detail else ''}",
                               exc.code) from None
        except (TimeoutError, socket.timeout) as exc:
            raise LLMTimeout(f"timeout after {self.timeout:g} s") from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                raise LLMTimeout(f"timeout after {self.timeout:g} s") from exc
            raise LLMConnectionError(f"could not connect to {self.url} ({exc.reason})") from exc
        except (OSError, ValueError) as exc:
            raise LLMConnectionError(f"could not connect to {self.url} ({exc})") from exc

    def _redact(self, text: str) -> str:
        """A server may echo request headers in an error page: never pass the key on."""
        return text.replace(self._key, "***") if self._key else text


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect would carry the Authorization header to wherever it points: refuse it (HTTP 3xx)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _opener(url: str) -> urllib.request.OpenerDirector:
    """Proxies from the environment, except for a server on this machine (a local Ollama must not
    be sent through a corporate proxy); no redirects."""
    if urllib.parse.urlsplit(url).hostname in ("localhost", "127.0.0.1", "::1"):
        return urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)
    return urllib.request.build_opener(_NoRedirect)


def _loads(text: str):
    try:
        return json.loads(text)
    except ValueError as exc:
        raise LLMMalformed(f"not JSON: {text[:80]!r}") from exc


def _completion(data) -> Completion:
    if isinstance(data, dict) and data.get("error"):
        raise LLMHTTPError(f"the server reported an error: {_error_text(data)}")
    try:
        choice = data["choices"][0]
        content = choice["message"].get("content")
    except (KeyError, TypeError, IndexError, AttributeError) as exc:
        raise LLMMalformed("a reply without choices[0].message") from exc
    if content is not None and not isinstance(content, str):
        raise LLMMalformed("a reply whose content is not text")
    return Completion(content or "", choice.get("finish_reason"))


def _error_text(data: dict) -> str:
    error = data.get("error")
    message = error.get("message") if isinstance(error, dict) else error
    return str(message)[:200]


def _error_body(exc: urllib.error.HTTPError) -> str:
    try:
        text = exc.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
    try:
        return _error_text(json.loads(text))
    except (ValueError, AttributeError):
        return " ".join(text.split())[:200]
