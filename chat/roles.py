"""Who holds a role an answer names: "Report of Director of Family Community Teams" -> Tim O'Neill.

A who-question is often answered by a line naming a post, not a person; the same document usually
says elsewhere who holds it ("Tim O'Neill, Director of Family Community Teams, delivered ...").
"""
from __future__ import annotations

import re

from chat.people import names_a_person, opens_with_post
from ingest.people import HONORIFIC, is_person

# ingest.people's name pattern, but a third name only when it does not open what follows ("Catherine
# Ziane-Pryor Direct dial"): people reads names off their own lines, this one off running text.
_PART = r"[ -](?:Mc|Mac)?[A-Z][a-zA-Z'’-]+"
_NAME = rf"(?:{HONORIFIC} )?([A-Z][a-z]+{_PART}(?:{_PART}\b(?! [a-z]))?)"
_POST = r"(?:Director|Head|Chair|Manager|Officer|Lead|Co-?ordinator|Adviser|Advisor|Consultant|Commissioner)"
_WORD = r"[A-Z][\w&'’-]*"
# A post of something: "Director of Family Community Teams", "Head of Early Help" ("Partnership Manager"
# or "Responsibility Lead" alone say too little to look a holder up by).
_ROLE = re.compile(rf"\b({_POST} (?:of|for) (?:the )?{_WORD}(?: (?:and )?{_WORD}){{0,4}})")


def role_without_holder(text: str) -> str:
    """The post `text` names without saying who holds it ("Report of Director of Family Community
    Teams"), or ''."""
    roles = [m.group(1) for m in _ROLE.finditer(text) if not holder_in(text, m.group(1))[0]]
    return max(roles, key=len) if roles else ""


def holder_in(text: str, role: str) -> tuple[str, str]:
    """The person `text` says holds `role` and the sentence saying so: "Tim O'Neill, Director of
    Family Community Teams, delivered ..." or "Constitutional Services Officer: Jane Example"."""
    post = r"\s+".join(re.escape(word) for word in role.split())
    for pattern in (rf"{_NAME}\s*(?:[,|\n(–-]|;\s*(?i:job title|role)\s*:)\s*(?:-\s*)?(?:the\s+)?{post}\b",
                    rf"\b{post}\s*[:,\n–-]\s*{_NAME}"):
        for m in re.finditer(pattern, text):
            if is_person(m.group(1)):
                start = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start())) + 1
                end = min((i for i in (text.find("\n", m.end()), text.find(". ", m.end())) if i >= 0),
                          default=len(text))
                return m.group(1), text[start:end].strip(" .")
    return "", ""


def holder_of_role(text: str, source: str, passages_of) -> tuple[str, str, str, object] | None:
    """(role, person, sentence, passage) when `text` names a post without its holder and the same
    document says who holds it; `passages_of(source, containing)` lists a document's passages that
    contain a phrase."""
    role = role_without_holder(text)
    if not role:
        return None
    for chunk in passages_of(source, role.split(" of ")[-1].split(" for ")[-1]):
        person, sentence = holder_in(chunk.text, role)
        if person:
            return role, person, sentence, chunk
    return None


# "As joint Chairs of the Children's Partnership Board, we are proud ...": the writers speak as holders
# of a post, and sign at the end.
_SPEAKING_AS = re.compile(r"^\W*As (?:the )?(?:joint |co-)?((?:[A-Z][\w-]*\s){0,2}?[A-Z][\w-]*?)s? of (?:the )?"
                          r"([A-Z][^,]{2,80}),\s+(?:we|I)\b")
_SIGNED_NAME = re.compile(rf"^{_NAME}$")  # a signature's name on a line of its own: "Councillor Sam Webster"
_POST_LINES = 3  # lines a signature's post may wrap over ("Portfolio Holder for" / "Education, Employment")


def speaking_as(text: str) -> str:
    """The post a sentence's writers speak as holders of ("Chair of Children's Partnership Board" for
    "As joint Chairs of the Children's Partnership Board, we ..."), or ''."""
    found = _SPEAKING_AS.match(text)
    return f"{found.group(1)} of {found.group(2)}" if found else ""


def signatories(passages, non_name_words: frozenset[str]) -> list[tuple[str, str, object]]:
    """(name, post, passage) for each signature in the passages, in order: a line that is a person's
    name ("Councillor Sam Webster"; `non_name_words`: ChunkStore.non_name_words) followed by lines
    opening with a post ("Portfolio Holder for" / "Education, Employment" / "and Skills")."""
    found = []
    for chunk in passages:
        lines = [line.strip() for line in chunk.text.split("\n")]
        for i, line in enumerate(lines[:-1]):
            name = _SIGNED_NAME.match(line)
            if name and names_a_person(name.group(1), non_name_words) and opens_with_post(lines[i + 1]):
                post = [lines[i + 1]]
                for more in lines[i + 2:i + 1 + _POST_LINES]:
                    if not more or len(more.split()) > 5 or _SIGNED_NAME.match(more) or more.startswith("- "):
                        break
                    post.append(more)
                found.append((line, re.sub(r"\s+(?:and|of|for|the|&)$", "", " ".join(post)), chunk))
    return found
