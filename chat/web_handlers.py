"""What the web chat's buttons do: answer (streamed), filter, rate, export, and manage documents."""
from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from chat import library
from chat.feedback import FeedbackStore
from chat.glossary import build_glossary
from chat.induction import candidate_questions, starter_questions, welcome_html
from chat.streaming import history_for_engine, stream_answer
from chat.web_render import (answer_markdown, table_html, conversation_markdown, document_html, escape_markdown,
                             filters_summary, parse_date, source_label, sources_html)
from index.records import Filters

log = logging.getLogger(__name__)
# A short pause between streamed steps makes the answer visibly arrive; the extractive answer is
# computed in one go, so this only paces the display (about 0.2 s for a 50-word answer).
STEP_DELAY_S = 0.015
SORRY = "Sorry, something went wrong while answering. Please try again, or rephrase the question."


class ChatService:
    """The engine plus everything the page shows about the corpus, refreshed after a change."""

    def __init__(self, engine, feedback: FeedbackStore, uploader=None):
        self.engine, self.feedback, self.uploader = engine, feedback, uploader
        self.export_dir = Path(tempfile.mkdtemp(prefix="partnerqa-export-"))
        self.refresh()
        self.starters = starter_questions(engine, candidate_questions(self.docs, self.glossary, self.people,
                                                                      self.chunks))

    def refresh(self) -> None:
        """Re-read documents, glossary and people from the live index (after an upload or delete)."""
        self.docs = library.documents(self.engine)
        self.chunks = [c for d in self.docs for c in library.chunks_of(self.engine, d["source"])]
        self.glossary = build_glossary(self.chunks)
        self.people = list(self.engine.people_facts())

    # -- tables (every cell is plain text: Gradio's Dataframe shows str cells as text) -------------
    def welcome(self) -> str:
        return welcome_html(self.docs)

    def document_choices(self) -> list[tuple[str, str]]:
        return [(f"{d['title']} ({d['date'] or 'undated'})", d["source"]) for d in self.docs]

    def documents_table(self) -> list[list]:
        return [[d["title"], d["date"] or "", d["pages"], d["chunks"], d["ingested_at"] or "",
                 d["source"] + (f" (uploaded as {d['uploaded_as']})" if d.get("uploaded_as") else "")]
                for d in self.docs]

    def glossary_table(self) -> list[list]:
        return [[t.acronym, t.expansion, t.title, t.date, t.page] for t in self.glossary]

    def documents_html(self) -> str:
        return table_html(["Title", "Date", "Pages", "Passages", "Ingested at (UTC)", "File"],
                          self.documents_table(), f"{len(self.docs)} documents")

    def glossary_html(self) -> str:
        return table_html(["Acronym", "Stands for", "Defined in", "Date", "Page"], self.glossary_table(),
                          f"{len(self.glossary)} acronyms")

    def people_html(self) -> str:
        return table_html(["Name", "Role", "Responsible for", "Organisation", "Document", "Date", "Status"],
                          self.people_table(), f"{len(self.people)} facts about people", flag_column=6)

    def people_table(self) -> list[list]:
        newest = max((d.get("date_end") or "" for d in self.docs), default="")
        rows = []
        for f in self.people:
            status = "current" if f.status == "latest" else "OUT OF DATE: a newer document names them"
            if f.status == "latest" and f.date_sort and newest and f.date_sort[:4] < newest[:4]:
                status = f"as of {f.date_sort[:4]}; may be out of date (newest document: {newest[:4]})"
            rows.append([f.name, f.role, f.responsibility, f.organisation, f.title, f.date, status])
        return rows

    # -- chat ------------------------------------------------------------------------------------
    def filters(self, sources, date_from, date_to) -> Filters:
        return Filters(tuple(sources or ()), parse_date(date_from), parse_date(date_to, end=True))

    def filters_text(self, sources, date_from, date_to) -> str:
        return filters_summary(list(sources or ()), date_from, date_to)

    def respond(self, question: str, turns: list[dict], sources, date_from, date_to):
        """Yield (messages, turns) while the answer streams in; the last yield holds the full turn."""
        question = (question or "").strip()
        if not question:
            yield self.messages(turns), turns
            return
        try:
            filters = self.filters(sources, date_from, date_to)
        except ValueError as exc:
            yield self.messages(turns, question, f"Please fix the date filter: {exc}."), turns
            return
        try:
            for text, answer in stream_answer(self.engine, question, history_for_engine(turns), filters,
                                              delay_s=STEP_DELAY_S):
                if answer is None:
                    yield self.messages(turns, question, answer_markdown(text) + " …"), turns
            data = answer.to_json()
            data["filters"] = self.filters_text(sources, date_from, date_to)
            turns = turns + [{"question": question, "answer": answer.text, "json": data}]
            yield self.messages(turns), turns
        except Exception:  # logged in full for the operator; the user sees a sentence
            log.exception("answering %r failed", question)
            yield self.messages(turns, question, SORRY), turns

    def messages(self, turns: list[dict], pending_q: str = "", pending_a: str = "") -> list[dict]:
        """The Chatbot value: questions and answers as literal text, each answer with its sources."""
        out = []
        for t in turns:
            body = answer_markdown(t["answer"])
            if t["json"].get("filters", "").startswith("Active"):
                body += "\n\n_" + escape_markdown(t["json"]["filters"]) + "_"
            out += [{"role": "user", "content": escape_markdown(t["question"])},
                    {"role": "assistant", "content": body + "\n\n" + sources_html(t["json"])}]
        if pending_q:
            out += [{"role": "user", "content": escape_markdown(pending_q)},
                    {"role": "assistant", "content": pending_a or "…"}]
        return out

    def source_choices(self, turns: list[dict]) -> list[tuple[str, str]]:
        """The latest answer's sources, for 'open the document at this passage'."""
        if not turns:
            return []
        return [(source_label(c), c["chunk_id"]) for c in turns[-1]["json"].get("citations", [])]

    def open_source(self, chunk_id: str, turns: list[dict]) -> str:
        for turn in reversed(turns or []):
            for c in turn["json"].get("citations", []):
                if c["chunk_id"] == chunk_id:
                    return self.view_document(c["source"], chunk_id, turn["question"])
        return "<p>Choose a source of the latest answer first.</p>"

    def view_document(self, source: str, focus: str = "", question: str = "") -> str:
        try:
            chunks = library.chunks_of(self.engine, source)
        except library.LibraryError as exc:
            return f"<p>{escape_markdown(str(exc))}</p>"
        doc = next(d for d in self.docs if d["source"] == source) if any(d["source"] == source for d in self.docs) \
            else {"title": source, "date": ""}
        return document_html(doc["title"], doc["date"], chunks, focus, question)

    def export(self, turns: list[dict]) -> str | None:
        if not turns:
            return None
        path = self.export_dir / "partnerqa-conversation.md"
        path.write_text(conversation_markdown([t["json"] | {"answer": t["answer"]} for t in turns]), encoding="utf-8")
        return str(path)

    def rate(self, index: int, liked: bool, comment: str, turns: list[dict]) -> str:
        """Store a thumbs up/down (with the optional comment) for the answer at chat position `index`."""
        turn_no = index // 2 if isinstance(index, int) else (index[0] if index else 0) // 2
        if not turns or turn_no >= len(turns):
            return "Nothing to rate yet."
        self.feedback.add("up" if liked else "down", turns[turn_no]["json"], comment)
        return "Thank you: your feedback was saved."
