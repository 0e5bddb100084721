"""Structure-aware chunking: Document -> [Chunk], keeping headings, list items and table rows whole."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import zip_longest

from ingest.acronyms import expand_text, find_acronyms
from ingest.clean import RECORD_LINE
from ingest.records import Chunk, Document

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'(])")
_NUMBERED_HEADING = re.compile(r"^\d{1,2}(\.\d{1,2})*\.?\s+[A-Z]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_SMALL_WORDS = {"and", "of", "the", "for", "to", "in", "a", "an", "on", "at", "by", "&", "-", "–"}
# A list of contacts (three or more lines with an email address) closes a chunk at about this many
# words, so each contact's line (name, post, email) is a large part of the passage it is found in.
_CONTACT_WORDS = 60
_CONTACT_LIST = 3
_CARRIED_WORDS = 40  # an unfinished sentence longer than this at a chunk's end is cut, not carried


@dataclass(frozen=True)
class ChunkSettings:
    """How big chunks are, in words; the embedding model reads about 200 words at most."""

    target_words: int = 120
    max_words: int = 200

    def to_json(self) -> dict:
        # "context" names what index_text adds to a chunk's text and "lines" how lines are read, so a
        # change to either forces a rebuild.
        return {"target_words": self.target_words, "max_words": self.max_words,
                "context": "title+heading+columns+acronyms",
                "lines": "forms+fields+record-lines+phrases+wrapped-rows+marks+intros+listed+records+split-leads"
                         "+contact-groups+comma-wraps+list-numbers+minutes-papers"}


@dataclass
class _Unit:
    """One line of cleaned text with its place in the document."""

    kind: str  # heading, paragraph, list_item, table_row
    text: str
    start: int
    end: int
    page: int
    heading: str = ""
    table_header: str = ""
    fields: dict = field(default_factory=dict)  # a table row's column -> value


def chunk_document(doc: Document, settings: ChunkSettings = ChunkSettings()) -> list[Chunk]:
    """Cut a document into chunks of at most `settings.max_words` words, in reading order."""
    groups = _pack(_units(doc), settings)
    # The document's own acronym definitions are spelt out in what is indexed, so "NCSCB" finds
    # passages that only say "Safeguarding Children Board" and the other way round.
    glossary = {a.short: a.expansion for a in find_acronyms(doc.text)}
    papers = paper_titles(doc.text)
    starts = [start for start, _ in papers]
    return [_make_chunk(doc, ordinal, group, glossary, _paper_at(papers, starts, group[0].start))
            for ordinal, group in enumerate(groups)]


def paper_titles(text: str) -> list[tuple[int, str]]:
    """In a bundle of papers with cover sheets (board papers), where each cover sheet's title line
    starts and the title it gives ("Title of paper:\tSmall Steps Big Changes"), in order; a meeting's
    minutes are a paper titled by their opening line."""
    return [(m.start(), (m.group(1) or m.group(2).replace("**", "")).strip()) for m in _PAPER_TITLE.finditer(text)]


def _paper_at(papers: list[tuple[int, str]], starts: list[int], start: int) -> str:
    """The title of the paper running at `start` (`starts`: where each of `papers` starts): a paper
    runs from its cover sheet to the next one."""
    before = bisect.bisect_right(starts, start)
    return papers[before - 1][1] if before else ""


def word_count(text: str) -> int:
    return len(text.split())


def _units(doc: Document) -> list[_Unit]:
    """Split every page into typed line units, tracking the current section heading."""
    units: list[_Unit] = []
    offset = 0
    heading = ""
    row_cells: list[str] = []  # the cells of the last table row, which a wrapped line continues
    for page in doc.pages:
        lines = page.text.split("\n")
        position = offset
        table_header, row_labels, header_cells = "", False, []
        # Title-case lines running on, with no blank line, from a line ending in a colon are the
        # items it introduces (a board's members), not headings; so is a later "Post; Organisation"
        # line of the same section, when two columns put other lines between ("Independent Chair;
        # Local Safeguarding Children Board" after a blank line and a column's bullets).
        listing = records = False
        for i, line in enumerate(lines):
            start, position = position, position + len(line) + 1
            if not line.strip():
                listing = False
                continue  # a table's rows are often separated by blank lines: keep its header
            following = next((nxt for nxt in lines[i + 1:] if nxt.strip()), "")
            if "\t" in line and _FORM_LINE.match(line) and not (table_header and _marks_row(line.split("\t"))):
                # A form's line ("Relevant Director:\tHelen Blackman"): a labelled line read with the
                # rest of its form (the title of the paper it heads), not a table row under a header
                # made of the form's first line. A label and marks under a table's header are a row.
                cells = [c.strip() for c in line.split("\t") if c.strip()]
                units.append(_Unit("paragraph", " ".join(cells[:2]) + "".join(f" | {c}" for c in cells[2:]),
                                   start, start + len(line), page.number, heading))
                table_header, row_labels = "", False
                continue
            if "\t" in line:
                cells = [c.strip() for c in line.split("\t")]
                labelled = _labelled_header(cells, following)
                # After a table of labelled rows, another such header starts a new table, as does a
                # header over columns of marks ("Specific Challenges" | "Completed" | "Delayed" ...).
                if (not table_header or (row_labels and labelled) or _heads_marks(cells, following)) \
                        and "\t" in following:
                    table_header = " | ".join(c for c in cells if c)
                    header_cells = cells
                    row_labels = labelled
                    # Kept as text too: a column left empty in every row would otherwise vanish. The
                    # unit carries its own header, which tells the chunker a table starts here.
                    if table_header:
                        units.append(_Unit("paragraph", table_header, start, start + len(line),
                                           page.number, heading, table_header))
                    continue
                if _wraps_the_row_before(cells, units, row_cells):
                    # "\tIntervention and Partnerships)\t" ends the cells of the row above, wrapped.
                    row_cells = [f"{a} {b}".strip() for a, b in zip_longest(row_cells, cells, fillvalue="")]
                    start = units.pop().start
                else:
                    row_cells = cells
                fields = (_row_fields(row_cells, table_header, row_labels)
                          or _marked_columns(row_cells, header_cells if table_header else []))
                units.append(_Unit("table_row", _render_row(row_cells, table_header, row_labels, fields), start,
                                   start + len(line), page.number, heading, table_header, fields))
                continue
            table_header, row_labels = "", False
            kind = _line_kind(line, following)
            if kind == "heading" and units and _ends_mid_phrase(units[-1].text):
                kind = "paragraph"  # "Portfolio Holder for" / "Education, Employment and Skills" is one phrase
            text = line.strip()
            record = bool(RECORD_LINE.fullmatch(text))
            if kind == "heading" and (listing or records and record) and not _NUMBERED_HEADING.match(text) \
                    and not text.isupper():
                kind = "paragraph"  # "... the Board, which includes:" / "Chief Executive; Probation Trust" / ...
            records = (records or listing and record) and kind != "heading"
            listing = (listing or text.endswith(":")) and kind != "heading"
            if kind == "heading":
                heading = text
            units.append(_Unit(kind, text, start, start + len(line), page.number, heading))
        offset += len(page.text) + 2  # pages are joined by a blank line in Document.text
    return flat_table_rows(units)


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DATE_TEXT = re.compile(rf"^(?:(?:q[1-4]|{_MONTH}|\d{{1,2}})[\s/.-]*)*(?:19|20)?\d{{2}}(?:/\d{{2}})?\b|^(?:ongoing|on going)\b",
                        re.IGNORECASE)
_NAME_WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?"  # "Holly", "Sara-Jane", "O'Neill"
_PERSON_TEXT = re.compile(rf"^(?:{_NAME_WORD}\s*){{2,3}}$|^(?i:to be confirmed|tbc)$")
_TIMESCALE_WORD = re.compile(r"\b(timescale|deadline|due date|by when)\b", re.IGNORECASE)
_LEAD_WORD = re.compile(r"\b(lead|responsib\w*|owner)\b", re.IGNORECASE)


def flat_table_rows(units: list[_Unit]) -> list[_Unit]:
    """Rebuild action-plan rows that PDF extraction flattened into separate lines.

    After a header naming a timescale and a lead column, a row is the text up to a short line
    holding a date followed by a person's name ("October 2019" / "Lisa Hazell"); it becomes one
    table_row unit that keeps its column meaning. Text that never completes a row is left as it was.
    """
    out: list[_Unit] = []
    i = 0
    while i < len(units):
        header = _flat_header(units, i)
        if not header:
            out.append(units[i])
            i += 1
            continue
        header_units, columns = header
        out.extend(units[i:i + header_units])
        i += header_units
        body: list[_Unit] = []
        meta: list[_Unit] = []
        while i < len(units) and not _EMAIL.search(units[i].text):
            unit = units[i]
            i += 1
            if len(unit.text.split()) <= 4 and not unit.text.startswith("- "):
                meta.append(unit)
                row = _as_row(body, meta, columns)
                if row:
                    out.append(row)
                    body, meta = [], []
                continue
            row = _row_with_name_finished(body, meta, unit, columns)
            if row:
                out.append(row)
                body, meta = [], []
                continue
            body.extend(meta)
            meta = []
            body.append(unit)
        out.extend(body + meta)
    return out


def _flat_header(units: list[_Unit], i: int) -> tuple[int, tuple[str, str, str]] | None:
    """(units the header spans, column names) when a flattened table header starts at units[i]."""
    window = units[i:i + 3]
    if not window or not _TIMESCALE_WORD.search(window[0].text) or len(window[0].text.split()) > 8:
        return None
    for span in range(len(window), 0, -1):  # the longest header: it may be split over three lines
        text = " ".join(u.text for u in window[:span])
        if _LEAD_WORD.search(window[span - 1].text + (" " + text if span == 1 else "")) and \
                all(len(u.text.split()) <= (8 if n == 0 else 2) for n, u in enumerate(window[:span])):
            first = _TIMESCALE_WORD.split(window[0].text)[0].strip() or "Action"
            lead = " ".join(u.text for u in window[1:span]) if span > 1 else "Lead"
            return span, (first, "Timescale", lead if _LEAD_WORD.search(lead) else "Lead")
    return None


# A surname opening a line, and the rest of the line ("Brighouse information, “What do you need ...”").
_SURNAME_FIRST = re.compile(rf"^({_NAME_WORD})\s+(\S.*)$", re.DOTALL)


def _row_with_name_finished(body: list[_Unit], meta: list[_Unit], unit: _Unit,
                            columns: tuple[str, str, str]) -> _Unit | None:
    """A row whose lead's name the extraction split over two lines, its surname run into the next
    line of the action's cell ("March" / "2018" / "Sara-Jane" / "Brighouse information, “What do you
    need to know ...”."): the row with the whole name, the rest of that line finishing its action."""
    surname = _SURNAME_FIRST.match(unit.text)
    if not (meta and body and surname and len(meta[-1].text.split()) == 1):
        return None
    named = _Unit(meta[-1].kind, f"{meta[-1].text} {surname.group(1)}", meta[-1].start, unit.end, meta[-1].page,
                  meta[-1].heading)
    rest = _Unit(unit.kind, surname.group(2), unit.start, unit.end, unit.page, unit.heading)
    return _as_row([*body, rest], [*meta[:-1], named], columns)


