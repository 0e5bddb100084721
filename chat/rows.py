"""Cutting a long table row or list item to fit an answer, keeping what is on the question's topic."""
from __future__ import annotations

import re

from chat.text import stems
from index.records import Hit

_OTHER_FIELD = 100  # characters: a long row's fields less on the topic than its longest are cut to this
_OFF_TOPIC_FIELD = 40  # characters: ... and those sharing no word with the question to this


def trim(text: str, limit: int = 320) -> str:
    """`text` cut at a word to at most `limit` characters, with "…" where it was cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def trim_cell(text: str, limit: int = 320, topic: set[str] | frozenset = frozenset()) -> str:
    """One long cell or line cut to at most `limit` characters: its opening and its items (or sentences)
    on the topic, or else its opening."""
    if len(text) <= limit:
        return text
    return _on_topic_items(text, limit, topic) or trim(text, limit)


def trim_row(text: str, limit: int = 360, topic: set[str] | frozenset = frozenset()) -> str:
    """Shorten a table row by trimming its longest field, so short fields (lead, date) survive."""
    # Fields are "Column: value; ..." or, for a table without column names, "cell | cell | ...".
    sep = "; " if "; " in text else " | " if " | " in text else ""
    if len(text) <= limit:
        return text
    if not sep:
        return trim_cell(text, limit, topic)
    fields = text.split(sep)
    longest = max(range(len(fields)), key=lambda i: len(fields[i]))
    # Other long fields less on the topic than the longest give it room: "Sector Overview: ..." is cut
    # short so that "Specific Challenges: ... Nottingham is the 13th most deprived district" fits.
    on_topic = [len(topic & set(stems(field))) for field in fields]
    for i, field in enumerate(fields):
        keep = _OTHER_FIELD if on_topic[i] else _OFF_TOPIC_FIELD
        if i != longest and len(field) > keep and on_topic[i] < on_topic[longest]:
            fields[i] = trim(field, keep)
    room = max(60, limit - sum(len(f) + len(sep) for i, f in enumerate(fields) if i != longest))
    fields[longest] = _on_topic_items(fields[longest], room, topic) or trim(fields[longest], room)
    return sep.join(fields)


def known_words(hit: Hit) -> set[str]:
    """Words every item of a passage shares through its document's title and section heading (the
    "2017-19 plan"): they cannot tell one list item from another."""
    return set(stems(f"{hit.chunk.title} {hit.chunk.heading}"))


# A list item starts with a dash or bullet, or, in a list of measures, with "% of" ("% of women reporting
# smoking ... % of eligible children who have received 3 doses of ... vaccine").
_ITEM_START = re.compile(r"\s(?=[-•] |% of\b)")
_SENTENCE_START = re.compile(r"(?<=[.!?])\s+(?=[A-Z•-])")


def _on_topic_items(cell: str, room: int, topic: set[str] | frozenset) -> str:
    """A cell holding a list ("Challenges: - Deliver events - Promote routes to teaching - Maintain the
    website"), or else several sentences, cut to its opening and the items sharing most words with the
    question, in their order, with "…" where items were left out; '' when the cell is neither or no
    item is on the topic."""
    items = _ITEM_START.split(cell)
    if len(items) < 3:  # no list: its sentences are its items
        items = _SENTENCE_START.split(cell)
    topic = {w for w in topic if not w.isdigit()}  # "19" in "2017-19" matches any date
    if len(items) < 3 or not topic:
        return ""
    overlap = {i: len(topic & set(stems(items[i]))) for i in range(1, len(items))}
    # A long opening no more on the topic than an item ("Specific Challenges: To ensure that robust
    # arrangements ...", "Sports and Culture ... The Workforce includes approx:") is cut short so the
    # items on the question's topic still fit.
    if len(topic & set(stems(items[0]))) <= max(overlap.values(), default=0):
        items[0] = trim(items[0], max(60, room // 3))
    keep, used = {0}, len(items[0])
    for rank, i in enumerate(sorted(overlap, key=lambda i: -overlap[i])):
        if rank == 0 and overlap[i] and used + len(items[i]) + 3 > room:
            items[i] = trim(items[i], max(60, room - used - 3))  # the item most on the topic, cut to fit
        if overlap[i] and used + len(items[i]) + 3 <= room:
            keep.add(i)
            used += len(items[i]) + 3
    if len(keep) == 1:
        return ""
    parts, last = [], -1
    for i in sorted(keep):
        cut = i > last + 1 and not (parts and parts[-1].endswith("…"))  # one mark where the opening was cut
        parts.append(("… " if cut else "") + items[i])
        last = i
    return " ".join(parts) + (" …" if last < len(items) - 1 else "")


# A document's own "[7]" (a footnote, or an injection) must not pass for one of our citation markers.
