"""Thumbs up/down with an optional comment, stored in SQLite beside (not inside) the index builds."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path

FILENAME = "feedback.sqlite"  # in the index directory; builds come and go, feedback stays
_SCHEMA = """CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, rating TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '', question TEXT NOT NULL, answer TEXT NOT NULL,
    citations TEXT NOT NULL DEFAULT '[]', mode TEXT NOT NULL DEFAULT '')"""
COLUMNS = ("id", "created_at", "rating", "comment", "question", "answer", "citations", "mode")
RATINGS = ("up", "down")


class FeedbackStore:
    """One SQLite file; writes are serialised because Gradio handlers run on several threads."""

    def __init__(self, index_dir: Path):
        self.path = Path(index_dir) / FILENAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def add(self, rating: str, answer_json: dict, comment: str = "") -> int:
        """Store one rating of one answer; returns its id."""
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {', '.join(RATINGS)}, not {rating!r}")
        row = (datetime.now(timezone.utc).isoformat(timespec="seconds"), rating, (comment or "").strip()[:2000],
               answer_json.get("question", ""), answer_json.get("answer", ""),
               json.dumps(answer_json.get("citations", []), ensure_ascii=False), answer_json.get("mode", ""))
        with self._lock, self._connect() as db:
            cur = db.execute("INSERT INTO feedback (created_at, rating, comment, question, answer, citations, mode) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)", row)
            return int(cur.lastrowid)

    def rows(self) -> list[dict]:
        with self._connect() as db:
            cur = db.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY id")
            return [dict(zip(COLUMNS, r)) for r in cur.fetchall()]


def export(rows: list[dict], fmt: str = "csv") -> str:
    """All feedback as CSV (citations as a JSON string) or JSON Lines (citations as a list)."""
    if fmt == "jsonl":
        return "".join(json.dumps({**r, "citations": json.loads(r["citations"])}, ensure_ascii=False) + "\n"
                       for r in rows)
    if fmt != "csv":
        raise ValueError(f"unknown format '{fmt}': use csv or jsonl")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
