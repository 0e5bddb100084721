"""Pure functions that undo what PDF text extraction leaves behind (tags, split words, wraps, glyphs)."""
from __future__ import annotations

import calendar
import html
import re
from collections import Counter

# Lines that are only a page number ("8", "Page 3", "Page 3 of 10") are page furniture.
_PAGE_NUMBER = re.compile(r"^\s*(page\s+)?\d{1,3}(\s+of\s+\d{1,3})?\s*$", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"</?(p|div|ul|ol|br|tr|table|h[1-6])\b[^>]*>", re.IGNORECASE)
_LI_TAG = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*>")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
# Bullet glyphs seen in extracted PDFs: •, ○, ◦, ▪, -, ✓, the private-use glyph , and a lone "o".
_BULLET = re.compile(r"^\s*(?:[•●○◦▪■◆➢✓✔\uf0b7\uf0a7\uf076\uf0d8·*]|o(?=\s)|-(?=\s))\s*")
_INLINE_BULLET = re.compile(r"\s+[•●○◦▪■\uf0b7\uf0a7](?=\s)")
_WORD = re.compile(r"[A-Za-z]+")
# Control characters and lone surrogates carry no text and break storage and terminals.
_JUNK = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")
_TERMINAL = (".", "!", "?", ":", ";")
# A line ending in one of these words cannot end a sentence: the next line continues it.
_FUNCTION_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "with", "by", "at",
                   "from", "as", "is", "are", "be", "that", "which", "who", "their", "our", "its"}


def clean_text(text: str) -> str:
    """Clean one document's extracted text; paragraphs end up one per line, tables one row per line."""
    text = _JUNK.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\x0c", "\n")
    lines = [strip_html(line) for line in text.split("\n")]
    lines = [_normalise_bullet(line) for line in lines if not _PAGE_NUMBER.match(line)]
    text = "\n".join(lines)
    text = rejoin_split_words(text)
    text = unwrap_lines(text)
    return text.strip()


def strip_html(line: str) -> str:
    """Turn HTML fragments into plain text; a tabbed table row stays on one line."""
    if "<" not in line and "&" not in line:
        return line.rstrip()
    line = _AUTOLINK.sub(r"\1", line)
    in_table_row = "\t" in line
    line = _LI_TAG.sub(" • " if in_table_row else "\n• ", line)
    line = _BLOCK_TAG.sub(" " if in_table_row else "\n", line)
    line = _ANY_TAG.sub("", line)
    line = html.unescape(line)
    # Block tags inside a cell leave runs of spaces; bullets inside a row become "; "-style separators.
    if in_table_row:
        line = "\t".join(re.sub(r"[ ]{2,}", " ", cell).strip() for cell in line.split("\t"))
    return line.rstrip()


def _normalise_bullet(line: str) -> str:
    """Give every list item one marker, "- ", whatever glyph the PDF used."""
    if "\t" in line:
        return line.rstrip()
    match = _BULLET.match(line)
    if match and line[match.end():].strip():
        return "- " + line[match.end():].strip()
    return _INLINE_BULLET.sub("\n- ", line).rstrip() if "•" in line else line.rstrip()


def rejoin_split_words(text: str) -> str:
    """Rejoin words that extraction split with a stray space ("Strateg y", "sc hool", "fo r").

    Two neighbouring pieces are joined when the joined word occurs elsewhere in the same text and at
    least one piece is not itself a word there: the document is its own dictionary.
    """
    counts = Counter(w.lower() for w in _WORD.findall(text))

    def is_word(piece: str) -> bool:
        piece = piece.lower()
        return counts[piece] >= 2 and (len(piece) > 1 or piece in ("a", "i"))

    pieces = re.split(r"([A-Za-z]+)", text)
    # pieces alternate: separator, word, separator, word, ...; index 1, 3, 5... are words.
    for i in range(1, len(pieces) - 2, 2):
        left, gap, right = pieces[i], pieces[i + 1], pieces[i + 2]
        if gap != " " or not right[:1].islower() or not left:
            continue
        joined = (left + right).lower()
        if counts[joined] >= 1 and len(joined) >= 3 and (not is_word(left) or not is_word(right)):
            pieces[i], pieces[i + 1], pieces[i + 2] = "", "", left + right
    return "".join(pieces)


