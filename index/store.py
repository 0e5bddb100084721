"""The chunk store of one index build: chunks, documents, vectors and a BM25 index in SQLite (FTS5)."""
from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import numpy as np

from ingest.acronyms import choose_names
from ingest.people import Fact
from ingest.records import Chunk
from ingest.vocabulary import Vocabulary

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    source TEXT PRIMARY KEY, doc_id TEXT, sha256 TEXT, title TEXT, organisation TEXT,
    date TEXT, date_start TEXT, date_end TEXT, pages INTEGER, chunks INTEGER,
    size INTEGER, mtime REAL, ingested_at TEXT);
CREATE TABLE IF NOT EXISTS chunks (
    pos INTEGER PRIMARY KEY, chunk_id TEXT UNIQUE, doc_id TEXT, source TEXT, title TEXT,
    date TEXT, date_sort TEXT, text TEXT, index_text TEXT, page_start INTEGER, page_end INTEGER,
    char_start INTEGER, char_end INTEGER, heading TEXT, kind TEXT, paper TEXT, fields TEXT, vector BLOB);
CREATE INDEX IF NOT EXISTS chunks_source ON chunks(source);
CREATE TABLE IF NOT EXISTS glossary (source TEXT, short TEXT, expansion TEXT, context TEXT);
CREATE TABLE IF NOT EXISTS lower_words (source TEXT, word TEXT);
CREATE TABLE IF NOT EXISTS title_words (source TEXT, word TEXT);
CREATE TABLE IF NOT EXISTS initial_names (source TEXT, initials TEXT, name TEXT, count INTEGER, seen INTEGER);
CREATE TABLE IF NOT EXISTS acronym_uses (source TEXT, short TEXT, count INTEGER);
CREATE TABLE IF NOT EXISTS people (
    source TEXT, seq INTEGER, name TEXT, role TEXT, organisation TEXT, responsibility TEXT,
    title TEXT, date TEXT, date_sort TEXT, page INTEGER);
CREATE TABLE IF NOT EXISTS corpus_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS corpus_names (initials TEXT PRIMARY KEY, name TEXT) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
    index_text, content='chunks', content_rowid='pos', tokenize='porter unicode61');
