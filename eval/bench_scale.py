"""Scale benchmark: synthetic indexes of N chunks, built and searched through the real index code.

Vectors are clustered unit vectors (a random topic centre per 100 chunks, ~0.7 cosine to it),
closer to real text embeddings than uniform noise, on which no approximate index keeps recall.
Texts are Zipf-distributed pseudo-words; queries skip the 100 commonest words, as real queries lose
their stop words. Each index is searched in a fresh subprocess so its resident memory is its own.
"""
from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from index import layout, vectors
from index.manifest import make_manifest, write_manifest
from index.store import ChunkStore
from ingest.records import Chunk
from ingest.vocabulary import vocabulary_of

log = logging.getLogger(__name__)

DIM = 384
VOCAB = 30000
WORDS_PER_CHUNK = 60
CLUSTER_SIZE = 100
MODEL = "synthetic"
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def vocabulary(size: int = VOCAB) -> np.ndarray:
    words = [_SYLLABLES[i % 70] + _SYLLABLES[(i // 70) % 70] + _SYLLABLES[(i // 4900) % 70] for i in range(size)]
    return np.array(words)


def word_ids(rng, rows: int, width: int, skip: int = 0) -> np.ndarray:
    ranks = np.arange(1, VOCAB + 1, dtype="float64")
    p = 1.0 / ranks
    p[:skip] = 0.0
    return rng.choice(VOCAB, size=(rows, width), p=p / p.sum())


def centres(n: int, dim: int = DIM, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    middle = rng.normal(size=(max(10, n // CLUSTER_SIZE), dim)).astype("float32")
    return middle / np.linalg.norm(middle, axis=1, keepdims=True)


def around(rng, middle: np.ndarray, rows: int) -> np.ndarray:
    dim = middle.shape[1]
    points = middle[rng.integers(0, len(middle), rows)]
    points = points + rng.normal(size=(rows, dim)).astype("float32") / np.float32(np.sqrt(dim))
    return (points / np.linalg.norm(points, axis=1, keepdims=True)).astype("float32")


def capitalised(rng, rows: np.ndarray, share: float = 0.15) -> np.ndarray:
    """The words with `share` of them capitalised, as names and headings are in real text."""
    title = rng.random(rows.shape) < share
    return np.where(title, np.char.capitalize(rows), rows)


def synthetic_chunks(start: int, texts: list[str]) -> list[Chunk]:
    return [Chunk(chunk_id=f"syn-{start + i}", doc_id=f"doc-{(start + i) // 100}",
                  source=f"synthetic/doc-{(start + i) // 100}.txt", title=f"Synthetic document {(start + i) // 100}",
                  date="2020", date_sort="2020-01-01", text=t, index_text=t, page_start=1, page_end=1,
                  char_start=0, char_end=len(t)) for i, t in enumerate(texts)]


def build(index_dir: Path, n: int, exact_limit: int = vectors.EXACT_LIMIT, seed: int = 0) -> dict:
    """Write a complete synthetic index of `n` chunks; returns timings, sizes and the vectors."""
    rng, words, middle = np.random.default_rng(seed), vocabulary(), centres(n, DIM, seed)
    build_dir = layout.new_build_dir(index_dir)
    data = np.empty((n, DIM), dtype="float32")
    store, store_s, vocabulary_s, block = ChunkStore(build_dir / "chunks.sqlite"), 0.0, 0.0, 20000
    for start in range(0, n, block):
        rows = min(block, n - start)
        data[start:start + rows] = around(rng, middle, rows)
        texts = [" ".join(r) for r in capitalised(rng, words[word_ids(rng, rows, WORDS_PER_CHUNK)])]
        chunks = synthetic_chunks(start, texts)
        began = time.perf_counter()
        store.add_chunks(chunks, data[start:start + rows])
        store_s += time.perf_counter() - began
        began = time.perf_counter()
        for first in range(0, rows, CLUSTER_SIZE):  # one synthetic document per CLUSTER_SIZE chunks
            store.add_vocabulary(chunks[first].source, vocabulary_of(texts[first:first + CLUSTER_SIZE]))
        vocabulary_s += time.perf_counter() - began
    began = time.perf_counter()
    store.summarise_vocabulary()
    vocabulary_s += time.perf_counter() - began
    began = time.perf_counter()
    store.commit()
    store.close()
    store_s += time.perf_counter() - began
    began = time.perf_counter()
    spec = vectors.choose(n, exact_limit)
    vectors.save(vectors.build_index(data, DIM, spec), build_dir / "vectors.faiss")
    index_s = time.perf_counter() - began
    write_manifest(build_dir, make_manifest(MODEL, DIM, {}, {}, n, spec))
    layout.publish(index_dir, build_dir)
    disk = sum(p.stat().st_size for p in build_dir.iterdir())
    return {"chunks": n, "vector_index": spec, "store_build_s": round(store_s, 2),
            "vector_build_s": round(index_s, 2), "vocabulary_build_s": round(vocabulary_s, 2),
            "build_s": round(store_s + index_s + vocabulary_s, 2),
            "disk_mb": round(disk / 2**20, 1)}, data, middle


def queries(middle: np.ndarray, count: int, seed: int = 1) -> tuple[np.ndarray, list[str]]:
    rng, words = np.random.default_rng(seed), vocabulary()
    texts = [" ".join(r) for r in words[word_ids(rng, count, 5, skip=100)]]
    return around(rng, middle, count), texts


def measure(n: int, workdir: Path, count: int = 100, exact_limit: int = vectors.EXACT_LIMIT) -> dict:
    """Build an index of `n` synthetic chunks, then probe it in a fresh process."""
    index_dir = workdir / f"scale-{n}"
    result, data, middle = build(index_dir, n, exact_limit)
    qvecs, qtexts = queries(middle, count)
    exact = _exact_top10(data, qvecs)
    del data
    np.save(index_dir / "queries.npy", qvecs)
    (index_dir / "queries.json").write_text(json.dumps(qtexts), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "eval.bench_scale", str(index_dir)], capture_output=True,
                         text=True, check=True, timeout=1800)
    probe = json.loads(out.stdout.strip().splitlines()[-1])
    found = probe.pop("dense_ids")
    result["recall_at_10"] = round(float(np.mean([len(set(f) & set(e)) / 10 for f, e in zip(found, exact)])), 4)
    result.update(probe)
    return result


def _exact_top10(data: np.ndarray, qvecs: np.ndarray) -> list[list[int]]:
    return [list(r) for r in vectors.build_index(data, DIM).search(qvecs, 10)[1]]


class _NoEmbedder:
    """The probe passes query vectors itself; nothing is embedded."""

    name, dimension = MODEL, DIM


def probe(index_dir: Path) -> dict:
    """In a fresh process: open the index, time each retriever, report resident memory."""
    from index.searcher import IndexReader

    qvecs = np.load(index_dir / "queries.npy")
    qtexts = json.loads((index_dir / "queries.json").read_text(encoding="utf-8"))
    reader = IndexReader(index_dir, _NoEmbedder(), {})
    out: dict = {}
    began = time.perf_counter()  # what the answerer reads of the whole corpus on its first question
    reader.non_name_words(), reader.names_by_initials()
    out["vocabulary_read_ms"] = round((time.perf_counter() - began) * 1000, 2)
    for retriever in ("dense", "lexical", "hybrid"):
        reader.search(qtexts[0], 10, retriever, query_vector=qvecs[0])  # warm caches
        times, ids = [], []
        for text, vec in zip(qtexts, qvecs):
            began = time.perf_counter()
            hits = reader.search(text, 10, retriever, query_vector=vec)
            times.append((time.perf_counter() - began) * 1000)
            ids.append([int(h.chunk.chunk_id.split("-")[1]) for h in hits])
        out[f"{retriever}_p50_ms"] = round(float(np.percentile(times, 50)), 2)
        out[f"{retriever}_p95_ms"] = round(float(np.percentile(times, 95)), 2)
        if retriever == "dense":
            out["dense_ids"] = ids
    out.update(rss_mb())
    return out


def rss_mb(pid: str = "self") -> dict:
    """Resident memory now and at peak (Linux /proc), in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return {"rss_mb": round(fields.get("VmRSS", 0), 1), "peak_rss_mb": round(fields.get("VmHWM", 0), 1)}


if __name__ == "__main__":
    print(json.dumps(probe(Path(sys.argv[1]))))