def _as_row(body: list[_Unit], meta: list[_Unit], columns: tuple[str, str, str]) -> _Unit | None:
    """A row unit when `meta` holds a date then a name and there is body text before it."""
    text = " ".join(u.text for u in meta)
    date = _DATE_TEXT.match(text)
    name = text[date.end():].strip() if date else ""
    if not body or not date or not _PERSON_TEXT.match(name):
        return None
    challenge = " ".join(u.text for u in body)
    row = f"{columns[0]}: {challenge}; {columns[1]}: {date.group(0).strip()}; {columns[2]}: {name}"
    first = body[0]
    fields = dict(zip(columns, (challenge, date.group(0).strip(), name)))
    return _Unit("table_row", row, first.start, meta[-1].end, first.page, first.heading, " | ".join(columns),
                 fields)


# A form's line: a short label ending in a colon, then a tab ("Title of paper:\tUpdate on ...").
_FORM_LINE = re.compile(r"^\s*[A-Z][\w ()/&'’,-]{1,60}:\s*\t")
# A form's field on a line of its own: a one-word label, then its value ("Place: Committee Room").
_FORM_FIELD = re.compile(r"^[A-Z][a-z]+:\s+\S")
_WRAPPED_WORDS = 4  # at most this many words on a line finishing the row above it
_FIGURE = re.compile(r"^[£$]?[\d.,]+%?$")
# A cover sheet's title line, a form's line: what the paper is about, for every passage of it; or the
# opening line of a meeting's minutes ("MINUTES of meeting held at Loxley House on 26 JUNE 2013 ..."),
# which says what meeting every passage of them records.
_PAPER_TITLE = re.compile(r"^[ \t]*(?:(?:title(?: of (?:the )?(?:paper|report))?|report title|subject):[ \t]*\t"
                          r"[ \t]*([^\t\n]+)|(minutes of (?:the )?meeting held\b[^\n]*))", re.IGNORECASE | re.MULTILINE)


