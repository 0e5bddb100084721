"""The periods a question asks about, and whether a sentence speaks of that period or of another.

"What was the vacancy rate in Q2 2020-21?" is not answered by "Q1 data for 2020-21 showed a vacancy
rate of 3.31%", nor "staff turnover in 2010/11" by "turnover ... at 6.5% in 2009/2010": the sentence
names a period of the same sort, and not the one asked about.
"""
from __future__ import annotations

import calendar
import re

from chat.questions import asked_part, document_mentions
from ingest.dates import MONTH_YEAR, month_count, months_named, year_spans, years_named

_QUARTER = re.compile(r"\b(?:Q([1-4])|quarter ([1-4]))\b", re.IGNORECASE)
# Numbered stages of a programme: "the third year", "Phase 2", "Stage One"; "the second quarter" is Q2.
_NUMBERS = {w: str(i) for i, w in enumerate(("one", "two", "three", "four", "five"), 1)}
_NUMBERS.update({w: str(i) for i, w in enumerate(("first", "second", "third", "fourth", "fifth"), 1)})
_STAGE = re.compile(r"\b(?:(first|second|third|fourth|fifth|[1-5](?:st|nd|rd|th)) (year|phase|stage|wave|quarter)"
                    r"|(phase|stage|wave) (one|two|three|four|five|[1-5]))\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./](\d{1,2})[./](\d{2}|\d{4})\b")  # "31.03.13", "31/03/2013"
# A sentence saying "currently" speaks of its document's own time.
_NOW = re.compile(r"\b(?:currently|now|at present|this year|to date)\b", re.IGNORECASE)

# A sentence in the present tense only speaks of its document's own time too.
_PRESENT = re.compile(r"\b(?:is|are)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:was|were|had|has|have|did|been|since|ago)\b", re.IGNORECASE)

# "As reported to the Board in June 2013, when had the last inspection taken place?": when it was
# reported says where to look; what was reported may be of an earlier time. So does the time a question
# opens by standing at: "As of autumn 2020, when was the programme due to end?" (April 2021).
_REPORTED_WHEN = re.compile(r"^\s*as\s+(?:reported|noted|presented|stated|said|told|of|at)\b[^,?]*,", re.IGNORECASE)
# "What was the breastfeeding rate reported to the board in 2013?": the year says which papers, those
# of 2013, not which year the figure is of.
_REPORTED_IN = re.compile(r"\b(?:reported|presented|given|told|said) to (?:the )?(?:[\w'’-]+ ){0,3}?"
                          r"(?:board|committee|meeting|council)\b[^?]{0,20}?\bin ((?:[A-Z][a-z]+ )?(?:19|20)\d\d)\b",
                          re.IGNORECASE)
# "at the time of the 2017-19 plan" asks when, by naming a document: its years are the years asked.
_AT_THE_TIME_OF = r"\b(?:at the time of|during|in the time of|in the days of)\s+"

# Years, spans of years, quarters and stages ("quarter:2"), and the months a split year covers.
Periods = tuple[list[frozenset[int]], set[str], list[tuple[int, int]]]


def periods_asked(question: str, glossary: dict[str, str] | None = None) -> Periods:
    """The years (or spans of years), quarters and numbered stages the question asks about; years
    naming a document ("according to the 2016 plan", with the `glossary` "the 2016 CYPP") say where
    to look, not when, unless it is named for its time ("at the time of the 2017-19 plan"), and so
    does when something was reported ("As reported to the Board in June 2013, ..."); a statement of
    how things were before the question ("X was ... in 2013 - what is it now?") sets the scene
    (questions.asked_part)."""
    question = _REPORTED_WHEN.sub(" ", asked_part(question))
    for phrase, _ in document_mentions(question, glossary):
        if not re.search(rf"{_AT_THE_TIME_OF}(?:the\s+|our\s+)?{re.escape(phrase)}", question, re.IGNORECASE):
            question = question.replace(phrase, " ")
    return _years(question), _labels(question), _split_year_months(question)


def period_fit(text: str, asked: Periods, document_date: str = "") -> bool | None:
    """Whether `text` speaks of a period asked about (True), names only others of the same sort
    (False: "Q1" for "Q2", "the first year" for "the third year", "2009/2010" for "2010/11"), or names
    none (None). A span and a year inside it fit each other ("2019/20" and "2020"; "2017-19" and
    "March 2018"); "currently" means the document's own date."""
    years, labels, months = asked
    said_labels = _labels(text)
    for sort in {label.split(":")[0] for label in labels}:  # quarters, phases, stages: the same sort
        said = {label for label in said_labels if label.startswith(sort + ":")}
        if said and not labels & said:
            return False
        if said:  # the quarter asked, but of the year asked? ("Q2 2012/13" is not Q2 2013/14)
            return _years_fit(years, _years(text)) is not False
    dated_months = months_named(text)
    if months and dated_months and not _years(MONTH_YEAR.sub(" ", text)):
        # Only months are named: "between July and December 2020" is outside 2019/20.
        return any(first <= month <= last for month in dated_months for first, last in months)
    said = _years(_DEADLINE.sub(" ", text)) + _years_until_deadline(text, document_date)
    return _years_fit(years, said + (_years(document_date) if _NOW.search(text) else []))


