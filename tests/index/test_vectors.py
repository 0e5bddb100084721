"""FAISS search against a brute-force oracle, and the fusion functions."""
import numpy as np

from index import vectors
from index.fusion import (WORDED_APART_DENSE_WEIGHT, adapted_dense_weight, reciprocal_rank_fusion, weighted_sum,
                          with_dense_standout)


def test_faiss_inner_product_matches_brute_force():
    rng = np.random.default_rng(7)
    data = rng.normal(size=(2000, 64)).astype("float32")
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    index = vectors.build_index(data, 64)
    for _ in range(20):
        query = rng.normal(size=64).astype("float32")
        query /= np.linalg.norm(query)
        expected = np.argsort(-(data @ query))[:10]
        got = [i for i, _ in vectors.search(index, query, 10)]
        assert got == list(expected)
        scores = [s for _, s in vectors.search(index, query, 10)]
        assert np.allclose(scores, (data @ query)[expected], atol=1e-5)


def test_faiss_round_trips_through_a_file(tmp_path):
    data = np.eye(8, dtype="float32")
    vectors.save(vectors.build_index(data, 8), tmp_path / "v.faiss")
    loaded = vectors.load(tmp_path / "v.faiss")
    assert vectors.search(loaded, data[3], 1)[0][0] == 3


def test_rrf_rewards_agreement_and_weighted_sum_normalises():
    fused = reciprocal_rank_fusion([[1, 2, 3], [3, 1, 4]])
    assert [i for i, _ in fused][:2] == [1, 3]
    assert fused[0][1] == 1 / 61 + 1 / 62
    summed = weighted_sum([[(1, 10.0), (2, 0.0)], [(2, 0.9), (1, 0.1)]], [0.5, 0.5])
    assert dict(summed) == {1: 0.5, 2: 0.5}


def _clustered(rng, n: int, dim: int, centers: int) -> np.ndarray:
    """Unit vectors around random topic centres (cosine ~0.7 to their centre), like text embeddings."""
    middle = rng.normal(size=(centers, dim)).astype("float32")
    middle /= np.linalg.norm(middle, axis=1, keepdims=True)
    points = middle[rng.integers(0, centers, n)] + rng.normal(size=(n, dim)).astype("float32") / np.sqrt(dim)
    return points / np.linalg.norm(points, axis=1, keepdims=True)


def test_index_choice_follows_size():
    assert vectors.choose(999, exact_limit=1000)["type"] == "flat"
    spec = vectors.choose(1_000_000)
    assert spec["type"] == "ivf_flat" and spec["nlist"] == 4096 and spec["nprobe"] >= 1


def test_approximate_index_agrees_with_exact_search(tmp_path):
    rng = np.random.default_rng(11)
    data = _clustered(rng, 20000, 64, 150)
    spec = vectors.choose(len(data), exact_limit=5000)
    assert spec["type"] == "ivf_flat"
    vectors.save(vectors.build_index(data, 64, spec), tmp_path / "ivf.faiss")
    index = vectors.load(tmp_path / "ivf.faiss", spec)  # nprobe and the direct map survive a reload
    queries = _clustered(rng, 200, 64, 150)
    exact = np.argsort(-(queries @ data.T), axis=1)[:, :10]
    found = [{i for i, _ in vectors.search(index, q, 10)} for q in queries]
    recall = np.mean([len(f & set(e)) / 10 for f, e in zip(found, exact)])
    assert recall >= 0.95, recall
    position, score = vectors.search(index, queries[0], 1)[0]
    assert np.allclose(index.reconstruct(position), data[position])  # the searcher's cosine needs it
    among = vectors.search_among(index, queries[0], [3, 5, 7], 2)
    expected = sorted([3, 5, 7], key=lambda i: -float(data[i] @ queries[0]))[:2]
    assert [i for i, _ in among] == expected


def test_a_question_worded_unlike_the_documents_gives_the_embedding_more_say():
    question = {"joined", "service", "point", "families", "right", "help"}
    assert adapted_dense_weight(question, {"families", "help", "service", "joined"}, 0.25) == 0.25  # 4 of 6
    assert adapted_dense_weight(question, {"families", "support"}, 0.25) == WORDED_APART_DENSE_WEIGHT
    assert adapted_dense_weight(question, {"families"}, 0.5) == 0.5  # never lowered
    assert adapted_dense_weight(set(), set(), 0.25) == 0.25


def test_a_passage_the_embedding_ranks_far_ahead_of_all_others_comes_first():
    fused = [(3, 0.9), (1, 0.8), (2, 0.3)]
    standout = [(2, 0.62), (3, 0.43), (1, 0.42)]  # cosine 0.19 ahead of the runner-up
    assert [item for item, _ in with_dense_standout(fused, standout)] == [2, 3, 1]
    assert with_dense_standout(fused, standout)[0][1] > 0.9  # the re-ranker sorts by score
    close = [(2, 0.62), (3, 0.58), (1, 0.42)]
    assert with_dense_standout(fused, close) == fused
