"""Read side of the index: open the current build and search it densely, lexically or both."""
from __future__ import annotations

import logging
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from index import layout, vectors
from index.embedder import Embedder
from index.fusion import adapted_dense_weight, reciprocal_rank_fusion, weighted_sum, with_dense_standout
from index.manifest import check_compatible, read_manifest
from index.records import Filters, Hit
from index.store import ChunkStore, content_words

log = logging.getLogger(__name__)

RETRIEVERS = ("hybrid", "dense", "lexical")
_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="lexical")


class IndexMissing(Exception):
    """There is no index yet in the index directory."""


@dataclass(frozen=True)
class _Snapshot:
    """One build, opened whole: a search reads all of its parts from the same snapshot."""

    build: Path
    manifest: dict
    store: ChunkStore
    dense_index: object
    derived: dict = field(default_factory=dict)  # what is worked out from the build once (the glossary ...)


class IndexReader:
    """One published build, opened read-only; a newer build is picked up by `refresh()`."""

    def __init__(self, index_dir: Path, embedder: Embedder, chunking: dict):
        self.index_dir = Path(index_dir)
        self.embedder = embedder
        self.chunking = chunking
        self._snapshot: _Snapshot | None = None
        self._lock = threading.Lock()
        self.refresh()

    # Each is read from the one snapshot; search() takes the snapshot once for the whole search.
    build = property(lambda self: self._snapshot.build if self._snapshot else None)
    manifest = property(lambda self: self._snapshot.manifest)
    store = property(lambda self: self._snapshot.store)
    dense_index = property(lambda self: self._snapshot.dense_index)

    def refresh(self) -> bool:
        """Switch to the current build if it changed; True when it did."""
        with self._lock:
            for attempt in range(5):
                build = layout.current_build(self.index_dir)
                if build is None:
                    raise IndexMissing(f"no index in {self.index_dir}: run `partnerqa ingest` first")
                if self._snapshot is not None and build == self._snapshot.build:
                    return False
                try:
                    snapshot = self._open(build)
                except (OSError, RuntimeError, sqlite3.Error, ValueError):
                    # Pruned between reading CURRENT and opening it: newer builds were published.
                    if attempt == 4 or layout.current_build(self.index_dir) == build:
                        raise
                    continue
                self._snapshot = snapshot  # one assignment: readers see the old build or the new
                return True
        return False

    def _open(self, build: Path) -> _Snapshot:
        manifest = read_manifest(build)
        check_compatible(manifest, self.embedder.name, self.chunking, self.index_dir)
        store = ChunkStore(build / "chunks.sqlite", readonly=True)
        store.count()  # fails now, not mid-search, if the file went away
        dense = vectors.load(build / "vectors.faiss", manifest.get("vector_index"))
        return _Snapshot(build, manifest, store, dense)

    def derived(self, name: str, compute):
        """`compute(store)` for the live build, worked out once per build: a newer build gets its own."""
        snapshot = self._snapshot
        if name not in snapshot.derived:
            snapshot.derived[name] = compute(snapshot.store)
        return snapshot.derived[name]

    def glossary(self) -> dict[str, str]:
        """Acronym -> expansion over the whole corpus; the most recent document's definition wins."""
        return self.derived("glossary", _glossary_table)

    def non_name_words(self) -> frozenset[str]:
        """Words that are no part of a person's name (ChunkStore.non_name_words), read once per build."""
        return self.derived("non_name_words", ChunkStore.non_name_words)

    def words_written(self) -> frozenset[str]:
        """Words the documents write in lower case or with only a first capital ("send", "Pat"), in lower
        case, read once per build: a word typed in lower case that is one of these is no acronym ("pat"
        is Pat, not PAT)."""
        return self.derived("words_written", lambda store: store.non_name_words() | store.title_case_words())

    def names_by_initials(self) -> dict[str, str]:
        """Initials -> the capitalised name the corpus uses most with them ("CPB" -> "Children's
        Partnership Board"; ChunkStore.names_by_initials), read once per build."""
        return self.derived("names_by_initials", ChunkStore.names_by_initials)

    def documents(self) -> list[dict]:
        return self.store.documents()

    def embed_query(self, text: str) -> np.ndarray:
        fast = getattr(self.embedder, "embed_query", None)  # skips loading torch where it can
        return fast(text) if fast else self.embedder.embed([text])[0]

    def search(self, query: str, k: int = 10, retriever: str = "hybrid", filters: Filters | None = None,
               query_vector: np.ndarray | None = None, depth: int = 50, fusion: str = "weighted",
               dense_weight: float = 0.25) -> list[Hit]:
        """The k best chunks for `query`, fused from dense and lexical candidates when hybrid."""
        if retriever not in RETRIEVERS:
            raise ValueError(f"unknown retriever '{retriever}': choose one of {', '.join(RETRIEVERS)}")
        snapshot = self._snapshot  # one build for the whole search
        store, dense_index = snapshot.store, snapshot.dense_index
        allowed = None
        if filters and not filters.is_empty():
            allowed = store.positions_where(filters.sources, filters.date_from, filters.date_to)
        depth = max(depth, k)
        lists: list[list[tuple[int, float]]] = []
        vec = query_vector if query_vector is not None else self.embed_query(query)
        lexical = None
        if retriever in ("hybrid", "lexical"):
            pool = 100000 if allowed is not None else depth
            # Both SQLite and FAISS release the GIL: BM25 runs while the dense search does.
            lexical = _POOL.submit(lambda: _keep(store.lexical(query, pool), allowed, depth))
        if retriever in ("hybrid", "dense"):
            if allowed is not None:  # exact among the allowed chunks, whatever the index type
                lists.append(vectors.search_among(dense_index, vec, list(allowed), depth))
            else:
                lists.append(vectors.search(dense_index, vec, depth))
        if lexical is not None:
            lists.append(lexical.result())
        if retriever == "hybrid":
            if lists[-1]:
                best = store.get([lists[-1][0][0]])
                best_words = set(content_words(next(iter(best.values())).index_text)) if best else set()
                dense_weight = adapted_dense_weight(set(content_words(query)), best_words, dense_weight)
            ranked = with_dense_standout(fuse(lists, fusion, dense_weight), dense=lists[0])
        else:
            ranked = lists[0]
        top = ranked[:k]
        chunks = store.get([i for i, _ in top])
        return [Hit(chunks[i], score, rank, retriever, _cosine(dense_index, i, vec))
                for rank, (i, score) in enumerate(top, 1) if i in chunks]


def _glossary_table(store: ChunkStore) -> dict[str, str]:
    table: dict[str, str] = {}
    for entry in store.glossary():  # newest document first
        table.setdefault(entry["short"], entry["expansion"])
    return table


def _keep(results: list[tuple[int, float]], allowed: set[int] | None, limit: int) -> list[tuple[int, float]]:
    if allowed is not None:
        results = [r for r in results if r[0] in allowed]
    return results[:limit]


def _cosine(dense_index, position: int, query_vector: np.ndarray) -> float:
    return float(np.dot(dense_index.reconstruct(int(position)), query_vector))



def fuse(lists: list[list[tuple[int, float]]], fusion: str, dense_weight: float) -> list[tuple[int, float]]:
    """Fuse the dense and lexical lists; see README "Retrieval choices" for how the default was chosen."""
    weights = [dense_weight, 1.0 - dense_weight]
    if fusion == "rrf":
        return reciprocal_rank_fusion([[i for i, _ in lst] for lst in lists], weights=weights)
    return weighted_sum(lists, weights)
