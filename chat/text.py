"""Words as the answerer compares them: content words reduced to a crude stem."""
from __future__ import annotations

import re
from functools import lru_cache

from index.store import content_words

# Numbers written as words, as counts and spans of time are written in the documents ("two years").
NUMBER_WORDS = {word: n for n, word in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight",
                                                  "nine", "ten", "eleven", "twelve"), 1)}
# Words clipped in everyday writing, read as the words the documents spell out ("more info" asks for
# "further information"). Only clippings with one reading: "doc" (document or doctor) is left out.
_CLIPPINGS = {"info": "information", "admin": "administration", "stats": "statistics", "uni": "university",
              "dept": "department", "govt": "government", "exec": "executive", "rep": "representative",
              "reps": "representatives", "approx": "approximately", "mgmt": "management", "mgr": "manager",
              "comms": "communications", "yr": "year", "yrs": "years", "hrs": "hours", "mins": "minutes",
              "wk": "week", "wks": "weeks", "eval": "evaluation", "asst": "assistant", "spec": "specification",
              "specs": "specifications", "org": "organisation", "orgs": "organisations"}
# Irregular past forms, read as the verb ("Where might a special school be built?" meets "the need to build
# a further special school"). Not "met" (a target met is no meeting) nor "left" (the left side), nor the
# light verbs ("given", "made", "taken", "said"), which say little and would meet every "gives" and "make".
_IRREGULAR = {"built": "build", "held": "hold", "ran": "run", "began": "begin", "begun": "begin", "chose": "choose",
              "chosen": "choose", "won": "win", "brought": "bring", "told": "tell", "sent": "send", "paid": "pay",
              "kept": "keep", "wrote": "write", "written": "write", "spoke": "speak", "spoken": "speak", "sat": "sit",
              "stood": "stand", "grew": "grow", "grown": "grow", "fell": "fall", "fallen": "fall", "rose": "rise",
              "risen": "rise", "sought": "seek", "taught": "teach", "bought": "buy", "led": "lead"}
# Final consonants that double before "-ing" / "-ed" ("submitted", "planning").
_DOUBLED = set("bdgmnprt")


def stems(text: str) -> list[str]:
    """Content words reduced to a crude stem, so "leads" meets "lead", "families" meets "family",
    "trained" meets "training", "deprivation" meets "deprived" and "reactive" meets "reacting"."""
    return [_stem(word) for word in content_words(text)]


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    word = _IRREGULAR.get(word) or _CLIPPINGS.get(word, word)
    # The plural first ("families" -> "family", "services" -> "service", "meetings" -> "meeting"),
    # then one ending of the verb ("meeting" -> "meet"), so every form of a word meets the others.
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith(("sses", "xes", "zes", "ches", "shes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ation", "ing", "ed", "ive"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            # "submitted" -> "submitt" -> "submit", "planning" -> "plan" ("staffed" keeps its "ff").
            if suffix != "ation" and len(word) >= 5 and word[-1] == word[-2] and word[-1] in _DOUBLED:
                word = word[:-1]
            break
    return word


def abbreviates(short: str, word: str) -> bool:
    """Whether `short` is a contraction of `word` keeping its first letters and some others in order:
    "notts" of "nottinghamshire", "govt" of "government"; not a mere start ("care" of "careers")."""
    if not (3 <= len(short) <= 5 and len(word) >= len(short) + 3 and short[:2] == word[:2]):
        return False
    if word.startswith(short):
        return False
    letters = iter(word)
    return all(letter in letters for letter in short)  # each found after the one before


def one_letter_apart(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter dropped, added or changed: the typos of extracted documents
    ("Citiheath" for "CitiHealth")."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return a[i + (len(a) == len(b)):] == b[i + 1:]
    return True  # `b` is `a` with one letter added at the end


def word_root(word: str) -> str:
    """A word without its common endings, so "saving", "save" and "saves" meet."""
    return re.sub(r"(?:ing|ed|es|e|s)$", "", word) if len(word) > 3 else word


# A word pointing back at what was said before it: "What ages is it for?", "- is that still its name?",
# "which is the most up to date one?".
POINTS_BACK = re.compile(r"\b(?:it|its|they|them|their|he|she|him|his|her|this|that|these|those|one)\b",
                         re.IGNORECASE)