def _line_kind(line: str, following: str) -> str:
    text = line.strip()
    if text.startswith("- "):
        return "list_item"
    words = text.split()
    if len(words) > 12 or len(text) > 90 or text.endswith((".", ",", ";", "?", "!")) or _EMAIL.search(text):
        return "paragraph"
    if _NUMBERED_HEADING.match(text) or (text.isupper() and len(words) >= 1 and len(text) > 3):
        return "heading"
    if _FORM_FIELD.match(text):
        return "paragraph"  # "Place: Committee Room at Loxley House" is a form's field, though title-case
    capitalised = [w for w in words if w.lower() not in _SMALL_WORDS]
    title_case = capitalised and sum(w[:1].isupper() for w in capitalised) / len(capitalised) >= 0.75
    # A title-case line is a heading only when a real paragraph or list follows it, not a job title.
    if title_case and len(words) >= 2 and (word_count(following) >= 10 or following.startswith("- ")):
        return "heading"
    return "paragraph"


def _wraps_the_row_before(cells: list[str], units: list[_Unit], row_cells: list[str]) -> bool:
    """Whether a table line only finishes the cells of the row before it: its first cell is empty
    and it holds a few words ("\tParticipation Lead Officer)\t" under "Jon Rea\t- Engagement and)").
    A longer line under an empty first cell is a row of its own, as under an action plan's merged
    first column."""
    if not (units and units[-1].kind == "table_row" and row_cells and not cells[0]
            and sum(len(c.split()) for c in cells) <= _WRAPPED_WORDS):
        return False
    # Words under a figure ("1873" / "contacts)") are no part of it: where they belong is unclear.
    return all(not cell or (i < len(row_cells) and row_cells[i] and not _FIGURE.match(row_cells[i]))
               for i, cell in enumerate(cells))


