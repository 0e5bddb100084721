"""Whether a number or a sum answers what a question measures: the rate or the sort of sum it names
("the vacancy rate", "a salary"), and, for "how many", the thing it counts ("12,000 colleagues" for
"how many staff", not "100 schools" for "how many school nurses")."""
from __future__ import annotations

import re

from chat.answer_types import TYPE_WORDS, quantities
from chat.text import stems, word_root
from index.store import STOPWORDS

# The measure a rate is of ("vacancy rate"), and sums of a named sort: a turnover rate does not give
# the vacancy rate, a saving does not give a salary, nor a contract's value.
_RATE_OF = re.compile(r"\b([a-z]{4,}) (?:rate|ratio)\b|\b(?:rate|ratio) of (?:the )?(?:[a-z]+ )?([a-z]{4,})\b",
                      re.IGNORECASE)
# "What percentage (what %) of Year 6 children are obese?" asks for the share that is obese: a share of
# the same children that is anything else (in good schools, not in education) does not answer; nor
# does any other share "what proportion were under the neglect category?". Not a verb ("were
# completed" may be written "were carried out") nor an acronym (spelt out differently).
_SHARE_THAT_IS = re.compile(r"(?:\b(?:percentage|proportion|share|per ?cent)|%) (?:of (?:[\w'’-]+ ){1,6}?)?"
                            r"(?:are|were|is|was)\s+(?:(?:currently|now|still|being|also|already)\s+)*+"
                            r"(?:(?:under|in|on|for|from|with)\s+(?:the|a)\s+|(?:living|growing up) in\s+)?"
                            r"((?-i:[a-z]{3,})(?<!ed)(?<!ing))\b",
                            re.IGNORECASE)
# Verbs in the past that end neither in "-ed" nor "-ing": "were done" may be written "were carried out".
_PARTICIPLES = frozenset("done made seen given taken kept held met put set known shown written brought sent paid told "
                         "found left run begun won lost spent built bought taught heard sold chosen drawn".split())
# "What value does the plan give for X?" asks for X's sum; "the contract's value" names a sort of sum.
_SUM_OF = re.compile(r"\b(salar(?:y|ies)|wages?|(?<!what )value|price|fees?|costs?|budgets?|grants?|savings?|save|"
                     r"allowances?)\b",
                     re.IGNORECASE)


# "What is the maximum caseload ...?", "what's the avg caseload per social worker?": the measure is
# the caseload, which a headcount of social workers does not give ("the total number of referrals" names
# no measure of its own).
_MEASURE_OF_ALL = re.compile(r"\bwhat(?:['’]s| is| was| are| were)? (?:the )?"
                             r"(?:(?:current|latest|new|local|overall)\s+)?"
                             r"(?:max(?:imum)?|min(?:imum)?|average|avg|typical|usual|mean|median|total)"
                             r"\s+([a-z]{4,})\b",
                             re.IGNORECASE)
_NO_MEASURE = frozenset("number numbers size value amount figure total level".split())


def measure_asked(question: str, kind: str) -> str:
    """The word naming the measure asked about: "vacancy" in "what was the vacancy rate?", "salary" in
    "what starting salary ...?", "caseload" in "what is the maximum caseload ...?"."""
    # only a question asking for a share has a rate to name: in "what did staff rate positively?" it is a verb
    found = _RATE_OF.search(question) if kind in ("percent", "amount") else None
    measure = (found.group(1) or found.group(2)) if found else ""  # "the exclusion rate", "the rate of exclusions"
    if measure and measure.lower() not in TYPE_WORDS:
        return measure
    found = _SHARE_THAT_IS.search(question) if kind == "percent" else None
    if found and found.group(1).lower() not in TYPE_WORDS | STOPWORDS | _PARTICIPLES:
        return found.group(1)
    found = _SUM_OF.search(question) if kind == "money" else None
    if found:
        return found.group(1)
    found = _MEASURE_OF_ALL.search(question)
    return found.group(1) if found and found.group(1).lower() not in _NO_MEASURE | TYPE_WORDS else ""


