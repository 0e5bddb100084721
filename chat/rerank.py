"""Re-rank retrieved passages by what the question says about time, and by phrases it shares.

A question that names a year ("according to the 2010 strategy", "in 2012/13") is about the
documents whose period covers that year, and one naming a document by its kind ("according to the
workforce strategy") about the documents whose title says so; a question about now ("Who is the
training co-ordinator?") prefers the most recent documents, and among the top passages naming its
subject the newest leads; a passage holding the question's words side by side is closer to it
than one holding them apart. Retrieval scores carry none of this, so each is added here as a small
boost on the fused score (which lies between 0 and 1), chosen on the dev set (README, "Retrieval
and answering choices"). Last, one table's rows beyond its second stand behind the other passages,
so a long list of one-line rows cannot fill the top.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from chat.answer_types import EMAIL, PHONE, holds_field_of, question_kind
from chat.names import named_days, named_things, names_all
from chat.questions import asked_part, documents_named
from chat.text import stems
from chat.timecues import recency_weight
from index.records import Hit
from ingest.dates import years_named

YEAR_BOOST = 0.25  # a passage from a document whose period covers a year the question names
TITLE_BOOST = 0.15  # a passage from a document whose title holds the words the question names it by
RECENCY_BOOST = 0.5  # times the question's recency weight, for the newest document (0 for the oldest)
# Times the share of the question's word pairs ("safeguarding training", "foster carers") that stand
# side by side in the passage: BM25 and the embedding both ignore word order and nearness.
PHRASE_BOOST = 0.25

# For a passage giving contact details (an email address or a phone number), when the question
# asks whom to contact ("Who do I get in touch with about the plan?"): "For further
# information contact Jane Example: jane.example@..." shares few words with such a question.
CONTACT_BOOST = 0.2
_CONTACT_ASKED = re.compile(r"\b(?:contact|get in touch|talk to|speak to|(?:ring|call|e-?mail) about|more info\w*"
                            r"|further info\w*)\b", re.IGNORECASE)

# For a passage holding a form's field of the kind of fact asked (answer_types.holds_field_of); 0.45 beat 0.3
# on hit@5 and MRR with no answer changed, 0.6 lost an answer (README, stop 19).
FIELD_BOOST = 0.45

# For a passage naming a calendar day the question names ("the 25 September 2013 meeting"): among a
# bundle's papers, all of one year, the one dated that day is about that meeting.
DAY_BOOST = 0.2

# Rows of one table (same document, heading and kind) that may stand ahead of other passages: a
# board's attendance list, a row a chunk, otherwise fills the top passages for any question naming the
# board, and the answer is rarely in a third row of one table (a list question's rows are found by the
# answerer in the rows it is given).
TABLE_ROWS = 2

VERSION_DEPTH = 3  # how far down the newest passage naming the question's subject may be lifted


def rerank(question: str, hits: list[Hit], periods: dict[str, tuple[int, int]],
           glossary: dict[str, str] | None = None) -> list[Hit]:
    """`hits` re-scored for the question's years, its wish for recent documents and its phrases, best first.

    `periods` maps each document's source to the first and last year it covers; the corpus `glossary`
    lets an acronym name a document ("according to the CYPP").
    """
    years = years_named(asked_part(question))
    recency = recency_weight(question)
    if not hits:
        return hits
    pairs = word_pairs(question)
    kind = question_kind(question)
    contact = contact_asked(question)
    days = named_days(asked_part(question))
    naming = _naming(question, glossary)
    ends = sorted({periods[h.chunk.source][1] for h in hits if h.chunk.source in periods})
    newness = {end: i / max(1, len(ends) - 1) for i, end in enumerate(ends)}
    rescored = []
    for hit in hits:
        first, last = periods.get(hit.chunk.source, (0, 0))
        boost = YEAR_BOOST if any(first <= y <= last for y in years) else 0.0
        if not years and recency > 0:  # "before" questions: the answerer orders the versions
            boost += RECENCY_BOOST * recency * newness.get(last, 0.0)
        boost += PHRASE_BOOST * _pair_share(pairs, hit.chunk.index_text)
        if any(words <= _title_words(hit.chunk.title) for words in naming):
            boost += TITLE_BOOST
        if contact and (EMAIL.search(hit.chunk.text) or PHONE.search(hit.chunk.text)):
            boost += CONTACT_BOOST
        if holds_field_of(kind, hit.chunk.text):
            boost += FIELD_BOOST
        if any(day.search(hit.chunk.text) for day in days):
            boost += DAY_BOOST
        rescored.append((hit.score + boost, hit))
    rescored.sort(key=lambda pair: -pair[0])
    if not years and recency > 0:
        rescored = _newest_naming_first(named_things(asked_part(question)), rescored, periods)
    rescored = _table_rows_spread(rescored)
    return [replace(hit, score=score, rank=rank) for rank, (score, hit) in enumerate(rescored, 1)]


def contact_asked(question: str) -> bool:
    """Whether the question asks whom to contact ("Who do I get in touch with about the plan?")."""
    return question_kind(question) == "person" and bool(_CONTACT_ASKED.search(question))


def documents_meant(question: str, documents: list[dict], glossary: dict[str, str] | None = None) -> list[str]:
    """The sources of the `documents` (the index's catalogue) whose titles hold the words the question
    names a document by ("the CYPP", "the 2010-14 workforce strategy")."""
    naming = _naming(question, glossary)
    return [doc["source"] for doc in documents
            if any(words <= _title_words(doc.get("title") or "") for words in naming)]


def _naming(question: str, glossary: dict[str, str] | None) -> list[frozenset[str]]:
    """The title words of each document the question names (documents_named)."""
    return [words for words in (_title_words(p) for p in documents_named(question, glossary)) if words]


def _table_rows_spread(rescored: list[tuple[float, Hit]]) -> list[tuple[float, Hit]]:
    """The passages in order, but a table's rows after its first TABLE_ROWS moved behind every other
    passage (in their order), so one long table of short rows cannot fill the top."""
    kept, later, rows_seen = [], [], {}
    for pair in rescored:
        chunk = pair[1].chunk
        if chunk.kind == "table_row":
            table = (chunk.source, chunk.heading)
            rows_seen[table] = rows_seen.get(table, 0) + 1
            if rows_seen[table] > TABLE_ROWS:
                later.append(pair)
                continue
        kept.append(pair)
    return kept + later


def _newest_naming_first(names: list[str], rescored: list[tuple[float, Hit]],
                         periods: dict[str, tuple[int, int]]) -> list[tuple[float, Hit]]:
    """Among the top VERSION_DEPTH passages, those naming what the question names ("Pat Whitby",
    "Every Colleague Matters") swap places so that the newest document's comes first: for a question
    about now, a 2019 contact list outranks the 2013 one that matched the words a little better."""
    if not names:
        return rescored
    slots = [i for i, (_, hit) in enumerate(rescored[:VERSION_DEPTH])
             if names_all(hit.chunk.index_text + " " + hit.chunk.title, names)]
    newest_first = sorted((rescored[i] for i in slots),
                          key=lambda pair: -periods.get(pair[1].chunk.source, (0, 0))[1])
    out = list(rescored)
    for slot, pair in zip(slots, newest_first):
        out[slot] = pair
    return out


def document_periods(documents: list[dict]) -> dict[str, tuple[int, int]]:
    """Each document's source with the first and last year of its period (from the index's catalogue)."""
    out = {}
    for doc in documents:
        start, end = (doc.get("date_start") or "")[:4], (doc.get("date_end") or "")[:4]
        if start.isdigit() or end.isdigit():
            out[doc["source"]] = (int(start or end), int(end or start))
    return out


@lru_cache(maxsize=4096)  # passages recur across questions
def word_pairs(text: str) -> frozenset[tuple[str, str]]:
    """Adjacent pairs of content-word stems (stop words skipped, so "head of service" gives
    ("head", "service"))."""
    words = [w for w in stems(text) if len(w) > 1]
    return frozenset(zip(words, words[1:]))


# Words that place a document in time rather than name it: "the later workforce plan" is a workforce plan.
_WHEN_WORDS = frozenset(stems("later latest current new newer old older earlier previous original refreshed "
                              "updated recent"))


@lru_cache(maxsize=256)
def _title_words(text: str) -> frozenset[str]:
    """The words of a title or of a phrase naming a document, without years or words placing it in
    time ("the later 2010-14 workforce strategy" gives workforce, strategy)."""
    return frozenset(w for w in stems(text) if len(w) > 1 and not w[0].isdigit() and w not in _WHEN_WORDS)


def _pair_share(pairs: frozenset, text: str) -> float:
    return len(pairs & word_pairs(text)) / len(pairs) if pairs else 0.0
