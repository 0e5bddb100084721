"""Questions during an ingest see the old index or the new one, never a mix; ingests take turns."""
import json
import os
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

from chat.config import Settings
from chat.engine import Engine, retrieval_query
from index.build import build_index
from index.embedder import get_embedder
from index.layout import current_build
from index.store import ChunkStore
from indexes import contents, kill, make_v1, make_v2, start_ingest, wait_for

pytestmark = pytest.mark.slow
QUESTIONS = ["Who leads on workforce development?", "What is the target vacancy rate?",
             "When did the integrated workforce project start?", "What does the plan say about apprenticeships?"]


def _vectors(index_dir):
    """chunk_id -> stored vector, for the current build."""
    store = ChunkStore(current_build(index_dir) / "chunks.sqlite", readonly=True)
    try:
        return {cid: np.frombuffer(v, dtype="float32")
                for cid, v in store.db.execute("SELECT chunk_id, vector FROM chunks")}
    finally:
        store.close()


def test_questions_during_ingests_see_one_whole_build(tmp_path):
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    make_v1(corpus)
    engine = Engine(Settings(index_dir=str(index_dir), corpus_dir=str(corpus)))
    engine.ingest()
    builds, vectors = [set(contents(index_dir)[0])], _vectors(index_dir)
    # The vector the engine searches with: the question as retrieval reads it, through the query path.
    query = {q: engine.reader.embed_query(retrieval_query(q, engine.reader.glossary())) for q in QUESTIONS}
    answers, errors, stop = [], [], threading.Event()

    def ask():
        while not stop.is_set():
            for question in QUESTIONS:
                try:
                    answers.append((question, engine.answer(question)))
                except Exception as exc:  # any error at all fails the test
                    errors.append(repr(exc))

    askers = [threading.Thread(target=ask) for _ in range(2)]
    for thread in askers:
        thread.start()
    try:
        for round_ in range(4):  # v1 -> v2 -> v1 -> v2 -> v1, each published while questions run
            if round_ % 2 == 0:
                make_v2(corpus)
            else:
                make_v1(corpus)
                (corpus / "partnership-board-papers-2013-09-25.txt").unlink()
            build_index([corpus], corpus.resolve(), index_dir, get_embedder())
            builds.append(set(contents(index_dir)[0]))
            vectors.update(_vectors(index_dir))
    finally:
        stop.set()
        for thread in askers:
            thread.join(timeout=120)
    assert not errors, errors[:3]
    assert len(answers) >= 8
    for question, answer in answers:
        ids = {h.chunk.chunk_id for h in answer.passages}
        assert any(ids <= build for build in builds), f"a mix of builds for {question!r}"
        for hit in answer.passages:  # the vector searched is the vector of the chunk shown
            expected = float(np.dot(vectors[hit.chunk.chunk_id], query[question]))
            assert abs(hit.similarity - expected) < 1e-3


def _cli(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "chat.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env={k: v for k, v in os.environ.items() if k != "PARTNERQA_PAUSE_AT"})


def test_a_second_ingest_is_refused_or_waits_and_a_killed_holder_does_not_block(tmp_path):
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    make_v1(corpus)
    build_index([corpus], corpus.resolve(), index_dir, get_embedder())
    v1 = contents(index_dir)
    make_v2(corpus)
    log = tmp_path / "first.log"
    first = start_ingest(corpus, index_dir, log, pause_at="before-embed")
    try:
        wait_for(log, "paused at before-embed", first)
        where = ["--index-dir", str(index_dir), "--corpus-dir", str(corpus)]
        second = _cli("ingest", *where)
        assert second.returncode == 4, second.stdout + second.stderr
        assert f"another ingest (process {first.pid}) is updating" in second.stderr
        assert "--wait" in second.stderr and "Traceback" not in second.stderr
        # A question meanwhile is answered from the current index, not refused.
        asked = _cli("ask", "--json", "What is the target vacancy rate?", *where)
        assert asked.returncode == 0, asked.stderr
        assert json.loads(asked.stdout)["passages"]
        assert contents(index_dir) == v1
        waiter = start_ingest(corpus, index_dir, tmp_path / "waiter.log", "--wait")
        time.sleep(3)
        assert waiter.poll() is None, "--wait should wait while the lock is held"
    finally:
        kill(first)  # dies holding the lock: the OS releases it
    assert waiter.wait(timeout=300) == 0, (tmp_path / "waiter.log").read_text()
    ids, ntotal = contents(index_dir)
    assert "1 added, 1 updated, 1 unchanged, 1 removed" in (tmp_path / "waiter.log").read_text()
    assert len(ids) == len(set(ids)) == ntotal
