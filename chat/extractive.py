"""The default answerer: pick the sentences or table rows of the top passages that answer the question."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from chat.aims import (AMOUNT_KINDS, asks_for_a_target, asks_what_happened, not_done_yet, states_a_target,
                       states_an_aim)
from chat.answer_types import (AGENT, CONTACT_NAMED, EMAIL, LEAD_FIELD, MONTH_NAME, PHONE, QUOTE_END, SPEAKER, STATUS,
                               TWO_PARTS, TYPE_WORDS, after_status_cell, asks_yes_or_no, chair_asked, holds_field_of,
                               holds_kind, names_a_post, names_another_post, names_role_holder, names_title,
                               post_asked_of, post_holder_asked, posts_of, question_kind, role_asked, status_cell,
                               the_fact, thing_counted, title_asked)
from chat.lists import items_asked, items_listed
from chat.measures import counts_what_is_asked, measure_asked, names_measure
from chat.names import name_readings, named_days, named_things, names_a_day, names_all, naming_part
from chat.people import names_a_person, names_only, opens_with_post
from chat.periods import (Periods, dates_in_words, document_fit, document_years, period_fit, periods_asked,
                          reported_in)
from chat.questions import (asked_part, asking_clause, documents_named, finder_asked, former_holders, holds_phrase,
                            quoted_phrases, without_asker)
from chat.rerank import contact_asked
from chat.roles import role_without_holder, speaking_as
from chat.rows import known_words, trim, trim_cell, trim_row
from chat.text import POINTS_BACK, abbreviates, stems, word_root
from chat.timecues import PAST_CUES, RECENCY_CUES, YEAR, recency_weight
from index.records import Hit
from index.store import STOPWORDS
from ingest.acronyms import ACRONYM, expand_text
from ingest.chunking import LABELLED_VALUE  # a short "Label: value" line states a fact on its own
from ingest.clean import LIST_NUMBER  # "1." before an item of a numbered list
from ingest.dates import years_named
from ingest.records import Chunk

MAX_SENTENCES = 3
MAX_CHARS = 600
_LONG_LEAD = 360  # characters a best sentence longer than MAX_CHARS is cut to (as a long table row is)
# The best sentence must cover this share (IDF-weighted) of the question's topic words, else the
# passages are about the topic but do not hold the fact asked for. Chosen on the dev set (README).
MIN_FOCUS = 0.2
# A percentage question is answered only by a sentence covering more of its topic: a share of something
# else ("schools judged good or outstanding ... 79.7%") is close at hand for any share asked ("what
# proportion of five-year-olds have tooth decay?"). On the read QA sets 0.25 gained 3 abstentions for 1
# answer; 0.3 gained 3 for 2, 0.4 4 for 5 (README, stop 20).
SHARE_FOCUS = 0.25
# A question in two parts ("Do the police run a cadets scheme our pupils could join, and what age is it
# for?") splits its topic between them: the sentence answering one part needs only this share of
# MIN_FOCUS (0.5 gained 2 read answers and lost none; 0.7 gained 1). So does a remark after the question
# ("what is ContactSearch? it keeps coming up in the workforce action plan").
TWO_PART_FOCUS = 0.5
# A best sentence on too little of the topic gives way to one of its passage scoring at least this share
# of its score and covering the topic by its own words (0.8: read +1, none lost; 0.9: none gained).
NEAR_BEST = 0.8
# A sentence naming someone in the role asked about ("Councillor David Mellen" for "which councillor").
ROLE_WEIGHT = 0.15
# A who-question's sentence saying who does it ("administered by NCVS", "Lead: Jane Example").
AGENT_WEIGHT = 0.1
# A question asking whom to contact is answered by a way to reach someone (_REACHED_AT, CONTACT_NAMED): "For
# further information contact Chris Wallbanks:", an email address, a phone number (0.2: read +2 -3; 0.1: +2 -2).
CONTACT_WEIGHT = 0.1
# Words of such a question saying only that it wants a contact: "get in touch" is no topic that "keep in touch
# with policy" is about ("contact" stays: the contact lines say it).
_CONTACT_WORDS = re.compile(r"\b(?:get in touch|talk to|speak to|info\w*|questions?|queries|query)\b", re.IGNORECASE)
# Kinds of question whose items are names: "which wards ...?" is answered by "Aspley, Bulwell, ...".
_NAMED_ITEMS = ("body", "place")
# A sentence listing items, for a question asking for several ("what qualities did they want?").
LIST_WEIGHT = 0.15
DEFINITION_WEIGHT = 0.15  # a sentence saying what the thing a "what is X?" question names is
# "What is ContactSearch?", "what's ContactSearch", a remark after it allowed ("what is ContactSearch? it keeps
# coming up").
_WHAT_IS = re.compile(r"^\s*(?:what|who)(?:['’]s|\s+(?:is|are|was|were))\s+(?:the\s+|a\s+|an\s+)?"
                      r"([\w'’ -]{3,60}?)\s*(?:\?\s+[^?]*|\??\s*)$", re.IGNORECASE)
_DEFINING_VERB = re.compile(r"\b(?:is|are|was|were|has been|have been|has|have|brings together|exists|"
                            r"aims|works)\b")
_SUBJECT_WORDS = 8
_LIST_REACH = 2  # sentences after one announcing several things that may introduce their list
_ITEM_CHARS = 90  # of a numbered item read after the sentence announcing its list
# An aim ("To increase ... by 40%") offered for a question about what happened.
AIM_PENALTY = 0.1
# The share of an acronym's expansion the question must spell out for the acronym to say it.
ACRONYM_SHARE = 0.6

_LONG_ITEM = 320  # characters: a list item longer than this is split into sentences
# A table-of-contents entry: "1. Foreword | 3", "Introduction ........ 4", "CONTENTS".
_CONTENTS_ENTRY = re.compile(r"(?:\|\s*|\.{4,}\s*)\d{1,3}\s*$|\bCONTENTS\b"
                             r"|(?:\b\d{1,2}\.\d{1,2}\s+[A-Z][^.]*?){2,}")  # "2.1 Review ... 2.2 Children ..."
# Table-of-contents entries read as a table row, closing on their page numbers ("3. Who is included?:
# 4. Vision for the Workforce; 9: 10"); a row of data ends on one number, not two bare ones.
_CONTENTS_ROW = re.compile(r"(?:[;:|]\s*\d{1,3}\s*){2,}$")
# How much a word only the question's statement of how things were says counts towards its topic
# ("How often does the network meet now? I remember it meeting monthly."): the past is not asked.
SCENE_WEIGHT = 0.5
# How much more than its other words the thing a "how many" question counts weighs in its topic ("How
# many criteria are used now to decide whether a family qualifies?" is answered by a sentence on
# criteria): 2 gained 1 read answer, 3 two, 4 lost one (README, stop 17).
COUNTED_WEIGHT = 3.0
# Words for an event starting: "when is the new service due to start?" is answered by "The new service will
# commence in April 2018". (Words for ending, "end / finish / conclude", gained nothing and answered two
# questions asking what "ended up" in difficulty.)
_STARTING = frozenset(stems("start starts started starting begin begins began commence commences commenced "
                            "commencing"))
# Events a "when" question may ask the date of, each with the words that ask of it and the words that tell
# it: "When will the contract be signed?" is not answered by the date a service launched.
_APPROVING = frozenset(stems("sign signs signed signing approve approves approved approving agree agrees agreed "
                             "agreeing ratify ratified endorse endorsed"))
_PUBLISHING = frozenset(stems("publish publishes published publishing"))
_LAUNCHING = frozenset(stems("launch launches launched launching implement implements implemented implementing "
                             "implementation"))
# "When's the closing date for applying?" is not answered by the year a target is due ("by 2015").
_CLOSING = frozenset(stems("close closes closed closing closure"))
_EVENTS = [
    # "sign off" is approving: "On what date did the Committee sign off ...?" / "... approved on 5 March"
    (_APPROVING, _APPROVING),
    (_PUBLISHING, _PUBLISHING),
    # "When is the new service meant to go live?": "to support full implementation in 2018", "The new
    # service will commence in April 2018". (A question asking when something starts is not filtered.)
    (_LAUNCHING, _LAUNCHING | _STARTING),
    (_CLOSING, _CLOSING),
]
_MEETING = frozenset(stems("meet met meeting"))  # "The first meeting took place on the 1st July 2019"
# "When did it first meet?", "when was its first meeting?" (not "When is the next board meeting?").
_MEET_ASKED = re.compile(r"\b(?:meet|meets|met)\b|\b(?:first|inaugural) meeting\b", re.IGNORECASE)
# "The app went live in February 2020" tells of its launch: "going live" is read as launching.
_GOING_LIVE = re.compile(r"\b(?:go|goes|went|gone|going)\s+live\b", re.IGNORECASE)
_NOT_DONE = re.compile(r"\b(?:not|never|yet to be)\s+(?:yet\s+|been\s+|be\s+)?\w+", re.IGNORECASE)  # "not agreed"
_CHAIR = re.compile(r"\bchair", re.IGNORECASE)  # "Chair", "chairs", "chaired", "Chairman", "Chairperson"
# How much the words of the sentences a sentence refers back to ("It", "This", "These") count as its own.
ANTECEDENT_WEIGHT = 0.5
_SHORT_LINE = 6  # words: lines this short are labels, names or job titles, not sentences
# A longer post under a name closes the same signature: "Councillor David Mellen" / "Nottingham City
# Council" / "Chair of the Nottingham Children's Partnership Board" (up to this many words).
_POST_LINE_WORDS = 14
# A sentence ends at . ! or ?, also when a closing quote follows: '... capabilities.” (David Pearson)'.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”’\"']))\s+(?=[A-Z0-9“‘\"'(])")
# A sentence about what the ones before it were about: "6 of these staff ...", "Namely, ...".
# "the two-day training", "the pilot": a thing named by "the" and up to two words more.
_THE_THING = re.compile(r"\bthe\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.IGNORECASE)
_REFERS_BACK = re.compile(r"^\W*(?:\w+ (?:of|in) |(?:in|by|during|since|from|for) (?:\w+ ){0,2}?\S*\d\S*,? )?"
                          r"(these|this|those|they|it|such|both|namely)\b", re.IGNORECASE)
_MORE_ON_IT = re.compile(r"^\W*(?:for |find )?(?:more|further) (?:information|info|details)\b", re.IGNORECASE)
# "It was announced on August 20th that ...", "It is expected that ...": an "it" standing for what follows.
_EXPLETIVE_IT = re.compile(r"it (?:is|was|has been|had been|will be|would be) (?:\w+ly )?"
                           r"(?:\w+ed|important|essential|vital|clear|likely|possible|necessary)\b[^.;]{0,60}?\bthat\b",
                           re.IGNORECASE)
# A capitalised word of three to five letters that may shorten a longer one ("Supt", "Govt", "Notts").
_CONTRACTION = re.compile(r"\b[A-Z][a-z]{2,4}\b")
# A sentence introducing a statement ("The Vision for the Partnership from the Plan is:"), which the
# next sentence gives: the two are one answer.
_STATEMENT_INTRO = re.compile(r"\b(?:is|was|reads|states|says)\s*:\s*$", re.IGNORECASE)
# A sentence setting a condition on the rule before it: "The quorum will be one third of its membership.
# If there is no nominated person ... present, the meeting cannot be quorate." The two are one rule.
_CONDITION = re.compile(r"^\W*(?:if|unless|otherwise)\b", re.IGNORECASE)
# Who said a quotation, on the line after it (answer_types.SPEAKER), and the quotation's end before it.
_ATTRIBUTION = re.compile(rf"^\s*{SPEAKER}")
_QUOTE_END = re.compile(rf"{QUOTE_END}$")
# A sentence spelling out the one before it: "Namely, ...", "These include ...", "They are: ...".
_ELABORATES = re.compile(r"^\W*(?:namely|that is|i\.e\.|(?:these|they|this|which) (?:are|were|include[sd]?|included|"
                         r"comprise[sd]?)|including)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """A sentence, list item or table row from one retrieved passage, with what precedes it."""

    text: str
    hit: Hit
    position: int  # order within its passage
    context: str = ""  # the previous sentence and the section heading, for "the new service will ..."
    antecedent: str = ""  # what "It meets every 8 weeks" refers back to: the sentences before it
    numbered: bool = False  # opens an item of a numbered list ("1. Promoting the health of ...")
    label: str = ""  # a row's name left as the last line of the passage before (_label_before)


@dataclass(frozen=True)
class Scored:
    score: float
    focus: float  # share of the question's topic words this candidate (with context) covers
    own: float  # the same share, counting the candidate's own words only
    typed: bool  # holds a fact of the kind asked for
    cand: Candidate
    quoted: float = 0.0  # share of the question's quoted phrases it (or its context) uses


def candidates(hits: list[Hit], question: str = "") -> list[Candidate]:
    """Split passages into answerable units: table rows and list items whole, prose by sentence, and
    runs of short lines (a contact's name, job title and email on separate lines) joined.

    A table row too long to show keeps, of its longest cell's list items, those on the question's topic.
    A sentence spelling out the one before it ("Namely, to show respect ...") or setting a condition on
    it ("If there is no nominated person ..."), or, for a question asking who, a line saying who said
    the quotation before it ("(David Pearson, ... Lead (2016)"), is read with it, as one.
    """
    topic = set(topic_terms(question))
    who = bool(question) and question_kind(question) == "person"  # "Whose quote is it?": who said it
    out = []
    for hit in hits:
        # A passage opening with "This was implemented ..." goes on with the passage before it, if retrieved.
        previous, position, opening, earlier, statused = "", 0, "", _last_piece_before(hit, hits), False
        label = _label_before(hit, hits)  # a row's label left at the end of the passage before
        for piece in _pieces(hit):
            if len(piece.split()) < 3 and "@" not in piece and not LABELLED_VALUE.match(piece):
                previous = piece
                continue
            if (hit.chunk.kind != "table_row" and _CONTENTS_ENTRY.search(piece)) or _CONTENTS_ROW.search(piece):
                continue  # points to a page only
            # A long line of list items with no sentence's end keeps its opening and the items asked.
            text = (trim_row(piece, topic=topic - known_words(hit)) if hit.chunk.kind == "table_row"
                    else trim_cell(piece, topic=topic - known_words(hit)))
            # A "Label: value" line ("Saving: £260k") or a row's date and status ("March 2022 Experiencing
            # Obstacles") belongs to the record the passage opens with.
            status = status_cell(piece)
            record = opening if LABELLED_VALUE.match(piece) or status else ""
            label = "" if opening and _DATED_STATUS.search(piece) else label  # a row of its own
            if status and opening and not statused and len(opening) + len(text) < MAX_CHARS // 2:
                # The passage's first status is its opening record's: say what it is the status of.
                text, statused = f"{_as_sentence(opening)} {text}", True
            # "6 of these staff ..." is about what the sentences before it were about.
            refers = _refers_back(piece)
            carried = earlier if refers else ""
            said_by = bool(who and _ATTRIBUTION.match(piece) and _QUOTE_END.search(previous))
            if ((_ELABORATES.match(piece) or _STATEMENT_INTRO.search(previous) or _CONDITION.match(piece) or said_by)
                    and out and out[-1].hit is hit and out[-1].position == position - 1
                    and hit.chunk.kind != "table_row"
                    and len(out[-1].text) + len(text) < (MAX_CHARS - 100 if said_by else MAX_CHARS // 2)):
                # "Namely, to show respect ..." completes the sentence before it: one candidate
                last = out.pop()
                joined = last.text.rstrip() if last.text.rstrip().endswith(":") else _as_sentence(last.text)
                out.append(replace(last, text=f"{joined} {text}"))
                previous = f"{previous} {piece}"
                continue
            out.append(Candidate(text, hit, position, f"{hit.chunk.heading} {label} {record} {carried} {previous}",
                                 f"{carried} {previous}" if refers else "",
                                 numbered=bool(LIST_NUMBER.fullmatch(previous)), label=label))
            earlier = f"{carried} {previous}" if carried else previous
            previous, position = piece, position + 1
            opening = opening or piece
    return out


def _last_piece_before(hit: Hit, hits: list[Hit]) -> str:
    """The last sentence of the passage just before `hit`'s in its document, under the same heading, when
    it was retrieved too: a passage boundary falls where the document's text goes on."""
    before = next((other for other in hits if _follows(hit.chunk, other.chunk)), None)
    pieces = _pieces(before) if before else []
    return pieces[-1] if pieces else ""


# A contact entry's closing line: an email address, a phone number or an extension.
_REACHED_AT = re.compile(rf"{EMAIL.pattern}|{PHONE.pattern}|\bext(?:ension|n)?\.?\s*:?\s*\d{{3,}}", re.IGNORECASE)


def _pieces(hit: Hit) -> list[str]:
    pieces: list[str] = []
    short: list[str] = []
    lines = hit.chunk.text.split("\n")
    for line in lines if hit.chunk.kind == "table_row" else _unwrapped(lines):
        line = line.strip()
        if not line:
            continue
        words = len(line.split())
        if line == hit.chunk.heading or line.isupper():  # "7. CONTACT DETAILS" heads the lines after it
            pieces += [" ".join(short)] if short else []
            pieces.append(line)
            short = []
            continue
        if short and words <= _SHORT_LINE and _REACHED_AT.search(line):  # "Loxley House ext: 64908" closes it
            pieces.append(" ".join(short + [line]))
            short = []
            continue
        if ((words <= _SHORT_LINE or (short and words <= _POST_LINE_WORDS and opens_with_post(line)))
                and not line.startswith("- ") and not line.endswith(".")
                and not LABELLED_VALUE.match(line)):  # "Date: 25 September 2013" is a fact of its own
            short.append(line)
            if "@" in line:  # an email closes a contact entry
                pieces.append(" ".join(short))
                short = []
            continue
        if short:
            pieces.append(" ".join(short))
            short = []
        # A table row or a short list item is one answer; a long list item is prose, read by sentence
        # (trimmed whole, its later sentences would be lost).
        whole = hit.chunk.kind == "table_row" or (line.startswith("- ") and len(line) <= _LONG_ITEM)
        pieces += [p.strip().removeprefix("- ").strip() for p in ([line] if whole else _SENTENCE_END.split(line))]
    if short:
        pieces.append(" ".join(short))
    return pieces


# A line ending on a possessive or a word that cannot end a phrase goes on in the next line, as does a
# line followed by one opening in lower case: a list item wrapped in the PDF ("- Implement the Nottingham
# Children’s" / "Partnership Workforce Strategy Action Plan for 2016-17, ...").
_GOES_ON = re.compile(r"(?:['’]s|\b(?:the|of|and|to|for|in|with|a|an|by|on|at|or|from))$", re.IGNORECASE)
_ITEM_MARK = ("- ", "• ", "* ")
# A sentence's line ending on a name's first word after a word that cannot end a phrase goes on with the
# name in the next line: "Analysis suggests that a new secondary school in the West" / "Bridgford planning
# area will be required ..." (a heading is shorter than _NAME_WRAPPED_WORDS).
_NAME_GOES_ON = re.compile(r"\b(?:the|of|in|at|to|for|from|by|with)\s+[A-Z][\w'’-]*$")
_NAME_WRAPPED_WORDS = 6


def _unwrapped(lines: list[str]) -> list[str]:
    """The passage's lines with each wrapped line joined to the one it goes on from (_GOES_ON,
    _NAME_GOES_ON)."""
    out: list[str] = []
    for line in lines:
        line = line.strip()
        if out and out[-1] and line and not line.startswith(_ITEM_MARK) and not line.isupper() and (
                _GOES_ON.search(out[-1]) or line[0].islower()
                or _NAME_GOES_ON.search(out[-1]) and len(out[-1].split()) >= _NAME_WRAPPED_WORDS):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def score_candidates(question: str, cands: list[Candidate], glossary: dict[str, str] | None = None) -> list[Scored]:
    """Score candidates by topic overlap (IDF-weighted), passage rank, answer kind and recency; for
    who-questions, also by naming someone in the role asked or saying who does it.

    `glossary` (acronym -> expansion, over the whole corpus) lets a sentence's acronyms say what they
    stand for: "Holly Bligh NCSCB Training Co-ordinator" is about the city's safeguarding children board.
    """
    kind = question_kind(question)
    topic = set(topic_terms(question))
    if kind == "title":  # "job title" names what is wanted; contact lines rarely say it
        topic -= set(stems("job title role post position"))
    contact = contact_asked(question)
    if contact:  # "get in touch", "more info" say what is wanted, a way to reach someone: not the topic
        topic -= set(stems(" ".join(m.group(0) for m in _CONTACT_WORDS.finditer(question))))
    quoted = quoted_phrases(question)
    if not cands:
        return []
    asked_words = set(stems(question))
    asked_acronyms = _acronyms_asked(question, glossary)
    term_sets = []
    long_topic = [t for t in topic if len(t) >= 7]
    for cand in cands:
        terms = set(stems(f"{cand.text} {dates_in_words(cand.text)}"))
        # "Chief Supt" says "chief superintendent": a capitalised contraction says the word it shortens.
        short = {w.lower() for w in _CONTRACTION.findall(cand.text)} if long_topic else set()
        terms |= {t for t in long_topic if any(abbreviates(w, t) for w in short)}
        terms |= _STARTING if terms & _STARTING else set()  # "commence" says "start"
        term_sets.append(terms | _acronyms_spelt_out(cand.text, glossary, asked_words)
                         | {short for short, expansion in asked_acronyms if names_all(cand.text, [expansion])})
    context_sets = [set(stems(c.context + " " + c.hit.chunk.title)) for c in cands]
    antecedents = [set(stems(c.antecedent)) for c in cands]
    # Words naming the document ("the 2010 workforce strategy") are said by every sentence of it.
    naming = topic & set(stems(" ".join(documents_named(question, glossary))))
    titled = [naming & set(stems(f"{c.hit.chunk.title} {c.hit.chunk.paper} {c.hit.chunk.date}")) for c in cands]
    df = {t: sum(t in terms for terms in term_sets) for t in topic}
    idf = {t: math.log(1 + len(cands) / (1 + df[t])) for t in topic}
    asked_only = asked_part(question)
    # Words of a statement of how things were ("... had them quarterly"), or of who asks ("our youth club
    # is just outside the city - can we still join the CYPPN?") when the question does not refer back to
    # what it says; but not the names it gives ("Lisa Hazell was ... - what's her job title now?").
    asking = asked_only if asked_only != question else asking_clause(question)
    if asking != question and (asked_only != question or not POINTS_BACK.search(asking)):
        names_given = set(stems(" ".join(re.findall(r"\b[A-Z][\w'’-]*", question))))
        for t in topic - set(topic_terms(asking)) - names_given:
            idf[t] *= SCENE_WEIGHT
    for t in set(stems(thing_counted(asked_only))) & set(idf):  # "how many criteria ...?" is about criteria
        idf[t] *= COUNTED_WEIGHT
    # fsum: a float sum that does not depend on the order of the set it runs over, so the same question
    # scores the same in every process (a set's order changes with Python's string hashing).
    total = math.fsum(idf.values()) or 1.0
    lean_new = recency_weight(question)
    recency = _recency_ranks(cands)
    asked = {word_root(w) for w in stems(question)}
    role = role_asked(question) if kind == "person" else ""
    body = bool(_ASKS_FOR_BODY.search(question))  # "which service ...?" is a who-question about a body
    outcome = asks_what_happened(question)
    items = min(items_asked(question), 3) if kind in _ITEM_KINDS else 0
    defined = defined_asked(question) if kind == "other" else frozenset()
    # "Where was the 25 September 2013 meeting held?" is not answered by the minutes of 26 June 2013;
    # a question asking for a date may name one to place it ("the meeting after 25 September 2013").
    days = named_days(asked_only) if kind not in ("day", "date") else []
    ranks = _record_ranks([c.hit for c in cands])
    scored = []
    for cand, terms, context, named, before in zip(cands, term_sets, context_sets, titled, antecedents):
        own = math.fsum(idf[t] for t in topic & (terms | named)) / total
        # "It meets every 8 weeks" says half of it of what "It" stands for.
        own += ANTECEDENT_WEIGHT * math.fsum(idf[t] for t in topic & before - terms - named) / total
        focus = math.fsum(idf[t] for t in topic & (terms | context)) / total
        if (len(cand.text.split()) <= _SHORT_LINE and LABELLED_VALUE.match(cand.text) and _label_asked(cand, asked)
                or holds_field_of(kind, cand.text)):
            own = focus  # "Saving: £260k", "Place: Loxley House" say it of the record they belong to
        prior = 1.0 / (1.0 + 0.35 * (ranks[cand.hit.chunk.chunk_id] - 1))
        row = cand.hit.chunk.kind == "table_row"
        # A contact's name may close the line before its job title ("Mandy Goodenough" / "Systemic ...").
        # (Not a line of its own after the contact: "Please visit our website ..." gives nobody's post.)
        said = f"{cand.context} {cand.text}" if kind == "title" and names_a_post(cand.text) else cand.text
        # An action plan's aim ("To increase the number of Health Visitors ... by 4,000") counts nothing
        # that happened, and "A survey is currently underway" says nothing of what it concluded.
        typed = (holds_kind(kind, said, question) and not _another_day(days, cand.text)
                 and not (outcome and (kind in AMOUNT_KINDS and states_an_aim(cand.text, row) or _still_to_come(cand))))
        uses_quotes = _quotes(quoted, cand)
        says_who = ROLE_WEIGHT * names_role_holder(role, cand.text)
        if (kind == "person" or body) and (AGENT.search(cand.text) or LEAD_FIELD.search(cand.text)):
            says_who += AGENT_WEIGHT
        if contact and (_REACHED_AT.search(cand.text) or CONTACT_NAMED.search(cand.text)):
            says_who += CONTACT_WEIGHT
        # A sentence introducing a list ("Three gaps have been identified:") is answered with its items.
        lists = LIST_WEIGHT * bool(items and (cand.text.rstrip().endswith(":")
                                              or items_listed(cand.text, asked_words, kind in _NAMED_ITEMS)
                                              >= items))
        # "What is the Children's Partnership?" is answered by a sentence saying what it is.
        defines = DEFINITION_WEIGHT * bool(defined and _defines(cand.text, defined))
        score = (0.45 * own + 0.15 * focus + 0.2 * prior + 0.15 * typed + 0.2 * uses_quotes + says_who + lists
                 + defines
                 + lean_new * recency.get(cand.hit.chunk.source, 0) - 0.15 * _heading_like(cand)
                 - AIM_PENALTY * (outcome and not row and states_an_aim(cand.text)))
        scored.append(Scored(score, focus, own, typed, cand, uses_quotes))
    scored.sort(key=lambda s: (-s.score, s.cand.hit.rank, s.cand.position))
    return scored


def _still_to_come(cand: Candidate) -> bool:
    """Whether the sentence says the thing is still to come ("A survey is currently underway"), or says
    what it will do, going on with a sentence that does ("This will form part of a full review ...")."""
    return not_done_yet(cand.text) or bool(cand.antecedent and not_done_yet(cand.antecedent)
                                           and re.search(r"\bwill\b", cand.text, re.IGNORECASE))


def _record_ranks(hits: list[Hit]) -> dict[str, int]:
    """Each passage's retrieval rank, a passage going on with the record of one ranked higher
    (`_continues`) taking that passage's rank: "Members will be presented with a proposal ... to build a
    further special school in the Hucknall or Ollerton area" ranks with the passage it finishes."""
    passages = list({h.chunk.chunk_id: h for h in hits}.values())  # each candidate names its passage
    ranks = {h.chunk.chunk_id: h.rank for h in passages}
    for hit in passages:
        for before in passages:
            if _continues(hit.chunk, before.chunk):
                ranks[hit.chunk.chunk_id] = min(ranks[hit.chunk.chunk_id], before.rank)
    return ranks


def _another_day(days: list[re.Pattern], text: str) -> bool:
    """Whether `text` names a calendar day and none of the question's `days` (named_days)."""
    return bool(days) and names_a_day(text) and not any(day.search(text) for day in days)


def defined_asked(question: str) -> frozenset[str]:
    """The words (as stems) of what a "what is X?" question asks to have defined ("What is the
    Children's Partnership?", "What are Priority Families?"); empty for any other question."""
    found = _WHAT_IS.match(question)
    return frozenset(w for w in stems(found.group(1)) if len(w) > 1) if found else frozenset()


def _defines(text: str, defined: frozenset[str]) -> bool:
    """Whether the sentence says what the thing is: its subject, a few words before the verb, names it
    ("Nottingham Children's Partnership brings together core services ...", "The Nottingham
    Children's Partnership has responsibility for ...")."""
    verb = _DEFINING_VERB.search(text)
    if not verb:
        return False
    # The subject starts after a bracket or a sentence's end: "Introduce ContactSearch to the
    # partnership. (Contact Search is data sharing system ...)".
    subject = re.split(r"[.;:]\s|\(", text[:verb.start()])[-1]
    # A name written as one word or two ("ContactSearch", "Contact Search") is the same name.
    said = set(stems(subject)) | {"".join(w.lower() for w in subject.split())}
    return len(subject.split()) <= _SUBJECT_WORDS and defined <= said


def _of_another_body(text: str, post: str, body: set[str], glossary: dict[str, str] | None) -> bool:
    """Whether the sentence names the post asked about only as another body's (`body`: the stems of
    the one asked about): the "Independent Chair of Local Safeguarding Children Board" is not the chair
    of the Children's Partnership Board. A sentence naming that post of no body may still say who holds it."""
    bodies = [said for named, said in posts_of(text) if named == post]
    return bool(bodies) and not any(body <= set(stems(_spelt_out(said, glossary))) for said in bodies)


def _spelt_out(name: str, glossary: dict[str, str] | None) -> str:
    """A body's name with its acronyms spelt out: "the NCSCB" is the "... Safeguarding Children Board"."""
    return ACRONYM.sub(lambda m: (glossary or {}).get(m.group(0), m.group(0)), name)


def _names_holder(cand: Candidate, non_name_words: frozenset[str]) -> bool:
    """Whether the candidate could say who holds a post: it names a person, or a post whose holder
    the document gives elsewhere ("Report of Director of Safeguarding", looked up by the engine).
    "... with funding from the Police and Crime Commissioner" names the post asked about, not its holder."""
    return (names_a_person(cand.text, non_name_words) or bool(role_without_holder(cand.text))
            or bool(speaking_as(cand.text)))


def _acronyms_asked(question: str, glossary: dict[str, str] | None) -> list[tuple[str, str]]:
    """The question's acronyms (as stems) with what they stand for: a sentence spelling that out
    ("The Youth Offending Team was awarded ...") says the acronym ("YOT") it does not use."""
    out = []
    for short in dict.fromkeys(ACRONYM.findall(question)) if glossary else ():
        stemmed = stems(short)
        if glossary.get(short) and stemmed:  # "IT" is a stop word as well as an acronym
            out.append((stemmed[0], glossary[short]))
    return out


def _acronyms_spelt_out(text: str, glossary: dict[str, str] | None, asked: set[str]) -> set[str]:
    """The words of the expansions of the candidate's acronyms that the question spells out, mostly:
    "NCSCB" says "city safeguarding children board" when the question says so. An expansion the
    question only brushes ("people" of CYPP's "Children and Young People's Plan") adds nothing, nor does
    the glossary's when the text spells the acronym out itself ("DART (Domestic Abuse Performance Team)")."""
    out: set[str] = set()
    for short in dict.fromkeys(ACRONYM.findall(text)) if glossary else ():
        words = _expansion_words(glossary.get(short, ""))
        if not words or len(words & asked) < ACRONYM_SHARE * len(words):
            continue
        if not re.search(rf"\b{re.escape(short)}\s*\(|\(\s*{re.escape(short)}\s*\)", text):
            out |= words & asked
    return out


@lru_cache(maxsize=1024)
def _expansion_words(expansion: str) -> frozenset[str]:
    return frozenset(stems(expansion))


_ITEM_KINDS = ("other", "person", "body", "place")  # kinds of answer that can be a list of things
_ASKS_FOR_BODY = re.compile(r"\b(?:which|what) (?:[\w-]+ ){0,2}(?:service|team|organi[sz]ation|body|agency|partnership|"
                            r"board|council|charity|provider|group)s?\b", re.IGNORECASE)


def _label_asked(cand: Candidate, asked: set[str]) -> bool:
    """Whether the question asks for what a "Label: value" line labels ("save" for "Saving: £260k")."""
    return any(word_root(w) in asked for w in stems(cand.text.split(":", 1)[0]))


def _quotes(quoted: list[str], cand: Candidate) -> float:
    """The share of the question's quoted phrases the candidate uses (half for its context only)."""
    if not quoted:
        return 0.0
    own = sum(holds_phrase(cand.text, p) for p in quoted)
    near = sum(holds_phrase(cand.context, p) for p in quoted)
    return (own + 0.5 * max(0, near - own)) / len(quoted)


def compose(question: str, hits: list[Hit], glossary: dict[str, str] | None = None,
            non_name_words: frozenset[str] | None = None) -> tuple[str, list[Hit], list[Candidate]]:
    """The answer text with [n] markers, the hits cited (n = index + 1) and the sentences used.

    `non_name_words` (words that are no part of a person's name: ChunkStore.non_name_words) tell a
    person's name from a post or a body's name, for a question asking who holds a post.

    Returns an empty answer when no sentence holds the kind of fact asked for on the question's topic;
    when the documents give it only for another period ("Q1" for "Q2"), the sentence that does so is
    returned as the one used, with no answer text, for `other_period_note`.
    """
    kind = question_kind(question)
    asked = asked_part(question)  # "X used to be ... - who does it now?": X is not what is asked about
    readings, days = name_readings(_expansions_shortened(naming_part(asked), glossary)), named_days(asked)
    units = candidates(hits, question)
    yes_no = asks_yes_or_no(question)  # "Does the chair sit on the Board?": "Independent Chair" says yes
    question_words = set(stems(expand_text(question, glossary or {}))) | STOPWORDS
    measure = measure_asked(question, kind)
    counted = thing_counted(asked) if kind == "count" else ""
    events = _events_asked(asked) if kind in ("date", "day") else []
    periods = periods_asked(question, glossary)
    scored = [s for s in score_candidates(question, units, glossary)
              if s.typed and any(_mentions_among(s.cand, names, hits, glossary) for names in readings)
              and all(_on_day(s.cand, d) for d in days)
              and names_measure(s.cand.text, s.cand.context, measure)
              and counts_what_is_asked(s.cand.text, counted, asked)
              and _tells_the_event(s.cand, events) and (yes_no or _says_more(s.cand.text, question_words))]
    if non_name_words is not None and post_holder_asked(question):
        # "Who's the designated safeguarding lead at Rise Park?": not the head teacher named there
        role = role_asked(asked)
        scored = [s for s in scored if _names_holder(s.cand, non_name_words)
                  and not names_another_post(role, s.cand.text)]
    reported = reported_in(asked)  # "reported to the board in 2013": from the papers of 2013
    if reported:
        scored = [s for s in scored if reported & document_years(s.cand.hit.chunk.date)]
    # "Paul Langley used to be the training co-ordinator - who does that job now?": not Paul Langley.
    known = former_holders(question, non_name_words or frozenset()) if kind == "person" else []
    if known:
        scored = [s for s in scored if not names_only(s.cand.text, known, non_name_words or frozenset())]
    if kind in AMOUNT_KINDS and asks_for_a_target(asked):  # "What's the target rate?": not the rate reached
        scored = [s for s in scored
                  if states_a_target(s.cand.text, s.cand.context, s.cand.hit.chunk.kind == "table_row")]
    finder = finder_asked(asked)
    if finder:  # "What did the survey of 600 families find?": a sentence about that survey, or going on about it
        scored = [s for s in scored if set(stems(finder)) & set(stems(f"{s.cand.text} {s.cand.antecedent}"))]
    if chair_asked(asked):  # "Who chairs the governance board?" is answered by a sentence about its chair
        scored = [s for s in scored if _CHAIR.search(s.cand.text)]
    post = post_asked_of(asked)
    if post:  # "Who chairs the Children's Partnership Board?": not the chair of another board
        role, body = post[0], set(stems(_spelt_out(post[1], glossary)))
        scored = [s for s in scored if not _of_another_body(s.cand.text, role, body, glossary)]
    least = SHARE_FOCUS if kind == "percent" else MIN_FOCUS
    least *= TWO_PART_FOCUS if TWO_PARTS.search(asked) else 1.0
    # "David Mellen signed the 2010 strategy as Chair. Which portfolio does he hold in the 2016 CYPP?": after
    # a statement setting the scene, the question asks of the document it names, when that one says it.
    if asked != question:
        of_named = [s for s in scored if _of_document_named(s, asked, glossary)]
        if of_named and _first_on_topic(of_named, least):
            scored = of_named
    first = _first_on_topic(scored, least)
    if first is None:
        return "", [], []
    scored = [first] + [s for s in scored if s is not first]
    # The best sentence is about another quarter or year, and not from the document the question names
    # to say when ("Which councillor chaired the board when the 2010 workforce strategy came out ...?").
    if _period_of(scored[0], periods) is False and not _of_document_named(scored[0], asked, glossary):
        nearest = scored[0].cand
        scored = _of_the_period_asked(scored, periods)
        if not scored:
            return "", [], [nearest]
    wanted = kind in _ITEM_KINDS and items_asked(question) > 1
    scored[0] = replace(scored[0], cand=_with_its_answer(_with_its_list(scored[0].cand, units, wanted), units))
    scored[0] = replace(scored[0], cand=_with_the_items_it_leads_to(scored[0].cand, units, question))
    if yes_no:  # "Do we have to be based in the city?": "You do not need to be ..."
        scored[0] = replace(scored[0], cand=_with_its_exception(scored[0].cand, units))
    best = scored[0].score
    chosen: list[Scored] = []
    length = 0
    for item in scored:
        if len(chosen) == MAX_SENTENCES or (chosen and item.score < 0.75 * best):
            break
        if not chosen and len(item.cand.text) > MAX_CHARS:  # a long one-line cell: its opening, its items asked
            item = replace(item, cand=replace(item.cand, text=trim_row(item.cand.text, _LONG_LEAD,
                                                                       set(topic_terms(question)))))
        if any(_said_again(item.cand, c.cand) for c in chosen) or length + len(item.cand.text) > MAX_CHARS:
            continue
        if chosen and _of_another_time(item, chosen[0], periods):  # "in 2013": not the 2019 plan's line too
            continue
        chosen.append(item)
        length += len(item.cand.text) + 12
    versions = ([] if YEAR.search(asked) else
                _versions(scored[0], scored, kind, title_asked(question)) + _close_elsewhere(scored, chosen))
    lead = chosen[0]
    chosen = _newest_first(chosen, versions, best, past=bool(PAST_CUES.search(asked)))
    if RECENCY_CUES.search(asked) and not periods[0]:  # "the most recent rate": the last of a series
        chosen = _latest_period_first(chosen)
    if _of_document_named(lead, asked, glossary):  # "according to the safeguarding update": it leads
        chosen = [lead] + [c for c in chosen if c is not lead][:MAX_SENTENCES - 1]
    return _render(kind, [c.cand for c in chosen])


def _says_more(text: str, question_words: set[str]) -> bool:
    """Whether the sentence says something the question (its words, acronyms spelt out, and stop
    words: `question_words`) does not: "Evaluation of Early Intervention Domestic Abuse Link Worker
    pilot." (a heading) tells nothing of what the evaluation found; a sentence announcing items with a
    colon ("Three gaps have been identified from the STP:") says them. (A yes or no is said by the
    question's own words: that is for the caller to allow.)"""
    return bool(set(stems(text)) - question_words) or text.rstrip().endswith(":")


def _latest_period_first(chosen: list[Scored]) -> list[Scored]:
    """The answer's sentences with the one going on with the lead's series that names the latest years
    first, when the lead names earlier ones: "In 2009/10 it was 83%." before "In 2008/09 the Targeted
    Support Team had a 79% successful outcome rate." for the most recent rate."""
    lead = chosen[0]
    latest = max(years_named(lead.cand.text), default=None)
    if latest is None:
        return chosen
    # Only a sentence going on with the lead's own series ("it", "this") is about the same thing.
    later = [c for c in chosen[1:] if c.cand.hit is lead.cand.hit and c.cand.antecedent
             and max(years_named(c.cand.text), default=0) > latest]
    if not later:
        return chosen
    newest = max(later, key=lambda c: max(years_named(c.cand.text)))
    return [newest] + [c for c in chosen if c is not newest]


def _of_document_named(item: Scored, asked: str, glossary: dict[str, str] | None) -> bool:
    """Whether the sentence comes from the document, or paper of a bundle, the question names by all its
    words ("according to the safeguarding update": the papers' "Update on CYPP Priority re: Safeguarding")."""
    chunk = item.cand.hit.chunk
    held = set(stems(f"{chunk.title} {chunk.paper}"))
    return any(set(stems(name)) <= held for name in documents_named(asked, glossary))


def _event_words(text: str) -> set[str]:
    """The stems of `text`, going live read as launching ("When did the MASH go live?" asks when it
    launched; "the App went live in February 2020" tells it)."""
    return set(stems(_GOING_LIVE.sub(" launched ", text)))


def _events_asked(asked: str) -> list[frozenset[str]]:
    """The events (_EVENTS) a "when" question asks the date of; "When did it first meet?" asks when a
    meeting took place (the noun alone does not: "When is the next board meeting?")."""
    said = _event_words(asked)
    events = [told_by for asked_by, told_by in _EVENTS if asked_by & said]
    return events + [_MEETING] if _MEET_ASKED.search(asked) else events


def _tells_the_event(cand: Candidate, events: list[frozenset[str]]) -> bool:
    """Whether the sentence tells of each event the "when" question asks the date of (_EVENTS); an event
    it says did not happen ("was not agreed and completed in time") it does not tell of, and one it says
    went live it tells of as a launch."""
    said = _event_words(_NOT_DONE.sub(" ", cand.text))
    return all(group & said for group in events)


def _says_none_of_it(best: Scored) -> bool:
    """Whether the best sentence holds none of the question's topic words and does not refer back to
    the sentence before ("It meets every 8 weeks"): its topic is only in its surroundings, and a
    figure in it is about something else."""
    return best.own == 0 and not (_refers_back(best.cand.text) or _takes_up(best.cand))


def _takes_up(cand: Candidate) -> bool:
    """Whether the sentence speaks of a thing the one before it named, as "the" thing: "The Pilot ... (WERK)
    training has been completed ... Eleven children ... attended the two-day training held in Mansfield"."""
    before = set(stems(cand.context)) - STOPWORDS
    return any(set(stems(m.group(1))) & before for m in _THE_THING.finditer(cand.text))


def _refers_back(text: str) -> bool:
    """Whether the sentence is about what the ones before it were about ("6 of these staff ..."), also
    after a progress report's date and status cells ("April 2019 Complete This was implemented ...")."""
    if _MORE_ON_IT.match(text):  # "For more information please go to: www...": on what came before
        return True
    for sentence in dict.fromkeys((text, after_status_cell(text))):
        found = _REFERS_BACK.match(sentence)
        if found and not _EXPLETIVE_IT.match(sentence, found.start(1)):
            return True
    return False


def _of_another_time(item: Scored, best: Scored, periods: Periods) -> bool:
    """Whether the candidate, naming no period itself, comes from a document of another time than the
    best answer's, which is of the period asked: "Lisa Hazell's job title in 2013" is not also given
    from the 2019 plan. (A sentence naming another year may still help: "in June 2013" can ask when a
    report said it, and the report may recall April 2012's inspection.)"""
    if period_fit(item.cand.text, periods, item.cand.hit.chunk.date) is not None:  # its own words, not its date
        return False
    document, best_document = item.cand.hit.chunk, best.cand.hit.chunk
    return (document.source != best_document.source and period_fit(document.date, periods) is False
            and period_fit(best_document.date, periods) is True)


def other_period_note(cand: Candidate) -> str:
    """What the documents do say, for an answer refused because they give the fact only for another
    period: the user may well want that instead."""
    chunk = cand.hit.chunk
    where = ", ".join(part for part in (chunk.title, chunk.date, f"page {chunk.page_start}") if part)
    return f"The documents give this only for another period: \u201c{trim(cand.text, 300)}\u201d ({where})."


def _period_of(item: Scored, periods: Periods) -> bool | None:
    """Whether the candidate speaks of the period asked (chat.periods.period_fit). One naming no period,
    itself or in its context, speaks of its document's time: a document that ended before the year
    asked cannot say what happened then ("teachers in 2017" from a 2010-2014 strategy)."""
    fit = period_fit(item.cand.text, periods, item.cand.hit.chunk.date)
    if fit is None and period_fit(item.cand.context, periods) is None:
        return document_fit(item.cand.hit.chunk.date, periods, item.cand.text)
    return fit


def _of_the_period_asked(scored: list[Scored], periods: Periods) -> list[Scored]:
    """The candidates with one speaking of the period asked about first ("In 2009/10 it was 83%" after
    "in 2008/09 ... 79%"), if one scores near the best and covers nearly as much of the question; none
    if the documents give only other periods."""
    best = scored[0]
    near = [s for s in scored
            if s.score >= 0.75 * best.score and s.focus >= 0.75 * best.focus and _period_of(s, periods)]
    return [near[0]] + [s for s in scored if s is not near[0]] if near else []


def _with_its_list(cand: Candidate, units: list[Candidate], wanted: bool = False) -> Candidate:
    """A sentence introducing a list ("Three gaps have been identified from the STP:") with the items
    that follow it in its passage, as far as they fit: the items are the answer. When the question
    asks for several things (`wanted`), a sentence announcing them is read with a list introduced
    just after it ("The Partnership has adopted seven principles ... The principles are as follows:"),
    or with the numbered items that follow it ("... maintain the four shared strategic outcomes ...
    1. Promoting the health and wellbeing of ..."), the opening words of each."""
    following = _following(cand, units)
    items = [u.text for u in following]
    text = cand.text.rstrip()
    if not text.endswith(":"):
        intro = next((i for i, item in enumerate(items[:_LIST_REACH]) if item.rstrip().endswith(":")), None)
        if wanted and intro is None and following and following[0].numbered:
            # An item is named by its opening words; its description may run on in the same sentence.
            text, items = f"{text.rstrip(' .')}:", [trim(u.text, _ITEM_CHARS) for u in following if u.numbered]
        elif wanted and intro is not None:
            text = f"{_as_sentence(text)} {items[intro].rstrip()}"  # what stands between is left out
            items = items[intro + 1:]
        else:
            return cand
    for item in items:
        if len(text) + len(item) + 2 > MAX_CHARS - 100:
            break
        text += (" " if text.endswith(":") else "; ") + item.rstrip(" .;")
    return replace(cand, text=text)


# A sentence saying what was asked rather than what was answered: "some questions were included on
# how young people perceived our workforce and what skills they would like to see in a worker".
_ASKED_ABOUT = re.compile(r"\b(?:questions? (?:were|was) (?:\w+ )?(?:included|asked|put)|(?:were|was) asked|consulted)"
                          r"\b[^.]{0,40}\b(?:on|about|whether|how|what|which)\b", re.IGNORECASE)
_ANSWER_REACH = 2  # sentences after one saying what was asked that may hold the answer


def _with_its_answer(cand: Candidate, units: list[Candidate]) -> Candidate:
    """A sentence saying what people were asked, read with the sentences after it in its passage,
    which say what they answered ("There was a very clear message ... Namely, to show respect, ...")."""
    if not _ASKED_ABOUT.search(cand.text) or cand.text.rstrip().endswith(":"):
        return cand
    return _read_on(cand, units, _ANSWER_REACH)


def _with_the_items_it_leads_to(cand: Candidate, units: list[Candidate], question: str) -> Candidate:
    """A sentence read with the next one in its passage when that one lists items under a label using the
    question's words ("The 2019 Workforce Health Check provided the most positive set of data ..." then
    "Key positives noted were: new IT resources, ...", for "What did staff rate most positively?")."""
    after = _following(cand, units)[:1]
    label = _ITEMS_LABEL.match(after[0].text) if after else None
    if not label or ":" in cand.text:
        return cand
    # "positives" names what "positively" asks about: words sharing their first five letters
    asked = {w[:5] for w in re.findall(r"[a-z]{5,}", question.lower()) if w not in STOPWORDS}
    said = {w[:5] for w in re.findall(r"[a-z]{5,}", label.group(1).lower()) if w not in STOPWORDS}
    return _read_on(cand, units, 1) if asked & said else cand


# "Key positives noted were: ...": a label, then the items it names after a colon.
_ITEMS_LABEL = re.compile(r"^([\w'’ -]{3,60}?)\s+(?:were|are|was|is|include[sd]?)\s*:\s*\S", re.IGNORECASE)


_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|cannot|none)\b|n['’]t\b", re.IGNORECASE)


def _with_its_exception(cand: Candidate, units: list[Candidate]) -> Candidate:
    """For a yes/no question, a sentence saying what is needed or true, read with the next sentence
    of its passage when that one says what is not ("To join you need to be ... . You do not need to be
    located in Nottingham"): the exception is often the answer."""
    following = _following(cand, units)[:1]
    if not following or _NEGATION.search(cand.text) or not _NEGATION.search(following[0].text):
        return cand
    return _read_on(cand, units, 1)


def _following(cand: Candidate, units: list[Candidate]) -> list[Candidate]:
    """The candidates after `cand` in its passage, in order."""
    return [u for u in units if u.hit is cand.hit and u.position > cand.position]


def _read_on(cand: Candidate, units: list[Candidate], count: int) -> Candidate:
    """`cand` read with up to `count` sentences after it in its passage, as long as the answer has room."""
    text = cand.text
    for unit in _following(cand, units)[:count]:
        if len(text) + len(unit.text) + 1 > MAX_CHARS - 100:
            break
        text = f"{_as_sentence(text)} {unit.text}"
    return replace(cand, text=text)


# A candidate from a document of another date answers the same question when it covers nearly as
# much of the question's topic as the best candidate and scores not far below it.
VERSION_FOCUS = 0.9
VERSION_SCORE = 0.6
# Candidates scoring this share of the best are close enough to be ordered by their documents' dates.
CLOSE_SCORE = 0.85


def _versions(best: Scored, scored: list[Scored], kind: str = "other", person: str = "") -> list[Scored]:
    """The best candidate from each other-dated document that says the same thing, perhaps differently
    ("Job title: Integrated Workforce Project Officer" in 2013, "... Consultant" in 2017). For a
    who-question it must say who ("Responsibility Lead: Paul Langley"), not merely name something; for
    a question asking `person`'s job title, any sentence giving it is one, however few of the words of
    the older title it shares."""

    def says_it(item: Scored) -> bool:
        text = item.cand.text
        if kind == "person" and not (LEAD_FIELD.search(text) or AGENT.search(text) or EMAIL.search(text)):
            return False
        if kind == "title" and person and names_title(person, text):
            return item.score >= VERSION_SCORE * best.score
        return (item.focus >= VERSION_FOCUS * best.focus and item.own > 0
                and item.score >= VERSION_SCORE * best.score)
    return _first_of_each_date(scored, {best.cand.hit.chunk.date_sort}, says_it)


def _first_of_each_date(scored: list[Scored], dates_taken: set[str], wanted) -> list[Scored]:
    """The first `wanted` candidate of each dated document not of `dates_taken`, best first."""
    taken = set(dates_taken)
    out = []
    for item in scored:
        date = item.cand.hit.chunk.date_sort
        if date and date not in taken and wanted(item):
            taken.add(date)
            out.append(item)
    return out


def _expansions_shortened(question: str, glossary: dict[str, str] | None) -> str:
    """The question with the names the glossary gives acronyms for written as the acronyms: "the Greater
    Nottingham Sustainability and Transformation Plan" names "Greater Nottingham" and the STP, not a
    "Greater Nottingham Sustainability" and a "Transformation Plan" (its "and" splits it in two)."""
    lowered = question.lower()
    for short, expansion in (glossary or {}).items():
        if " and " in expansion and expansion.lower() in lowered:
            question = re.sub(re.escape(expansion), short, question, flags=re.IGNORECASE)
    return question


def _on_day(cand: Candidate, day: re.Pattern) -> bool:
    """Whether the candidate's passage, the paper of a bundle it belongs to ("MINUTES of meeting held ...
    on 26 JUNE 2013") or its document's own date names that day."""
    chunk = cand.hit.chunk
    return bool(day.search(chunk.text) or day.search(chunk.paper) or day.search(chunk.date))


def _names_in(hit: Hit, names: list[str], glossary: dict[str, str] | None = None) -> bool:
    """Whether the passage (with its title, heading and acronyms) names what the question
    names; an acronym the passage uses names what the corpus `glossary` says it stands for ("NCSCB"
    names the "Nottingham City Safeguarding Children Board" in a contact list that never spells it out).
    A passage of a bundle of papers names what its paper's cover sheet does: the bid's timetable names
    "Small Steps Big Changes" because the paper is titled so."""
    chunk = hit.chunk
    text = f"{chunk.index_text} {chunk.title} {chunk.paper}"
    return names_all(text, names) or bool(glossary) and names_all(expand_text(text, glossary), names)


def _mentions_among(cand: Candidate, names: list[str], hits: list[Hit], glossary: dict[str, str] | None) -> bool:
    """Whether the candidate's passage names what the question names (_names_in), or, for a question
    naming several things, is a passage of a bundle of papers naming some of them itself (or by its
    paper's title) whose bundle names the others in another passage retrieved: "Out of the original 152
    Local Authorities invited to submit an Expression of Interest ..." is about the "Big Lottery A Better
    Start" bid the papers name elsewhere."""
    if _names_in(cand.hit, names, glossary):
        return True
    chunk = cand.hit.chunk
    # A record split over two passages under one heading is read as one: "The first meeting took place
    # on the 1st July 2019", after the passage naming the "Rota Visits" the new board replaced; but not
    # a sentence opening with a name of its own ("On Target Hucknall Flying High Primary School opened
    # ..." after the passage naming West Bridgford).
    if (any(_continues(chunk, h.chunk) and _names_in(h, names, glossary) for h in hits)
            and not _opens_with_a_name(cand.text)):
        return True
    if names_all(cand.label, names):
        return True
    # Said by the passage or its paper's title ("Big Lottery for Nottingham, ..."), not the bundle's.
    said = [name for name in names if names_all(f"{chunk.text} {chunk.paper}", [name])]
    if len(names) < 2 or not said or not chunk.paper:
        return False
    same = [h for h in hits if h.chunk.source == chunk.source]
    return all(any(_names_in(h, [name], glossary) for h in same) for name in names if name not in said)


_WORDS = re.compile(r"[\w'’£%]+(?:[.,-][\w'’£%]+)*")  # words and numbers ("£1.2m", "2019/20" as two)
_LABEL_WORDS = 6  # words of a line that labels what follows it, a row's name, not a sentence
# A progress report's row opening: its action, then its date and status ("... Career Pathway March 2020 On Target").
_DATED_STATUS = re.compile(rf"{MONTH_NAME.pattern}\s+\d{{4}}\s+(?i:{STATUS.pattern})")
_OPENING_WORDS = 3  # a sentence names its subject among its first words: "On Target Hucknall Flying High ..."


def _opens_with_a_name(text: str) -> bool:
    """Whether the sentence names what it tells of in its first words: a name of two words or more
    starting among its first _OPENING_WORDS."""
    opening = len(" ".join(text.split()[:_OPENING_WORDS]))
    return any(len(name.split()) > 1 and 0 <= text.find(name) < opening for name in named_things(text))


def _first_on_topic(scored: list[Scored], least: float) -> Scored | None:
    """The best sentence if it covers `least` of the question's topic (or uses its quoted words); else a
    sentence of the same passage scoring nearly as well that covers it by its own words, or None. The
    plan's "Quality\nMark Charter has been launched ..." reads as a person's name and scores best for
    "Which councillor holds the education, employment and skills portfolio ...?", on too little of its
    topic; the signature beside it ("Councillor Sam Webster Portfolio Holder for Education, ...")
    answers."""
    def on_topic(s: Scored) -> bool:
        return s.quoted or not (s.focus < least or _says_none_of_it(s))
    if not scored or on_topic(scored[0]):
        return scored[0] if scored else None
    best = scored[0]
    return next((s for s in scored[1:] if s.score >= NEAR_BEST * best.score and s.own >= least and on_topic(s)
                 and s.cand.hit.chunk.chunk_id == best.cand.hit.chunk.chunk_id), None)


def _continues(chunk: Chunk, before: Chunk) -> bool:
    """Whether `chunk` is the passage right after `before` in its document, under the same named heading."""
    return bool(chunk.heading) and _follows(chunk, before)


def _label_before(hit: Hit, hits: list[Hit]) -> str:
    """The bare label closing the passage right before `hit`'s in its document, when retrieved too: a
    table's row label the extraction left as the last line of one passage ("Business Intelligence"),
    its cells opening the next ("Timescale TBC / Complete Reporting has now been developed ... This
    workstream is now closed."); "" when that passage ends on a sentence or is not retrieved."""
    here = _ordinal(hit.chunk)
    before = next((h.chunk for h in hits if h.chunk.source == hit.chunk.source and here is not None
                   and _ordinal(h.chunk) == here - 1), None)
    if before is None:
        return ""
    last = before.text.rstrip().rsplit("\n", 1)[-1].strip(" -•")
    return last if len(last.split()) <= _LABEL_WORDS and not re.search(r"[.,;:!?]$", last) else ""


def _follows(chunk: Chunk, before: Chunk) -> bool:
    """Whether `chunk` is the prose passage right after `before` in its document, under the same heading
    (or none)."""
    here, prior = _ordinal(chunk), _ordinal(before)
    # A list may go on with the record the prose before it tells ("- 3 Service induction days ...").
    return (chunk.source == before.source and {chunk.kind, before.kind} <= {"paragraph", "list_item"}
            and chunk.heading == before.heading
            and here is not None and prior is not None and here == prior + 1)


def _ordinal(chunk: Chunk) -> int | None:
    """The chunk's place in its document, which its id ends with ("03af9a7729e9-0012")."""
    tail = chunk.chunk_id.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else None


def topic_terms(question: str) -> list[str]:
    """The question's content words minus the words that only say what kind of fact is wanted, and
    minus who is asking ("youth worker question - ...", "Councillor here: ...", "I'm a DSL - ...")."""
    return [t for t in stems(without_asker(question)) if t not in TYPE_WORDS]




def _close_elsewhere(scored: list[Scored], chosen: list[Scored]) -> list[Scored]:
    """The best close-scoring candidate (CLOSE_SCORE of the best) of each other-dated document that the
    answer's length left out: a newer plan's "two events each year" must not be crowded out by an
    older plan's long row saying "quarterly"."""
    return _first_of_each_date(scored, {c.cand.hit.chunk.date_sort for c in chosen},
                               lambda item: item.score >= CLOSE_SCORE * scored[0].score)


def _newest_first(chosen: list[Scored], versions: list[Scored], best: float, past: bool = False) -> list[Scored]:
    """When close-scoring sentences, or versions of the best one (`versions`, also those the answer's
    length left out), come from documents of different dates, the newest leads (the oldest when the
    question asks about the past: "who did it before?") and the others follow; the answer stays
    within MAX_SENTENCES."""
    close: list[Scored] = []
    for item in [c for c in chosen if c.score >= CLOSE_SCORE * best] + [v for v in versions if v not in chosen]:
        if not any(item is kept for kept in close):  # a version may be found by both routes
            close.append(item)
    if len({c.cand.hit.chunk.date_sort for c in close}) < 2 or not chosen[0].cand.hit.chunk.date_sort:
        return chosen  # one date, or an undated best answer that cannot be told older or newer
    rest = [c for c in chosen if c not in close]
    ordered = sorted(close, key=lambda c: c.cand.hit.chunk.date_sort, reverse=not past) + rest
    return ordered[:MAX_SENTENCES]


def _render(kind: str, chosen: list[Candidate]) -> tuple[str, list[Hit], list[Candidate]]:
    cited: list[Hit] = []
    parts = []
    lead_date = chosen[0].hit.chunk.date_sort
    for i, cand in enumerate(chosen):
        if cand.hit not in cited:
            cited.append(cand.hit)
        sentence = _as_sentence(cand.text)
        chunk = cand.hit.chunk
        if i == 0:
            fact = the_fact(kind, cand.text)
            if fact and not cand.text.startswith(fact):
                sentence = f"{fact.rstrip('.')}. {sentence}"  # "Lead: Jane Example." ends a row
        elif chunk.date_sort and lead_date and chunk.date_sort[:4] != lead_date[:4]:
            sentence = f"In {chunk.title} ({chunk.date}): {sentence}"
        parts.append(f"{sentence} [{cited.index(cand.hit) + 1}]")
    return " ".join(parts), cited, chosen


def _heading_like(cand: Candidate) -> float:
    """A table row or a "Label: value" line holds data, however capitalised its labels are."""
    if cand.hit.chunk.kind == "table_row" or LABELLED_VALUE.match(cand.text):
        return 0.0
    return _looks_like_heading(cand.text)


def _looks_like_heading(text: str) -> float:
    """1.0 for agenda lines and headings ("5 SHAPING THE FUTURE ...** Attached"), which rarely answer."""
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters) / max(1, len(letters))
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in ("and", "of", "the", "for", "a")]
    title_case = sum(w[0].isupper() for w in words) / max(1, len(words))
    # A contact entry, name, post and how to reach them, is no heading however capitalised.
    short_title = len(words) <= 12 and title_case > 0.7 and not _REACHED_AT.search(text) and not text.endswith(".")
    # A long sentence in capitals ending in a full stop is a notice ("PLEASE ARRIVE AT LEAST ..."), not a heading.
    notice = len(words) > 15 and text.rstrip("*").endswith(".")
    # Mostly bold: a label ("**Review complete**"); a few bold words inside a sentence are emphasis.
    bold = sum(len(m) for m in re.findall(r"\*\*(.+?)\*\*", text))
    bold_label = bold >= 0.5 * len(text.replace("*", "")) and len(text.split()) < 25
    return 1.0 if (capitals > 0.5 and not notice) or short_title or bold_label else 0.0


