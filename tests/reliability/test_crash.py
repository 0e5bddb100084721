"""SIGKILL during `partnerqa ingest`: the previous index stays usable, the next ingest is exact."""
import shutil
import time

import pytest

from index.build import build_index
from index.embedder import get_embedder
from index.searcher import IndexReader
from indexes import contents, half_builds, kill, make_v1, make_v2, start_ingest, wait_for
from ingest.chunking import ChunkSettings

pytestmark = pytest.mark.slow

# Every place the hook can stop an ingest, in the order a run reaches them.
POINTS = ["before-embed", "mid-store", "before-faiss", "before-publish", "before-prune"]


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    """A v1 index, and the chunk ids a clean build of the v2 corpus holds."""
    root = tmp_path_factory.mktemp("crash")
    corpus = root / "corpus"
    make_v1(corpus)
    build_index([corpus], corpus, root / "v1-index", get_embedder())
    v1 = contents(root / "v1-index")
    clean = root / "v2-corpus"
    make_v1(clean)
    make_v2(clean)
    build_index([clean], clean, root / "v2-index", get_embedder())
    return root, v1, contents(root / "v2-index")


def _fresh(root, tmp_path):
    """A copy of the v1 index and of the corpus, changed to v2 (what the killed ingest reads)."""
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    make_v1(corpus)
    make_v2(corpus)
    shutil.copytree(root / "v1-index", index_dir, symlinks=True)
    return corpus, index_dir


def _check_usable(index_dir, expected):
    reader = IndexReader(index_dir, get_embedder(), ChunkSettings().to_json())
    hits = reader.search("workforce development training", k=5)
    assert len(hits) == 5
    assert contents(index_dir) == expected


def _check_next_ingest_is_exact(corpus, index_dir, v2):
    report = build_index([corpus], corpus, index_dir, get_embedder())
    ids, ntotal = contents(index_dir)
    assert len(ids) == len(set(ids)), "duplicate chunks"
    assert sorted(ids) == sorted(v2[0]) and ntotal == v2[1] == len(ids)
    assert not half_builds(index_dir), "a half-written build was left behind"
    assert len(list((index_dir / "builds").iterdir())) <= 2  # the live build and its predecessor
    return report


@pytest.mark.parametrize("point", POINTS)
def test_kill_at_each_point(states, tmp_path, point):
    root, v1, v2 = states
    corpus, index_dir = _fresh(root, tmp_path)
    log = tmp_path / "ingest.log"
    proc = start_ingest(corpus, index_dir, log, pause_at=point)
    wait_for(log, f"paused at {point}", proc)
    assert kill(proc), "a paused ingest cannot end on its own"
    if point == "before-prune":  # the new build was published whole before the kill
        _check_usable(index_dir, v2)
    else:
        assert half_builds(index_dir), "the kill should have left a half-written build"
        _check_usable(index_dir, v1)
    _check_next_ingest_is_exact(corpus, index_dir, v2)


@pytest.mark.parametrize("delay", [1.0, 4.0, 7.0])
def test_kill_after_a_delay(states, tmp_path, delay):
    """Kills at moments no hook chose (loading, reading, embedding, writing, depending on speed)."""
    root, v1, v2 = states
    corpus, index_dir = _fresh(root, tmp_path)
    proc = start_ingest(corpus, index_dir, tmp_path / "ingest.log")
    time.sleep(delay)
    kill(proc)  # a fast machine may have finished already: then the index must be v2
    ids = contents(index_dir)
    assert ids in (v1, v2), "the index is neither the old one nor the new one"
    _check_usable(index_dir, ids)
    _check_next_ingest_is_exact(corpus, index_dir, v2)
