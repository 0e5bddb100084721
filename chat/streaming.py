"""Progressive answers for the web chat: an LLM's verified sentences as they arrive, or the extractive
answer a few words at a time."""
from __future__ import annotations

import re
import time
from typing import Iterator

from chat.records import Answer

# Word-sized steps keep [n] markers whole, so a partial answer never shows half a link.
_STEP = re.compile(r"\S+\s*")


def stream_answer(engine, question: str, history: list[dict] | None = None, filters=None,
                  words_per_step: int = 4, delay_s: float = 0.0) -> Iterator[tuple[str, Answer | None]]:
    """Yield (text so far, None) steps, then (full text, Answer) once."""
    shown = ""
    answer = None
    for item in engine.answer_stream(question, history=history, filters=filters):
        if isinstance(item, str):  # generated text, already verified sentence by sentence
            shown += item
            yield shown, None
        else:
            answer = item
    if shown:
        yield answer.text, answer
        return
    words = _STEP.findall(answer.text)
    for end in range(words_per_step, len(words), words_per_step):
        yield "".join(words[:end]), None
        if delay_s:
            time.sleep(delay_s)
    yield answer.text, answer


def history_for_engine(turns: list[dict]) -> list[dict]:
    """The conversation so far in Gradio's {"role", "content"} form with plain (unrendered) text."""
    history = []
    for turn in turns:
        history += [{"role": "user", "content": turn["question"]},
                    {"role": "assistant", "content": turn["answer"]}]
    return history
