"""Feedback storage and export, and upload checks by content and size."""
import csv
import io
import json
import subprocess
import sys
import zipfile

import pytest

from chat.feedback import FeedbackStore, export
from chat.uploads import UploadRejected, sniff, store, original_names

ANSWER = {"question": "Who leads?", "answer": "Jane [1].", "mode": "extractive",
          "citations": [{"n": 1, "source": "a.txt", "title": "Plan", "date": "2019", "page": 1, "chunk_id": "c1",
                         "text": "Jane leads.", "score": 0.1, "quote": "Jane leads."}]}


def test_feedback_is_stored_and_exported_as_csv_and_jsonl(tmp_path):
    fb = FeedbackStore(tmp_path)
    fb.add("up", ANSWER, "spot on")
    fb.add("down", ANSWER)
    rows = list(csv.DictReader(io.StringIO(export(fb.rows(), "csv"))))
    assert [(r["rating"], r["comment"], r["question"]) for r in rows] == [("up", "spot on", "Who leads?"),
                                                                          ("down", "", "Who leads?")]
    lines = [json.loads(line) for line in export(fb.rows(), "jsonl").splitlines()]
    assert lines[0]["citations"][0]["chunk_id"] == "c1" and lines[0]["answer"] == "Jane [1]." and lines[0]["created_at"]
    with pytest.raises(ValueError):
        fb.add("meh", ANSWER)
    assert (tmp_path / "feedback.sqlite").is_file()


def test_feedback_export_command(tmp_path):
    FeedbackStore(tmp_path).add("down", ANSWER, "wrong person")
    out = subprocess.run([sys.executable, "-m", "chat.cli", "feedback", "export", "--format", "jsonl",
                          "--index-dir", str(tmp_path)], capture_output=True, text=True, check=True).stdout
    assert json.loads(out)["comment"] == "wrong person"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize("data, name, expected", [(b"%PDF-1.7 ...", "a.pdf", ".pdf"), (b"Hello", "a.txt", ".txt"),
                                                  (b"# Title", "a.md", ".md"), (b"<html><p>x</p>", "a.html", ".html"),
                                                  (None, "a.docx", ".docx"), (b"<!doctype html><p>x", "a.txt", ".html")])
def test_sniff_by_content(data, name, expected):
    assert sniff(data if data is not None else _docx(), name, 1000) == expected


@pytest.mark.parametrize("data, name, reason", [(b"MZ\x00\x00", "a.pdf", "not a PDF"), (b"hello", "a.exe", "not accepted"),
                                                (b"x" * 2000, "a.txt", "limit"), (b"", "a.txt", "empty"),
                                                (b"PK\x03\x04junk", "a.docx", "not a PDF, Word"),
                                                (b"\x00\x01\x02", "a.txt", "not a PDF, Word")])
def test_sniff_rejects_with_a_reason(data, name, reason):
    with pytest.raises(UploadRejected, match=reason):
        sniff(data, name, 1000)


def test_store_uses_a_generated_name_and_remembers_the_original(tmp_path):
    path = store(b"hi", "../../etc/<evil>.txt", ".txt", tmp_path)
    assert path.parent == tmp_path / "uploads" and "evil" not in path.name and path.suffix == ".txt"
    assert original_names(tmp_path)[path.name] == "<evil>.txt"
