"""Make any user input a safe question: no control characters, one line, a bounded length."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from chat.answer_types import question_kind
from chat.people import names_a_person, people_named, titled_surname
from chat.text import POINTS_BACK, stems
from ingest.dates import years_named
from index.store import STOPWORDS

# Longer questions are cut: the embedding model reads about 256 word pieces anyway, and a keyword
# query of thousands of words only slows the search down.
MAX_QUESTION_CHARS = 1000
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn"}  # controls, format marks (bidi overrides), surrogates


# A question word run into "is" without its apostrophe, as typed in a hurry: "whats the rate?",
# "whos the officer?" read as "what's", "who's" (no other word is spelt so).
_SQUASHED_IS = re.compile(r"\b(what|who|where|when|how)s\b", re.IGNORECASE)


def tidy_question(text: object) -> tuple[str, tuple[str, ...]]:
    """The question as one clean line ("whats" read as "what's"), and notes for the user about what
    was changed."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch if unicodedata.category(ch) not in _INVISIBLE else " " for ch in text)
    text = _SQUASHED_IS.sub(r"\1's", " ".join(text.split()))
    if len(text) <= MAX_QUESTION_CHARS:
        return text, ()
    cut = text[:MAX_QUESTION_CHARS]
    cut = re.sub(r"\s+\S*$", "", cut) or cut  # end on a whole word
    return cut, (f"Your question was {len(text):,} characters long; only its first "
                 f"{len(cut):,} were used. Ask a shorter question for a better answer.",)


def acronyms_in_capitals(question: str, acronyms: Iterable[str], words: frozenset[str]) -> str:
    """The question with acronyms typed in lower case ("more info on the 2016 cypp?") written as the
    documents write them ("CYPP"): a word whose capitals are one of the corpus's `acronyms` and which
    the documents never write as a word (`words`, in lower case), so "send" stays a verb though "SEND"
    is an acronym of the corpus, and "pat" stays Pat though "PAT" is one too."""
    spelt = {short.lower(): short for short in acronyms if len(short) >= _ACRONYM_LETTERS}
    if not spelt:
        return question
    return _LOWER_WORD.sub(lambda m: m.group(0) if m.group(0) in words else spelt.get(m.group(0), m.group(0)),
                           question)


_ACRONYM_LETTERS = 3  # shorter ones ("cp", "ey") are too easily something else
_LOWER_WORD = re.compile(r"(?<![\w@./-])[a-z]{3,}(?![\w@/-])")


def names_in_capitals(question: str, people: frozenset[str]) -> str:
    """The question with the names of people the documents name (`people`: "Pat Whitby", from their
    contact lists and leads) typed in lower case written as the documents write them ("what is pat
    whitbys job title now" -> "what is Pat Whitby's job title now"; an "s" run on is the possessive)."""
    typed = _people_typed(people)
    if typed is None:
        return question
    def written(match: re.Match) -> str:
        name = _by_lower(people)[" ".join(match.group(1).split())]
        return name + ("'s" if match.group(2) else "")
    return typed.sub(written, question)


@lru_cache(maxsize=8)
def _by_lower(people: frozenset[str]) -> dict[str, str]:
    """Each person's name in lower case -> as the documents write it."""
    return {name.lower(): name for name in people}


@lru_cache(maxsize=8)
def _people_typed(people: frozenset[str]) -> re.Pattern | None:
    """One pattern finding any of `people` in lower case, as a whole name, not in an email address."""
    names = sorted((re.escape(name.lower()).replace(r"\ ", r"\s+") for name in people), key=len, reverse=True)
    if not names:
        return None
    return re.compile(rf"(?<![\w@./'’-])({'|'.join(names)})(s)?(?![\w@/-])")


_TYPED_WORD = re.compile(r"(?<![\w@./'’-])([A-Za-z]{7,})(?![\w@/-])")
_LONG_WORD = 9  # letters: a word this long may lose two letters in typing ("practioners"), a shorter one one


