"""The bad-file zoo: each bad file is skipped with a one-line reason naming it; the rest are ingested."""
import os
import re
import subprocess
import sys
import time

import pytest

from badfiles import build_zoo, docx_bytes, encrypted_pdf, image_only_pdf, slow_pdf
from ingest.documents import extract_pages, load_document
from ingest.loaders import LoadError
from ingest.sandbox import LoadLimits, run_bounded
from pdfmaker import make_pdf

HERE = os.path.dirname(__file__)
STATUS = re.compile(r"^(added|updated|unchanged|removed|skipped)\s+(.*)$")


def _ingest(corpus, index_dir, *extra, env=None):
    cmd = [sys.executable, "-m", "chat.cli", "ingest", "--index-dir", str(index_dir),
           "--corpus-dir", str(corpus), *extra]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, PARTNERQA_MAX_FILE_MB="2", **(env or {})))


def _lines(stdout):
    """{source: (status, rest of the line)} from ingest's per-file lines."""
    out = {}
    for line in stdout.splitlines():
        match = STATUS.match(line)
        if match:
            rest = match.group(2)
            for source in sorted(out_names, key=len, reverse=True):
                if rest == source or rest.startswith(source + " ") or rest.startswith(source + ":"):
                    out[source] = (match.group(1), rest[len(source):])
                    break
            else:
                out[rest] = (match.group(1), "")
    return out


out_names: list[str] = []


@pytest.mark.slow
def test_the_zoo_is_ingested_file_by_file_with_reasons(tmp_path):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    expected = build_zoo(corpus, outside)
    (corpus / "big.txt").write_bytes(b"a large text file line\n" * 140_000)  # 3.2 MB, limit is 2 MB
    expected["big.txt"] = "skipped: over the 2 MB limit"
    out_names[:] = list(expected)
    start = time.monotonic()
    proc = _ingest(corpus, tmp_path / "index")
    assert proc.returncode == 3, proc.stdout + proc.stderr  # 3: finished, some files skipped
    assert "Traceback" not in proc.stderr
    seen = _lines(proc.stdout)
    problems = []
    for name, outcome in expected.items():
        status, rest = seen.get(name, ("missing", ""))
        want_status, _, words = outcome.partition(": ")
        if status != want_status or words.lower() not in rest.lower():
            problems.append(f"{name}: expected {outcome!r}, got {status} {rest!r}")
    assert not problems, "\n".join(problems) + "\n" + proc.stdout
    assert set(seen) == set(expected), proc.stdout  # nothing else reported: hidden files are silent
    adds = sum(o.startswith("added") for o in expected.values())
    skips = len(expected) - adds
    assert f"{adds} added, 0 updated, 0 unchanged, 0 removed, {skips} skipped;" in proc.stdout
    assert len(proc.stdout.splitlines()) == len(expected) + 1  # one line per file, no forged lines
    assert time.monotonic() - start < 240

    again = _ingest(corpus, tmp_path / "index", "--pdf-password", "letmein")
    assert again.returncode == 3 and "added     locked.pdf (1 chunks)" in again.stdout, again.stdout
    ask = subprocess.run([sys.executable, "-m", "chat.cli", "search", "--json", "secret budget line",
                          "--index-dir", str(tmp_path / "index"), "--corpus-dir", str(corpus)],
                         capture_output=True, text=True, timeout=300,
                         env=dict(os.environ, PARTNERQA_MAX_FILE_MB="2"))
    assert ask.returncode == 0, ask.stderr
    assert '"source": "locked.pdf"' in ask.stdout
    assert "outside the corpus" not in ask.stdout and "secret.txt" not in ask.stdout


def test_text_in_other_encodings_is_read_correctly(tmp_path):
    samples = {"cp1252.txt": ("Children\u2019s centre \u2013 caf\u00e9 open", "cp1252"),
               "bom16.txt": ("Family hub timetable \u2013 spring", "utf-16"),
               "le16.txt": ("Youth club on Tuesday evenings", "utf-16-le"),
               "be16.txt": ("Parent forum meets monthly", "utf-16")}
    for name, (text, encoding) in samples.items():
        (tmp_path / name).write_bytes(text.encode(encoding))
        assert load_document(tmp_path / name, tmp_path).text == text
    (tmp_path / "cut16.txt").write_bytes("Parent forum meets monthly".encode("utf-16")[:-1])
    assert load_document(tmp_path / "cut16.txt", tmp_path).text.startswith("Parent forum meets monthl")


def test_pdf_passwords(tmp_path):
    locked = encrypted_pdf("Minutes of the closed session.", "letmein")
    with pytest.raises(LoadError, match="password-protected.*--pdf-password"):
        extract_pages(".pdf", locked, "locked.pdf")
    with pytest.raises(LoadError, match="the password given does not open it"):
        extract_pages(".pdf", locked, "locked.pdf", pdf_password="wrong")
    assert "closed session" in extract_pages(".pdf", locked, "locked.pdf", pdf_password="letmein")[0]
    assert "anyone" in extract_pages(".pdf", encrypted_pdf("Open to anyone.", ""), "open.pdf")[0]


def test_scanned_pdf_is_flagged_not_silently_empty():
    with pytest.raises(LoadError) as err:
        extract_pages(".pdf", image_only_pdf(), "scan.pdf")
    assert "scan.pdf" in str(err.value) and "no text layer (scanned?)" in str(err.value)


def test_pdf_parsing_is_bounded_in_time():
    start = time.monotonic()
    with pytest.raises(LoadError, match=r"slow\.pdf: reading it took longer than 1 s"):
        extract_pages(".pdf", slow_pdf(), "slow.pdf", limits=LoadLimits(timeout_s=1))
    assert time.monotonic() - start < 15


def test_pdf_parsing_is_bounded_in_memory():
    with pytest.raises(LoadError, match=r"heavy\.pdf: reading it needs more than 150 MB of memory"):
        extract_pages(".pdf", slow_pdf(), "heavy.pdf", limits=LoadLimits(memory_bytes=150 * 1024 ** 2))


@pytest.mark.parametrize("target,message", [
    ("hostile:spin", "took longer than 2 s"),
    ("hostile:hog", "needs more than 256 MB of memory"),
    ("hostile:crash", "crashed"),
    ("hostile:flood", "characters of text (a decompression bomb?)"),
])
def test_a_misbehaving_parser_is_contained(monkeypatch, target, message):
    monkeypatch.setenv("PYTHONPATH", HERE)  # the child finds the hostile parsers here
    limits = LoadLimits(timeout_s=2, memory_bytes=256 * 1024 ** 2)
    start = time.monotonic()
    with pytest.raises(LoadError) as err:
        run_bounded(target, b"data", "evil.pdf", {}, limits)
    assert str(err.value).startswith("evil.pdf: ") and message in str(err.value)
    assert time.monotonic() - start < 20


def test_a_good_pdf_and_docx_still_read_through_the_sandbox(tmp_path):
    (tmp_path / "a.pdf").write_bytes(make_pdf(["First page", "Second page"]))
    (tmp_path / "b.docx").write_bytes(docx_bytes("Hello from Word\n\nSecond paragraph"))
    assert [p.text for p in load_document(tmp_path / "a.pdf", tmp_path).pages] == ["First page", "Second page"]
    assert "Second paragraph" in load_document(tmp_path / "b.docx", tmp_path).text


def test_size_limit_is_checked_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 3000)
    with pytest.raises(LoadError, match=r"big\.txt: the file is 0\.0 MB, over the 0\.00\d+ MB limit"):
        load_document(path, tmp_path, limits=LoadLimits(max_file_bytes=2000))
