"""Questions about the documents themselves, answered from the catalogue: "Which plan is current?",
"What documents do you have?", "What does NCSCB stand for?".

Their answer is in no single passage: it is which document is the newest of its kind, which documents
there are, or the documents' own definition of an acronym. A new member of staff asks them first.
"""
from __future__ import annotations

import re
from dataclasses import replace

from chat.induction import kind_of, period_end
from chat.records import NOT_FOUND, Answer, Citation
from index.records import Hit
from ingest.acronyms import guessed_expansions, names_by_initials

_NEW = r"(?:current|latest|newest|most recent|up[- ]to[- ]date|in force)"
_DOC = r"(?:action plan|plan|strategy|strategies|report|papers|update|document)s?"
# "Which plan is current?", "What is the latest strategy?", "which is the most recent report", "Which is the
# most recent action plan for the Workforce Strategy, and what period does it cover?", "which workforce action
# plan is the current one, what dates does it run" (what it is for, group 2, is named with a capital and must
# be in its title too; its period is said with it); not "What is the current plan for early help?", which
# asks what the plan says)
_NEWEST = re.compile(rf"^\s*(?:which|what)(?:'s| is| are)?\s+(?:the\s+)?(?:{_NEW}\s+)?((?:[\w'’-]+\s+){{0,3}}?{_DOC})"
                     rf"(?:\s+(?:for|of)\s+(?:the\s+)?((?-i:[A-Z])[\w'’-]*(?:\s+[\w'’-]+){{0,5}}?))?"
                     rf"(?:\s+(?:is|are))?(?:\s+the)?(?:\s+{_NEW})?(?:\s+(?:one|version))?"
                     rf"(?:(?:\s*,\s*|\s+)(?:and\s+)?(?:what|which|when)\s+(?:period|dates|years|does|do)\b[^?]*)?"
                     rf"\s*\??\s*$",
                     re.IGNORECASE)
# "What period does the most recent workforce action plan cover?", "When does the latest plan run to?"
_PERIOD_OF_NEWEST = re.compile(rf"^\s*(?:what (?:period|dates|years)|which (?:period|dates|years)|when)\s+"
                               rf"(?:does|do)\s+the\s+{_NEW}\s+((?:[\w'’-]+\s+){{0,4}}?{_DOC})\s+"
                               rf"(?:cover|run|span|last)\b[^?]*\??\s*$", re.IGNORECASE)
# "What documents do you have?", "Which documents can you search?"
_WHICH_DOCS = re.compile(r"^\s*(?:which|what)\s+documents\s+(?:do|can|are|have)\b[^?]*\??\s*$", re.IGNORECASE)
# A label or greeting before the question proper: "New starter question: ...", "Hi, ...".
_PREAMBLE = re.compile(r"^\s*(?:[^:?]{1,40}:|(?:hi|hello|hey|sorry|ok|okay|so|quick question|please)\b[,!.\s-]*)\s*"
                       r"(?=(?:which|what|who|when|where|how|is|are|does|do|can|expand|spell)\b)", re.IGNORECASE)


def _without_preamble(question: str) -> str:
    return _PREAMBLE.sub("", question, count=1)


def documents_asked(question: str) -> str:
    """The kind of document a question about the catalogue asks for ("plan"), "*" for all of them,
    or "" when the question is about what the documents say."""
    question = _without_preamble(question)
    if _WHICH_DOCS.match(question):
        return "*"
    found = _NEWEST.match(question) or _PERIOD_OF_NEWEST.match(question)
    if not found or not re.search(_NEW, question, re.IGNORECASE):
        return ""
    words = found.group(1).lower().split()
    noun = words[-1].rstrip("s")
    noun = {"strategie": "strategy", "paper": "papers", "document": "*"}.get(noun, noun)
    if noun == "*":
        return noun
    of = found.group(2).lower().split() if found.re is _NEWEST and found.group(2) else []
    return " ".join(of + words[:-1] + [noun])  # "board papers", "workforce strategy action plan"


def answer_about_documents(kind: str, docs: list[dict]) -> tuple[str, list[dict]]:
    """The answer's text with [n] markers and the documents cited (n = index + 1); ('', []) when no
    document is of that kind."""
    newest_first = sorted(docs, key=period_end, reverse=True)
    if kind == "*":
        chosen = newest_first
        lines = [f"{doc['title']} ({doc['date'] or 'undated'}) [{n}]" for n, doc in enumerate(chosen, 1)]
        return f"I answer from {len(chosen)} documents, newest first: " + "; ".join(lines) + ".", chosen
    # "report" also finds a progress update, by the kinds the welcome panel sorts documents into
    chosen = [doc for doc in newest_first if _of_kind(kind, doc.get("title") or "")]
    if not chosen:
        return "", []
    text = f"The most recent {kind} is {chosen[0]['title']} ({chosen[0]['date'] or 'undated'}) [1]."
    if len(chosen) > 1:
        older = "; ".join(f"{doc['title']} ({doc['date'] or 'undated'}) [{n}]"
                          for n, doc in enumerate(chosen[1:], 2))
        text += f" Older: {older}."
    return text, chosen


