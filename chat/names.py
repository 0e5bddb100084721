"""Names and days a question mentions, and whether a passage names them too."""
from __future__ import annotations

import calendar
import re
from functools import lru_cache

from chat.answer_types import name_pattern
from chat.text import POINTS_BACK, abbreviates, one_letter_apart, stems
from ingest.acronyms import ACRONYM
from ingest.dates import MONTH_NUMBERS
from index.store import content_words

_QUESTION_OPENERS = {"who", "what", "when", "where", "which", "why", "how", "is", "are", "was", "were", "does",
                     "do", "did", "can", "could", "will", "would", "should", "has", "have", "had", "if", "in",
                     "on", "at", "for", "by", "from", "according", "under", "since", "before", "after"}
_SENTENCE_OPENER = re.compile(r"(^\s*|[.?!]\s+)(\w+)")
_NAME_SLACK = 2  # other words allowed among a name's words
_LONG = 4  # words: a name this long may be named by all but one of them
# A title before a name is written many ways ("Cllr", "Councillor", or not at all): the name is the rest.
_HONORIFICS = {"cllr", "councillor", "mr", "mrs", "ms", "miss", "dr", "doctor", "prof", "professor", "sir",
               "dame", "rev", "reverend", "lord", "lady", "supt", "superintendent", "inspector"}
# Names of up to six words: "Children's Partnership Workforce Strategy Group" is one name, not
# "Partnership Workforce Strategy" and "Group" (chat.answer_types.NAME stops at three, for answers).
_LONG_NAME = re.compile(name_pattern(6))
_CAMEL_CASE = re.compile(r"\b[A-Z][a-z]+[A-Z][a-z]\w*\b")
_STAGE_LABEL = re.compile(r"\b(?:Phase|Stage|Year|Wave|Part|Tier|Level|Step)\s+(?:\d+|One|Two|Three|Four|Five|one|two|"
                          r"three|four|five)\b")
# Those a body serves, named in its name by a possessive: "Children's Services", "Young People's Plan".
_SERVED = {"children", "people", "women", "men", "girls", "boys", "families", "parents", "carers", "students"}
_MONTHS = tuple(name.lower() for name in calendar.month_name[1:])
_DAY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({'|'.join(_MONTHS)})\b", re.IGNORECASE)


def named_things(question: str) -> list[str]:
    """Names in the question ("Holly Bligh", "Small Steps Big Changes"): the answer must be about them.

    A capitalised question word that starts the question or one of its sentences ("Was", "Does", "I'm
    a health analyst. What England average ...?") is not part of a name.
    """
    question = _SENTENCE_OPENER.sub(lambda m: m.group(1) + (" " * len(m.group(2)) if m.group(2).lower()
                                                             in _QUESTION_OPENERS else m.group(2)), question)
    # A numbered stage is no part of a name: "Priority Families Phase 2" names Priority Families, and
    # "its Stage Two Better Start bid" the Better Start.
    question = _STAGE_LABEL.sub(lambda m: " " * len(m.group(0)), question)
    names = []
    for m in _LONG_NAME.finditer(question):
        if m.start() > len(question) - len(question.lstrip()) or len(m.group(0).split()) > 2:
            # A possessive ends a name: "the Big Lottery's Fulfilling Lives" names the Big Lottery; but
            # "Young People's" in "Children and Young People's Provider Network" says whom it serves.
            name = m.group(0)
            owner = re.split(r"['’]s\s", name, maxsplit=1)[0]
            serves = owner.split()[-1].lower() in _SERVED
            names.append(owner if owner != name and len(owner.split()) > 1 and not serves else name)
    # A single word capitalised inside as well ("CitiHealth", "ContactSearch") is a name too.
    names += [m.group(0) for m in _CAMEL_CASE.finditer(question) if not any(m.group(0) in n for n in names)]
    return [name for name in names if not _is_months(name)]


# A sentence of the question: "2.3" and "e.g" do not end one.
_SENTENCE = re.compile(r"(?:[^.?!]|[.?!](?!\s|$))+[.?!]*")


def naming_part(question: str) -> str:
    """The part of the question whose names the answer must name: its one asking sentence when that
    names something itself and points back at nothing ("The 2017 plan says Nottingham is an Early
    Intervention Foundation Pioneering Place. When was the EIF itself launched?" asks about the EIF,
    not the Pioneering Place); the whole question otherwise ("... keen on the police cadets. What ages
    is it for?")."""
    sentences = [s.strip() for s in _SENTENCE.findall(question) if s.strip()]
    asking = [s for s in sentences if s.endswith("?")]
    if len(sentences) < 2 or len(asking) != 1 or POINTS_BACK.search(asking[0]):
        return question
    return asking[0] if named_things(asking[0]) or ACRONYM.search(asking[0]) else question