def _render_row(cells: list[str], header: str, labelled: bool = False, fields: dict | None = None) -> str:
    """A table row as text that keeps its column meaning ("Lead: Jane Example"), opening with its label
    when the table's rows have one ("Q4 2012/13; CAFs Initiated: 225; CAFs Open: 1925") or when its
    cells are marks (_marked_columns)."""
    fields = _row_fields(cells, header, labelled) if fields is None else fields
    if fields:
        labelled = _has_label(cells, header, labelled) or cells[0] not in fields.values()
        label = f"{cells[0]}; " if labelled and cells[0] else ""
        return label + "; ".join(f"{name}: {value}" for name, value in fields.items())
    return " | ".join(c for c in cells if c)


# A mark ticking a table's column: "X", "✓", "√", "Yes".
_MARK = re.compile(r"^(?:x|✓|✔|√|yes|y)$", re.IGNORECASE)


def _heads_marks(cells: list[str], following: str) -> bool:
    """Whether a table line names columns (words, no figures or marks) over a row of a label and
    marks."""
    names = [cell for cell in cells[1:] if cell]
    return (len(names) >= 2 and not any(_MARK.match(n) or re.search(r"\d", n) for n in names)
            and _marks_row(following.split("\t")))


def _marks_row(cells: list[str]) -> bool:
    """Whether a table line is a label and marks ("Embed new Supervision process:" | "" | "X")."""
    marks = [cell.strip() for cell in cells[1:] if cell.strip()]
    return bool(cells[0].strip()) and bool(marks) and all(_MARK.match(m) for m in marks)