def unwrap_lines(text: str) -> str:
    """Join hard-wrapped lines into paragraphs; list items and table rows still break.

    A blank line ends a paragraph, except after a long line that stops mid-sentence: PDFs often put a
    blank line inside a wrapped list item.
    """
    out: list[str] = []
    pending_blank = False
    for raw in text.split("\n"):
        line = re.sub(r"[ ]{2,}", " ", raw).strip() if "\t" not in raw else raw.strip(" ")
        if not line:
            pending_blank = True
            continue
        previous = out[-1] if out else ""
        if previous and _continues(previous, line, after_blank=pending_blank):
            out[-1] = previous + " " + line
        else:
            if pending_blank and out:
                out.append("")
            out.append(line)
        pending_blank = False
    return "\n".join(out)


def _split_date(previous: str, line: str) -> bool:
    """A date broken after its day or its month: "... agreed on 22" then "January 2020.", or
    "... end date of 1st April" then "2021."."""
    return bool((_ENDS_WITH_DAY.search(previous) and _STARTS_WITH_MONTH.match(line))
                or (_ENDS_WITH_MONTH.search(previous) and _STARTS_WITH_YEAR.match(line)))


_MONTHS = "|".join(calendar.month_name[1:])
_ENDS_WITH_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?$")
_STARTS_WITH_MONTH = re.compile(rf"(?:{_MONTHS})\b")
_ENDS_WITH_MONTH = re.compile(rf"\b(?:{_MONTHS})$")
_STARTS_WITH_YEAR = re.compile(r"(?:19|20)\d\d\b")


# A record's line: its value, then "; " and a short title-case name ("Assistant Chief Constable;
# Nottinghamshire Police Authority").
RECORD_LINE = re.compile(r"(?:^[A-Z][^;.]{0,80})?; (?:[A-Z][\w&'’()-]*(?: |$)){1,7}$")


# A list item's number on a line of its own ("1."), as PDFs extract a numbered list laid out in a
# column. A number after it ("ii)" numbering a table's rows, "a)", "2.") opens no item of it.
LIST_NUMBER = re.compile(r"\(?\d{1,2}[.)]")
_ANOTHER_NUMBER = re.compile(r"\(?(?:[ivx]{1,4}|[a-z]|\d{1,2})[.)]$")


def _continues(previous: str, line: str, after_blank: bool = False) -> bool:
    """Whether `line` is the wrapped continuation of `previous`."""
    if "\t" in previous or "\t" in line or line.startswith("- "):
        return False
    if LIST_NUMBER.fullmatch(previous):  # "1." / "Promoting the health of ...": the item it numbers
        return not _ANOTHER_NUMBER.match(line)
    if previous.endswith(_TERMINAL) or previous.endswith("…"):
        return False
    if line[0].isupper() and (RECORD_LINE.search(previous) or RECORD_LINE.fullmatch(line)):
        return False  # a list of "Post; Organisation" lines: each is a record, not a wrapped sentence
    if previous.isupper() and len(previous.split()) >= 2 and not line.isupper() and not line[0].islower():
        return False  # a heading in capitals ends with them: "... BOARD AND GOVERNANCE ARRANGEMENTS" / "Each ..."
    wrapped = len(previous) >= 50
    if after_blank:
        # Across a blank line only a clearly unfinished line continues: a long one, or one of a narrow
        # column followed by a line opening in lower case ("... be brought back" / "under the ...").
        last_word = previous.rsplit(" ", 1)[-1].lower()
        return (wrapped and (line[0].islower() or last_word in _FUNCTION_WORDS or previous.endswith(",")
                             or _split_date(previous, line))) or (
            line[0].islower() and len(previous) >= 30 and not previous.startswith("- "))
    # A long line that stops mid-sentence was wrapped; a short one is a heading, name or label,
    # unless the next line starts in lower case or the short one ends on a word no sentence ends on
    # ("- The Youth Offending Team was awarded the").
    last_word = previous.rsplit(" ", 1)[-1].lower()
    return wrapped or (line[0].islower() and not previous.startswith("- ")) or (
        line[0].islower() and len(previous) >= 30) or (last_word in _FUNCTION_WORDS and len(previous.split()) >= 4)
