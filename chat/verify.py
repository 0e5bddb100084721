"""Checks a generated answer against its passages: parse [n] markers, drop what cites nothing, renumber.

Policy (pure functions, no I/O):
- A marker number that is not a passage (e.g. [7] with five passages) is removed and counted.
- A sentence left without any valid marker is removed and listed: every sentence shown must cite a
  passage, so text the model added from outside the documents is not shown as if grounded.
- Valid markers are renumbered in order of first use and written one number per bracket ([1][2]),
  so the citations are 1..m and each [n] in the text matches citation n.
- The fixed not-found phrase with no cited sentence means the model abstained.
Verifying a prefix that ends at a sentence boundary gives a prefix of the full result, which lets a
stream show sentences as soon as they are complete and verified (see complete_prefix()).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from chat.records import NOT_FOUND

_NUM = r"(?:(?i:passages?|sources?)\s*)?\d{1,3}"
_MARKER_BODY = rf"\[\s*{_NUM}(?:\s*(?:[,;]|[-–]|(?i:and))\s*{_NUM})*\s*\]"
MARKER = re.compile(rf"([ \t]*)({_MARKER_BODY})")
# A sentence ends at . ! ? … (plus closing quotes and any markers that follow it) when the next
# sentence starts after whitespace with something other than a lower-case letter or a marker.
# Initials ("J. Smith") and common abbreviations do not end sentences.
_END = re.compile(r"(?<!\b[A-Z])(?<!\be\.g)(?<!\bi\.e)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)"
                  r"(?<!\bNo)(?<!\bvs)[.!?…]+[\"'”’)]*"
                  rf"(?:[ \t]*{_MARKER_BODY})*(?=[ \t]+[^\s\[a-z])")
_WORD = re.compile(r"\w")
# Reasoning models (DeepSeek-R1, Qwen3 on Ollama) think aloud inside <think> tags: never an answer.
_THINKING = re.compile(r"<think>.*?(</think>|$)", re.DOTALL | re.IGNORECASE)
MAX_RANGE = 20  # [1-3] is expanded; [1-900] is not a citation anyone meant


@dataclass(frozen=True)
class Verified:
    """The checked answer text and what was kept and dropped on the way."""

    text: str
    cited: tuple[int, ...]  # passage numbers (1-based, as sent) in order of first use: cited[i] is [i+1]
    dropped_citations: tuple[int, ...]  # marker numbers that pointed at no passage, each occurrence
    dropped_sentences: tuple[str, ...]  # sentences removed because no valid marker was left in them
    not_found: bool  # the reply holds the fixed not-found phrase

    @property
    def grounded(self) -> bool:
        return bool(self.cited)

    @property
    def abstained(self) -> bool:
        return self.not_found and not self.cited


def marker_numbers(marker: str) -> list[int]:
    """[3] -> [3]; [1, 2] -> [1, 2]; [2-4] -> [2, 3, 4]; [Passage 1 and 2] -> [1, 2]."""
    numbers: list[int] = []
    for part in re.split(r"\s*(?:[,;]|and)\s*", marker.strip("[] \t").lower()):
        bounds = [int(x) for x in re.findall(r"\d+", part)]
        if len(bounds) == 2 and 0 <= bounds[1] - bounds[0] < MAX_RANGE:
            numbers.extend(range(bounds[0], bounds[1] + 1))
        else:
            numbers.extend(bounds)
    return numbers


def pieces(text: str) -> list[str]:
    """The text cut into sentences and lines; each piece keeps the whitespace before it."""
    cuts = {m.end() for m in _END.finditer(text)} | {i for i, ch in enumerate(text) if ch == "\n"}
    bounds = [0] + sorted(c for c in cuts if 0 < c < len(text)) + [len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def complete_prefix(text: str) -> int:
    """Length of the longest prefix made of finished sentences (the last piece may still grow)."""
    parts = pieces(text)
    return sum(len(p) for p in parts[:-1])


def verify(text: str, n_passages: int) -> Verified:
    """Check `text` against passages numbered 1..n_passages (see the module's policy)."""
    text = strip_thinking(text or "")
    order: list[int] = []
    dropped: list[int] = []
    removed: list[str] = []
    out: list[str] = []
    pending_ws = gap = ""  # whitespace owed by dropped pieces; whitespace since the last piece
    for piece in pieces(text or ""):
        body = piece.strip()
        gap += piece[: len(piece) - len(piece.lstrip())]
        if not body:
            continue
        kept = _check_piece(body, n_passages, order, dropped)
        if kept is None:
            if _WORD.search(MARKER.sub("", body)):
                removed.append(body)
            pending_ws, gap = _wider(pending_ws, gap), ""
            continue
        out.append((_wider(pending_ws, gap) if out else "") + kept)
        pending_ws = gap = ""
    return Verified("".join(out), tuple(order), tuple(dropped), tuple(removed), is_not_found(text or ""))


def strip_thinking(text: str) -> str:
    """The reply without <think>…</think> blocks (an unclosed one runs to the end)."""
    return _THINKING.sub("", text)


def _check_piece(body: str, n_passages: int, order: list[int], dropped: list[int]) -> str | None:
    """The piece with its markers renumbered, or None when no valid marker (or no words) is left.

    `order` (passages in order of first use) and `dropped` are extended in place.
    """
    numbers = [n for m in MARKER.finditer(body) for n in marker_numbers(m.group(2))]
    dropped.extend(n for n in numbers if not 1 <= n <= n_passages)
    if not any(1 <= n <= n_passages for n in numbers) or not _WORD.search(MARKER.sub("", body)):
        return None  # nothing of it is claimed, so a dropped sentence never takes a citation number

    carry = {"end": -1, "ws": ""}  # the space of a removed marker goes to a marker right after it

    def render(match: re.Match) -> str:
        ws = match.group(1) or (carry["ws"] if match.start() == carry["end"] else "")
        shown: list[int] = []
        for n in marker_numbers(match.group(2)):
            if 1 <= n <= n_passages:
                if n not in order:
                    order.append(n)
                if order.index(n) + 1 not in shown:
                    shown.append(order.index(n) + 1)
        # An invalid marker goes with the space before it: "text [7]." -> "text."
        carry.update(end=match.end(), ws="" if shown else ws)
        return ws + "".join(f"[{m}]" for m in shown) if shown else ""

    return MARKER.sub(render, body)


def _wider(a: str, b: str) -> str:
    """Of two runs of whitespace, the one with more line breaks (a dropped paragraph keeps its break)."""
    return a if a.count("\n") > b.count("\n") else b


def _normal(text: str) -> str:
    text = MARKER.sub("", text).replace("’", "'").replace("‘", "'").replace("*", "").lower()
    return " ".join(text.split())


_NOT_FOUND_HEAD = _normal(NOT_FOUND.split(".")[0])  # "the documents don't say"


def is_not_found(text: str) -> bool:
    """The reply says the fixed not-found phrase (its first sentence is enough; case, quotes, markers aside)."""
    normal = _normal(strip_thinking(text))
    return _NOT_FOUND_HEAD in normal or _normal(NOT_FOUND) in normal
