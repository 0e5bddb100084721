"""Read a document's date or period from its own text ("September 2017 to December 2019")."""
from __future__ import annotations

import calendar
import re

from ingest.records import Period

# A month's name or abbreviation, in lower case -> its number ("sept" too).
MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_NUMBERS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTH_NUMBERS["sept"] = 9
_M = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
     r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_Y = r"((?:19|20)\d\d)"
_DASH = r"\s*(?:to|-|–|—|until)\s*"
_SPAN = r"\s*(?:-|–|—|to|/)\s*"  # between the two years of "2010 - 2014", "2013/14", "2017-19"
_YEARS = re.compile(rf"\b{_Y}(?:{_SPAN}((?:19|20)?\d\d))?\b")
_DAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"

# Most specific first: the first pattern that matches anywhere in the opening text wins.
_PATTERNS = [
    ("month_range", re.compile(rf"\b{_M}\s+{_Y}{_DASH}{_M}\s+{_Y}\b", re.IGNORECASE)),
    ("months_in_year", re.compile(rf"\b{_M}{_DASH}{_M}\s+{_Y}\b", re.IGNORECASE)),
    ("day", re.compile(rf"\b{_DAY}(\d{{1,2}})(?:st|nd|rd|th)?\s+{_M}\s+{_Y}\b", re.IGNORECASE)),
    ("year_range", re.compile(rf"\b{_Y}{_SPAN}((?:19|20)?\d\d)\b")),
    ("month", re.compile(rf"\b{_M}\s+{_Y}\b", re.IGNORECASE)),
]
MONTH_YEAR = _PATTERNS[-1][1]  # "December 2020", "Dec 2020"


def find_period(text: str, head_chars: int = 1500) -> Period:
    """The period a document covers, read from its opening text; an empty Period when none is found."""
    head = text[:head_chars]
    for kind, pattern in _PATTERNS:
        match = pattern.search(head)
        if match:
            return _to_period(kind, match)
    return Period()


def parse_period(text: str) -> Period:
    """Parse a period written by a person (a catalogue entry such as "2016" or "July - September 2020")."""
    period = find_period(text, head_chars=len(text))
    if period.start:
        return Period(period.start, period.end, text.strip())
    year = re.search(_Y, text)
    if year:
        return Period(f"{year.group(1)}-01-01", f"{year.group(1)}-12-31", text.strip())
    return Period(text=text.strip() or None)


def title_year(title: str) -> Period:
    """The year a title names ("Forest School Note 2022") as a period; an empty Period when it names
    none or several."""
    years = set(re.findall(rf"\b{_Y}\b", title))
    if len(years) != 1:
        return Period()
    year = years.pop()
    return Period(f"{year}-01-01", f"{year}-12-31", year)


def _to_period(kind: str, m: re.Match) -> Period:
    text = " ".join(m.group(0).split())
    if kind == "month_range":
        return Period(_first_day(m.group(2), m.group(1)), _last_day(m.group(4), m.group(3)), text)
    if kind == "months_in_year":
        return Period(_first_day(m.group(3), m.group(1)), _last_day(m.group(3), m.group(2)), text)
    if kind == "day":
        day = f"{int(m.group(3)):04d}-{MONTH_NUMBERS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
        return Period(day, day, text)
    if kind == "year_range":
        start = m.group(1)
        return Period(f"{start}-01-01", f"{_span_end(start, m.group(2))}-12-31", text)
    return Period(_first_day(m.group(2), m.group(1)), _last_day(m.group(2), m.group(1)), text)


def years_named(text: str) -> set[int]:
    """Every year `text` names, spans expanded: "the 2017-19 plan" -> {2017, 2018, 2019}."""
    return set().union(*year_spans(text))


def year_spans(text: str) -> list[frozenset[int]]:
    """Each year or span of years `text` names, in order: "in 2009/10 and March 2013" ->
    [{2009, 2010}, {2013}]."""
    spans = []
    for m in _YEARS.finditer(text):
        first = int(m.group(1))
        last = int(_span_end(m.group(1), m.group(2))) if m.group(2) else first
        spans.append(frozenset(range(first, last + 1) if first <= last <= first + 10 else [first]))
    return spans


def months_named(text: str) -> list[int]:
    """Each month `text` names with its year, as a month count (year * 12 + month): "between July and
    December 2020" -> [2020 * 12 + 12]."""
    return [month_count(m.group(2), m.group(1)) for m in MONTH_YEAR.finditer(text)]


def month_count(year: str | int, month: str) -> int:
    """A month as year * 12 + month, so months of different years compare in order."""
    return int(year) * 12 + MONTH_NUMBERS[month.lower()]


def _span_end(start: str, end: str) -> str:
    """The full second year of a span: ("2017", "19") -> "2019"."""
    return end if len(end) == 4 else start[:2] + end


def _first_day(year: str, month: str) -> str:
    return f"{int(year):04d}-{MONTH_NUMBERS[month.lower()]:02d}-01"


def _last_day(year: str, month: str) -> str:
    number = MONTH_NUMBERS[month.lower()]
    return f"{int(year):04d}-{number:02d}-{calendar.monthrange(int(year), number)[1]:02d}"