def _marked_columns(cells: list[str], header_cells: list[str]) -> dict:
    """A row of a label and marks whose cells do not match its header's one for one: each mark
    keyed by the column it stands under ("Support the setting up of the MASH:" | "" | "" | "" | "X"
    under "Specific Challenges" | "Completed" | "Delayed" | "In difficulty/Abandoned" | ""). A mark
    under an empty header cell belongs to the named one to its left, a header cell merged over two
    columns. {} for any other row."""
    if not header_cells or not _marks_row(cells) or any(_MARK.match(h) for h in header_cells):
        return {}
    marked = [i for i, cell in enumerate(cells) if i and cell]
    fields = {}
    for i in marked:
        named = [j for j in range(1, min(i, len(header_cells) - 1) + 1) if header_cells[j]]
        if not named or header_cells[named[-1]] in fields:  # two marks under one column: not this header's
            return {}
        fields[header_cells[named[-1]]] = cells[i]
    return fields


def _row_fields(cells: list[str], header: str, labelled: bool = False) -> dict:
    """A row's column -> value; with `labelled` rows, the first cell is the row's label, not a column's."""
    names = [h.strip() for h in header.split(" | ")] if header else []
    if _has_label(cells, header, labelled):
        cells = cells[1:]
    # Repeated column names cannot key a row's fields: one value would hide the other.
    if names and len(cells) == len(names) and all(names) and len(set(names)) == len(names):
        return {name: cell for name, cell in zip(names, cells) if cell}
    return {}


def _labelled_header(cells: list[str], following: str) -> bool:
    """Whether a table's first line names its columns over an empty corner, its rows opening with their
    label ("" | "CAFs Initiated" | "CAFs Open", then "Q4 2012/13" | "225" | "1925"); a wrapped cell's
    second line ("" | "Services)") is no such header."""
    names = [c for c in cells if c]
    row = [c.strip() for c in following.split("\t")]
    return not cells[0] and len(names) >= 2 and len(cells) == len(row) and bool(row[0])


def _has_label(cells: list[str], header: str, labelled: bool) -> bool:
    return labelled and bool(header) and len(cells) == len(header.split(" | ")) + 1


def _pack(units: list[_Unit], settings: ChunkSettings) -> list[list[_Unit]]:
    """Group units into chunks: headings start a chunk, table rows stand alone, long text is split."""
    groups: list[list[_Unit]] = []
    current: list[_Unit] = []
    size = 0

    def flush() -> None:
        nonlocal current, size
        if current:
            groups.append(current)
        current, size = [], 0

    for unit in units:
        for piece in _split_long(unit, settings.max_words):
            words = word_count(piece.text)
            starts_section = piece.kind == "heading" and not (current and current[-1].kind == "heading")
            # A short "Saving: £393k" line stays with the record it completes, up to the size limit.
            limit = settings.max_words if _labelled_value(piece) else settings.target_words
            if (size >= _CONTACT_WORDS and current and _EMAIL.search(current[-1].text)
                    and sum(bool(_EMAIL.search(u.text)) for u in current) >= _CONTACT_LIST):
                limit = size  # a contact list's chunk ends after the contact that reaches the limit
            # A table's header after another table's row opens a chunk of its own.
            new_table = (piece.kind != "table_row" and bool(piece.table_header)
                         and bool(current) and current[-1].kind == "table_row")
            if piece.kind == "table_row" or starts_section or size + words > limit or new_table:
                if not (current and size + words <= settings.target_words and piece.kind != "table_row"
                        and not starts_section and current[-1].kind == "heading"):
                    carried = _unfinished_tail(current) if piece.kind == "paragraph" and not new_table else []
                    carried_words = sum(word_count(u.text) for u in carried)
                    if carried_words + words > settings.max_words:
                        carried, carried_words = [], 0
                    current = current[:len(current) - len(carried)]
                    flush()
                    current, size = carried, carried_words
            if piece.kind == "table_row" and words >= 12:
                groups.append([piece])
                continue
            current.append(piece)
            size += words
    flush()
    return groups


# A "Label: value" line ("Saving: £393k", "Lead: Jane Example"); a web address is not one.
LABELLED_VALUE = re.compile(r"^(?!https?:)[A-Za-z][\w ()/&'’-]{1,40}:\s*\S")


def _ends_mid_phrase(text: str) -> bool:
    words = text.split()
    return bool(words) and words[-1].lower() in _SMALL_WORDS


