"""Who's who from indexed chunks: people, roles and responsibilities, each fact with its document and date."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[A-Za-z]{2,})+")
_NAME = r"[A-Z][a-z]+(?:[ -](?:Mc|Mac)?[A-Z][a-zA-Z'’-]+){1,2}"
# The titles a name may carry: "Councillor Sam Webster", "Cllr Mellen", "Dr. Tim O'Neill".
HONORIFIC = r"(?:Councillor|Cllr|Dr|Professor|Prof|Mr|Mrs|Ms|Miss)\.?"
_IS_NAME = re.compile(rf"^(?:{HONORIFIC} )?({_NAME})$")
# "✓ Chris Wallbanks | - Programme Manager | Nottingham City Council" (attendance lists)
_PIPE_ROW = re.compile(rf"^[✓\s]*(?:Councillor\s+)?({_NAME})\s*\|\s*-\s*([^|]{{3,90}}?)\)?\s*(?:\|\s*-?\s*([^|]+?)\)?\s*)?\|?$")
# "Jane Example - Head of Early Help" or "Jane Example, Head of Early Help"
_DASH_LINE = re.compile(rf"^(?:[-•]\s*)?({_NAME})\s*[-–,]\s+([A-Z][^.;|]{{3,80}})$")
# Capitalised words that make a line look like "Firstname Lastname" when it is a role or a title.
_NOT_NAMES = frozenset("""chief executive head teacher senior networks officer manager education integrated
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
    return not any(word.lower() in _NOT_NAMES for word in re.split(r"[ -]", name))


# A run of capitalised words ("Chief Supt Simon Nickless", "Targeted Youth Support").
_CAPITALISED_RUN = re.compile(r"\b(?:Mc|Mac)?[A-Z][a-zA-Z'’-]+(?:\s+(?:Mc|Mac)?[A-Z][a-zA-Z'’-]+)+")
_PERSONAL_EMAIL = re.compile(r"\b[a-z]+\.[a-z'-]+@")  # "jane.example@...", not "info@..."


# Words of a post, which a name may stand beside but is not made of ("Assistant Chief Constable").
_POST_WORDS = frozenset("""assistant deputy chief constable superintendent supt inspector sergeant chair chairman
chairperson vice commissioner councillor cllr principal president secretary co-ordinator coordinator adviser
advisor consultant representative rep lead director officer manager head executive""".split())
# Words ending a body's name: "Nottinghamshire Probation Trust" is no person.
_BODY_WORDS = frozenset("""trust council board service services partnership team authority police association
network group foundation unit school college university academy centre hospital agency cic ltd limited company
alliance forum commission committee project programme""".split())
# Capitalised words never part of a person's name, whatever the corpus does with them.
_NEVER_NAMES = _NOT_NAMES | _POST_WORDS | _BODY_WORDS
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
        common = [p in non_name_words or p in _NEVER_NAMES or w.isupper() for w, p in zip(words, plain)]
        in_a_row = 0
        for i in range(len(words)):
            in_a_row = 0 if common[i] else in_a_row + 1
            name_ends = i + 1 == len(words) or common[i + 1]
            if in_a_row >= 2 and name_ends and (i + 1 == len(words) or plain[i + 1] not in _BODY_WORDS):
                return True
    return False


def people_named(text: str) -> list[str]:
    """The people `text` names by first name and surname: "Paul Langley used to be ..." -> Paul Langley."""
    return [name for name in re.findall(_NAME, text) if is_person(name)]


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
    if [w.lower() for w in words[: len(parts)]] != parts or not re.fullmatch(_NAME, name):
        return None
    return name, " ".join(words[len(parts):]).strip(" ,;-")


def extract_people(chunks, organisations: dict[str, str] | None = None) -> list[Fact]:
    """Every person fact in `chunks`, newest first per person, older facts marked superseded."""
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
    return mark_status(facts)


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