def names_measure(text: str, context: str, measure: str) -> bool:
    """A rate or sum answers only if it is the one asked about: a turnover rate does not give the vacancy
    rate, nor a saving a salary."""
    if not measure:
        return True
    with_context = f"{text} {context}"
    said = {word_root(w) for w in stems(with_context)}
    if any(word_root(w) in said for w in stems(measure)):
        return True
    # "a £45m transformation programme" gives the programme's value, as "its value is £45m" would.
    if measure.lower() == "value" and _SUM_BEFORE_THING.search(text):
        return True
    # A compound written apart or joined: "breast fed" names the "breastfeeding" rate.
    squashed = re.sub(r"[^a-z]", "", with_context.lower())
    return measure.lower()[:max(5, len(measure) - 5)] in squashed


# A sum said of the thing it is the value of: "a £45m transformation programme", "the £1.2m contract"
# (not "a saving of £260k", nor "£30-50m of Big Lottery money").
_SUM_BEFORE_THING = re.compile(r"\b(?:a|an|the)\s+£\s?\d[\d.,]*\s*(?:m|bn|k|million|billion)?\s+"
                               r"(?!of\b|to\b|in\b|for\b)[a-z]", re.IGNORECASE)


# "How many staff ...?" is answered by "12,000 colleagues", "How many kids ...?" by "93 children": a
# number counts what the question counts when the words after it name it, or name people of the same
# sort as it does.
_PEOPLE_AT_WORK = frozenset(word_root(w) for w in stems("people staff colleagues practitioners professionals employees "
                                                      "workers members individuals personnel"))
_YOUNG_PEOPLE = frozenset(word_root(w) for w in stems("children kids pupils babies infants teenagers youngsters"))
_NUMBER_OF = re.compile(r"\b(?:number|total|count) of\s+", re.IGNORECASE)
_PLURALS = frozenset("children people staff men women police".split())
_FRACTIONS = frozenset("half halves third thirds quarter quarters fifth fifths tenth tenths".split())
# "under five", "aged 16", "aged nought to three": a number after these, naming nothing, is an age.
_AGE_BEFORE = re.compile(r"\b(?:under|over|(?:aged?|ages)(?:\s+[\w.]+\s*(?:to|-|–))?|below|above)\s*$",
                         re.IGNORECASE)
# "five or more A*-Cs", "65 and over": a bound between a number and what it counts.
_BOUND_AFTER = re.compile(r"^\s*(?:or|and) (?:more|fewer|less|over|above|under)\b", re.IGNORECASE)
# A figure another is set against: "exceeded the target of", "compared to", "up from", "more than".
_COMPARED_WITH = re.compile(r"\b(?:target(?: of)?|compared (?:to|with)|from|against|than)\s*$", re.IGNORECASE)
# A name of two capitalised words or more, "for", "of" or "and" between them: "Safe Families for Children".
_MULTIWORD_NAME = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:(?:for|of|and|&)\s+)?[A-Z][\w'’-]*)+")
_COUNTED_REACH = 4  # words after a number read for what it counts, up to the first stop word


def counts_what_is_asked(text: str, counted: str, asked: str) -> bool:
    """Whether the sentence's numbers may count what a "how many" question counts (`counted`): false
    when every number is followed by words naming something else ("185 representatives from 119
    voluntary ... organisations" for "How many children were on a child protection plan?"). A
    number with nothing after it ("Number of Referrals: 4730"), or a share ("one third of its
    membership"), may count anything; the base of a rate ("per 1,000 live births") counts nothing."""
    if not counted:
        return True
    counted_words = {word_root(w) for w in stems(counted)}
    # "93 children" does not count the volunteer families asked about in "the Safe Families for Children pilot"
    asked_words = {word_root(w) for w in stems(_MULTIWORD_NAME.sub(" ", asked))} | counted_words
    sorts = [sort for sort in (_PEOPLE_AT_WORK, _YOUNG_PEOPLE) if counted_words & sort]
    # "per 1,000 live births" is the base of a rate, not a count
    numbers = [found for number in quantities(text, asked)
               if (found := re.search(rf"(?<![\w.,]){re.escape(number)}(?!\w)", text))
               and not re.search(r"\bper\s*$", text[:found.start()], re.IGNORECASE)]
    earlier: list[str] = []
    for number in numbers:
        after = _BOUND_AFTER.sub("", text[number.end():].lstrip("-"))  # "2-bed homes" counts homes
        named = _words_after(after) or _counted_before(text[:number.start()])
        if not named and _AGE_BEFORE.search(text[:number.start()]):
            continue  # "every child under five in Nottingham": an age, not a count
        # "898 Priority Families ..., which exceeded the target of 852": a figure it is compared with
        # counts families too.
        if not named and _COMPARED_WITH.search(text[:number.start()]):
            named = earlier
        if not named or named[0] in _FRACTIONS:
            return True
        earlier = named
        roots = {word_root(w) for w in stems(" ".join(named))}
        if any(roots & sort for sort in sorts):  # "2,024 Nottingham children" for "how many Nottingham kids"
            return True
        if _counts_a_qualifier(roots, counted) or _counts_another_plural(named, counted):
            continue  # "just under 100 schools" for "How many school nurses ...?": it counts schools
        # "3 Service induction days" counts days, though the question names children's services ("7
        # additional locality SENCOs" may count what the question spells out: the roots of all its words)
        head = named[-1]
        counts = {word_root(w) for w in stems(head)} if _is_plural(head) and not _an_acronym(head, after) else roots
        if counts & asked_words:
            return True
    return not numbers


def _an_acronym(word: str, text: str) -> bool:
    """Whether `word` (in lower case, as _words_after gives it) is written in `text` as an acronym: "SENCOs"."""
    written = re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE)
    return bool(written) and sum(ch.isupper() for ch in written.group(0)) >= 2


