"""What a question's wording says about time: now, the past, or a year."""
from __future__ import annotations

import re

from chat.questions import asked_part

RECENCY_CUES = re.compile(r"\b(current|currently|now|latest|most recent|today|present|this year|new)\b", re.I)
# A question in the present tense with no year in it asks about now: newer documents win ties.
PRESENT_TENSE = re.compile(r"\b(is|are|does|do|has|have)\b", re.I)
YEAR = re.compile(r"\b(19|20)\d\d\b")
# "Who did it before?" asks for the older version: older documents win instead.
PAST_CUES = re.compile(r"\b(before|previously|previous|earlier|used to|former|formerly|old|older|originally)\b",
                       re.I)


def recency_weight(question: str) -> float:
    """How much newer documents should count: 0.12 for "current", 0.05 for the present tense with
    no year, -0.12 for "before" (older ones count), 0 otherwise. A statement of how things were before
    the question ("X used to be ... - who does it now?") is not what it asks (questions.asked_part)."""
    question = asked_part(question)
    if PAST_CUES.search(question):
        return -0.12
    if RECENCY_CUES.search(question):
        return 0.12
    if PRESENT_TENSE.search(question) and not YEAR.search(question):
        return 0.05
    return 0.0
