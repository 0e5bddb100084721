"""Pure rendering for the web chat: escaping, highlighting, [n] links, sources and Markdown export."""
from __future__ import annotations

import html
import re

from index.store import content_words

_MARKER = re.compile(r"\[(\d+)\]")
_TOKENS = re.compile(r"([A-Za-z0-9]+)")
# Characters that would turn plain answer text into Markdown formatting or links.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#|~])")


def escape(text) -> str:
    """Any text from a document, a file name or an answer, made safe to show as text in HTML."""
    return html.escape(str(text if text is not None else ""), quote=True)


def escape_markdown(text: str) -> str:
    """Plain text that Markdown shows literally: HTML escaped first, then Markdown punctuation.

    Only &, < and > are escaped: Gradio's Markdown renders named entities but shows numeric ones
    such as &#x27; literally, and quotes are harmless outside attributes.
    """
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text or ""), quote=False))


def question_terms(question: str) -> set[str]:
    """The question's content words worth highlighting (three letters or more)."""
    return {w for w in content_words(question or "") if len(w) >= 3}


def highlight(text: str, question: str) -> str:
    """`text` escaped, with words that start like a question word wrapped in <mark>.

    Each piece is escaped before any <mark> is added, so document text can never inject markup and
    a highlight can never land inside an entity such as &amp;.
    """
    terms = question_terms(question)
    out = []
    for piece in _TOKENS.split(text or ""):
        word = piece.lower()
        if piece and _TOKENS.fullmatch(piece) and any(word.startswith(t) or t.startswith(word) and len(word) >= 4
                                                      for t in terms):
            out.append(f"<mark>{escape(piece)}</mark>")
        else:
            out.append(escape(piece))
    return "".join(out)


def answer_markdown(text: str) -> str:
    """An answer for the chat bubble: literal text whose [n] markers link to the numbered sources."""
    parts = _MARKER.split(text or "")
    out = []
    for i, part in enumerate(parts):
        out.append(f"[[{part}]](#source-{part})" if i % 2 else escape_markdown(part))
    return "".join(out)


def source_label(citation_json: dict) -> str:
    """'[2] Title (date), page 3' for a citation in Answer.to_json() form."""
    c = citation_json
    return f"[{c['n']}] {c['title']} ({c['date'] or 'undated'}), page {c['page']}"


def sources_html(answer_json: dict) -> str:
    """Notes (e.g. why the LLM answer fell back), then the numbered sources under an answer: title,
    date, page, file and the passage highlighted."""
    notes = "".join(f'<p class="pqa-meta"><em>Note: {escape(note)}</em></p>' for note in answer_json.get("notes") or [])
    citations = answer_json.get("citations") or []
    if not citations:
        return notes
    items = []
    for c in citations:
        items.append(
            f'<li id="source-{int(c["n"])}" class="pqa-source"><strong>[{int(c["n"])}] {escape(c["title"])}</strong>'
            f' <span class="pqa-meta">{escape(c["date"] or "undated")} · page {int(c["page"])} · '
            f'<code>{escape(c["source"])}</code></span>'
            f'<blockquote>{_lines(highlight(c["text"], answer_json.get("question", "")))}</blockquote></li>')
    return notes + ('<section class="pqa-sources" aria-label="Sources"><h3>Sources</h3><ol>' + "".join(items)
                    + "</ol></section>")


def document_html(title: str, date: str, chunks: list, focus_chunk: str = "", question: str = "") -> str:
    """A whole document, page by page, with the cited passage marked and given an anchor to scroll to."""
    out = [f'<article class="pqa-doc"><h3>{escape(title)}</h3><p class="pqa-meta">{escape(date or "undated")}</p>']
    page = None
    for chunk in chunks:
        if chunk.page_start != page:
            page = chunk.page_start
            out.append(f'<h4 class="pqa-page">Page {int(page)}</h4>')
        body = highlight(chunk.text, question) if chunk.chunk_id == focus_chunk else escape(chunk.text)
        focus = ' id="pqa-focus" class="pqa-focus"' if chunk.chunk_id == focus_chunk else ""
        out.append(f"<p{focus}>{_lines(body)}</p>")
    return "".join(out) + "</article>"


def _lines(markup: str) -> str:
    """Line breaks as <br>: a blank line would end the HTML block inside a Markdown chat message."""
    return markup.replace("\n", "<br>")


def filters_summary(sources: list[str], date_from: str, date_to: str) -> str:
    """The active filters in words, shown next to the question box."""
    parts = []
    if sources:
        parts.append("documents: " + ", ".join(sources))
    if date_from or date_to:
        parts.append(f"dates: {date_from or 'any'} to {date_to or 'any'}")
    return "Active filters: " + "; ".join(parts) if parts else "No filters: searching all documents."


def conversation_markdown(turns: list[dict]) -> str:
    """The conversation with each answer's sources, as a Markdown file a person can read."""
    lines = ["# Partnership Q&A conversation", ""]
    for turn in turns:
        lines += [f"## Q: {turn['question']}", "", turn["answer"], ""]
        for c in turn.get("citations", []):
            lines.append(f"- {source_label(c)}, `{c['source']}`: \"{' '.join(c['text'].split())[:400]}\"")
        lines.append("")
    return "\n".join(lines)


def parse_date(value: str, end: bool = False) -> str | None:
    """'2017', '2017-09' or '2017-09-30' -> an ISO date (the start, or with end=True the end, of it)."""
    value = (value or "").strip()
    if not value:
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ValueError(f"'{value}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    if len(value) == 4:
        return value + ("-12-31" if end else "-01-01")
    if len(value) == 7:
        return value + ("-31" if end else "-01")  # ISO strings compare as text, so -31 covers any month
    return value


def table_html(headers: list[str], rows: list[list], caption: str = "", flag_column: int | None = None) -> str:
    """An escaped, horizontally scrollable table; a row whose flag cell starts 'OUT OF DATE' is marked."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = []
    for row in rows:
        old = flag_column is not None and str(row[flag_column]).startswith("OUT OF DATE")
        cells = "".join(f"<td>{escape(cell)}</td>" for cell in row)
        body.append(f'<tr class="pqa-old">{cells}</tr>' if old else f"<tr>{cells}</tr>")
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return (f'<div class="pqa-table" tabindex="0"><table>{cap}<thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')
