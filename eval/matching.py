"""Text matching for eval: whole-word gold answers in answers, evidence quotes in retrieved passages."""
from __future__ import annotations

import math
import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

# Evidence and passage are both compared as normalised words (ingest cleaning, lower case, no
# punctuation). The evidence counts as held by a passage when any of these holds:
# 1. the passage contains it whole, spaces ignored (tolerates split and hyphenated words);
# 2. the longest contiguous run of words shared with the passage is long enough: at least 60% of the
#    evidence words and at least 6 (all of them for shorter evidence), or at least 12 whatever the
#    length. 60%, so that evidence cut by a chunk boundary is still found in the chunk holding most
#    of it, while a stock phrase inside a longer quote ("to improve outcomes for children and young
#    people", 8 of 14 words) is not; 12, because a 12-word verbatim run is not chance. A table row
#    shown as "Column: value; Column: value" also holds a run of its cells alone ("High 514");
# 3. at least 90% of its words appear in the passage in order, within a stretch at most twice the
#    evidence's length: a table row quoted from the document is shown in a chunk with its column
#    names between the cells ("Name: Jane Example; Sector: Health");
# 4. the passage is a piece of the evidence that holds a gold answer: a quote spanning a whole table
#    ("Assessment Number of Referrals High 514 Medium 1777 ...") is held by the one row that answers
#    ("Assessment: High; Number of Referrals: 514"), at least 90% of whose words (or of its cells'
#    words, when the quote leaves out the column names: "High 514 Medium 1777 ...") the quote uses.
MIN_RUN_SHARE = 0.6
MIN_RUN_WORDS = 6
ENOUGH_RUN_WORDS = 12
MIN_ORDERED_SHARE = 0.9
MAX_SPREAD = 2
# Space-free containment is only trusted for evidence this long: short strings match by accident.
MIN_SQUASHED_CHARS = 20

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]")
_MARKER = re.compile(r"\[\d+(?:\s*,\s*\d+)*\]")
_WORD = re.compile(r"[^\W_]+")
_SPAN_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def _clean(text: str) -> str:
    """The ingest cleaning (ingest.clean.clean_text), or the text unchanged if ingest lacks it."""
    try:
        from ingest.clean import clean_text
    except ImportError:
        return text
    return clean_text(text)


def strip_markers(text: str) -> str:
    """Remove citation markers such as [1] or [2, 3] from an answer."""
    return _MARKER.sub(" ", text or "")


def normalize_answer(text: str) -> str:
    """Case-fold and unify apostrophes, dashes and whitespace, keeping other punctuation ("5%")."""
    text = unicodedata.normalize("NFKC", text or "").translate(_APOSTROPHES)
    text = _DASHES.sub("-", text).casefold()
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def contains_answer(text: str, gold: str) -> bool:
    """Whether `gold` occurs in `text` as whole words: "25" is not in "2025", "2.25" or "1,250"."""
    gold_n = normalize_answer(gold)
    if not gold_n:
        return False
    # Not inside a word, and not part of a longer number such as 2.25 or 1,250.
    pattern = r"(?<!\w)(?<!\d[.,])" + re.escape(gold_n) + r"(?!\w)(?![.,]\d)"
    return re.search(pattern, normalize_answer(text)) is not None


def contains_any(text: str, golds) -> bool:
    """Whether any of the gold answers occurs in `text` as whole words."""
    return any(contains_answer(text, g) for g in golds)


def _tokens(text: str) -> list[str]:
    """Lower-case word tokens with punctuation dropped; apostrophes join ("children's" -> childrens)."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).replace("'", "")
    return _WORD.findall(text.casefold())


@lru_cache(maxsize=4096)
def passage_words(passage: str) -> tuple[str, ...]:
    """A passage as normalised words: ingest cleaning, lower case, no punctuation."""
    return tuple(_tokens(_clean(passage)))


def _rejoin(words: list[str], vocab: frozenset) -> list[str]:
    """Rejoin evidence words split by a stray space ("strateg y") when the passage has the whole word.

    The ingest cleaning uses the whole document as its dictionary; a short quote has too little text
    for that, so the passage serves as the dictionary here.
    """
    out: list[str] = []
    for word in words:
        if out and (out[-1] + word) in vocab and (out[-1] not in vocab or word not in vocab):
            out[-1] += word
        else:
            out.append(word)
    return out


def evidence_words(evidence: str, passage: str) -> list[str]:
    """The evidence as normalised words, split words rejoined against the passage's vocabulary."""
    return _rejoin(_tokens(_clean(evidence)), frozenset(passage_words(passage)))


