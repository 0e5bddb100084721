"""Who's who from a document's chunks: people, roles and responsibilities, each fact with its document and
date. Read once per document at ingest and stored with it (index.store); a question reads the stored facts."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[A-Za-z]{2,})+")
NAME = r"[A-Z][a-z]+(?:[ -](?:Mc|Mac)?[A-Z][a-zA-Z'’-]+){1,2}"
# The titles a name may carry: "Councillor Sam Webster", "Cllr Mellen", "Dr. Tim O'Neill".
HONORIFIC = r"(?:Councillor|Cllr|Dr|Professor|Prof|Mr|Mrs|Ms|Miss)\.?"
_IS_NAME = re.compile(rf"^(?:{HONORIFIC} )?({NAME})$")
# "✓ Chris Wallbanks | - Programme Manager | Nottingham City Council" (attendance lists)
_PIPE_ROW = re.compile(rf"^[✓\s]*(?:Councillor\s+)?({NAME})\s*\|\s*-\s*([^|]{{3,90}}?)\)?\s*"
                       r"(?:\|\s*-?\s*([^|]+?)\)?\s*)?\|?$")
# "Jane Example - Head of Early Help" or "Jane Example, Head of Early Help"
_DASH_LINE = re.compile(rf"^(?:[-•]\s*)?({NAME})\s*[-–,]\s+([A-Z][^.;|]{{3,80}})$")
# Capitalised words that make a line look like "Firstname Lastname" when it is a role or a title.
NOT_NAMES = frozenset("""chief executive head teacher senior networks officer manager education integrated
workforce partnership programme children think family healthy working together nottingham council
board city service services team lead director""".split())
_SPLIT_NAMES = re.compile(r"\s*(?:,|\band\b|&|/)\s*")


@dataclass(frozen=True)
class Fact:
    """One thing a document says about a person, with where and when it says it."""

    name: str
    role: str
    organisation: str
    responsibility: str
    source: str
    title: str
    date: str
    date_sort: str
    page: int
    status: str = ""  # "latest" or "superseded" once compared with the person's other facts


def row_fields(text: str) -> dict[str, str]:
    """'Name: X; Job title: Y' (a table row rendered by the chunker) -> {'Name': 'X', 'Job title': 'Y'}."""
    fields = {}
    for part in text.split("; "):
        key, sep, value = part.partition(": ")
        if sep and len(key) <= 40:
            fields[key.strip()] = value.strip()
    return fields


def is_person(name: str) -> bool:
    """False for capitalised phrases such as 'Chief Executive' that the name pattern also matches."""
    return not any(word.lower() in NOT_NAMES for word in re.split(r"[ -]", name))


def split_names(value: str) -> list[str]:
    """'Elaine Mitchell, Viv McCrossen and Rasool Gore' -> the three names; non-names dropped."""
    names = []
    for part in _SPLIT_NAMES.split(value.strip().rstrip(".")):
        match = _IS_NAME.match(part.strip())
        if match and is_person(match.group(1)):
            names.append(match.group(1))
    return names


def facts_in_row(text: str) -> list[tuple[str, str, str, str]]:
    """(name, role, organisation, responsibility) from a 'Name: ...; Job title: ...' or '...Lead: ...' row."""
    fields = row_fields(text)
    name = fields.get("Name", "")
    if name and _IS_NAME.match(name):
        role = fields.get("Job title") or fields.get("Role") or ""
        org = fields.get("Organisation") or fields.get("Organization") or _domain(fields.get("Email", ""))
        return [(name, role.rstrip(","), org, "")]
    out = []
    for key, value in fields.items():
        if "lead" in key.lower() or key.lower() in ("owner", "responsible"):
            task = _first_value(fields, key)
            out += [(n, key.rstrip("?"), "", task) for n in split_names(value)]
    return out


def facts_in_lines(text: str) -> list[tuple[str, str, str, str]]:
    """Facts from contact blocks (a name line, then a role line with an email) and 'Name - role' lines."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    out = []
    for i, line in enumerate(lines):
        email = _EMAIL.search(line)
        if email and i > 0 and _IS_NAME.match(lines[i - 1]):
            role = line[: email.start()].strip(" ,;-")
            out.append((_IS_NAME.match(lines[i - 1]).group(1), role, _domain(email.group(0)), ""))
            continue
        if email and (named := _named_by_email(line[: email.start()], email.group(0))):
            out.append((*named, _domain(email.group(0)), ""))
            continue
        for pattern in (_PIPE_ROW, _DASH_LINE):
            match = pattern.match(line)
            if match:
                org = match.group(3) if pattern is _PIPE_ROW and match.group(3) else ""
                out.append((match.group(1), match.group(2).strip(" )"), org.strip(" )"), ""))
                break
    return out


def _named_by_email(before: str, email: str) -> tuple[str, str] | None:
    """'Holly Bligh NCSCB Training Co-ordinator holly.bligh@...' on one line: the words the email's
    own name spells ("holly.bligh") are the name, the rest before the email the role."""
    parts = [p for p in re.split(r"[._-]", email.split("@", 1)[0].lower()) if p.isalpha()]
    words = before.split()
    if len(parts) < 2 or len(words) <= len(parts):
        return None
    name = " ".join(words[: len(parts)])
    if [w.lower() for w in words[: len(parts)]] != parts or not re.fullmatch(NAME, name):
        return None
    return name, " ".join(words[len(parts):]).strip(" ,;-")


def extract_people(chunks, organisations: dict[str, str] | None = None) -> list[Fact]:
    """Every person fact in `chunks`, newest first per person, older facts marked superseded."""
    return mark_status(facts_in_chunks(chunks, organisations))


def facts_in_chunks(chunks, organisations: dict[str, str] | None = None) -> list[Fact]:
    """Every person fact in `chunks`, in reading order, once per name, post and document, with no status yet:
    which fact of a person is the latest depends on every document (mark_status)."""
    organisations = organisations or {}
    facts, seen = [], set()
    for chunk in chunks:
        found = facts_in_row(chunk.text) if "; " in chunk.text else []
        found = found or facts_in_lines(chunk.text)
        for name, role, org, task in found:
            if not is_person(name):
                continue
            key = (name.lower(), role.lower(), chunk.source)
            if key in seen:
                continue
            seen.add(key)
            facts.append(Fact(name, role, org or organisations.get(chunk.source, ""), task, chunk.source,
                              chunk.title, chunk.date, chunk.date_sort, chunk.page_start))
    return facts


def mark_status(facts: list[Fact]) -> list[Fact]:
    """Per person, facts from their most recent document are 'latest'; the rest 'superseded'."""
    newest: dict[str, str] = {}
    for fact in facts:
        newest[fact.name.lower()] = max(newest.get(fact.name.lower(), ""), fact.date_sort or "")
    marked = [replace(f, status="latest" if (f.date_sort or "") == newest[f.name.lower()] else "superseded")
              for f in facts]
    return sorted(marked, key=lambda f: (f.name.split()[-1].lower(), f.name.lower(),
                                         _desc(f.date_sort)))


def _first_value(fields: dict[str, str], skip: str) -> str:
    """The row's first other column (the task a lead is responsible for), shortened for display."""
    value = next((v for k, v in fields.items() if k != skip and "time" not in k.lower()), "")
    return value if len(value) <= 160 else value[:157].rsplit(" ", 1)[0] + "…"


def _domain(email: str) -> str:
    return email.split("@", 1)[1].replace(" ", "") if "@" in email else ""


def _desc(date_sort: str) -> str:
    """A key that sorts ISO dates newest first."""
    return "".join(chr(255 - ord(ch)) for ch in (date_sort or ""))