def misspellings_corrected(question: str, written: frozenset[str]) -> str:
    """The question with a word the documents never write, typed quickly, written as the one word they
    do write that it is with a letter left out ("referal", "placemnt"; two in a word of nine letters or
    more: "practioners") or two neighbouring letters swapped ("safegaurding"), its first two letters
    kept. A changed or added letter is not read as a typo: "expect" is not "expert", nor "slogan"
    "sloan". A word with two such readings, a short one (under seven letters: "saying"), an acronym in
    capitals and a word the documents write with an ending added or taken off ("manages", "estimate")
    are left as typed. `written` holds the documents' words in lower case (ChunkStore.non_name_words
    and title_case_words)."""
    by_start = _words_by_start(written)
    def nearest(match: re.Match) -> str:
        typed = match.group(1)
        word = typed.lower()
        if word in written or typed.isupper() or _inflects(word, written):
            return typed
        limit = 2 if len(word) >= _LONG_WORD else 1
        found = [w for w in by_start.get(word[0], ()) if _typed_for(word, w, limit)]
        if len(found) != 1 or stems(found[0]) == stems(word):
            return typed
        return found[0].capitalize() if typed[0].isupper() else found[0]
    return _TYPED_WORD.sub(nearest, question)


_ENDINGS = ("s", "es", "d", "ed", "ing", "er", "ers", "ly")
_PLURAL_ENDINGS = ("s", "es")  # "seat" is written "seats"; but "car" is not "carer", nor "caring"


# "Is there a mileage allowance for ...?", "is there visitor parking at Loxley House?": the thing whose being
# there is asked, up to a word going on to say for whom, where or when.
# Asked at a clause's opening: "how many places are there altogether?" asks no such thing.
_IS_THERE = re.compile(r"(?:^|[?.!,;:–—-]\s*|\b(?:and|but|so|also)\s+)(?:is|are) there (?:a |an |any |some )?"
                       r"((?:[\w'’-]+ ){0,3}?[\w'’-]+)(?=\s+(?:for|at|in|on|to|with|when|where|that|which|who|we|i|"
                       r"our|available|and|or)\b|\s*[?,.;:]|\s+[-–—]|\s*$)", re.IGNORECASE)


def unwritten_thing_asked(question: str, written: frozenset[str]) -> str:
    """A word of the thing an "is there ...?" question asks about ("mileage" in "Is there a mileage
    allowance for home visits?") that no document writes, in any form ("seats" writes "seat"): the
    documents cannot say there is one. '' for any other question. An acronym in capitals is left to the glossary.
    `written` holds the documents' words in lower case (as for misspellings_corrected)."""
    for found in _IS_THERE.finditer(question):
        for typed in re.findall(r"[A-Za-z]+", found.group(1)):
            word = typed.lower()
            if len(word) > 2 and not typed.isupper() and word not in STOPWORDS and not _written_as(word, written):
                return typed
    return ""


def _written_as(word: str, written: frozenset[str]) -> bool:
    """Whether the documents write `word`, or it with an ending taken off, or as a plural ("seat" as "seats")."""
    return (word in written or _inflects(word, written)
            or any(word + end in written for end in _PLURAL_ENDINGS))


def _inflects(word: str, written: frozenset[str]) -> bool:
    """Whether `word` is a word the documents write with an ending added ("manages" of "manage")."""
    return any(word.endswith(end) and (word[:-len(end)] in written or word[:-len(end)] + "e" in written)
               for end in _ENDINGS)


def _typed_for(typed: str, word: str, limit: int) -> bool:
    """Whether `typed` is `word` with up to `limit` letters left out, or with two neighbours swapped."""
    if len(typed) == len(word):
        apart = [i for i, (x, y) in enumerate(zip(typed, word)) if x != y]
        if len(apart) != 2:
            return False
        first, second = apart
        return second == first + 1 and (typed[first], typed[second]) == (word[second], word[first])
    # "estimate" is no typo of "estimated"; a typo keeps a word's opening ("sending" is not "spending")
    if not 0 < len(word) - len(typed) <= limit or word.startswith(typed) or word[:2] != typed[:2]:
        return False
    letters = iter(word)
    return all(letter in letters for letter in typed)  # each found after the one before