# A deadline ("Timescale Completed by: March 2011", "by April 2012") ends the time a row of a plan
# speaks of, from its document's start: the Aiming High lead of that row led it in 2010 as well.
_DEADLINE = re.compile(r"\b(?:completed by|complete by|to be completed by|by)\s*:?\s*(?:the end of\s+)?"
                       r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b")


def _years_until_deadline(text: str, document_date: str) -> list[frozenset[int]]:
    """For each deadline the text names, the years from its document's start to the deadline."""
    start = min(document_years(document_date), default=None)
    deadlines = [int(m.group(1)) for m in _DEADLINE.finditer(text)]
    return [frozenset(range(min(start, year), year + 1)) if start else frozenset({year}) for year in deadlines]


def reported_in(question: str) -> set[int]:
    """The years a question says something was reported to a board in: the papers must be of then."""
    return {year for m in _REPORTED_IN.finditer(question) for year in years_named(m.group(1))}


def document_years(date: str) -> set[int]:
    """Every year a document's date or period covers: "September 2017 to December 2019" -> 2017,
    2018, 2019."""
    spans = year_spans(date)
    if len(spans) == 2 and len(spans[0]) == len(spans[1]) == 1:  # two years, said apart
        return set(range(min(spans[0]), max(spans[1]) + 1))
    return set().union(*spans)


def document_fit(document_date: str, asked: Periods, text: str = "") -> bool | None:
    """Whether a document of this date can speak of the years asked about, in a sentence (`text`)
    naming no period: False when it ends before all of them (a 2010-2014 strategy says nothing of
    2017's teachers); a later document may look back, but not in the present tense ("48% of infants
    are being breast fed" in a 2016 plan is no figure for 2012, though it may be for 2015, the year
    a plan's figures are often of). None when no year is asked or the document is undated."""
    said = document_years(document_date)
    if not asked[0] or not said:
        return None
    if _PRESENT.search(text) and not _PAST.search(text):  # of its own time, or the year before it
        return _years_fit(asked[0], [frozenset(said | {min(said) - 1})])
    last = max(said)
    return any(min(years) <= last for years in asked[0])


def _years_fit(asked: list[frozenset[int]], said: list[frozenset[int]]) -> bool | None:
    """Whether a year said fits one asked (a span and a year inside it fit); None when either names none."""
    if not asked or not said:
        return None
    return any(a <= b or b <= a for a in asked for b in said)


def _years(text: str) -> list[frozenset[int]]:
    spans = year_spans(text)
    for m in _NUMERIC_DATE.finditer(text):
        spans.append(frozenset({_full_year(m.group(2))}))
    return spans


def _split_year_months(text: str) -> list[tuple[int, int]]:
    """The months a split year ("2019/20") may mean, as month counts (ingest.dates.month_count): a
    financial year runs April to March, a school year September to August, so April of the first
    year to August of the second."""
    return [(month_count(min(span), "April"), month_count(max(span), "August"))
            for span in year_spans(text) if len(span) == 2]


def dates_in_words(text: str) -> str:
    """The numeric dates of `text` in words, month and year: "31.03.13" -> "March 2013", so that a
    question about "the end of March 2013" meets the sentence that wrote it in figures."""
    return " ".join(f"{calendar.month_name[int(m.group(1))]} {_full_year(m.group(2))}"
                    for m in _NUMERIC_DATE.finditer(text) if 1 <= int(m.group(1)) <= 12)


def _full_year(year: str) -> int:
    return int(year if len(year) == 4 else "20" + year)


def _labels(text: str) -> set[str]:
    """Quarters and numbered stages, as "sort:number": {"quarter:2", "year:3", "phase:2"}."""
    out = {f"quarter:{m.group(1) or m.group(2)}" for m in _QUARTER.finditer(text)}
    for m in _STAGE.finditer(text):
        sort, number = (m.group(2), m.group(1)) if m.group(1) else (m.group(3), m.group(4))
        out.add(f"{sort.lower()}:{_NUMBERS.get(number.lower(), number[0])}")
    return out
