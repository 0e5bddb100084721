"""Telling a person's name from other capitalised words in questions and passages ("Helen Blackman", not
"Targeted Youth Support"); who's who itself is read at ingest (ingest.people)."""
from __future__ import annotations

import re

from ingest.people import HONORIFIC, NAME, NOT_NAMES, is_person

# A run of capitalised words ("Chief Supt Simon Nickless", "Targeted Youth Support").
_CAPITALISED_RUN = re.compile(r"\b(?:Mc|Mac)?[A-Z][a-zA-Z'’-]+(?:\s+(?:Mc|Mac)?[A-Z][a-zA-Z'’-]+)+")
_WORD_AFTER = re.compile(r"\s*([\w'’-]*)")
_POSSESSIVE = re.compile(r"['’]s$")
_PERSONAL_EMAIL = re.compile(r"\b[a-z]+\.[a-z'-]+@")  # "jane.example@...", not "info@..."

# Words of a post, which a name may stand beside but is not made of ("Assistant Chief Constable").
_POST_WORDS = frozenset("""assistant deputy chief constable superintendent supt inspector sergeant chair chairman
chairperson vice commissioner councillor cllr principal president secretary co-ordinator coordinator adviser
advisor consultant representative rep lead director officer manager head executive""".split())
# Words ending a body's name: "Nottinghamshire Probation Trust" is no person.
_BODY_WORDS = frozenset("""trust council board service services partnership team authority police association
network group foundation unit school college university academy centre hospital agency cic ltd limited company
alliance forum commission committee project programme""".split())
# A compass point or a region opens or is a place's name: "the East Midlands region", "West Bridgford".
_PLACE_WORDS = frozenset("north south east west northern southern eastern western central midlands".split())
# Capitalised words never part of a person's name, whatever the corpus does with them.
_NEVER_NAMES = NOT_NAMES | _POST_WORDS | _BODY_WORDS | _PLACE_WORDS
# Words before a post that keep it a post: "Joint Chair", "Interim Director".
_POST_QUALIFIERS = frozenset("joint deputy vice interim acting".split())


def names_a_person(text: str, non_name_words: frozenset[str]) -> bool:
    """Whether `text` names a person: two or more capitalised words in a row, none of them one of
    `non_name_words` (lower case), an acronym or a post, and not followed by a word ending a body's
    name ("Helen Blackman" in "Director Helen Blackman", not "Targeted Youth Support", "Police and
    Crime Commissioner", "Assistant Chief Constable" or "Nottinghamshire Probation Trust"), or a
    personal email address."""
    if _PERSONAL_EMAIL.search(text):
        return True
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group(0).split()
        plain = [_plain(word) for word in words]
        # "the Vanguard Plus team" is a body; "Jane Example's team" is hers.
        after = "" if _POSSESSIVE.search(words[-1]) else _plain(_WORD_AFTER.match(text, run.end()).group(1))
        # A possessive before the run's last word owns what follows it: "the Sheriff’s Award" names no one.
        common = [p in non_name_words or p in _NEVER_NAMES or w.isupper()
                  or (i + 1 < len(words) and bool(_POSSESSIVE.search(w)))
                  for i, (w, p) in enumerate(zip(words, plain))]
        in_a_row = 0
        for i in range(len(words)):
            in_a_row = 0 if common[i] else in_a_row + 1
            name_ends = i + 1 == len(words) or common[i + 1]
            following = plain[i + 1] if i + 1 < len(words) else after
            if in_a_row >= 2 and name_ends and following not in _BODY_WORDS:
                return True
    return False


def people_named(text: str) -> list[str]:
    """The people `text` names by first name and surname: "Paul Langley used to be ..." -> Paul Langley."""
    return [name for name in re.findall(NAME, text) if is_person(name)]


# "Cllr Mellen", "Mr Langley": a person named by title and surname alone.
_TITLED_SURNAME = re.compile(rf"^{HONORIFIC} (?:Mc|Mac)?[A-Z][a-z'’-]+$")


def titled_surname(name: str) -> bool:
    """Whether `name` is a title and a surname: "Cllr Mellen" (names_a_person wants a first name too)."""
    return bool(_TITLED_SURNAME.match(name))


def names_only(text: str, people: list[str], non_name_words: frozenset[str]) -> bool:
    """Whether `text` names some of `people` (by surname) and no one else: "Name: Paul Langley; Job
    Title: NCSCB Training Co-ordinator; Email: paul.langley@..." names only Paul Langley."""
    surnames = [name.split()[-1] for name in people]
    if not any(re.search(rf"\b{re.escape(s)}\b", text, re.IGNORECASE) for s in surnames):
        return False
    for name in sorted(people, key=len, reverse=True) + surnames:  # full names first, then surnames alone
        text = re.sub(rf"[\w.'-]*\b{re.escape(name)}\b[\w.'-]*(?:@[\w.-]+)?", " ", text, flags=re.IGNORECASE)
    return not names_a_person(text, non_name_words)


def opens_with_post(line: str) -> bool:
    """Whether a line opens with a post ("Chair of the Nottingham Children's Partnership Board",
    "Interim Director of ...", "Portfolio Holder for ..."): under a name, it closes a signature."""
    words = [_plain(word) for word in line.split()]
    if words and words[0] in _POST_QUALIFIERS:
        words = words[1:]
    return bool(words) and (words[0] in _POST_WORDS or words[:2] == ["portfolio", "holder"])


def _plain(word: str) -> str:
    """A capitalised word as the corpus's lower-case words are compared: "Review’s" is "review"."""
    return re.sub(r"['’]s$", "", word.lower()).strip("'’-")
