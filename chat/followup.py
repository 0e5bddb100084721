"""Follow-up questions: "and who did it before?" is read together with the previous question."""
from __future__ import annotations

import re

_REFERRING = re.compile(r"\b(it|its|that|this|those|these|they|them|their|he|she|him|her|his|there|then|"
                        r"same|one|before|previously|earlier|after|next)\b", re.IGNORECASE)
_OPENERS = re.compile(r"^\s*(and|but|also|so|what about|how about|and what|and who|and when|then)\b", re.I)


def previous_questions(history: list[dict] | None) -> list[str]:
    """The user's earlier questions, oldest first, from a chat history of {"role", "content"} dicts."""
    out = []
    for turn in history or []:
        if isinstance(turn, dict) and turn.get("role") == "user" and isinstance(turn.get("content"), str):
            out.append(turn["content"].strip())
    return [q for q in out if q]


def is_follow_up(question: str) -> bool:
    """Short questions that open with "and ..." or lean on a pronoun need the previous turn."""
    words = question.split()
    return bool(_OPENERS.match(question)) or (len(words) <= 8 and bool(_REFERRING.search(question)))


def standalone_question(question: str, history: list[dict] | None) -> str:
    """The question to retrieve with: the follow-up joined to the question it follows."""
    earlier = previous_questions(history)
    if not earlier or not is_follow_up(question):
        return question
    return f"{earlier[-1]} {question}"
