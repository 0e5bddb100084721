"""Follow-up questions resolved with the conversation, on the real corpus."""
import pytest

from chat.followup import is_follow_up, standalone_question

HISTORY = [{"role": "user", "content": "Who leads the NCSCB safeguarding training?"},
           {"role": "assistant", "content": "Holly Bligh [1]"}]


def test_follow_ups_are_joined_to_the_previous_question():
    assert is_follow_up("and who did it before?") and is_follow_up("When is that due?")
    assert not is_follow_up("What is the vacancy rate for hard to recruit teams in the portfolio update?")
    assert standalone_question("and who did it before?", HISTORY) == \
        "Who leads the NCSCB safeguarding training? and who did it before?"
    assert standalone_question("and who did it before?", None) == "and who did it before?"


@pytest.mark.slow
def test_follow_up_answers_use_the_conversation(corpus_engine):
    first = corpus_engine.answer("Who is the NCSCB Training Co-ordinator?")
    assert "Holly Bligh" in first.text
    history = [{"role": "user", "content": first.question}, {"role": "assistant", "content": first.text}]
    before = corpus_engine.answer("and who was it before?", history=history)
    assert before.question == "and who was it before?" and not before.abstained
    assert "standalone_question" in before.to_json()
    assert "Paul Langley" in before.text.split("[1]")[0]


@pytest.mark.slow
def test_a_follow_up_asks_for_its_own_kind_of_fact(corpus_engine):
    first = corpus_engine.answer("Who leads safeguarding training?")
    assert first.text.startswith("Holly Bligh")
    history = [{"role": "user", "content": first.question}, {"role": "assistant", "content": first.text}]
    due = corpus_engine.answer("when is that due?", history=history)
    assert due.text.startswith("March 2018"), due.text[:200]  # the timescale of the same action
