"""Questions about the documents themselves ("Which plan is current?"), answered from the catalogue.

Their answer is in no passage: it is which document is the newest of its kind, or which documents
there are. A new member of staff asks them first.
"""
from __future__ import annotations

import re

from chat.induction import kind_of

_NEW = r"(?:current|latest|newest|most recent|up[- ]to[- ]date|in force)"
_DOC = r"(?:action plan|plan|strategy|strategies|report|papers|update|document)s?"
# "Which plan is current?", "What is the latest strategy?", "which is the most recent report"
_NEWEST = re.compile(rf"^\s*(?:which|what)(?:'s| is| are)?\s+(?:the\s+)?(?:{_NEW}\s+)?((?:[\w'’-]+\s+){{0,2}}?{_DOC})"
                     rf"(?:\s+(?:is|are))?(?:\s+the)?(?:\s+{_NEW})?\s*\??\s*$", re.IGNORECASE)
# "What documents do you have?", "Which documents can you search?"
_WHICH_DOCS = re.compile(r"^\s*(?:which|what)\s+documents\s+(?:do|can|are|have)\b[^?]*\??\s*$", re.IGNORECASE)


def documents_asked(question: str) -> str:
    """The kind of document a question about the catalogue asks for ("plan"), "*" for all of them,
    or "" when the question is about what the documents say."""
    if _WHICH_DOCS.match(question):
        return "*"
    found = _NEWEST.match(question)
    if not found or not re.search(_NEW, question, re.IGNORECASE):
        return ""
    words = found.group(1).lower().split()
    noun = words[-1].rstrip("s")
    noun = {"strategie": "strategy", "paper": "papers", "document": "*"}.get(noun, noun)
    return noun if noun == "*" else " ".join(words[:-1] + [noun])  # "board papers", "workforce strategy"


def _period_end(doc: dict) -> str:
    return doc.get("date_end") or doc.get("date_start") or ""


def answer_about_documents(kind: str, docs: list[dict]) -> tuple[str, list[dict]]:
    """The answer's text with [n] markers and the documents cited (n = index + 1); ('', []) when no
    document is of that kind."""
    newest_first = sorted(docs, key=_period_end, reverse=True)
    if kind == "*":
        chosen = newest_first
        lines = [f"{doc['title']} ({doc['date'] or 'undated'}) [{n}]" for n, doc in enumerate(chosen, 1)]
        return f"I answer from {len(chosen)} documents, newest first: " + "; ".join(lines) + ".", chosen
    # "report" also finds a progress update, by the kinds the welcome panel sorts documents into
    chosen = [doc for doc in newest_first
              if kind in (doc.get("title") or "").lower() or kind in kind_of(doc.get("title") or "").lower()]
    if not chosen:
        return "", []
    text = f"The most recent {kind} is {chosen[0]['title']} ({chosen[0]['date'] or 'undated'}) [1]."
    if len(chosen) > 1:
        older = "; ".join(f"{doc['title']} ({doc['date'] or 'undated'}) [{n}]"
                          for n, doc in enumerate(chosen[1:], 2))
        text += f" Older: {older}."
    return text, chosen


# "What does NCSCB stand for?", "What is SSBC short for?", "What does DFDO mean?", "expand CAF"
_ACRONYM = r"((?-i:[A-Z][A-Za-z&]{0,3}[A-Z][A-Za-z&]{0,5}))"
_STANDS_FOR = re.compile(rf"^\s*(?:what\s+(?:does|do|did)\s+(?:the\s+)?{_ACRONYM}s?\s+(?:stand\s+for|mean)\s*\??"
                         rf"|what\s+(?:is|are)\s+(?:the\s+)?{_ACRONYM}s?\s+(?:short|an?\s+(?:abbreviation|acronym))"
                         rf"\s+for\s*\??|(?:expand|spell\s+out)\s+{_ACRONYM}\s*\??)\s*$", re.IGNORECASE)


def acronym_asked(question: str, glossary: dict[str, str]) -> str:
    """The acronym a "what does X stand for?" question asks about, if the documents define it."""
    found = _STANDS_FOR.match(question)
    short = next((g for g in found.groups() if g), "") if found else ""
    return short if short in glossary else ""
