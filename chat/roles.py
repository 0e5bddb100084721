"""Who holds a role an answer names: "Report of Director of Family Community Teams" -> Tim O'Neill.

A who-question is often answered by a line naming a post, not a person; the same document usually
says elsewhere who holds it ("Tim O'Neill, Director of Family Community Teams, delivered ...").
"""
from __future__ import annotations

import re

from chat.people import is_person

# chat.people's name pattern, but a third name only when it does not open what follows ("Catherine
# Ziane-Pryor Direct dial"): people reads names off their own lines, this one off running text.
_PART = r"[ -](?:Mc|Mac)?[A-Z][a-zA-Z'’-]+"
_NAME = rf"(?:Dr\.? |Councillor |Cllr )?([A-Z][a-z]+{_PART}(?:{_PART}\b(?! [a-z]))?)"
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
