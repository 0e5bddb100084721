"""The periods a question asks about, and whether a sentence speaks of that period or of another.

"What was the vacancy rate in Q2 2020-21?" is not answered by "Q1 data for 2020-21 showed a vacancy
rate of 3.31%", nor "staff turnover in 2010/11" by "turnover ... at 6.5% in 2009/2010": the sentence
names a period of the same sort, and not the one asked about.
"""
from __future__ import annotations

import re

from chat.questions import documents_named
from ingest.dates import year_spans, years_named

_QUARTER = re.compile(r"\b(?:Q([1-4])|quarter ([1-4]))\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./](\d{2}|\d{4})\b")  # "31.03.13", "31/03/2013"
# A sentence saying "currently" speaks of its document's own time.
_NOW = re.compile(r"\b(?:currently|now|at present|this year|to date)\b", re.IGNORECASE)

Periods = tuple[list[frozenset[int]], set[str]]


def periods_asked(question: str) -> Periods:
    """The years (or spans of years) and quarters the question asks about; years naming a document
    ("according to the 2016 plan") say where to look, not when."""
    for phrase in documents_named(question):
        question = question.replace(phrase, " ")
    return _years(question), _quarters(question)


def period_fit(text: str, asked: Periods, document_date: str = "") -> bool | None:
    """Whether `text` speaks of a period asked about (True), names only others of the same sort
    (False: "Q1" for "Q2", "2009/2010" for "2010/11"), or names none (None). A span and a year inside
    it fit each other ("2019/20" and "2020"; "2017-19" and "March 2018"); "currently" means the
    document's own date."""
    years, quarters = asked
    said_quarters = _quarters(text)
    if quarters and said_quarters:
        return bool(quarters & said_quarters)
    said = _years(text) + (_years(document_date) if _NOW.search(text) else [])
    if not years or not said:
        return None
    return any(a <= b or b <= a for a in years for b in said)


def _years(text: str) -> list[frozenset[int]]:
    spans = year_spans(text)
    for m in _NUMERIC_DATE.finditer(text):
        year = m.group(1)
        spans.append(frozenset({int(year if len(year) == 4 else "20" + year)}))
    return spans


def _quarters(text: str) -> set[str]:
    return {m.group(1) or m.group(2) for m in _QUARTER.finditer(text)}