def _of_kind(kind: str, title: str) -> bool:
    """Whether a document is of the kind asked: every word of it in the title, in any order ("workforce
    strategy action plan" for "Workforce Strategy: Updated Action Plan"), or the kind the welcome panel
    sorts it into ("report" for a progress update)."""
    words = set(re.findall(r"[\w'’]+", title.lower()))
    return set(re.findall(r"[\w'’]+", kind)) <= words or kind in kind_of(title).lower()


# "What does NCSCB stand for?", "What is SSBC short for?", "What does DFDO mean?", "expand CAF"
_ACRONYM = r"((?-i:[A-Z][A-Za-z&]{0,3}[A-Z][A-Za-z&]{0,5}))"
# "... stand for in the DART referral process?": where the acronym is used may follow.
_USED_IN = r"(?:,?\s+(?:in|on|within|for|as used in|in the context of)\s[^?]{3,60})?"
# "What does the acronym CAF stand for?": the acronym may be called so.
_CALLED = r"(?:(?:acronym|abbreviation|initials|term)\s+)?"
# "What are MALTs?", "What is the NLT?": the acronym alone is asked about; what it stands for answers,
# unless a passage says what it is, naming it in full. The question mark may be left off ("what's DART").
_WHAT_IS_ACRONYM = rf"what(?:['’]s|\s+(?:is|are|was|were))\s+(?:the\s+|an?\s+)?{_ACRONYM}s?\s*\??"
_STANDS_FOR = re.compile(rf"^\s*(?:what(?:\s+(?:does|do|did)|['’]s)\s+(?:the\s+)?{_CALLED}{_ACRONYM}s?\s+"
                         rf"(?:stand\s+for|mean){_USED_IN}\s*\??"
                         rf"|what\s+(?:is|are)\s+(?:the\s+)?{_ACRONYM}s?\s+(?:short|an?\s+(?:abbreviation|acronym))"
                         rf"\s+for{_USED_IN}\s*\??|(?:expand|spell\s+out)\s+{_ACRONYM}\s*\??"
                         rf"|what(?:['’]s|\s+is)\s+the\s+full\s+(?:name|form|title)\s+(?:of|for)\s+(?:the\s+)?"
                         rf"{_ACRONYM}s?\s*\??|{_WHAT_IS_ACRONYM})\s*$", re.IGNORECASE)
# "I keep seeing 'NCSCB' in the papers - what does that stand for?": the acronym is named before.
# "someone mentioned an ESRA - what's that?", "keep seeing DASH in the dv stuff, what is it?": asked bare.
_STANDS_FOR_IT = re.compile(r"\bwhat(?:\s+(?:does|do|did)|['’]s|\s+is)\s+(?:that|it|this)(?:\s+"
                            r"(?:stand\s+for|mean|short\s+for|abbreviation|acronym))?\s*\??\s*$", re.IGNORECASE)
# A sentence of the question: "sorry what does DSVA mean? saw it in the cypp" asks in its first.
_SENTENCE = re.compile(r"(?:[^.?!]|[.?!](?!\s|$))+[.?!]*")  # "2.3" and "e.g" do not end one


def acronym_asked(question: str, glossary: dict[str, str]) -> str:
    """The acronym a "what does X stand for?" question asks about, if the documents define it."""
    short = acronym_named(question, glossary)
    return short if short in glossary else ""


def acronym_named(question: str, glossary: dict[str, str]) -> str:
    """The acronym a "what does X stand for?" question asks about, defined or not ("DSVA - what's that
    short for?": the one acronym named, a defined one first)."""
    sentences = [s.strip() for s in _SENTENCE.findall(question) if s.strip()]
    asking = [s for s in sentences if s.endswith("?")] or sentences[-1:]
    if len(asking) != 1:  # "What does NCSCB stand for? Who chairs it?" asks more than its name
        return ""
    for clause in _clauses(asking[0]):
        found = _STANDS_FOR.match(clause)
        if found:
            return next((g for g in found.groups() if g), "")
    if not _STANDS_FOR_IT.search(asking[0]):
        return ""
    named = set(re.findall(_ACRONYM, question))
    defined = named & set(glossary)
    return next(iter(defined or named)) if len(defined or named) == 1 else ""  # "it" must point at one


def asks_what_acronym_is(question: str) -> bool:
    """Whether the question asks only what an acronym is ("What is the NLT?"), which a passage saying
    what it is answers better than its name spelt out."""
    return any(re.match(rf"{_WHAT_IS_ACRONYM}\s*$", clause.strip(), re.IGNORECASE)
               for clause in _clauses(question.strip()))


# Where the asking clause of a sentence may begin: "Sorry if this is a daft one but what is CAMHS short
# for?", "new to the team - what does MASH stand for?". Not after "and": that joins a second question.
_CLAUSE_START = re.compile(r"(?:\bbut|\s[-–—]|[,:;])\s+(?=(?:what|expand|spell)\b)", re.IGNORECASE)


def _clauses(sentence: str) -> list[str]:
    """The sentence without its preamble, then each clause from a "but" or a dash on, last first."""
    starts = reversed(list(_CLAUSE_START.finditer(sentence)))
    return [_without_preamble(sentence)] + [sentence[m.end():] for m in starts]


