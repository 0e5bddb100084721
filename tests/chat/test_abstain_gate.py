"""The engine's gate before answering: passages too far from the question are not read for an answer."""
from dataclasses import replace

import pytest

from chat.engine import MIN_SIMILARITY, found_by_name_alone, should_abstain
from chat.questions import unwritten_thing_asked
from index.records import Hit
from ingest.records import Chunk


def _far(text, rank):
    """A passage ranked `rank` whose meaning is far from the question's (similarity under the gate)."""
    chunk = Chunk(chunk_id=f"doc-{rank}", doc_id="doc", source="doc.txt", title="Plan", date="2016",
                  date_sort="2016-12-31", text=text, index_text=text, page_start=1, page_end=1, char_start=0,
                  char_end=len(text), kind="paragraph")
    return Hit(chunk, 1.0 / rank, rank, "hybrid", MIN_SIMILARITY - 0.1)


def test_a_name_the_best_passage_alone_gives_passes_the_gate_however_far_its_meaning():
    stride = _far("‘Stride’, a pilot embedding a specialist in social care teams, was launched.", 1)
    other = _far("The Safe Families pilot has supported 93 children.", 2)
    assert found_by_name_alone("what is the Stride pilot?", (stride, other))
    assert not should_abstain("what is the Stride pilot?", (stride, other))
    # a name every passage gives tells none of them apart; a name none gives, or no name, is no help
    both = replace(other, chunk=replace(other.chunk, text="Stride and Safe Families pilots run."))
    assert should_abstain("what is the Stride pilot?", (stride, both))
    assert should_abstain("what is the Sprint pilot?", (stride, other))
    assert should_abstain("what is the pilot for social care?", (stride, other))


@pytest.mark.slow
def test_a_name_found_only_by_its_words_is_answered_from_the_passage_giving_it(corpus_engine):
    answer = corpus_engine.answer("what is the Stride pilot?")
    assert "survivor and perpetrator specialist" in answer.text, answer.text
    # the plan says when it was launched no more than that it was: no other launch answers for it
    assert corpus_engine.answer("When was the Stride pilot launched?").abstained


def test_a_thing_asked_to_be_there_that_no_document_writes_is_named():
    written = frozenset("there is a policy for staff doing home visits the board meets at loxley house seats "
                        "caring carer feed park membership allowance pioneering places".split())
    assert unwritten_thing_asked("Is there a mileage allowance for staff doing home visits?", written) == "mileage"
    assert unwritten_thing_asked("so is there visitor parking at Loxley House?", written) == "visitor"
    # "car" is neither "carer" nor "caring"; "fee" is no "feed"
    assert unwritten_thing_asked("Is there car parking for the board?", written) == "car"
    assert unwritten_thing_asked("Is there a membership fee?", written) == "fee"
    # written as a plural or with an ending; a word of the question's other clauses; an acronym
    assert unwritten_thing_asked("Is there a seat for the governors?", written) == ""
    assert unwritten_thing_asked("Is there a home visits policy for lone workers?", written) == ""
    assert unwritten_thing_asked("Is there a DBS policy?", written) == ""
    # "are there" inside a "how many" question asks for a count, not whether something is there
    assert unwritten_thing_asked("How many pioneering places are there altogether?", written) == ""


@pytest.mark.slow
def test_a_question_whether_there_is_something_no_document_writes_is_not_answered(corpus_engine):
    answer = corpus_engine.answer("Is there a mileage allowance for practitioners doing home visits?")
    assert answer.abstained and answer.notes == ("No document mentions 'mileage'.",), answer.text
    assert not corpus_engine.answer("Is there an app for care leavers? what's it called").abstained
