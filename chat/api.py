"""The HTTP API for other systems: POST /api/ask (the `ask --json` contract) and GET /api/health."""
from __future__ import annotations

import base64
import binascii
import logging
import secrets
import threading

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from index.records import Filters

log = logging.getLogger(__name__)
BUSY = "The assistant is busy answering other questions; try again in a few seconds."


class Gate:
    """At most `running` answers at once and `waiting` more queued; beyond that, refuse at once."""

    def __init__(self, running: int = 2, waiting: int = 8):
        self.capacity = running + waiting
        self.inside = 0
        self._count = threading.Lock()
        self._slots = threading.BoundedSemaphore(running)

    def __enter__(self):
        with self._count:
            if self.inside >= self.capacity:
                raise GateFull()
            self.inside += 1
        self._slots.acquire()
        return self

    def __exit__(self, *exc):
        self._slots.release()
        with self._count:
            self.inside -= 1


class GateFull(Exception):
    """The bounded queue is full."""


def check_basic_auth(header: str | None, credentials: list[tuple[str, str]]) -> bool:
    """True when an `Authorization: Basic ...` header names one of `credentials` (constant time)."""
    if not header or not header.lower().startswith("basic "):
        return False
    try:
        user, _, password = base64.b64decode(header[6:].strip()).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return False
    return any(secrets.compare_digest(user, u) & secrets.compare_digest(password, p) for u, p in credentials)


def add_api_routes(app: FastAPI, engine, credentials: list[tuple[str, str]] | None = None,
                   gate: Gate | None = None) -> None:
    """Register /api/ask and /api/health on `app`; with credentials they require HTTP Basic auth."""
    gate = gate or Gate()

    @app.middleware("http")
    async def require_auth(request: Request, call_next):
        if credentials and request.url.path.startswith("/api/") and \
                not check_basic_auth(request.headers.get("authorization"), credentials):
            return JSONResponse({"error": "authentication required"}, status_code=401,
                                headers={"WWW-Authenticate": 'Basic realm="partnerqa"'})
        return await call_next(request)

    @app.get("/api/health")
    def health():  # sync: FastAPI runs it on a worker thread, never blocking the event loop
        docs = engine.documents()
        return {"status": "ok", "documents": len(docs), "chunks": sum(d["chunks"] or 0 for d in docs),
                "model": engine.manifest.get("model", "")}

    @app.post("/api/ask")
    def ask(body: dict):
        question, error = _validate(body)
        if error:
            return JSONResponse({"error": error}, status_code=400)
        try:
            filters = Filters.from_json(body.get("filters"))
        except (ValueError, TypeError, AttributeError) as exc:
            return JSONResponse({"error": f"bad filters: {exc}"}, status_code=400)
        try:
            with gate:
                answer = engine.answer(question, history=body.get("history") or [], filters=filters)
        except GateFull:
            return JSONResponse({"error": BUSY}, status_code=503, headers={"Retry-After": "5"})
        except Exception:  # logged in full; the caller gets a message, not a stack trace
            log.exception("answering %r failed", question)
            return JSONResponse({"error": "the question could not be answered; see the server log"},
                                status_code=500)
        return answer.to_json()


def _validate(body) -> tuple[str, str]:
    """(question, error message or '') for a request body."""
    if not isinstance(body, dict):
        return "", 'send a JSON object: {"question": "...", "history": [...], "filters": {...}}'
    unknown = set(body) - {"question", "history", "filters"}
    if unknown:
        return "", f"unknown field(s): {', '.join(sorted(unknown))}; use question, history, filters"
    question = body.get("question")
    if not isinstance(question, str) or not question.strip():
        return "", '"question" must be a non-empty string'
    history = body.get("history")
    if history is not None and not (isinstance(history, list) and all(
            isinstance(m, dict) and m.get("role") in ("user", "assistant") and isinstance(m.get("content"), str)
            for m in history)):
        return "", '"history" must be a list of {"role": "user"|"assistant", "content": "..."}'
    return question, ""