def _counted_before(text: str) -> list[str]:
    """What a number closing `text` counts when the sentence says so before it: "schools and academies"
    in "The total number of schools and academies is just under", "referrals" in "Number of Referrals:";
    [] when it does not."""
    said = list(_NUMBER_OF.finditer(text))
    return _words_after(text[said[-1].end():]) if said else []


def _counts_a_qualifier(roots: set[str], counted: str) -> bool:
    """Whether a number counting `roots` counts what the question names only to qualify the plural
    after it: "schools" for "school nurses", "agency" for "agency staff" (not "staff work", where
    "work" is no plural)."""
    words = [(word, {word_root(w) for w in stems(word)}) for word in re.findall(r"[\w'’-]+", counted.lower())]
    return any(own & roots and not after & roots and _is_plural(following)
               for (_, own), (following, after) in zip(words, words[1:]))


def _counts_another_plural(named: list[str], counted: str) -> bool:
    """Whether a number naming a plural (`named`: "front line Social Workers") counts other things than
    the plural closing what a question counts, though it shares a word before that plural: "social
    work apprenticeship places"."""
    words = re.findall(r"[\w'’-]+", counted.lower())
    if len(words) < 2 or not _is_plural(words[-1]) or not _is_plural(named[-1]):
        return False
    roots = [{word_root(w) for w in stems(word)} for word in words]
    said = {word_root(w) for w in stems(" ".join(named))}
    return not roots[-1] & {word_root(w) for w in stems(named[-1])} and any(r & said for r in roots[:-1])


def _is_plural(word: str) -> bool:
    """Whether a word reads as a plural noun ("nurses", "children"), not an acronym ("NHS") or "this"."""
    if word.lower() in _PLURALS:
        return True
    return word.endswith("s") and not word.isupper() and not word.endswith(("ss", "us", "is"))


def _words_after(text: str) -> list[str]:
    """The words opening `text`, up to the first stop word or punctuation (at most _COUNTED_REACH) or
    the first plural, where the thing counted ends ("5,000 employees" in "5,000 employees work in"), unless
    a name goes on after it ("Troubled Families Employment Advisers")."""
    words = []
    tokens = re.findall(r"[\w'’-]+|[^\w\s]", text)[:_COUNTED_REACH]
    for token, following in zip(tokens, [*tokens[1:], ""]):
        if not token[0].isalpha() or token.lower() in STOPWORDS:
            break
        words.append(token.lower())
        # not an acronym: "5 NHS trusts"; nor a plural inside a name: "Three Troubled Families Employment Advisers"
        if _is_plural(token) and not (token[0].isupper() and following[:1].isupper()):
            break
    return words
