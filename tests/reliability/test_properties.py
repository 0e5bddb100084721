"""Properties of the cleaner and chunker on arbitrary text: never raise, bounded chunks, no text lost."""
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.chunking import ChunkSettings, chunk_document
from ingest.clean import _PAGE_NUMBER, clean_text
from ingest.records import Document, Page, Period

WORDS = ["the", "plan", "Lead", "Jane", "Example", "training", "2019", "of", "and", "Safeguarding",
         "Strateg", "y", "o", "•", "-", "Page", "3", "<p>", "</td>", "&amp;", "Workforce", "Action:", "a.",
         "end.", "Who?", "x@y.org", "STRATEGY", "1.2", "café", "🧸", "\uf0b7", "|", ";", "Timescale"]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", "\t", "\r\n", "\x0c", "  "]

document_text = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=400).map(
    lambda pairs: "".join(w + s for w, s in pairs))
cell = st.lists(st.sampled_from(WORDS[:12] + ["", "x"]), max_size=6).map(" ".join)
table_text = st.lists(st.lists(cell, min_size=1, max_size=5).map("\t".join), min_size=1, max_size=8).map(
    "\n".join)
any_text = st.one_of(document_text, table_text, st.text(max_size=2000),
                     st.lists(st.one_of(document_text, table_text), max_size=3).map("\n\n".join))
chunk_settings = st.integers(min_value=1, max_value=200).flatmap(
    lambda target: st.integers(min_value=target, max_value=250).map(lambda mx: ChunkSettings(target, mx)))
FAST = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _document(pages):
    return Document("d" * 16, "doc.txt", "Title", Period(), tuple(Page(i + 1, clean_text(t))
                                                                   for i, t in enumerate(pages)), "0" * 64)


def _tokens(text):
    return re.findall(r"\w+", text)


@FAST
@given(any_text)
def test_clean_never_raises_and_leaves_no_junk(text):
    out = clean_text(text)
    assert isinstance(out, str) and out == out.strip()
    assert not re.search(r"[\r\x0c\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]", out)


@FAST
@given(document_text)
def test_clean_keeps_every_word_of_plain_text(text):
    """Outside markup and page-number lines, every word survives (split words are only rejoined)."""
    out = clean_text(text)
    for line in text.replace("\r", "\n").replace("\x0c", "\n").split("\n"):
        if _PAGE_NUMBER.match(line) or "<" in line or "&" in line:
            continue
        for word in re.findall(r"[A-Za-z]{2,}", line):
            assert word in out, word


@FAST
@given(st.lists(any_text, min_size=1, max_size=4), chunk_settings)
def test_chunks_respect_the_size_limit_and_lose_no_text(pages, chunking):
    doc = _document(pages)
    chunks = chunk_document(doc, chunking)
    for chunk in chunks:
        assert len(chunk.text.split()) <= chunking.max_words, (len(chunk.text.split()), chunking)
    chunked = [t for c in chunks for t in _tokens(c.text)]
    missing = sorted(set(_tokens(doc.text)) - set(chunked))
    assert not missing, missing
    assert len({c.chunk_id for c in chunks}) == len(chunks)