def _unfinished_tail(units: list[_Unit]) -> list[_Unit]:
    """The lines closing `units` that begin a sentence the next line finishes ("- The Children and
    Young People's Providers" before "Network now supports 185 representatives ..."; "Councillor Sam
    Webster" / "Portfolio Holder for" before "Education, Employment and Skills"): they move to the next
    chunk with the rest of their sentence rather than be cut from it. At most _CARRIED_WORDS words,
    back to the line opening a list item or following a finished sentence; a closing line ending in a
    colon moves with what it introduces."""
    tail, words = 0, 0
    while tail < len(units) - 1:
        unit = units[-1 - tail]
        if tail == 0 and unit.kind == "paragraph" and unit.text.rstrip().endswith(":"):
            # "The Vision for the Partnership from the Children and Young People's Plan is:" opens what follows.
            return units[-1:] if word_count(unit.text) <= _CARRIED_WORDS else []
        if unit.kind not in ("paragraph", "list_item") or unit.text.rstrip().endswith((".", "!", "?", ":", ";")):
            break
        words += word_count(unit.text)
        if words > _CARRIED_WORDS:
            return []
        tail += 1
        if unit.kind == "list_item":
            break
    return units[len(units) - tail:] if tail else []


def _labelled_value(unit: _Unit) -> bool:
    return unit.kind != "heading" and word_count(unit.text) <= 8 and bool(LABELLED_VALUE.match(unit.text))


def _split_long(unit: _Unit, max_words: int) -> list[_Unit]:
    """Split a unit longer than max_words at sentence (or, failing that, word) boundaries."""
    if word_count(unit.text) <= max_words:
        return [unit]
    prefix = ""
    body = unit.text
    if unit.kind == "table_row" and "; " in unit.text:
        # Keep the short columns (lead, timescale) with every piece of a long row.
        cells = unit.text.split("; ")
        longest = max(cells, key=len)
        rest = "; ".join(c for i, c in enumerate(cells) if i != cells.index(longest))
        if word_count(rest) <= max_words // 2:  # else repeating it would break the size limit
            prefix, body = rest, longest
    budget = max(1, max_words - word_count(prefix))
    pieces, current = [], []
    for sentence in _sentences(body, budget):
        if current and word_count(" ".join(current + [sentence])) > budget:
            pieces.append(" ".join(current))
            current = []
        current.append(sentence)
    if current:
        pieces.append(" ".join(current))
    return [_Unit(unit.kind, (f"{p}; {prefix}" if prefix else p), unit.start, unit.end, unit.page,
                  unit.heading, unit.table_header, unit.fields) for p in pieces]


def _sentences(text: str, budget: int) -> list[str]:
    out = []
    for sentence in _SENTENCE_END.split(text):
        words = sentence.split()
        while len(words) > budget:
            out.append(" ".join(words[:budget]))
            words = words[budget:]
        if words:
            out.append(" ".join(words))
    return out


def _make_chunk(doc: Document, ordinal: int, group: list[_Unit], glossary: dict[str, str], paper: str) -> Chunk:
    text = "\n".join(u.text for u in group)
    heading = next((u.heading for u in group if u.heading), "")
    kind = _chunk_kind(group, text)
    context = [doc.title]
    if heading and heading not in text[:len(heading) + 5]:
        context.append(heading)
    if group[0].table_header and group[0].kind == "table_row" and ": " not in text:
        context.append(f"Columns: {group[0].table_header}")
    return Chunk(
        chunk_id=f"{doc.doc_id[:12]}-{ordinal:04d}", doc_id=doc.doc_id, source=doc.source,
        title=doc.title, date=doc.period.label(), date_sort=doc.period.sort_key(), text=text,
        index_text=expand_text("\n".join(context + [text]), glossary), page_start=min(u.page for u in group),
        page_end=max(u.page for u in group), char_start=group[0].start, char_end=group[-1].end,
        heading=heading, kind=kind, paper=paper, fields=group[0].fields if len(group) == 1 else {})


def _chunk_kind(group: list[_Unit], text: str) -> str:
    if _EMAIL.search(text) and word_count(text) <= 60:
        return "contact"
    kinds = {u.kind for u in group}
    for kind in ("table_row", "list_item"):
        if kinds <= {kind, "heading"} and kind in kinds:
            return kind
    return "paragraph"
