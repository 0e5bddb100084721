"""Building, incremental updates and the manifest check, with the real model and SQLite."""
import json
import os
import re
import sqlite3

import pytest

from index.build import build_index
from index.embedder import get_embedder
from index.layout import current_build
from index.manifest import IndexMismatch
from index.searcher import IndexReader
from ingest.chunking import ChunkSettings
from ingest.people import extract_people, mark_status

pytestmark = pytest.mark.slow


class CountingEmbedder:
    """The real embedder, counting what it is asked to embed."""

    def __init__(self):
        self.inner = get_embedder()
        self.name, self.texts = self.inner.name, 0

    @property
    def dimension(self):
        return self.inner.dimension

    def embed(self, texts, batch_size=32, progress=False):
        self.texts += len(texts)
        return self.inner.embed(texts, batch_size, progress)


def _build(corpus, index_dir, embedder, **kw):
    return build_index([corpus], corpus, index_dir, embedder, ChunkSettings(), **kw)


def test_incremental_build_embeds_only_what_changed(small_corpus, tmp_path):
    index_dir, embedder = tmp_path / "index", CountingEmbedder()
    first = _build(small_corpus, index_dir, embedder)
    assert first.count("added") == 3 and embedder.texts == first.chunks > 0

    embedder.texts = 0
    again = _build(small_corpus, index_dir, embedder)
    assert again.count("unchanged") == 3 and embedder.texts == 0 and again.build_dir is None

    plan = small_corpus / "workforce-action-plan-2017-2019.txt"
    plan.write_text(plan.read_text(encoding="utf-8") + "\nA new closing note about apprenticeships.\n",
                    encoding="utf-8")
    changed = _build(small_corpus, index_dir, embedder)
    updated = [f for f in changed.files if f.status == "updated"]
    assert [f.source for f in updated] == ["workforce-action-plan-2017-2019.txt"]
    assert embedder.texts == updated[0].chunks
    # The unchanged files carried their vocabulary over: the corpus's word lists are a full build's.
    carried = IndexReader(index_dir, embedder, ChunkSettings().to_json())
    _build(small_corpus, tmp_path / "fresh", embedder)
    fresh = IndexReader(tmp_path / "fresh", embedder, ChunkSettings().to_json())
    assert carried.names_by_initials() == fresh.names_by_initials() != {}
    assert carried.non_name_words() == fresh.non_name_words() >= {"workforce", "apprenticeships"}

    (small_corpus / "children-young-peoples-plan-2016.txt").unlink()
    removed = _build(small_corpus, index_dir, embedder)
    assert [f.source for f in removed.files if f.status == "removed"] == ["children-young-peoples-plan-2016.txt"]
    reader = IndexReader(index_dir, embedder, ChunkSettings().to_json())
    hits = reader.search("It takes a city to raise a child", k=50)
    assert hits and all(h.chunk.source != "children-young-peoples-plan-2016.txt" for h in hits)
    sources = {d["source"] for d in reader.documents()}
    assert sources == {"workforce-action-plan-2017-2019.txt", "improvement-portfolio-update-jul-sep-2020.txt"}
    total = reader.store.count()
    assert total == len({h for h in range(total)}) == reader.dense_index.ntotal


def test_manifest_records_how_the_index_was_built(small_corpus, tmp_path):
    _build(small_corpus, tmp_path / "index", get_embedder())
    manifest = json.loads((current_build(tmp_path / "index") / "manifest.json").read_text())
    assert manifest["model"] == get_embedder().name and manifest["dimension"] == 384
    assert manifest["model"].startswith("all-MiniLM-L6-v2")  # "@bf16" where the CPU has native bfloat16
    assert manifest["chunking"]["target_words"] == 120 and manifest["chunking"]["max_words"] == 200
    assert set(manifest["files"]) == {"workforce-action-plan-2017-2019.txt",
                                      "improvement-portfolio-update-jul-sep-2020.txt",
                                      "children-young-peoples-plan-2016.txt"}
    assert len(manifest["files"]["workforce-action-plan-2017-2019.txt"]["sha256"]) == 64
    assert "sentence-transformers" in manifest["versions"]


def test_an_index_built_with_another_model_is_refused_with_the_fix(small_corpus, tmp_path):
    index_dir = tmp_path / "index"
    _build(small_corpus, index_dir, get_embedder())
    build = current_build(index_dir)
    manifest = json.loads((build / "manifest.json").read_text())
    manifest["model"], manifest["dimension"] = "some-other-model", 768
    (build / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatch) as err:
        IndexReader(index_dir, get_embedder(), ChunkSettings().to_json())
    assert "some-other-model" in str(err.value) and "partnerqa ingest --rebuild" in str(err.value)
    with pytest.raises(IndexMismatch):
        _build(small_corpus, index_dir, get_embedder())
    report = _build(small_corpus, index_dir, get_embedder(), rebuild=True)
    assert report.count("added") == 3
    IndexReader(index_dir, get_embedder(), ChunkSettings().to_json())  # accepted again


def test_the_engine_rebuilds_an_index_an_older_version_chunked_otherwise(small_corpus, tmp_path):
    from chat.config import load_settings
    from chat.engine import Engine

    index_dir = tmp_path / "index"
    _build(small_corpus, index_dir, get_embedder())
    build = current_build(index_dir)
    manifest = json.loads((build / "manifest.json").read_text())
    manifest["chunking"] = {**manifest["chunking"], "lines": "as an older version read them"}
    (build / "manifest.json").write_text(json.dumps(manifest))
    engine = Engine(load_settings(overrides={"index_dir": str(index_dir), "corpus_dir": str(small_corpus)}))
    report = engine.ensure_index()  # `partnerqa serve` on an old index: rebuilt, not refused
    assert report is not None and report.count("added") == 3
    assert engine.reader.manifest["chunking"] == ChunkSettings().to_json()
    assert engine.search("foster placements")


