"""Generated answers: ask the LLM, verify its citations, and fall back to the extractive answer with a note."""
from __future__ import annotations

import logging
import time
from dataclasses import replace
from typing import Callable, Iterator

from chat.llm_client import LLMClient, LLMError
from chat.prompt import answer_messages, parse_rewrite, rewrite_messages
from chat.records import NOT_FOUND, Answer, Citation
from chat.verify import Verified, complete_prefix, verify
from index.records import Hit

log = logging.getLogger(__name__)

# (question, passages, timings) -> Answer: the extractive answerer, passed in so that this module
# does not depend on the engine's internals.
Fallback = Callable[[str, tuple[Hit, ...], dict], Answer]

REWRITE_MAX_TOKENS = 120
NOTE_DETAIL_CHARS = 200


def make_client(settings) -> LLMClient:
    return LLMClient(settings.llm_url, settings.llm_model, settings.llm_timeout, settings.llm_max_tokens)


def is_follow_up(history: list[dict] | None) -> bool:
    return any(isinstance(t, dict) and t.get("role") == "user" for t in history or [])


def rewrite_question(question: str, history: list[dict] | None, settings, timings: dict | None = None,
                     client: LLMClient | None = None) -> tuple[str, tuple[str, ...]]:
    """A follow-up rewritten as a standalone question (for retrieval), and any note about it."""
    if not is_follow_up(history):
        return question, ()
    client = client or make_client(settings)
    start = time.perf_counter()
    try:
        reply = client.complete(rewrite_messages(question, history), max_tokens=REWRITE_MAX_TOKENS).text
    except LLMError as exc:
        log.warning("could not rewrite the follow-up question: %s", exc)
        return question, (f"The follow-up question could not be rewritten by the language model "
                          f"({_short(exc)}).",)
    finally:
        if timings is not None:
            timings["rewrite_ms"] = (time.perf_counter() - start) * 1000
    return parse_rewrite(reply, question), ()


def llm_answer(question: str, passages, history: list[dict] | None, settings, fallback: Fallback, *,
               standalone: str | None = None, notes: tuple[str, ...] = (), timings: dict | None = None,
               client: LLMClient | None = None) -> Answer:
    """The verified generated answer (mode "llm"), or the extractive one with a note saying why."""
    *_, answer = llm_answer_stream(question, passages, history, settings, fallback, standalone=standalone,
                                   notes=notes, timings=timings, client=client, stream=False)
    return answer


def llm_answer_stream(question: str, passages, history: list[dict] | None, settings, fallback: Fallback, *,
                      standalone: str | None = None, notes: tuple[str, ...] = (), timings: dict | None = None,
                      client: LLMClient | None = None, stream: bool = True) -> Iterator[str | Answer]:
    """Yield text deltas, each made of whole sentences already verified, then the final Answer.

    The final Answer is authoritative: when it is the extractive fallback, text shown so far (only
    ever verified, cited sentences) is to be replaced by it.
    """
    passages = tuple(passages)
    standalone = standalone or question
    timings = {} if timings is None else timings
    ctx = _Context(question, standalone, passages, settings, fallback, tuple(notes), timings)
    if not passages:  # nothing to ground an answer in: the extractive path abstains, no call needed
        yield ctx.fall_back("no_passages", None)
        return
    client = client or make_client(settings)
    messages = answer_messages(standalone, passages, history)
    start = time.perf_counter()
    raw, shown, finish_reason = "", "", None
    try:
        if stream:
            for delta in client.stream(messages):
                raw += delta
                verified = verify(raw[: complete_prefix(raw)], len(passages)).text
                if len(verified) > len(shown) and verified.startswith(shown):
                    yield verified[len(shown):]
                    shown = verified
            finish_reason = client.last_finish_reason
        else:
            completion = client.complete(messages)
            raw, finish_reason = completion.text, completion.finish_reason
    except LLMError as exc:
        timings["llm_ms"] = (time.perf_counter() - start) * 1000
        yield ctx.fall_back(exc.reason, _unavailable_note(exc))
        return
    timings["llm_ms"] = (time.perf_counter() - start) * 1000
    answer = ctx.finish(raw, finish_reason)
    if answer.mode == "llm" and answer.text.startswith(shown) and len(answer.text) > len(shown):
        yield answer.text[len(shown):]
    yield answer


class _Context:
    """What one generated answer needs to finish or fall back."""

    def __init__(self, question, standalone, passages, settings, fallback, notes, timings):
        self.question, self.standalone, self.passages = question, standalone, passages
        self.settings, self.fallback, self.notes, self.timings = settings, fallback, notes, timings
        self.extra: dict = {}
        if standalone != question:
            self.extra["rewritten_question"] = standalone

    def finish(self, raw: str, finish_reason: str | None) -> Answer:
        """Verify the model's reply and turn it into an Answer, or fall back."""
        if not raw.strip():
            return self.fall_back("empty_reply", "The language model gave an empty reply; "
                                                 "showing the extractive answer.")
        checked = verify(raw, len(self.passages))
        self.extra.update(dropped_citations=list(checked.dropped_citations),
                          dropped_sentences=list(checked.dropped_sentences))
        if checked.abstained:
            return Answer(self.question, NOT_FOUND, (), self.passages, True, mode="llm", timings=self.timings,
                          notes=self.notes, extra=self.extra)
        if not checked.grounded:
            return self.fall_back("no_valid_citation", "The language model's answer cited none of the passages, "
                                                       "so it is not shown; showing the extractive answer.")
        citations = tuple(Citation(i, self.passages[n - 1]) for i, n in enumerate(checked.cited, 1))
        notes = self.notes + _dropped_notes(checked)
        if finish_reason == "length":
            notes += (f"The generated answer reached the limit of {self.settings.llm_max_tokens} tokens "
                      "and may be cut short.",)
        return Answer(self.question, checked.text, citations, self.passages, False, mode="llm",
                      timings=self.timings, notes=notes, extra=self.extra)

    def fall_back(self, reason: str, note: str | None) -> Answer:
        """The extractive answer for the (standalone) question, with the note and the reason."""
        if note:
            log.warning("falling back to the extractive answer: %s", reason)
        answer = self.fallback(self.standalone, self.passages, self.timings)
        notes = answer.notes + self.notes + ((note,) if note else ())
        extra = {**answer.extra, "dropped_citations": [], "dropped_sentences": [], **self.extra,
                 "fallback_reason": reason}
        return replace(answer, question=self.question, mode="extractive", notes=notes, extra=extra)


def _dropped_notes(checked: Verified) -> tuple[str, ...]:
    notes = []
    if checked.dropped_citations:
        count = len(checked.dropped_citations)
        listed = ", ".join(f"[{n}]" for n in checked.dropped_citations)
        notes.append(f"Removed {count} citation{'s' if count > 1 else ''} that pointed at no passage ({listed}).")
    if checked.dropped_sentences:
        count = len(checked.dropped_sentences)
        notes.append(f"Removed {count} sentence{'s' if count > 1 else ''} that cited no passage.")
    return tuple(notes)


def _unavailable_note(exc: LLMError) -> str:
    if exc.reason == "malformed":
        return f"The language model's reply could not be read ({_short(exc)}); showing the extractive answer."
    return f"The language model was unavailable ({_short(exc)}); showing the extractive answer."


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= NOTE_DETAIL_CHARS else text[: NOTE_DETAIL_CHARS - 1] + "…"
