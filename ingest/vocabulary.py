"""What a document's words say about names, worked out once when it is ingested.

The answerer asks three corpus-wide questions of the index: which words are never part of a person's
name, which capitalised name a set of initials stands for, and which words the documents write with
only a first capital. All come from reading the text, so each document's share is read here, at
ingest, and stored with it (index.store); the index adds the shares up once per build, and a question
never reads the whole corpus.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ingest.acronyms import count_initials

_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
_ADDRESS = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+")  # "jane.example@..." names her in lower case
_TITLE_CASE_WORD = re.compile(r"\b[A-Z][a-z]+\b")  # "Pat", "Dash": not "PAT", "DASH" or "CiN"


@dataclass
class Vocabulary:
    """One document's share: the words it writes in lower case, how often it writes each
    capitalised name with given initials (in the order first seen), how often it writes each
    acronym as it is, and the words it writes with only a first capital (in lower case)."""

    lower_words: set[str] = field(default_factory=set)
    initial_names: Counter = field(default_factory=Counter)  # (initials, name) -> count
    acronym_uses: Counter = field(default_factory=Counter)  # "SEND" -> count
    title_words: set[str] = field(default_factory=set)  # "pat" for "Pat"


def vocabulary_of(texts: Iterable[str]) -> Vocabulary:
    """The vocabulary of a document's chunk texts, read in order."""
    texts = list(texts)
    return Vocabulary(set().union(*map(lower_case_words, texts)), *count_initials(texts),
                      title_words=set().union(*map(title_case_words, texts)))


def lower_case_words(text: str) -> set[str]:
    """The words `text` writes in lower case, leaving out emails and web addresses: a word a
    document writes in lower case ("support", "youth") is no part of a person's name."""
    return set(_LOWER_WORD.findall(_ADDRESS.sub(" ", text)))


def title_case_words(text: str) -> set[str]:
    """The words `text` writes with a capital first letter and lower case after it, in lower case: a
    word typed in lower case that a document writes so ("pat" for "Pat") is no acronym."""
    return {word.lower() for word in _TITLE_CASE_WORD.findall(text)}