def test_filters_by_document_and_date(corpus_engine):
    from index.records import Filters

    hits = corpus_engine.search("workforce training", k=10,
                                filters=Filters(sources=("workforce-strategy-2010-2014.txt",)))
    assert hits and {h.chunk.source for h in hits} == {"workforce-strategy-2010-2014.txt"}
    recent = corpus_engine.search("workforce training", k=10, filters=Filters(date_from="2017-01-01"))
    assert recent and all(h.chunk.date_sort >= "2017" for h in recent)


def test_an_approximate_index_is_chosen_by_size_and_searched_transparently(small_corpus, tmp_path):
    exact_dir, approx_dir = tmp_path / "exact", tmp_path / "approx"
    embedder = get_embedder()
    _build(small_corpus, exact_dir, embedder)
    _build(small_corpus, approx_dir, embedder, exact_limit=1)  # every size counts as large
    manifests = [json.loads((current_build(d) / "manifest.json").read_text()) for d in (exact_dir, approx_dir)]
    assert manifests[0]["vector_index"]["type"] == "flat"
    assert manifests[1]["vector_index"]["type"] == "ivf_flat" and manifests[1]["vector_index"]["nprobe"] >= 1
    chunking = ChunkSettings().to_json()
    exact, approx = IndexReader(exact_dir, embedder, chunking), IndexReader(approx_dir, embedder, chunking)
    query = "safeguarding training"
    got = approx.search(query, 5, "dense")
    want = exact.search(query, 5, "dense")
    assert [h.chunk.chunk_id for h in got][:1] == [h.chunk.chunk_id for h in want][:1]
    assert all(abs(g.similarity - w.similarity) < 1e-5 for g, w in zip(got, want) if g.chunk == w.chunk)
    assert len(approx.search(query, 5, "hybrid")) == 5


def test_a_documents_passages_can_be_fetched_without_their_vectors(corpus_engine):
    store = corpus_engine.reader.store
    first = store.passages_of("workforce-strategy-2010-2014.txt")
    chunks, _ = store.chunks_of("workforce-strategy-2010-2014.txt")
    assert [c.chunk_id for c in first] == [chunks[0].chunk_id]
    mentioning = store.passages_of("workforce-strategy-2010-2014.txt", containing="NCSCB", limit=100)
    assert mentioning and all("NCSCB" in c.text for c in mentioning)
    assert [c.chunk_id for c in mentioning] == [c.chunk_id for c in chunks if "NCSCB" in c.text][:100]


def test_people_and_title_case_words_are_read_at_ingest_and_carried_over_while_a_file_is_unchanged(
        small_corpus, tmp_path):
    index_dir, embedder, chunking = tmp_path / "index", get_embedder(), ChunkSettings().to_json()
    _build(small_corpus, index_dir, embedder)
    # The action plan, which names people, is carried over; the plan that named no one names Jane Example.
    plan = small_corpus / "children-young-peoples-plan-2016.txt"
    plan.write_text(plan.read_text(encoding="utf-8") + "\nFor more information contact\nJane Example\n"
                    "Workforce Officer jane.example@city.gov.uk\n", encoding="utf-8")
    report = _build(small_corpus, index_dir, embedder)
    assert report.count("unchanged") == 2 and report.count("updated") == 1
    _build(small_corpus, tmp_path / "fresh", embedder)
    carried = IndexReader(index_dir, embedder, chunking).store
    fresh = IndexReader(tmp_path / "fresh", embedder, chunking).store
    # What the engine used to work out from every passage on the first question after a build.
    documents = fresh.documents()
    chunks = [c for d in documents for c in fresh.chunks_of(d["source"])[0]]
    expected = extract_people(chunks, {d["source"]: d["organisation"] for d in documents})
    assert mark_status(carried.people()) == mark_status(fresh.people()) == expected
    assert {f.source for f in expected} == {plan.name, "workforce-action-plan-2017-2019.txt"}
    assert [(f.role, f.organisation) for f in expected if f.name == "Jane Example"] == [
        ("Workforce Officer", "city.gov.uk")]
    scanned = {w.lower() for c in chunks for w in re.findall(r"\b[A-Z][a-z]+\b", c.text)}
    assert carried.title_case_words() == fresh.title_case_words() == scanned


def test_an_index_built_before_people_were_stored_is_refused_by_ingest_and_rebuilt_by_the_engine(
        small_corpus, tmp_path):
    from chat.config import load_settings
    from chat.engine import Engine

    index_dir = tmp_path / "index"
    _build(small_corpus, index_dir, get_embedder())
    build = current_build(index_dir)
    with sqlite3.connect(build / "chunks.sqlite") as db:  # as an index of format 3 was written
        db.executescript("DROP TABLE IF EXISTS people; DROP TABLE IF EXISTS title_words;")
    manifest = json.loads((build / "manifest.json").read_text())
    (build / "manifest.json").write_text(json.dumps({**manifest, "format_version": 3}))
    with pytest.raises(IndexMismatch) as err:
        _build(small_corpus, index_dir, get_embedder())
    assert "index format 3" in str(err.value) and "partnerqa ingest --rebuild" in str(err.value)
    engine = Engine(load_settings(overrides={"index_dir": str(index_dir), "corpus_dir": str(small_corpus)}))
    report = engine.ensure_index()  # `partnerqa serve` on an old index: rebuilt, not refused
    assert report is not None and report.count("added") == 3
    assert engine.people_facts() and engine.reader.words_written() >= {"workforce", "partnership"}
