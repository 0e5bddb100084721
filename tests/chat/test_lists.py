"""Questions asking for several things get the sentence that lists them (chat/lists.py)."""
from chat.extractive import compose
from chat.lists import items_asked, items_listed
from chat.text import stems
from index.records import Hit
from ingest.records import Chunk


def _hit(text, rank=1):
    chunk = Chunk(chunk_id=f"plan-{rank}", doc_id="plan.txt", source="plan.txt", title="Plan", date="2019",
                  date_sort="2019-12-31", text=text, index_text=text, page_start=1, page_end=1, char_start=0,
                  char_end=len(text), kind="paragraph")
    return Hit(chunk, 1.0 / rank, rank, "hybrid", 0.6)


def test_plural_and_counted_what_questions_ask_for_items():
    assert items_asked("What skills did young people say they wanted to see in the workforce?") == 3
    assert items_asked("Which wards does the programme cover?") == 3
    assert items_asked("What are the main priorities of the plan?") == 3
    assert items_asked("What services does the network offer?") == 3
    assert items_asked("what are the four big strategic outcomes in the plan?") == 4
    # the main or key things of a kind, however far from "what"
    assert items_asked("What came out as the main positives in the 2019 staff health check?") == 3
    assert items_asked("Who came out as the main speakers?") == 0  # a who-question: people, not a list asked
    assert items_asked("In which two areas is the mentoring scheme running?") == 2
    assert items_asked("On what 3 levels will the foundation give support?") == 3


def test_singular_questions_and_words_that_only_look_plural_ask_for_no_list():
    assert items_asked("What is the quorum for the board?") == 0
    assert items_asked("What kind of bias should staff watch for?") == 0  # "bias", and the head is "kind"
    assert items_asked("What does the plan say about training?") == 0
    assert items_asked("What was the status of the review?") == 0
    assert items_asked("Who leads safeguarding training?") == 0


def test_a_run_of_short_items_is_a_list_and_prose_is_not():
    assert items_listed("Namely, to show respect, to listen, to understand and to be non judgemental.") >= 4
    assert items_listed("The programme operates in Aspley, Bulwell, Arboretum & St Ann's.") == 4
    assert items_listed("- Early help\n- Safeguarding\n- Attainment") == 3
    assert items_listed("Some questions were included on how young people perceived our workforce "
                        "and what skills they would like to see in a worker.") == 1
    # Places and bodies are listed by their names: "happy, healthy and fulfilled lives" names none.
    lives = "The programme helps children to live happy, healthy and fulfilled lives."
    assert items_listed(lives) == 3 and items_listed(lives, named=True) < 3
    assert items_listed("The programme operates in Aspley, Bulwell, Arboretum & St Ann's.", named=True) == 4


def test_items_made_of_the_questions_own_words_list_nothing_new():
    question = "What qualities do young people want in workers?"
    sentence = "Social care supports children, young people and families, including the most vulnerable."
    assert items_listed(sentence) >= 3
    assert items_listed(sentence, frozenset(stems(question))) < 3


def test_the_sentence_listing_the_items_beats_the_one_announcing_them():
    passage = _hit("As part of the consultation some questions asked how young people perceived our workforce. "
                   "There was a clear message about the skills they saw as important in the people who work "
                   "with them: respect, listening, understanding and being non judgemental.")
    text, _, _ = compose("What skills did young people say they wanted to see in the workforce?", [passage])
    assert text.startswith("There was a clear message"), text


def test_a_sentence_announcing_the_items_is_read_with_the_list_introduced_just_after_it():
    assert items_asked("Can you run me through the seven cross-cutting principles?") == 7  # not "seven cross"
    passage = _hit("The Partnership has adopted seven cross-cutting principles to guide its work. It will keep "
                   "developing these principles in its planning. The principles are as follows:\n"
                   "• To raise aspiration\n• To manage transitions\n• To listen to young people")
    text, _, _ = compose("Can you run me through the seven cross-cutting principles?", [passage])
    assert "as follows:" in text and "To raise aspiration" in text and "To listen to young people" in text
    assert "keep developing" not in text.split("[1]")[0]  # what stands between is no part of the list
    # a question asking for no list gets the sentence alone
    text, _, _ = compose("Who adopted the cross-cutting principles to guide its work?", [passage])
    assert "as follows" not in text
