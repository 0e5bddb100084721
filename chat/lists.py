"""Questions that ask for several things, and sentences that list several things.

"What qualities did young people say they wanted in staff?" or "Which two areas does the scheme
cover?" is answered by the sentence that names the items ("Namely, to show respect, to listen, to
understand ..."; "operating in Aspley and Bulwell"), not by the one announcing them ("some questions
were included on ... what skills they would like to see"), though the announcing one often shares
more of the question's words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from chat.text import NUMBER_WORDS, stems

_NUMBER = {word: n for word, n in NUMBER_WORDS.items() if n >= 2}  # "one ..." asks for one thing
# Words ending in "s" that are not plural nouns: verbs, pronouns, adverbs and nouns in -ss/-us/-is.
_NOT_PLURAL = re.compile(r"(?:ss|us|is|ias|ous|'s|’s)$|^(?:does|has|was|this|its|yes|thus|less|plus|always|perhaps|"
                         r"besides|whereas|across|afterwards|towards|news|means|series)$")
_PLURAL_WORD = r"[a-z][a-z-]*[a-z]s"
# "what qualities did ...", "which wards does ...", "what are the main priorities ...".
_WHAT_PLURAL = re.compile(rf"\b(?:what|which)\s+(?:are|were)?\s*(?:the\s+|its\s+|their\s+|our\s+)?"
                          rf"(?:(?!(?:of|the|a|an)\b)[a-z-]+\s+){{0,2}}?({_PLURAL_WORD})\s+"
                          rf"(?:did|do|does|are|were|will|would|have|has|had|should|can|could|is|was|of|for|in|on|"
                          rf"that|which|they|the|it|young|people|staff|we)\b")
# "What came out as the main positives ...?": a what-question after the main or key things of a kind.
_MAIN_PLURAL = re.compile(rf"^\s*(?:what|which)\b.*?\b(?:main|key|top|principal|biggest)\s+(?:[a-z-]+\s+)?"
                          rf"({_PLURAL_WORD})\b(?!-)")
# "the four strategic outcomes", "on what three levels", "which two areas".
_COUNTED_PLURAL = re.compile(rf"\b({'|'.join(_NUMBER)}|[2-9])\s+(?:[a-z-]+\s+){{0,2}}?({_PLURAL_WORD})\b(?!-)")
# Separators between the items of a list written out in a sentence.
_ITEM_SEPARATOR = re.compile(r"\s*(?:,|;|\band\b|\bor\b|&|\bas well as\b)\s*", re.IGNORECASE)
_ITEM_WORDS = 6  # an item of a written-out list is a few words, not a clause
_BULLET = re.compile(r"^\s*(?:[-•*]|\d{1,2}[.)])\s+", re.MULTILINE)


@lru_cache(maxsize=256)  # asked by the scorer and by the answerer for the same question
def items_asked(question: str) -> int:
    """How many items the question asks for: the number it names ("the four outcomes"), 3 for a
    plural "what/which" question ("what qualities did ...?"), 0 when it does not ask for a list.
    (Whether it asks for a count or a date instead is for chat.answer_types.question_kind to say.)"""
    q = question.lower()
    counted = _COUNTED_PLURAL.search(q)
    if counted and not _NOT_PLURAL.search(counted.group(2)):
        number = counted.group(1)
        return _NUMBER.get(number) or int(number)
    plural = _WHAT_PLURAL.search(q) or _MAIN_PLURAL.search(q)
    if plural and not _NOT_PLURAL.search(plural.group(1)):
        return 3
    return 0


def items_listed(text: str, asked: set[str] | frozenset[str] = frozenset(), named: bool = False) -> int:
    """The length of the longest run of short items the text lists: "to show respect, to listen, to
    understand and to be non judgemental" is 4, a bulleted list its bullets, plain prose 1 or 2.

    An item made only of the question's own words (`asked`, as chat.text.stems) says nothing new and
    breaks the run: "supporting children, young people and families" lists no answer to a question
    about what young people want. With `named`, only names count as items ("Aspley, Bulwell, Arboretum
    & St Ann's" for "which wards ...?"; not "happy, healthy and fulfilled lives")."""
    bullets = len(_BULLET.findall(text))
    longest = run = 0
    for part in _ITEM_SEPARATOR.split(re.sub(r"[*()\"“”]", " ", text)):
        words = len(part.split())
        if not words:
            continue
        if asked and set(stems(part)) <= asked or named and not part.strip()[:1].isupper():
            run = 0
            continue
        # A long part is a clause, which may close on the list's first item ("operating in Aspley").
        run = run + 1 if words <= _ITEM_WORDS else 1
        longest = max(longest, run)
    return max(longest, bullets)
