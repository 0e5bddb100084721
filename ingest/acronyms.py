"""Acronyms a document defines itself: "Common Assessment Framework (CAF)" and abbreviation lists."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_SMALL = {"and", "of", "the", "for", "in", "on", "to", "&", "a", "with", "at", "by"}
_PAREN_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z&]{0,2}[A-Z][A-Za-z&]{0,8}?s?)\s*\)")
_PAREN_EXPANSION = re.compile(r"\b([A-Z][A-Za-z&]{0,2}[A-Z][A-Za-z&]{0,8}?)\s*\(([A-Za-z][^()]{3,90})\)")
_LIST_LINE = re.compile(r"^(?:-\s*)?\**([A-Z][A-Za-z&]{0,2}[A-Z][A-Za-z&]{0,8})\**\s*(?:[-–:=\t]\s*)?"
                        r"([A-Z][A-Za-z'’,&()\- ]{5,100})$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|&")


@dataclass(frozen=True)
class Acronym:
    """An abbreviation and what it stands for, where the document defines it."""

    short: str
    expansion: str
    context: str = ""


def find_acronyms(text: str) -> list[Acronym]:
    """Every acronym the text defines, first definition of each (short, expansion) pair kept."""
    found: dict[tuple[str, str], Acronym] = {}
    for line in text.split("\n"):
        for acronym in _from_line(line.strip()):
            key = (acronym.short, acronym.expansion.lower())
            kept = found.get(key)
            # The same words written twice: keep them as a name ("School Centred ..."), not "school centred ...".
            if kept is None or _capitals(acronym.expansion) > _capitals(kept.expansion):
                found[key] = acronym
    return list(found.values())


def _capitals(text: str) -> int:
    return sum(ch.isupper() for ch in text)


def _from_line(line: str) -> list[Acronym]:
    out = []
    listed = _LIST_LINE.match(line)
    if listed and (_initials_match(listed.group(1), listed.group(2))
                   or (_MARKED_ENTRY.match(line) and _spelt_by_prefixes(listed.group(1), listed.group(2)))):
        out.append(Acronym(listed.group(1), _tidy(listed.group(2)), line[:200]))
    for match in _PAREN_ACRONYM.finditer(line):
        short = match.group(1)
        before = line[: match.start()]
        expansion = _expansion_before(short, _WORD.findall(before))
        if not expansion and _ASIDE.search(before):  # spelt without the aside, quoted with it
            expansion = _expansion_before(short, _WORD.findall(_ASIDE.sub(" ", before)))
            expansion = expansion and (_as_written(expansion, before) or expansion)
        if expansion:
            out.append(Acronym(short.rstrip("s") if short.endswith("s") and short[:-1].isupper() else short,
                               expansion, _around(line, match.start())))
    for match in _PAREN_EXPANSION.finditer(line):
        if _initials_match(match.group(1), match.group(2)) or _spelt_then_described(match.group(1), match.group(2)):
            out.append(Acronym(match.group(1), _tidy(match.group(2)), _around(line, match.start())))
    return out


def _expansion_before(short: str, words: list[str]) -> str:
    """The shortest run of words ending just before "(SHORT)" whose initials spell SHORT."""
    letters = _letters(short)
    for size in range(len(letters), min(len(words), len(letters) * 2 + 2) + 1):
        candidate = words[-size:]
        if candidate and candidate[0].lower() not in _SMALL and _initials_match(short, " ".join(candidate)):
            return _tidy(" ".join(candidate))
    return ""


# A bulleted or bold entry of an abbreviation list ("- **SENCO** Special Educational Needs Coordinator"):
# the layout says it is a definition, so its letters may take more than one from a word.
_MARKED_ENTRY = re.compile(r"^(?:-\s*\**|\*\*)[A-Z]")
# A bracketed aside inside a name: "Education, Health and (social) Care Plans (EHCP)".
_ASIDE = re.compile(r"\([^()]{1,30}\)")


def _spelt_by_prefixes(short: str, expansion: str) -> bool:
    """Whether the acronym's letters are the openings of the expansion's words, in order, each word of
    note giving one letter or more and small words none or more: "SENCO" is Special Educational Needs
    CO-ordinator, "OfSTED" OFfice for STandards in EDucation, "HT" Head Teacher (Headteacher). An aside
    in brackets and a trailing "for Schools" ("TDA" Training and Development Agency for Schools) are
    not spelt."""
    text = _ASIDE.sub(" ", expansion)
    words = [w.lower() for w in _WORD.findall(text) if w != "&"]
    letters = short.lower()

    def spells(i: int, j: int) -> bool:  # letters[i:] from words[j:]
        if i == len(letters):
            rest = words[j:]
            return not rest or (rest[0] in _SMALL and len(rest) <= 3)
        if j == len(words):
            return False
        word = words[j]
        if word in _SMALL and spells(i, j + 1):
            return True
        return any(word[:n] == letters[i:i + n] and spells(i + n, j + 1)
                   for n in range(1, min(len(word), len(letters) - i) + 1))
    return len(letters) >= 2 and spells(0, 0)


def _as_written(expansion: str, before: str) -> str:
    """The words of `expansion` as `before` writes them, asides in brackets included."""
    words = expansion.split()
    pattern = r"[\s,]*(?:\([^()]{1,30}\)[\s,]*)?".join(re.escape(w) for w in words)
    found = list(re.finditer(pattern, before))
    return _tidy(found[-1].group(0)) if found else ""


def _letters(short: str) -> str:
    """The capitals of an acronym ("DfE" -> "DE"; "CAFs" -> "CAF")."""
    return "".join(ch for ch in short if ch.isupper())


def _initials_match(short: str, expansion: str) -> bool:
    """Whether the significant words of `expansion` start with the capitals of `short`, in order."""
    letters = _letters(short)
    words = [w for w in _WORD.findall(expansion) if w.lower() not in _SMALL or w == "&"]
    initials = "".join(w[0].upper() for w in words if w != "&")
    if initials == letters:
        return True
    # Allow small words that do count ("Office for Standards in Education" -> OfSTED).
    every = "".join(w[0].upper() for w in _WORD.findall(expansion) if w != "&")
    return every == letters and len(letters) >= 2


def _spelt_then_described(short: str, expansion: str) -> bool:
    """"DASH (domestic abuse, stalking, and honour based violence checklist)": the first words spell
    the acronym and at most three more describe it."""
    letters = _letters(short)
    words = [w for w in _WORD.findall(expansion) if w.lower() not in _SMALL and w != "&"]
    initials = "".join(w[0].upper() for w in words)
    return len(letters) >= 3 and initials.startswith(letters) and len(words) - len(letters) <= 3


def _tidy(text: str) -> str:
    return " ".join(text.replace("**", "").split()).strip(" ,;:-")


def _around(line: str, position: int, width: int = 100) -> str:
    return line[max(0, position - width): position + width]


# A word that may be an acronym: "NCSCB", "CiN", "A&E".
ACRONYM = re.compile(r"\b[A-Z][A-Za-z&]{0,2}[A-Z][A-Za-z&]{0,8}\b")


def expand_text(text: str, glossary: dict[str, str]) -> str:
    """`text` followed by the expansions of the acronyms it uses (for indexing and query expansion)."""
    extra = []
    for short in dict.fromkeys(ACRONYM.findall(text)):
        expansion = glossary.get(short)
        if expansion and expansion.lower() not in text.lower():
            extra.append(expansion)
    return text if not extra else f"{text} ({'; '.join(extra)})"


def abbreviate_text(text: str, glossary: dict[str, str]) -> str:
    """`text` followed by the acronyms of the expansions it spells out ("safeguarding board" -> NCSCB)."""
    lowered = " ".join(text.lower().split())
    extra = [short for short, expansion in glossary.items()
             if expansion.lower() in lowered and not re.search(rf"\b{re.escape(short)}\b", text)]
    return text if not extra else f"{text} ({' '.join(extra)})"


# A run of capitalised words, small words allowed between them: "Children's Partnership Board".
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+(?:(?:of|and|for|the|&)\s+)?[A-Z][a-z][\w'’-]*)+")
GUESS_LETTERS = 3  # shorter initials ("CP") stand for too many names to guess from


def names_by_initials(texts: Iterable[str], minimum: int = 2) -> dict[str, str]:
    """Initials -> the capitalised name of two to six words the texts use most often (at least
    `minimum` times) with those initials: "CPB" -> "Children's Partnership Board", for shorthand that
    a document uses, or a reader types, but no document defines. The index keeps each document's
    counts (count_initials) and chooses with choose_names once per build."""
    counts, used = count_initials(texts)
    return choose_names(((initials, name, count) for (initials, name), count in counts.most_common()),
                        used, minimum)


def count_initials(texts: Iterable[str]) -> tuple[Counter, Counter]:
    """How often the texts write each capitalised name of two to six significant words, keyed by
    (its initials, the name) in the order first seen, and how often they write each acronym as it
    is; initials shorter than GUESS_LETTERS are not counted."""
    counts: Counter[tuple[str, str]] = Counter()
    used: Counter[str] = Counter()
    for text in texts:
        used.update(a for a in ACRONYM.findall(text) if len(a) >= GUESS_LETTERS)
        for run in _CAPITALISED_RUN.finditer(text):
            words = _WORD.findall(run.group(0))
            for start in range(len(words)):
                if words[start].lower() in _SMALL:
                    continue
                for end in range(start + 2, min(len(words), start + 8) + 1):
                    if words[end - 1].lower() in _SMALL:
                        continue
                    significant = [w for w in words[start:end] if w.lower() not in _SMALL]
                    if GUESS_LETTERS <= len(significant) <= 6:
                        counts["".join(w[0] for w in significant), " ".join(words[start:end])] += 1
    return counts, used


def choose_names(ranked: Iterable[tuple[str, str, int]], used: dict[str, int], minimum: int = 2) -> dict[str, str]:
    """Initials -> name from (initials, name, count) best first: the first name written at least
    `minimum` times. Initials the texts themselves write more than `minimum` times ("SEND") are left
    out: a keyword search finds them as they are."""
    best: dict[str, str] = {}
    for initials, name, count in ranked:
        if count >= minimum and used.get(initials, 0) <= minimum:
            best.setdefault(initials, name)
    return best


def guessed_expansions(text: str, glossary: dict[str, str], names: dict[str, str]) -> dict[str, str]:
    """The acronyms `text` uses that `glossary` lacks, read as the name with their capitals as
    initials (`names`, from names_by_initials)."""
    out = {}
    for short in dict.fromkeys(ACRONYM.findall(text)):
        letters = _letters(short)
        defined = short in glossary or (short.endswith("s") and short[:-1] in glossary)  # "CAFs"
        if not defined and letters in names:
            out[short] = names[letters]
    return out
