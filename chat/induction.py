"""What a new member of staff sees first: the documents known, the newest of each kind, starter questions."""
from __future__ import annotations

from collections import Counter

from chat.web_render import escape

# Kinds of partnership document, by a word in the title (first match wins).
KINDS = (("action plan", "Action plan"), ("strategy", "Strategy"), ("board", "Board papers"),
         ("plan", "Plan"), ("update", "Progress report"), ("report", "Progress report"),
         ("portfolio", "Progress report"))


# Headings that are document furniture, not topics a newcomer would ask about.
_DULL = frozenset("appendix appendices contents timescale tbc page annex glossary introduction".split())


def kind_of(title: str) -> str:
    lowered = (title or "").lower()
    return next((label for word, label in KINDS if word in lowered), "Other")


def period_end(doc: dict) -> str:
    """Where a document's period ends (ISO date; its start when it has no end): newer sorts later."""
    return doc.get("date_end") or doc.get("date_start") or ""


def newest_by_kind(docs: list[dict]) -> dict[str, dict]:
    """Kind -> its most recent document (by the end of the document's period)."""
    newest: dict[str, dict] = {}
    for doc in docs:
        kind = kind_of(doc["title"])
        if kind not in newest or period_end(doc) > period_end(newest[kind]):
            newest[kind] = doc
    return newest


def welcome_html(docs: list[dict]) -> str:
    """The welcome panel: what the assistant knows, newest of each kind marked."""
    if not docs:
        return '<div class="pqa-welcome"><p>No documents are indexed yet.</p></div>'
    newest = {d["source"] for d in newest_by_kind(docs).values()}
    rows = []
    for doc in sorted(docs, key=period_end, reverse=True):
        badge = ' <span class="pqa-badge">most recent ' + escape(kind_of(doc["title"]).lower()) + "</span>" \
            if doc["source"] in newest else ""
        rows.append(f"<li><strong>{escape(doc['title'])}</strong> — {escape(doc['date'] or 'undated')}{badge}</li>")
    return ('<div class="pqa-welcome"><h2>Welcome</h2><p>I answer questions from the partnership\'s '
            f'{len(docs)} documents below and cite the passage behind every answer. If they don\'t say, '
            "I tell you so.</p><ul>" + "".join(rows) + "</ul></div>")


def candidate_questions(docs: list[dict], glossary: list, people: list, chunks: list) -> list[str]:
    """Questions drawn from the corpus: an acronym, a role, and headings of the newest documents."""
    out = []
    spread = Counter(t.acronym.upper() for t in glossary)
    terms = {t.acronym.upper(): t for t in glossary if not t.expansion.isupper()}  # one per acronym
    for term in sorted(terms.values(), key=lambda t: -spread[t.acronym.upper()])[:2]:
        out.append(f"What is the {term.expansion} ({term.acronym})?")
    roles = [f for f in people if f.status == "latest" and f.role and "lead" not in f.role.lower()
             and len(f.role.split()) >= 2]
    for fact in sorted(roles, key=lambda f: f.date_sort, reverse=True)[:2]:
        out.append(f"Who is the {fact.role.rstrip(',')}?")
    order = {d["source"]: i for i, d in enumerate(sorted(docs, key=lambda d: d.get("date_end") or "", reverse=True))}
    headings = [c for c in chunks if c.heading and 2 <= len(c.heading.split()) <= 8 and not c.heading.isupper()]
    seen = set()  # one heading per document, so the starters span the corpus
    for chunk in sorted(headings, key=lambda c: order.get(c.source, 99)):
        topic = chunk.heading.strip(" :*-").rstrip(".")
        if chunk.source not in seen and not topic[:1].isdigit() and not _DULL.intersection(topic.lower().split()):
            seen.add(chunk.source)
            out.append(f"What does the {chunk.title} say about {topic[:1].lower() + topic[1:]}?")
        if len(seen) >= 3:
            break
    return out


def starter_questions(engine, candidates: list[str], limit: int = 4) -> list[str]:
    """The first `limit` candidates the documents actually answer (checked with the real engine)."""
    chosen = []
    for question in candidates:
        if len(chosen) >= limit:
            break
        try:
            if not engine.answer(question).abstained:
                chosen.append(question)
        except Exception:  # a starter question is optional; never stop the page loading
            continue
    return chosen
