"""Aims against outcomes: "To increase the number ... by 40%" is a plan, not what happened."""
from __future__ import annotations

import re

from chat.answer_types import question_kind

AMOUNT_KINDS = ("count", "percent", "money")  # kinds of fact an aim can state but not achieve

# An action plan's line states an aim: "To increase ...", "We will ...", "Aim: ...".
_AIM = re.compile(r"^\W*(?:to [a-z]+\b|we (?:will|aim|intend|plan)\b|aims? (?:is |are )?to\b|aim:|target:"
                  # "Increase the number of foster placements ... by 50 over three years": a target amount
                  r"|(?:increase|reduce|raise|cut|decrease|grow|double|halve)\b[^.;]*?"
                  r"\bby (?:\d|a (?:third|quarter|half)))",
                  re.IGNORECASE)
# "with a local target to support 3,840 families", "would be awarded funding", "we would forecast a
# further 41 carers": a target or a forecast anywhere in the sentence.
_PROSPECT = re.compile(r"\b(?:targets? (?:to|of)|forecast\w*|projected|would be|expected to)\b", re.IGNORECASE)
# A question asking for a target, and the words a sentence states one with.
_TARGET_ASKED = re.compile(r"\b(?:target|aim|goal|ambition)s?\b", re.IGNORECASE)
_STATES_TARGET = re.compile(r"\b(?:target\w*|aim\w*|goals?|ambitions?|aspir\w*|plan(?:s|ned)? to|expect\w*|"
                            r"forecast\w*|projected|will|would)\b", re.IGNORECASE)
# "A survey is currently underway", "We are awaiting sight of the new health check", "Next steps ...
# include ... completion of an external survey", "Review of service to be completed by December": not done yet.
_NOT_YET = re.compile(r"\b(?:awaiting|(?:is|are) (?:currently |now )?(?:underway|under way)|not yet|yet to be"
                      r"|next steps?|to be (?:completed|undertaken|carried out|published|finalised|finalized))\b",
                      re.IGNORECASE)
# "To provide support, the Big Lottery has appointed ...": a purpose, then what was done.
_DONE = re.compile(r"\b(?:has|have|had|was|were)\b", re.IGNORECASE)
# "There are currently 19 carers booked into panels ... we would forecast 41 more": a fact stated too.
_STATE = re.compile(r"\b(?:is|are|has|have|had|was|were)\b", re.IGNORECASE)
_LABEL = re.compile(r"^[^:;|]{1,60}:\s*")  # a row cell's column name
# "By how much did it go up?", "how many were recruited?": the question asks what happened ...
_HAPPENED = re.compile(r"\b(?:did|was|were|had|(?:has|have)(?! to\b))\b", re.IGNORECASE)
# ... or, asking an amount (AMOUNT_KINDS), what is so: "How many health visitors does the city employ?" ...
# ("how many health visitors work in the city at the moment": what is so now, with no "do" to say it)
_IS_SO = re.compile(r"\b(?:does|do|is|are|currently|at the moment|at present|right now|these days)\b", re.IGNORECASE)
# ... unless it asks about the plan itself.
_ASKS_AIM = re.compile(r"\b(?:aim\w*|target\w*|goals?|plan(?:s|ned)? to|intend\w*|expect\w*|will|should|due|"
                       r"supposed|want\w*|hope\w*|commit\w*|pledge\w*|promis\w*|ambition\w*|needs? to|meant|required|"
                       r"(?:has|have) to)\b", re.IGNORECASE)


def asks_what_happened(question: str) -> bool:
    """Whether the question asks for an outcome ("by how much did ... go up?"), not a plan or target."""
    happened = _HAPPENED.search(question) or _IS_SO.search(question) and question_kind(question) in AMOUNT_KINDS
    return bool(happened) and not _ASKS_AIM.search(question)


def states_an_aim(text: str, row: bool = False) -> bool:
    """Whether the sentence states an aim or target ("To increase ... by 40%") rather than a result; a
    table `row` ("Action: To increase ...; Lead: ...") by its first cell's value."""
    if row:
        text = _LABEL.sub("", text.split(";", 1)[0], count=1)
    return bool(_AIM.match(text) and not _DONE.search(text) or _PROSPECT.search(text) and not _STATE.search(text))


def asks_for_a_target(question: str) -> bool:
    """Whether the question names a target, aim, goal or ambition ("What's the target conception rate?")."""
    return bool(_TARGET_ASKED.search(question))


def states_a_target(text: str, context: str = "", row: bool = False) -> bool:
    """Whether the sentence (or what it belongs to, `context`) states a target or forecast ("with a local
    target to support 3,840 families", "aims to recruit 50 carers"), or is an aim itself (states_an_aim):
    "has reduced from 37.5 to 32.7" reports a figure reached, and answers no question asking a target."""
    return bool(_STATES_TARGET.search(f"{text} {context}")) or states_an_aim(text, row)


def not_done_yet(text: str) -> bool:
    """Whether the sentence says the thing is still to come ("A survey is currently underway", "We are
    awaiting sight of the new health check") and nothing done: it cannot say how it turned out."""
    return bool(_NOT_YET.search(text)) and not _DONE.search(text)