"""
_CHUNK_COLUMNS = ("chunk_id", "doc_id", "source", "title", "date", "date_sort", "text", "index_text",
                  "page_start", "page_end", "char_start", "char_end", "heading", "kind", "paper")
_FACT_COLUMNS = ("name", "role", "organisation", "responsibility", "source", "title", "date", "date_sort", "page")
_TOKEN = re.compile(r"[A-Za-z0-9]+")
_SEEN_LIMIT = 1 << 30  # more distinct names than any one document writes: orders (document, first seen)


class ChunkStore:
    """SQLite access for one build directory; chunk positions are also the FAISS ids."""

    def __init__(self, path: Path, readonly: bool = False):
        self.path = Path(path)
        uri = f"file:{self.path}?mode=ro" if readonly else f"file:{self.path}"
        self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        if not readonly:
            self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    # -- writing ---------------------------------------------------------------------------------
    def add_document(self, meta: dict) -> None:
        cols = ", ".join(meta)
        marks = ", ".join("?" for _ in meta)
        self.db.execute(f"INSERT OR REPLACE INTO documents ({cols}) VALUES ({marks})", tuple(meta.values()))

    def add_chunks(self, chunks: list[Chunk], vectors: np.ndarray) -> None:
        start = self.count()
        rows = []
        for offset, (chunk, vector) in enumerate(zip(chunks, vectors)):
            values = tuple(getattr(chunk, c) for c in _CHUNK_COLUMNS)
            rows.append((start + offset, *values, json.dumps(chunk.fields),
                         np.asarray(vector, dtype="float32").tobytes()))
        cols = ("pos",) + _CHUNK_COLUMNS + ("fields", "vector")
        self.db.executemany(f"INSERT INTO chunks ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                            rows)
        self.db.executemany("INSERT INTO chunks_fts (rowid, index_text) VALUES (?, ?)",
                            [(r[0], r[8]) for r in rows])

    def add_glossary(self, source: str, entries: list[tuple[str, str, str]]) -> None:
        """Store the acronyms (short, expansion, context) that `source` defines."""
        self.db.executemany("INSERT INTO glossary (source, short, expansion, context) VALUES (?, ?, ?, ?)",
                            [(source, *entry) for entry in entries])

    def glossary(self, source: str | None = None) -> list[dict]:
        """Acronym definitions (of one document, or all), newest document first."""
        sql = ("SELECT g.source, g.short, g.expansion, g.context, d.title, d.date FROM glossary g "
               "LEFT JOIN documents d ON d.source = g.source")
        rows = self.db.execute(sql + (" WHERE g.source = ?" if source else "") +
                               " ORDER BY d.date_end DESC, g.short", (source,) if source else ()).fetchall()
        names = ("source", "short", "expansion", "context", "title", "date")
        return [dict(zip(names, row)) for row in rows]

    def add_vocabulary(self, source: str, vocabulary: Vocabulary) -> None:
        """Store one document's vocabulary (ingest.vocabulary), added up by summarise_vocabulary."""
        self.db.executemany("INSERT INTO lower_words (source, word) VALUES (?, ?)",
                            [(source, word) for word in sorted(vocabulary.lower_words)])
        self.db.executemany("INSERT INTO title_words (source, word) VALUES (?, ?)",
                            [(source, word) for word in sorted(vocabulary.title_words)])
        self.db.executemany("INSERT INTO initial_names (source, initials, name, count, seen) VALUES (?, ?, ?, ?, ?)",
                            [(source, initials, name, count, seen) for seen, ((initials, name), count)
                             in enumerate(vocabulary.initial_names.items())])
        self.db.executemany("INSERT INTO acronym_uses (source, short, count) VALUES (?, ?, ?)",
                            [(source, short, count) for short, count in vocabulary.acronym_uses.items()])

    def vocabulary(self, source: str) -> Vocabulary:
        """One document's stored vocabulary (carried into the next build when the file is unchanged)."""
        vocabulary = Vocabulary()
        vocabulary.lower_words = {w for (w,) in self.db.execute(
            "SELECT word FROM lower_words WHERE source = ?", (source,))}
        vocabulary.title_words = {w for (w,) in self.db.execute(
            "SELECT word FROM title_words WHERE source = ?", (source,))}
        for initials, name, count in self.db.execute(
                "SELECT initials, name, count FROM initial_names WHERE source = ? ORDER BY seen", (source,)):
            vocabulary.initial_names[initials, name] = count
        for short, count in self.db.execute("SELECT short, count FROM acronym_uses WHERE source = ?", (source,)):
            vocabulary.acronym_uses[short] = count
        return vocabulary

    def summarise_vocabulary(self, minimum: int = 2) -> None:
        """Add up the documents' vocabularies into the corpus's, once per build, so that a question
        reads the sums and never the chunks: the words no name is made of, and the name each set of
        initials stands for (ingest.acronyms.choose_names, ties going to the name seen first)."""
        self.db.execute("DELETE FROM corpus_words")
        self.db.execute("INSERT OR IGNORE INTO corpus_words SELECT word FROM lower_words")
        # What the glossary's acronyms stand for ("United Nations Convention") names a body, not someone.
        self.db.executemany("INSERT OR IGNORE INTO corpus_words VALUES (?)",
                            [(word.lower(),) for (expansion,) in self.db.execute("SELECT expansion FROM glossary")
                             for word in _TOKEN.findall(expansion)])
        # A name first seen earlier in the corpus wins a tie: documents in chunk order, then as first seen in each.
        ranked = self.db.execute(
            "SELECT n.initials, n.name, SUM(n.count) AS total FROM initial_names n JOIN "
            "(SELECT source, MIN(pos) AS start FROM chunks GROUP BY source) d ON d.source = n.source "
            "GROUP BY n.initials, n.name HAVING total >= ? ORDER BY total DESC, MIN(d.start * ? + n.seen)",
            (minimum, _SEEN_LIMIT)).fetchall()
        used = dict(self.db.execute("SELECT short, SUM(count) FROM acronym_uses GROUP BY short"))
        self.db.execute("DELETE FROM corpus_names")
        self.db.executemany("INSERT INTO corpus_names VALUES (?, ?)", choose_names(ranked, used, minimum).items())

    def non_name_words(self) -> frozenset[str]:
        """Words that are no part of a person's name, in lower case: those the chunks use in lower case
        (emails and web addresses left out) and those of what the glossary's acronyms stand for. A
        capitalised phrase made of them ("Targeted Youth Support", "United Nations Convention") names a
        service or a body, not someone."""
        return frozenset(word for (word,) in self.db.execute("SELECT word FROM corpus_words"))

    def title_case_words(self) -> frozenset[str]:
        """Words the chunks write with a capital first letter and lower case after it, in lower case,
        from the documents' stored vocabularies (ingest.vocabulary.title_case_words)."""
        return frozenset(word for (word,) in self.db.execute("SELECT DISTINCT word FROM title_words"))

    def add_people(self, facts: list[Fact]) -> None:
        """Store what one document says of each person (ingest.people.facts_in_chunks), in reading order;
        the status of each fact is left to whoever reads them all (ingest.people.mark_status)."""
        self.db.executemany(f"INSERT INTO people (seq, {', '.join(_FACT_COLUMNS)}) "
                            f"VALUES (?, {', '.join('?' * len(_FACT_COLUMNS))})",
                            [(seq, *(getattr(fact, c) for c in _FACT_COLUMNS)) for seq, fact in enumerate(facts)])

    def people(self, source: str | None = None) -> list[Fact]:
        """The stored person facts (of one document, or all), without their status: documents in the
        order of documents(), each one's facts in reading order."""
        cols = ", ".join(f"p.{c}" for c in _FACT_COLUMNS)
        rows = self.db.execute(f"SELECT {cols} FROM people p JOIN documents d ON d.source = p.source" +
                               (" WHERE p.source = ?" if source else "") +
                               " ORDER BY d.date_end DESC, p.source, p.seq", (source,) if source else ())
        return [Fact(*row) for row in rows]

    def names_by_initials(self) -> dict[str, str]:
        """Initials -> the capitalised name the corpus writes most with them ("CPB" -> "Children's
        Partnership Board"), as summarise_vocabulary chose."""
        return dict(self.db.execute("SELECT initials, name FROM corpus_names"))

    def commit(self) -> None:
        self.db.commit()

    # -- reading ---------------------------------------------------------------------------------
    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]

    def documents(self) -> list[dict]:
        cur = self.db.execute("SELECT * FROM documents ORDER BY date_end DESC, source")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def chunks_of(self, source: str) -> tuple[list[Chunk], np.ndarray]:
        """A document's chunks in order, with their stored vectors (reused by incremental builds)."""
        rows = self.db.execute(f"SELECT {', '.join(_CHUNK_COLUMNS)}, fields, vector FROM chunks "
                               "WHERE source = ? ORDER BY pos", (source,)).fetchall()
        chunks = [_to_chunk(row) for row in rows]
        vectors = np.array([np.frombuffer(row[-1], dtype="float32") for row in rows], dtype="float32")
        return chunks, vectors

    def passages_of(self, source: str, containing: str = "", limit: int = 1) -> list[Chunk]:
        """A document's first passages in reading order, only those whose text contains `containing`
        when given; without their vectors (for citing a document or a definition it makes)."""
        rows = self.db.execute(f"SELECT {', '.join(_CHUNK_COLUMNS)}, fields FROM chunks WHERE source = ? "
                               "AND instr(text, ?) > 0 ORDER BY pos LIMIT ?", (source, containing, limit)).fetchall()
        return [_to_chunk(row + (None,)) for row in rows]

    def all_vectors(self, dimension: int) -> np.ndarray:
        rows = self.db.execute("SELECT vector FROM chunks ORDER BY pos").fetchall()
        if not rows:
            return np.zeros((0, dimension), dtype="float32")
        return np.frombuffer(b"".join(r[0] for r in rows), dtype="float32").reshape(len(rows), dimension)

    def get(self, positions: list[int]) -> dict[int, Chunk]:
        if not positions:
            return {}
        marks = ", ".join("?" for _ in positions)
        rows = self.db.execute(f"SELECT pos, {', '.join(_CHUNK_COLUMNS)}, fields FROM chunks "
                               f"WHERE pos IN ({marks})", [int(p) for p in positions]).fetchall()
        return {row[0]: _to_chunk(row[1:] + (None,)) for row in rows}

    def lexical(self, query: str, limit: int) -> list[tuple[int, float]]:
        """BM25 over the indexed text: (position, score) best first, score higher is better."""
        match = fts_query(query)
        if not match:
            return []
        rows = self.db.execute("SELECT rowid, bm25(chunks_fts) FROM chunks_fts WHERE chunks_fts MATCH ? "
                               "ORDER BY bm25(chunks_fts) LIMIT ?", (match, limit)).fetchall()
        return [(int(pos), -float(score)) for pos, score in rows]

    def positions_where(self, sources: tuple[str, ...], date_from: str | None, date_to: str | None) -> set[int]:
        """Chunk positions of documents matching a filter (a period overlapping the date range)."""
        clauses, args = [], []
        if sources:
            clauses.append(f"d.source IN ({', '.join('?' for _ in sources)})")
            args += list(sources)
        if date_from:
            clauses.append("COALESCE(d.date_end, d.date_start, '') >= ?")
            args.append(date_from)
        if date_to:
            clauses.append("COALESCE(d.date_start, d.date_end, '9999') <= ?")
            args.append(date_to)
        where = " AND ".join(clauses) or "1"
        rows = self.db.execute(f"SELECT c.pos FROM chunks c JOIN documents d ON c.source = d.source "
                               f"WHERE {where}", args).fetchall()
        return {r[0] for r in rows}


# Words too common to help a keyword search; FTS5 has no stop list of its own. The last lines are the
# filler people type in a chat ("who do I go to about getting set up on ...?").
STOPWORDS = frozenset("""a about above after again all am an and any are as at be been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers him his how i if in into is it its itself just me more most my no nor not
now of off on once only or other our ours out over own same she should so some such than that the their
them then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours tell know please say said
get gets getting got go goes going went gone actually exactly really basically something anything
thing things stuff lot lots""".split())


def content_words(text: str) -> list[str]:
    """The lower-cased words of `text` that carry meaning (no stop words)."""
    return [t for t in (w.lower() for w in _TOKEN.findall(text)) if t not in STOPWORDS]


def fts_query(text: str) -> str:
    """An FTS5 query matching any content word of `text` (quoted, so no word is read as syntax)."""
    words = list(dict.fromkeys(content_words(text)))
    return " OR ".join(f'"{w}"' for w in words)


def _to_chunk(row: tuple) -> Chunk:
    values = dict(zip(_CHUNK_COLUMNS, row[: len(_CHUNK_COLUMNS)]))
    fields = json.loads(row[len(_CHUNK_COLUMNS)] or "{}")
    return Chunk(**values, fields=fields)
