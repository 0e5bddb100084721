"""Reference retrievers an evaluator would build first, scored on the same QA set for comparison.

`python -m eval.reference eval/sets/dev.jsonl` prints evidence hit@5 and MRR@10 for
- "naive dense": the raw files cut into 1,000-character pieces overlapping by 200 (the usual
  framework default), embedded with the same MiniLM model, FAISS inner product;
- "naive BM25": the same pieces ranked by SQLite FTS5 BM25 on the question's words.
"""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import numpy as np

from eval.matching import evidence_in_passage
from eval.qaset import load_qaset
from index import vectors
from index.embedder import get_embedder
from index.store import fts_query

PIECE, OVERLAP, DEPTH = 1000, 200, 10


def naive_pieces(corpus_dir: Path) -> list[tuple[str, str]]:
    """(source, text) pieces of every .txt/.md file, 1,000 characters overlapping by 200."""
    pieces = []
    for path in sorted(corpus_dir.glob("*")):
        if path.suffix not in (".txt", ".md") or path.name == "README.md":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for start in range(0, max(1, len(text) - OVERLAP), PIECE - OVERLAP):
            pieces.append((path.name, text[start:start + PIECE]))
    return pieces


def rank_dense(pieces, questions) -> list[list[int]]:
    embedder = get_embedder()
    index = vectors.build_index(embedder.embed([t for _, t in pieces]), embedder.dimension)
    query_vectors = embedder.embed(questions)
    return [[i for i, _ in vectors.search(index, v, DEPTH)] for v in query_vectors]


def rank_bm25(pieces, questions) -> list[list[int]]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE p USING fts5(text, tokenize='porter unicode61')")
    db.executemany("INSERT INTO p (rowid, text) VALUES (?, ?)", [(i, t) for i, (_, t) in enumerate(pieces)])
    rankings = []
    for question in questions:
        match = fts_query(question)
        rows = db.execute("SELECT rowid FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT ?", (match, DEPTH)) \
            if match else []
        rankings.append([r[0] for r in rows])
    return rankings


def score(items, pieces, rankings) -> dict:
    hits, reciprocal = [], []
    for item, ranking in zip(items, rankings):
        ranks = [r for r, i in enumerate(ranking, 1) if evidence_in_passage(item.evidence, pieces[i][1], item.accepted_answers)]
        hits.append(bool(ranks) and ranks[0] <= 5)
        reciprocal.append(1 / ranks[0] if ranks else 0.0)
    return {"evidence_hit@5": round(float(np.mean(hits)), 3), "mrr": round(float(np.mean(reciprocal)), 3)}


def main(qa_set: str, corpus_dir: str = "corpus") -> None:
    items = [i for i in load_qaset(qa_set) if i.evidence]
    pieces = naive_pieces(Path(corpus_dir))
    questions = [i.question for i in items]
    for name, ranker in (("naive dense (1000/200 chars, MiniLM, FAISS)", rank_dense),
                         ("naive BM25 (same pieces, FTS5)", rank_bm25)):
        print(f"{name:<45} {score(items, pieces, ranker(pieces, questions))}")


if __name__ == "__main__":
    main(*sys.argv[1:])
