"""Dense vector search with FAISS: inner product over unit vectors (= cosine similarity).

The index type is chosen by size (`choose`, recorded in the manifest): exact search (IndexFlatIP)
below EXACT_LIMIT vectors and an inverted-file index (IndexIVFFlat, nlist = 4*sqrt(n) rounded to a
power of two, NPROBE lists searched) above. Measured on the 2-core machine while others ran (384-d
vectors, one query at a time, synthetic clusters of 100 as in eval/bench_scale.py):
  exact, one thread: 2.3 ms at 20k, 11.5 ms at 100k, 215 ms at 1M (two threads: 8.6 / 36 / 460 ms);
  IVF at 1M (nlist 4096, built in ~140 s): nprobe 8 / 16 / 32 / 64 / 128 -> recall@10 against
  exact 0.990 / 0.992 / 0.992 / 0.994 / 0.997 at 0.7 / 1.0 / 1.6 / 3.1 / 6.1 ms a query;
  IVF at 100k (nlist 1024): recall 1.0 from nprobe 8, 0.2-0.8 ms.
So exact search stays below ~6 ms up to 50k; nprobe 64 buys margin for data less clustered than
the synthetic set (on a worst case, a featureless 32-d Gaussian, 100k: nprobe 64 -> 0.76, 256 -> 0.97).
HNSW (M=32) reached 0.99 at efSearch 128 but took 78 s to build 100k vectors (IVF: 5-11 s), so
minutes to hours at 1M on two cores; IVF with a direct map also returns stored vectors by position.
"""
from __future__ import annotations

import logging
import math
import os
from contextlib import contextmanager
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

EXACT_LIMIT = 50_000
NPROBE = 64
TRAIN_PER_LIST = 64  # training points per inverted list; FAISS warns below ~39


def _faiss():
    import faiss  # imported lazily: a one-shot command that never searches should not pay for it

    if not getattr(faiss, "_partnerqa_threads_set", False):
        # One query is searched fastest on one thread here: with two, OpenMP's hand-offs cost more
        # than they save (exact search over 100k: 11 ms on one thread, 36 ms on two, shared machine).
        faiss.omp_set_num_threads(1)
        faiss._partnerqa_threads_set = True
    return faiss


@contextmanager
def _all_cores(faiss):
    """Building (k-means, adding a million vectors) does use every core."""
    faiss.omp_set_num_threads(max(1, os.cpu_count() or 1))
    try:
        yield
    finally:
        faiss.omp_set_num_threads(1)


def choose(count: int, exact_limit: int = EXACT_LIMIT) -> dict:
    """The index for `count` vectors: exact below `exact_limit`, IVF above (recorded in the manifest)."""
    if count < exact_limit:
        return {"type": "flat", "metric": "inner_product"}
    nlist = 2 ** round(math.log2(4 * math.sqrt(count)))
    return {"type": "ivf_flat", "metric": "inner_product", "nlist": nlist, "nprobe": NPROBE,
            "exact_limit": exact_limit}


def build_index(vectors: np.ndarray, dimension: int, spec: dict | None = None):
    """An inner-product index over `vectors` as `spec` says (default: exact); ids are row positions."""
    faiss = _faiss()
    spec = spec or {"type": "flat"}
    vectors = np.ascontiguousarray(vectors, dtype="float32")
    if spec["type"] not in ("flat", "ivf_flat"):
        raise ValueError(f"unknown vector index type '{spec['type']}'")
    with _all_cores(faiss):
        if spec["type"] == "flat":
            index = faiss.IndexFlatIP(dimension)
        else:
            index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dimension), dimension, spec["nlist"],
                                       faiss.METRIC_INNER_PRODUCT)
            index.train(_training_sample(vectors, spec["nlist"]))
        if len(vectors):
            index.add(vectors)
        _prepare(index, spec)
    return index


def _training_sample(vectors: np.ndarray, nlist: int) -> np.ndarray:
    # k-means on a sample: training on all of 1M vectors takes minutes and buys no recall.
    size = min(len(vectors), nlist * TRAIN_PER_LIST)
    rows = np.random.default_rng(0).choice(len(vectors), size=size, replace=False)
    return vectors[np.sort(rows)]


def _prepare(index, spec: dict | None) -> None:
    """Search settings that are not stored with the index, and reconstruct() for IVF."""
    faiss = _faiss()
    ivf = faiss.try_extract_index_ivf(index) if not isinstance(index, faiss.IndexFlat) else None
    if ivf is not None:
        ivf.nprobe = int((spec or {}).get("nprobe", NPROBE))
        if ivf.direct_map.type == faiss.DirectMap.NoMap:
            ivf.make_direct_map()  # searcher reads stored vectors back by position (cosine)


def save(index, path: Path) -> None:
    _faiss().write_index(index, str(path))


def load(path: Path, spec: dict | None = None):
    index = _faiss().read_index(str(path))
    _prepare(index, spec)
    return index


def search(index, query: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The k nearest positions to one query vector, best first, as (position, cosine)."""
    if index.ntotal == 0 or k <= 0:
        return []
    scores, ids = index.search(np.ascontiguousarray(query.reshape(1, -1), dtype="float32"),
                               min(k, index.ntotal))
    return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]


def search_among(index, query: np.ndarray, positions: list[int], k: int) -> list[tuple[int, float]]:
    """Exact k nearest among `positions` only (a filter): scores the stored vectors directly."""
    if not positions or k <= 0:
        return []
    ids = np.asarray(sorted(positions), dtype="int64")
    scores = index.reconstruct_batch(ids) @ np.asarray(query, dtype="float32").ravel()
    order = np.argsort(-scores, kind="stable")[:k]
    return [(int(ids[i]), float(scores[i])) for i in order]
