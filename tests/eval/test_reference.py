"""The reference (naive) retrievers used for comparison in the README."""
from eval.reference import naive_pieces, rank_bm25


def test_pieces_are_1000_characters_overlapping_by_200_and_bm25_ranks_them(tmp_path):
    text = "".join(f"word{i:04d} " for i in range(400))  # 3,600 characters
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "README.md").write_text("catalogue, not a document")
    pieces = naive_pieces(tmp_path)
    assert [len(t) for _, t in pieces[:3]] == [1000, 1000, 1000]
    assert pieces[0][1][800:] == pieces[1][1][:200]
    assert {s for s, _ in pieces} == {"a.txt"}
    best = rank_bm25(pieces, ["word0350"])[0]
    assert best and all("word0350" in pieces[i][1] for i in best)