def catalogue_answer(question: str, reader, timings: dict) -> Answer | None:
    """The answer to a question about the documents themselves or what an acronym stands for, from
    the index's list of documents and glossary; None for a question about what the documents say."""
    found = _newest_documents(question, reader)
    if found is None:
        glossary = reader.glossary()
        short = acronym_named(question, glossary)
        if short and short not in glossary:
            return _acronym_undefined(question, short, reader, timings)
        found = _acronym_defined(short, reader) if short else None
    return None if found is None else _cited(question, *found, timings)


def _cited(question: str, text: str, hits: list[Hit], quotes: list[str], source: str, timings: dict) -> Answer:
    """The answer `text`, citing `hits` with their `quotes`, and where it was `source`d from."""
    citations = tuple(Citation(n, hit, quote) for n, (hit, quote) in enumerate(zip(hits, quotes), 1))
    return Answer(question, text, citations, tuple(hits), False, timings=timings, extra={"answered_from": source})


def _newest_documents(question: str, reader):
    """(text, hits, quotes, source) for "Which plan is current?": each document cited at its first
    passage (its title page)."""
    kind = documents_asked(question)
    text, docs = answer_about_documents(kind, reader.documents()) if kind else ("", [])
    hits = []
    for n, doc in enumerate(docs, 1):
        first = reader.store.passages_of(doc["source"])
        if not first:  # a document without passages cannot be cited: answer from passages instead
            return None
        hits.append(Hit(first[0], 1.0, n, "catalogue"))
    return (text, hits, [hit.chunk.title for hit in hits], "the list of documents") if text else None


def _acronym_defined(short: str, reader):
    """(text, hits, quotes, source) for "What does NCSCB stand for?": the documents' own definitions of
    `short`, newest document first, each cited at the passage that makes it."""
    hits, expansions = [], []
    for entry in reader.store.glossary():
        if entry["short"] != short or _spelling(entry["expansion"]) in {_spelling(e) for e in expansions}:
            continue  # "Children's Board" and "Children Board" are one definition
        mentioning = reader.store.passages_of(entry["source"], containing=short, limit=1000)
        defining = next((c for c in mentioning if _squashed(entry["expansion"]) in _squashed(c.text)), None)
        if defining is not None:
            hits.append(Hit(defining, 1.0, len(hits) + 1, "glossary"))
            expansions.append(entry["expansion"])
    if not hits:
        return None
    text = f"{short} stands for {expansions[0]} [1]."
    if len(expansions) > 1:
        text += " Also: " + "; ".join(f"{e} [{n}]" for n, e in enumerate(expansions[1:], 2)) + "."
    return text, hits, [f"{short} ({e})" for e in expansions], "the documents' own definitions"


SPELT_OUT_DEPTH = 20  # passages using an undefined acronym searched for its name written beside it


def _acronym_undefined(question: str, short: str, reader, timings: dict) -> Answer | None:
    """For an acronym no document defines: when a passage using it also writes a capitalised name with
    its initials ("The Domestic and Sexual Violence and Abuse Strategy was launched to reduce incidents
    of DSVA"), that name, said as what it most likely stands for; when no document writes it at all
    ("What does ASYE stand for?"), or none writes it beside a name in brackets ("attendance on the ALICSE
    programme"), "the documents don't say"; else None, for the passages to answer (one written out in a
    way the glossary does not read: "Education, Health and (social) Care Plans (EHCP)")."""
    using = [hit for hit in reader.search(short, SPELT_OUT_DEPTH, "lexical")
             if re.search(rf"\b{re.escape(short)}\b", hit.chunk.text)]
    if not using:
        return Answer(question, NOT_FOUND, (), (), True, timings=timings, notes=(f"No document uses {short}.",))
    for hit in using:
        name = guessed_expansions(short, {}, names_by_initials([hit.chunk.text], minimum=1)).get(short)
        if name:
            text = (f"The documents do not define {short}, but write it beside “{name}”, which it most "
                    f"likely stands for [1].")
            return _cited(question, text, [replace(hit, rank=1, retriever="glossary")], [name],
                          "a name written beside the acronym", timings)
    if not any(_bracketed_beside_a_name(short, hit.chunk.text) for hit in using):
        return Answer(question, NOT_FOUND, (), (), True, timings=timings,
                      notes=(f"The documents use {short} but never say what it stands for.",))
    return None


def _bracketed_beside_a_name(short: str, text: str) -> bool:
    """Whether `text` writes the acronym in brackets after a name, or before a name in brackets:
    "Education, Health and (social) Care Plans (EHCP)", "EHCP (Education, Health and Care Plan)"."""
    return bool(re.search(rf"\(\s*{re.escape(short)}s?\s*\)|\b{re.escape(short)}s?\s*\(", text))


def _squashed(text: str) -> str:
    """Lower case without spaces or punctuation, so a definition wrapped across lines still matches."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _spelling(expansion: str) -> str:
    return _squashed(re.sub(r"['’]s\b", "", expansion))
