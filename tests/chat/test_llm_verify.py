"""Citation checking of generated answers: pure functions, tested directly."""
import pytest
from hypothesis import given, settings, strategies as st

from chat.records import NOT_FOUND
from chat.verify import complete_prefix, is_not_found, marker_numbers, pieces, verify


@pytest.mark.parametrize("marker,numbers", [
    ("[3]", [3]), ("[1, 2]", [1, 2]), ("[1;4]", [1, 4]), ("[2-4]", [2, 3, 4]), ("[2–3]", [2, 3]),
    ("[Passage 1 and 2]", [1, 2]), ("[source 5]", [5]), ("[1-900]", [1, 900]),
])
def test_marker_numbers(marker, numbers):
    assert marker_numbers(marker) == numbers


def test_markers_are_renumbered_in_order_of_first_use_one_per_bracket():
    v = verify("A is so [3]. B is so [1, 3]. C is so [2][1].", 5)
    assert v.text == "A is so [1]. B is so [2][1]. C is so [3][2]."
    assert v.cited == (3, 1, 2) and v.grounded and not v.dropped_citations


def test_invalid_markers_are_removed_with_their_space_and_counted():
    v = verify("A is so [0][1]. B is so [6]. C [2, 7] is so.", 5)
    assert v.text == "A is so [1]. C [2] is so."
    assert v.dropped_citations == (0, 6, 7) and v.dropped_sentences == ("B is so [6].",)


def test_sentences_without_a_valid_citation_are_dropped_but_line_breaks_survive():
    v = verify("Here is what I found:\n- Paul Langley [2]\n- Marie Grantham [1]\n\nI hope this helps!\n\n"
               "Also, from memory, the budget is £2m.\n\nThe target is 5% [1].", 3)
    assert v.text == "- Paul Langley [1]\n- Marie Grantham [2]\n\nThe target is 5% [2]."
    assert v.dropped_sentences == ("Here is what I found:", "I hope this helps!",
                                   "Also, from memory, the budget is £2m.")


def test_a_marker_after_the_full_stop_belongs_to_that_sentence():
    assert pieces("Dr. J. Smith leads (e.g. for training). [1] Next one [2].") == [
        "Dr. J. Smith leads (e.g. for training). [1]", " Next one [2]."]
    assert verify("It starts in April. [2] It ends in May.", 2).text == "It starts in April. [1]"


def test_no_valid_citation_is_not_grounded():
    for reply in ("HACKED", "Paul Langley leads it.", "Paul Langley leads it [9].", "[1]", ""):
        v = verify(reply, 5)
        assert not v.grounded and v.text == "" and v.cited == ()


def test_the_not_found_phrase():
    assert verify(NOT_FOUND, 5).abstained
    assert verify("the documents don’t say.", 5).abstained
    assert is_not_found("**The documents don't say.** I couldn't find this in the partnership's documents [1].")
    assert not verify("Paul Langley leads it [1].", 5).abstained
    # the phrase next to a cited answer: the cited answer wins, the uncited phrase is dropped
    v = verify("The documents don't say when. It is led by Paul Langley [1].", 5)
    assert v.grounded and not v.abstained and v.text == "It is led by Paul Langley [1]."


def test_reasoning_is_never_shown():
    v = verify("<think>Passage [2] says Paul [2]. The documents don't say more.</think>\n\nPaul leads it [2].", 3)
    assert v.text == "Paul leads it [1]." and v.cited == (2,) and not v.not_found
    assert verify("Paul leads it [1]. <think>still thinking [2].", 3).text == "Paul leads it [1]."


TOKENS = st.sampled_from(["Paul", "leads", "it", "[1]", "[7]", "[2, 3]", ".", "!", " ", "\n", "e.g.", "A.",
                          "5%", "[", "]", "2", "The", "<think>", "</think>"])


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKENS, max_size=40), st.integers(0, 400))
def test_a_verified_prefix_is_a_prefix_of_the_verified_whole(tokens, cut):
    """What a stream showed early is never taken back when more text arrives."""
    text = " ".join(tokens)
    partial = text[: min(cut, len(text))]
    shown = verify(partial[: complete_prefix(partial)], 3).text
    assert verify(text, 3).text.startswith(shown)