@lru_cache(maxsize=8)
def _words_by_start(written: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The documents' words of five letters or more, by their first letter."""
    starts: dict[str, list[str]] = {}
    for word in written:
        if len(word) >= 5:
            starts.setdefault(word[0], []).append(word)
    return {letter: tuple(sorted(words)) for letter, words in starts.items()}


def without_asker(question: str) -> str:
    """The question without a self-introduction opening it ("youth worker question - the police have a
    cadets scheme ...", "I'm a DSL - what does DASH stand for?"): who asks is not what is asked."""
    return _ASKER.sub(" ", question, count=1)


# Who is asking, before what they ask: "youth worker question - the police have a cadets scheme ...",
# "GP practice nurse here: ...", "I'm a DSL - what does DASH stand for?", "As a business manager I need".
_ASKER = re.compile(r"^\s*(?:(?:i['’]?m|i am)\s+(?:a|an)\s+[\w'’ &/-]{2,60}?\s*[-–:,.]\s"
                    r"|as\s+(?:a|an)\s+[\w'’ &/-]{2,60}?,?\s+(?=i\b)"
                    r"|[\w'’ &/-]{2,40}?\s+(?:here|question|query)\s*[-–:,.]\s)", re.IGNORECASE)


# A phrase the user put in quotes ('fourth gap', "did not attend") is wording they expect the
# documents to use; the apostrophe in "children's" is not a quote (a quote never touches a letter).
_QUOTED = re.compile(r"(?<!\w)['‘\"“](\w.{1,78}?)['’\"”](?!\w)")


def quoted_phrases(question: str) -> list[str]:
    """The phrases a question quotes, normalised for `holds_phrase`."""
    return [p for p in (normal_phrase(m.group(1)) for m in _QUOTED.finditer(question)) if p]


def holds_phrase(text: str, phrase: str) -> bool:
    """Whether `text` contains `phrase`, normalised by normal_phrase (case, punctuation and spacing ignored)."""
    return f" {phrase} " in f" {normal_phrase(text)} "


def normal_phrase(text: str) -> str:
    """`text` as phrases are compared: lower case, words of letters and digits, apostrophes dropped."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", "")))


# "according to the 2010-14 workforce strategy", "in the later workforce action plan": the document
# the answer should come from, named by its year or kind.
_DOCUMENT_NAMED = re.compile(r"\b(?:the|our)\s+((?:(?!(?:the|our|of)\b)[\w'’/-]+\s+){0,5}?"
                             r"(?:action plan|plan|strategy|papers|"
                             r"update|report|minutes|document))s?\b", re.IGNORECASE)
# "the CYPP": an acronym the glossary may expand to a document's name ("... Plan", "... Strategy").
_ACRONYM_NAMED = re.compile(r"\b(?:the|our)\s+((?:(?:19|20)\d\d(?:[/-]\d{2,4})?\s+)?"
                            r"((?-i:[A-Z][A-Za-z&]{0,3}[A-Z][A-Za-z&]{0,5})))\b", re.IGNORECASE)
_DOCUMENT_KIND = re.compile(r"\b(?:action plan|plan|strategy|papers|update|report|minutes|document)s?\s*$",
                            re.IGNORECASE)


def documents_named(question: str, glossary: dict[str, str] | None = None) -> list[str]:
    """The phrases by which a question names a document ("2010-14 workforce strategy"); with the
    corpus `glossary`, also by an acronym that stands for one ("according to the CYPP" names the
    "Children and Young People's Plan")."""
    return [name for _, name in document_mentions(question, glossary)]


def document_mentions(question: str, glossary: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Each phrase of the question naming a document with the name it stands for: the phrase itself,
    or for an acronym what it stands for ("the 2016 CYPP" -> "Children and Young People's Plan")."""
    named = [(m.group(1), m.group(1)) for m in _DOCUMENT_NAMED.finditer(question)]
    for m in _ACRONYM_NAMED.finditer(question) if glossary else ():
        expansion = glossary.get(m.group(2), "")
        if _DOCUMENT_KIND.search(expansion):
            named.append((m.group(1), expansion))
    return named


# "Paul Langley used to be the training co-ordinator - who does that job now?": a statement of how
# things were, then the question. The statement sets the scene; its names and years are not what is
# asked about.
# The statement may end a sentence of its own ("Paul Langley used to be the co-ordinator. Who has
# that job in the 2017-2019 plan?"), and the question may open on the document it asks of ("By the
# 2016 CYPP is he still the only chair?").
_SCENE_THEN_QUESTION = re.compile(
    r"^(?P<scene>.+?)\s*(?:\s[-–—]\s|;\s|\?\s|(?<=\w\w)\.\s|,\s+but\s)\s*"
    r"(?P<asked>(?:(?:by|in|under|according to)\s[^,?]{1,40}?,?\s+)?"
    r"(?:who|whom|whose|what|what's|which|when|where|how|is|are|does|do|did|has|have|can)\b.*)$",
    re.IGNORECASE)
# "How often do the events run now? The 2010 strategy had them quarterly.": the question, then how
# things were.
_QUESTION_THEN_SCENE = re.compile(r"^(?P<asked>[^?]+\?)\s+(?P<scene>[^?]+)$")
# "Who chairs the Board now - still Cllr Mellen, as in the 2010 strategy?", "What is her job title in the
# latest plan, compared with the 2013 papers?": the question, then the older state it is set against.
_QUESTION_THEN_COMPARISON = re.compile(
    r"^(?P<asked>.+?)(?:\s[-–—]\s|,\s*|;\s*)"
    r"(?P<scene>(?:(?:or\s+)?(?:is|are|was) (?:it|that|this|they|he|she) )?still\b.*"
    r"|(?:(?:as )?compared (?:with|to)|versus|vs\.?|as against|unlike|rather than|as (?:it was )?in)\s.*"
    # "..., given that it appears differently in older documents": a reason for asking, not what is asked
    r"|(?:given|because|although|though|seeing)\s.*)$",
    re.IGNORECASE)
# How a statement tells of the past: its tense, or a document it calls old or says "said" so. After the
# question ("... ? I remember it meeting monthly") "had", "remember" and "left" tell it too; before it,
# "had been" and "originally" ("The bid had been for £30m - how big is it now?").
_PAST = r"was|were|used to|previously|formerly|back in|said|talked about|old|older|earlier|previous"
_PAST_STATEMENT = re.compile(rf"\b(?:{_PAST}|had|remember|left)\b", re.IGNORECASE)
_PAST_SCENE = re.compile(rf"\b(?:{_PAST}|had been|originally)\b", re.IGNORECASE)
_PRESENT_TENSE = re.compile(r"\b(?:is|are|does|do|has|have)\b|\b(?:who|what|where|which|how)['’]s\b",  # "who's"
                            re.IGNORECASE)
_WH_OPENING = re.compile(r"\s*(?:who|whom|whose|what|which|when|where|how|why)\b", re.IGNORECASE)
# "by the time of the updated plan" asks of a later version too.
_ASKS_NOW = re.compile(r"\b(?:now|currently|current|latest|later|most recent|newer|updated|by the time|today|"
                       r"these days|at the moment|actually|turn(?:ed)? out|end(?:ed)? up|eventually|in the end)\b",
                       re.IGNORECASE)


# "Who took over from Paul Burnett as chair?": the person named is the one who held it before.
_TOOK_OVER_FROM = re.compile(r"\b(?:(?:took|takes|taken) over from|replaced|succeeded|came after)\s+(.+)$",
                             re.IGNORECASE)


def former_holders(question: str, non_name_words: frozenset[str]) -> list[str]:
    """The people a question about now says held something before: "Paul Langley used to be the
    training co-ordinator - who does that job now?" -> ["Paul Langley"], "Who took over from Paul
    Burnett as chair?" -> ["Paul Burnett"]; `non_name_words` (the corpus's lower-case words) tell
    them from things ("Every Colleague Matters used to be ...")."""
    asked = asked_part(question)
    if question_kind(asked) != "person":  # "Lisa Hazell was ... - what's her job title now?"
        return []
    scene = question.replace(asked, " ") if asked != question else ""
    took_over = _TOOK_OVER_FROM.search(asked)
    told = scene + (" " + took_over.group(1) if took_over else "")
    return [name for name in people_named(told) if names_a_person(name, non_name_words) or titled_surname(name)]


# A question opening so asks from its first word: it sets no scene for a question after it.
_ASKING_OPENING = re.compile(r"\s*(?:who|whom|whose|what|which|when|where|how|why|is|are|was|were|do|does|did|has|"
                             r"have|had|can|could|should|will|would)\b", re.IGNORECASE)


def asking_clause(question: str) -> str:
    """The clause that asks, without a statement before it telling who asks or why ("our youth club is
    based just outside the city but we work with city kids - can we still join the CYPPN?" asks "can we
    still join the CYPPN?"); the whole question when it opens by asking."""
    match = _SCENE_THEN_QUESTION.match(question.strip())
    if not match or _ASKING_OPENING.match(match.group("scene")) or "?" in match.group("scene"):
        return question
    return match.group("asked")


def _sets_the_scene(scene: str, asked: str, past: re.Pattern) -> bool:
    """Whether `scene` is a statement of how things were, and `asked` a question about later: the
    statement speaks of the past (`past`) or names a year ("The 2013 bid sought £30m; what is it
    valued at in the later plan?") and the question asks about now or later, or the question names
    later years than the statement."""
    if _WH_OPENING.match(scene):  # a question, not a statement
        return False
    if _later_years(asked, scene):
        return True
    if past.search(scene):  # "X used to be ...": a question in the present tense or of a named year asks later
        return bool(_ASKS_NOW.search(asked) or _PRESENT_TENSE.search(asked) or years_named(asked))
    return bool(years_named(scene) and _ASKS_NOW.search(asked))


def _later_years(asked: str, scene: str) -> bool:
    """Whether the question names years all later than those its statement names: "The 2010 strategy
    planned them quarterly - how often are they meant to happen under the 2017-19 plan?"."""
    asked_years, scene_years = years_named(asked), years_named(scene)
    return bool(asked_years and scene_years) and min(asked_years) > max(scene_years)


@lru_cache(maxsize=256)  # asked by the answerer, the periods, the recency weight and the re-ranker alike
def asked_part(question: str) -> str:
    """The part of the question that asks, without a statement of how things were before or after it
    ("Lisa Hazell was the project officer in 2013 - what's her job title in the latest plan?" asks
    "what's her job title in the latest plan?", and so does "What's Lisa Hazell's job title now? In
    2013 she was a project officer."); the whole question otherwise."""
    for pattern, past in ((_SCENE_THEN_QUESTION, _PAST_SCENE), (_QUESTION_THEN_SCENE, _PAST_STATEMENT)):
        match = pattern.match(question.strip())
        if match and _sets_the_scene(match.group("scene"), match.group("asked"), past):
            return match.group("asked")
    match = _QUESTION_THEN_COMPARISON.match(question.strip())
    if match and _ASKS_NOW.search(match.group("asked")) and _WH_OPENING.match(match.group("asked")):
        return match.group("asked")
    return question


# "What did the well-being survey of 600 families find?": what found it, and the word naming its sort.
_FINDER_ASKED = re.compile(r"\bwhat (?:did|does|do|has|have) (?:the |our |their |its )?((?:[\w'’/-]+ ){1,6}?)"
                           r"(?:(?:of|in|into|for|on|from|by|about|with)\b[^?]*?)?(?:actually |really )?"
                           r"(?:find|found|conclude|show|reveal|recommend|highlight|identify)\b", re.IGNORECASE)


def finder_asked(question: str) -> str:
    """The word naming what a question asks the findings of ("survey" in "What did the well-being
    survey of 600 families find?"); '' when it asks none, or refers to it as "it" or "they"."""
    found = _FINDER_ASKED.search(question)
    if not found:
        return ""
    return "" if POINTS_BACK.search(found.group(1)) else found.group(1).split()[-1].lower()
