"""Streaming: growing prefixes of the real answer, then the Answer; history in Gradio's message form."""
import pytest

from chat.streaming import history_for_engine, stream_answer


@pytest.mark.slow
def test_stream_yields_growing_prefixes_then_the_answer(corpus_engine):
    steps = list(stream_answer(corpus_engine, "When will the new integrated children's public health service start?",
                               words_per_step=2))
    texts = [text for text, _ in steps]
    final_text, answer = steps[-1]
    assert answer is not None and final_text == answer.text and "April 2018" in final_text
    assert all(a is None for _, a in steps[:-1]) and len(steps) > 3
    assert all(final_text.startswith(t) for t in texts) and texts == sorted(texts, key=len)


def test_history_is_plain_role_content_messages():
    turns = [{"question": "Who leads?", "answer": "Jane [1].", "json": {}}]
    assert history_for_engine(turns) == [{"role": "user", "content": "Who leads?"},
                                         {"role": "assistant", "content": "Jane [1]."}]
