"""The Glossary tab's terms: the acronyms the documents define (ingest.acronyms), with where each is defined."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.acronyms import find_acronyms


@dataclass(frozen=True)
class Term:
    """One acronym, its expansion and where it is defined (first definition per document)."""

    acronym: str
    expansion: str
    source: str
    title: str
    date: str
    page: int


def build_glossary(chunks) -> list[Term]:
    """One Term per (acronym, expansion), defined where first seen in each document, sorted A-Z."""
    terms: dict[tuple[str, str], Term] = {}
    for chunk in chunks:
        for found in find_acronyms(chunk.text):
            acronym, expansion = found.short, found.expansion
            key = (acronym.upper(), _letters(expansion))  # "People's" and "People’s" are one term
            if key not in terms:
                terms[key] = Term(acronym, expansion, chunk.source, chunk.title, chunk.date, chunk.page_start)
    return sorted(terms.values(), key=lambda t: (t.acronym.upper(), t.expansion.lower()))


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())