def _recency_ranks(cands: list[Candidate]) -> dict[str, float]:
    """1.0 for the newest document among the candidates, down to 0 for the oldest."""
    dates = sorted({c.hit.chunk.date_sort for c in cands if c.hit.chunk.date_sort})
    by_date = {d: i / max(1, len(dates) - 1) for i, d in enumerate(dates)}
    return {c.hit.chunk.source: by_date.get(c.hit.chunk.date_sort, 0.0) for c in cands}


_MARKER_LIKE = re.compile(r"\[(\d+)\]")


def _as_sentence(text: str) -> str:
    text = _MARKER_LIKE.sub(r"(\1)", text.strip()).rstrip(";,:").rstrip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _said_again(cand: Candidate, chosen: Candidate) -> bool:
    """Whether a sentence only repeats one already chosen: most of its words are the other's, or, in the
    same passage, punctuation aside ("Sale of excess disability beds" after "Sale of excess disability
    beds. March 2020 Experiencing Obstacles"). The same record in another document is kept: it says
    who held the post then."""
    return _similar(cand.text, chosen.text) or (cand.hit.chunk.chunk_id == chosen.hit.chunk.chunk_id
                                                and _similar(cand.text, chosen.text, _WORDS.findall))


def _similar(a: str, b: str, words=str.split) -> bool:
    """Whether the shorter text's words (as `words` splits them) are mostly the longer one's."""
    sa, sb = set(words(a.lower())), set(words(b.lower()))
    return len(sa & sb) / max(1, min(len(sa), len(sb))) > 0.8