def longest_run(a: list[str] | tuple, b: list[str] | tuple) -> tuple[int, int, int]:
    """The longest contiguous run of equal words: (start in a, start in b, length)."""
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.a, match.b, match.size


def ordered_match(a: list[str] | tuple, b: list[str] | tuple) -> tuple[int, int, int]:
    """Words of `a` found in order in `b` within a stretch of at most MAX_SPREAD * len(a) words.

    Returns (words covered, start in b, end in b) for the best such stretch.
    """
    blocks = [m for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if m.size]
    best, low, covered = (0, 0, 0), 0, 0
    for block in blocks:
        covered += block.size
        while block.b + block.size - blocks[low].b > MAX_SPREAD * len(a):
            covered -= blocks[low].size
            low += 1
        if covered > best[0]:
            best = (covered, blocks[low].b, block.b + block.size)
    return best


def _ordered_enough(covered: int, n_words: int) -> bool:
    return covered >= math.ceil(MIN_ORDERED_SHARE * n_words)


def required_run(n_words: int) -> int:
    """How many contiguous evidence words a passage must hold for a hit (see the rule above)."""
    return min(n_words, ENOUGH_RUN_WORDS, max(MIN_RUN_WORDS, math.ceil(n_words * MIN_RUN_SHARE)))


def evidence_in_passage(evidence: str | None, passage: str, answers=()) -> bool:
    """Whether a retrieved passage holds the evidence quote, tolerating cleaning and chunk cuts; with
    the gold `answers`, also a table row quoted within a longer quote (rule 4 above)."""
    if not evidence or not passage:
        return False
    ev = evidence_words(evidence, passage)
    words = passage_words(passage)
    cells = passage_words(_row_values(passage))  # a table row's cells without its column names: "High 514"
    if not ev:
        return False
    if answers and contains_any(passage, answers):
        quoted = set(ev)
        for said in (words, cells):
            if 0 < len(said) < len(ev) and sum(w in quoted for w in said) >= math.ceil(MIN_ORDERED_SHARE * len(said)):
                return True
    squashed = "".join(ev)
    # Space-free containment tolerates split and hyphenated words ("well-being" vs "wellbeing").
    if len(squashed) >= MIN_SQUASHED_CHARS and squashed in "".join(words):
        return True
    if max(longest_run(ev, words)[2], longest_run(ev, cells)[2] if cells else 0) >= required_run(len(ev)):
        return True
    return _ordered_enough(ordered_match(ev, words)[0], len(ev))


def _row_values(passage: str) -> str:
    """The cells of a table row shown as "Column: value; Column: value" (the column names are context
    the index adds), or '' for any other passage."""
    fields = passage.split(";")
    values = [m.group(1) for field in fields if (m := _FIELD.match(field))]
    return " ".join(values) if len(fields) > 1 and len(values) == len(fields) else ""


_FIELD = re.compile(r"^\s*[^:;]{1,60}:\s*(.*)$", re.DOTALL)


def evidence_span(evidence: str | None, passage: str) -> tuple[int, int] | None:
    """Character span in `passage` of the evidence words it holds, for highlighting."""
    if not evidence or not passage:
        return None
    spans = [(m.start(), m.end()) for m in _SPAN_WORD.finditer(passage)]
    raw = [_tokens(passage[s:e]) for s, e in spans]
    keep = [(span, tok[0]) for span, tok in zip(spans, raw) if len(tok) == 1]
    if not keep:
        return None
    vocab = frozenset(t for _, t in keep)
    ev = _rejoin(_tokens(_clean(evidence)), vocab)
    words = [t for _, t in keep]
    if not ev:
        return None
    covered, start, end = ordered_match(ev, words)
    if not _ordered_enough(covered, len(ev)):
        _, start, size = longest_run(ev, words)
        if size < min(len(ev), MIN_RUN_WORDS):
            return None
        end = start + size
    return keep[start][0][0], keep[end - 1][0][1]