def name_readings(question: str) -> list[list[str]]:
    """The names a question asks about (named_things), in each way it can be read: a name in brackets
    just after another ("the Troubled Families programme (Priority Families locally)") is another name
    of the same thing, so a passage naming either one names what is asked."""
    names = named_things(question)
    for first, second in zip(names, names[1:]):
        if re.search(rf"{re.escape(first)}[^()]{{0,30}}\(\s*{re.escape(second)}", question):
            return [[n for n in names if n != second], [n for n in names if n != first]]
    return [names]


def _is_months(name: str) -> bool:
    """Whether a capitalised run is only months ("Jul-Sep", "April"): it names a period, not a thing."""
    return all(word.lower() in MONTH_NUMBERS for word in re.findall(r"[A-Za-z]+", name))


def names_all(text: str, names: list[str]) -> bool:
    """Whether `text` names every one of `names`: each name's words close together, in any order
    ("children that are looked after" names the "Looked After Children"), but not far apart
    ("Provider Network ... Participation Officer" does not name a "Networks Officer")."""
    if not names:
        return True
    positions = _word_positions(text)
    return all(_names_most([_occurrences(positions, *pair) for pair in _name_words(name)])
               or _named_then_referred_to(text, name) for name in names)


def _named_then_referred_to(text: str, name: str) -> bool:
    """Whether `text` names the thing by its first words and then refers back to it by its last, still
    capitalised: "Early Intervention became a core theme ... The Programme was launched by One
    Nottingham" names the "Early Intervention Programme" (a capital says "Programme" is a name's head)."""
    *first, last = name.split()
    if not first or not last[:1].isupper():
        return False
    again = re.search(rf"\b[Tt]he {re.escape(last)}\b", text)
    return bool(again) and names_all(text[:again.start()], [" ".join(first)])


def _names_most(occurrences: list[list[int]]) -> bool:
    """All of a name's words close together, or all but one of a long name (four words or more): a
    document may call the "Children's Partnership Workforce Strategy Group" the "Workforce Strategy
    Group", or an "Early Intervention Pioneering Place" a "Pioneering Place" for early intervention."""
    if _close_together(occurrences):
        return True
    return len(occurrences) >= _LONG and any(_close_together(occurrences[:i] + occurrences[i + 1:])
                                             for i in range(len(occurrences)))


def named_days(question: str) -> list[re.Pattern]:
    """A day the question names ("the 19 March 2014 meeting") is as specific as a name: patterns
    that find it in a passage however it is written there (19 March, 19th March, 19.03.14, 19/03/2014)."""
    out = []
    for m in _DAY.finditer(question):
        day, month = int(m.group(1)), _MONTHS.index(m.group(2).lower()) + 1
        out.append(re.compile(rf"\b0?{day}(?:st|nd|rd|th)?\s+{_MONTHS[month - 1]}\b"
                              rf"|\b0?{day}[./-]0?{month}[./-]\d{{2,4}}\b", re.IGNORECASE))
    return out


def names_a_day(text: str) -> bool:
    """Whether `text` names a day of a month ("26 June", "3rd March")."""
    return bool(_DAY.search(text))


@lru_cache(maxsize=256)
def _name_words(name: str) -> tuple[tuple[str, str], ...]:
    """The name's words as (stem, word in lower case), without titles."""
    pairs = zip(stems(name), content_words(name))
    return tuple(dict.fromkeys((s, w) for s, w in pairs if len(s) > 1 and s not in _HONORIFICS))


_TYPO_LENGTH = 7  # letters: a longer word of a name may be misspelt by one letter in the passage


def _occurrences(positions: dict[str, list[int]], stem: str, word: str) -> list[int]:
    """Where a name's word stands in a text, or a word it is short for ("Notts" for "Nottinghamshire"),
    or, for a long word, the word misspelt by one letter ("Citiheath" for "CitiHealth")."""
    found = positions.get(stem)
    if found:
        return found
    return [p for other, places in positions.items()
            if abbreviates(word, other) or (len(stem) >= _TYPO_LENGTH and one_letter_apart(stem, other))
            for p in places]


@lru_cache(maxsize=4096)
def _word_positions(text: str) -> dict[str, list[int]]:
    """Each stem of `text` with the positions where it occurs."""
    out: dict[str, list[int]] = {}
    for i, word in enumerate(w for w in stems(text) if len(w) > 1):
        out.setdefault(word, []).append(i)
    return out


def _close_together(occurrences: list[list[int]]) -> bool:
    """Whether one occurrence of every word falls in a window of len(words) + _NAME_SLACK positions."""
    if any(not found for found in occurrences):
        return False
    width = len(occurrences) + _NAME_SLACK
    events = sorted((pos, word) for word, found in enumerate(occurrences) for pos in found)
    last: dict[int, int] = {}
    for pos, word in events:
        last[word] = pos
        if len(last) == len(occurrences) and pos - min(last.values()) < width:
            return True
    return False
