"""Re-ranking by the years a question names, its wish for recent documents and its phrases."""
from dataclasses import replace

import pytest

from chat.answer_types import current_post_asked
from chat.rerank import document_periods, rerank, word_pairs
from index.records import Hit
from ingest.dates import years_named
from ingest.records import Chunk

PERIODS = {"strategy.txt": (2010, 2014), "board.txt": (2013, 2013), "plan.txt": (2017, 2019)}


def _hit(source, score, rank):
    chunk = Chunk(chunk_id=f"{source}-{rank}", doc_id=source, source=source, title=source, date="",
                  date_sort="", text="text", index_text="text", page_start=1, page_end=1, char_start=0,
                  char_end=4, kind="paragraph")
    return Hit(chunk, score, rank, "hybrid", 0.5)


def test_years_and_spans_of_years_are_read_from_the_question():
    assert years_named("What did the 2010 strategy say?") == {2010}
    assert years_named("Which 2012/13 actions were abandoned?") == {2012, 2013}
    assert years_named("the 2017-19 plan and 2010-2014") == {2017, 2018, 2019, 2010, 2011, 2012, 2013, 2014}
    assert years_named("Who leads training?") == set()


def test_a_named_year_lifts_the_documents_that_cover_it():
    hits = [_hit("board.txt", 0.9, 1), _hit("plan.txt", 0.8, 2), _hit("strategy.txt", 0.75, 3)]
    ranked = rerank("What did the 2010 strategy say about teachers?", hits, PERIODS)
    assert [h.chunk.source for h in ranked] == ["strategy.txt", "board.txt", "plan.txt"]
    assert [h.rank for h in ranked] == [1, 2, 3]


def test_a_question_about_now_prefers_the_newest_document_only_among_close_scores():
    close = [_hit("board.txt", 0.80, 1), _hit("plan.txt", 0.79, 2)]
    assert rerank("Who is the current training co-ordinator?", close, PERIODS)[0].chunk.source == "plan.txt"
    far = [_hit("board.txt", 0.9, 1), _hit("plan.txt", 0.5, 2)]
    assert rerank("Who is the current training co-ordinator?", far, PERIODS)[0].chunk.source == "board.txt"
    # asking about the past leaves the order alone; nothing about time leaves it alone too
    assert rerank("Who led it before?", close, PERIODS) == close
    assert rerank("Which councillor wrote the foreword?", close, PERIODS) == close


def test_document_periods_come_from_the_catalogue():
    docs = [{"source": "a.txt", "date_start": "2010-01-01", "date_end": "2014-12-31"},
            {"source": "b.txt", "date_start": "", "date_end": "2013-09-25"}, {"source": "c.txt"}]
    assert document_periods(docs) == {"a.txt": (2010, 2014), "b.txt": (2013, 2013)}


def _text_hit(text, score, rank):
    chunk = Chunk(chunk_id=f"c-{rank}", doc_id="d", source="other.txt", title="", date="", date_sort="",
                  text=text, index_text=text, page_start=1, page_end=1, char_start=0, char_end=len(text),
                  kind="paragraph")
    return Hit(chunk, score, rank, "hybrid", 0.5)


def test_the_questions_words_side_by_side_beat_the_same_words_apart():
    apart = _text_hit("Training for carers is planned; foster families will also receive safeguarding help.", 0.8, 1)
    together = _text_hit("Safeguarding training is offered to every foster carer twice a year.", 0.7, 2)
    ranked = rerank("Who runs safeguarding training for foster carers?", [apart, together], {})
    assert [h.chunk.chunk_id for h in ranked] == ["c-2", "c-1"]
    assert word_pairs("Head of Service for the Family teams") == {("head", "service"), ("service", "family"),
                                                                   ("family", "team")}


def _named_hit(source, text, score, rank):
    chunk = Chunk(chunk_id=f"{source}-{rank}", doc_id=source, source=source, title="", date="", date_sort="",
                  text=text, index_text=text, page_start=1, page_end=1, char_start=0, char_end=len(text),
                  kind="contact")
    return Hit(chunk, score, rank, "hybrid", 0.5)


def test_for_a_question_about_now_the_newest_passage_naming_the_subject_leads():
    old = _named_hit("board.txt", "Name: Pat Whitby; Job title: Partnership Manager; role in the board", 0.95, 1)
    other = _named_hit("strategy.txt", "The partnership role of schools is described in section 4.", 0.90, 2)
    new = _named_hit("plan.txt", "Pat Whitby Education Partnership Strategy Manager", 0.60, 3)
    ranked = rerank("What is Pat Whitby's role?", [old, other, new], PERIODS)
    assert [h.chunk.source for h in ranked] == ["plan.txt", "strategy.txt", "board.txt"]
    # a question about the past, or naming a year, keeps the order the scores give
    assert [h.chunk.source for h in rerank("What was Pat Whitby's role before?", [old, other, new],
                                            PERIODS)] == ["board.txt", "strategy.txt", "plan.txt"]
    deeper = [old, other, _named_hit("strategy.txt", "filler", 0.8, 3), replace(new, rank=4)]
    assert rerank("What is Pat Whitby's role?", deeper, PERIODS)[0].chunk.source == "board.txt"


def test_a_document_named_by_its_kind_lifts_the_documents_whose_title_holds_those_words():
    board, strategy = _hit("board.txt", 0.9, 1), _hit("strategy.txt", 0.8, 2)
    board = replace(board, chunk=replace(board.chunk, title="Children's Partnership Board papers"))
    strategy = replace(strategy, chunk=replace(strategy.chunk, title="Our Workforce Strategy"))
    ranked = rerank("How deprived is the city, according to the workforce strategy?", [board, strategy], {})
    assert [h.chunk.source for h in ranked] == ["strategy.txt", "board.txt"]
    # a question naming no document, or one no title matches, leaves the order alone
    assert rerank("How deprived is the city?", [board, strategy], {}) == [board, strategy]
    assert rerank("How deprived is the city, according to the action plan?", [board, strategy], {}) == [
        board, strategy]
    # a word placing the document in time is no word of its title
    assert rerank("How deprived is the city, according to the latest workforce strategy?", [board, strategy],
                  {})[0].chunk.source == "strategy.txt"


def test_a_document_named_by_its_acronym_is_lifted_like_one_named_by_its_title():
    from chat.questions import documents_named

    glossary = {"CYPP": "Children and Young People's Plan", "NCSCB": "Nottingham City Safeguarding Children Board"}
    question = "How many families did we support last year, according to the CYPP?"
    assert documents_named(question, glossary) == ["Children and Young People's Plan"]
    assert documents_named("What does the NCSCB do?", glossary) == []  # a board, not a document
    other = _hit("board.txt", 0.9, 1)
    plan = replace(_hit("cypp.txt", 0.8, 2), chunk=replace(_hit("cypp.txt", 0.8, 2).chunk,
                                                            title="Children and Young People's Plan 2016"))
    assert rerank(question, [other, plan], {}, glossary)[0].chunk.source == "cypp.txt"
    assert rerank(question, [other, plan], {})[0].chunk.source == "board.txt"


def test_a_question_asking_whom_to_contact_lifts_passages_giving_contact_details():
    plain, details = _hit("board.txt", 0.8, 1), _hit("board.txt", 0.7, 2)
    details = replace(details, chunk=replace(details.chunk, text="For further information contact Jane Example: "
                                                                 "jane.example@city.gov.uk"))
    ranked = rerank("Who do I get in touch with about the plan?", [plain, details], {})
    assert ranked[0] is not plain and "jane.example" in ranked[0].chunk.text
    # Not for a question asking something else, nor for a passage without an address or number.
    assert rerank("What does the plan say about training?", [plain, details], {})[0].chunk is plain.chunk
    assert rerank("Who do I contact about the plan?", [plain, replace(details, chunk=plain.chunk)], {})[0].score == 0.8


def _with_text(hit, text):
    return replace(hit, chunk=replace(hit.chunk, text=text))


def test_a_question_asking_where_lifts_a_passage_with_a_place_field():
    minutes = _with_text(_hit("board.txt", 0.8, 1), "The Board confirmed the minutes of the meeting held in March.")
    cover = _with_text(_hit("board.txt", 0.65, 2), "Time: 4.00pm\nPlace: Committee Room at Loxley House")
    assert rerank("Where is the Board meeting held?", [minutes, cover], {})[0].chunk is cover.chunk
    # Not for a question asking something else, nor for "place" inside a sentence.
    assert rerank("When is the Board meeting?", [minutes, cover], {})[0].chunk is minutes.chunk
    prose = _with_text(cover, "Training will take place: see the calendar.")
    assert rerank("Where is the Board meeting held?", [minutes, prose], {})[0].chunk is minutes.chunk


def test_a_calendar_day_the_question_names_lifts_the_passages_naming_it():
    june = _with_text(_hit("board.txt", 0.8, 1), "MINUTES of meeting held on 26 JUNE 2013 at Loxley House.")
    september = _with_text(_hit("board.txt", 0.65, 2), "Date: Wednesday 25th September 2013")
    question = "What was on the agenda of the 25 September 2013 meeting?"
    assert rerank(question, [june, september], {})[0].chunk is september.chunk
    assert rerank("What was on the agenda of the September 2013 meeting?", [june, september], {})[0].chunk is june.chunk


@pytest.mark.slow
def test_the_re_ranker_sees_deep_enough_to_lift_a_contact_line_neither_retriever_ranks_high(corpus_engine):
    # The plan's back page gives its contact inside a paragraph about the Board's role: dense and
    # keyword search rank it 20th-35th, so only a deep enough pool lets the contact and title boosts lift it.
    answer = corpus_engine.answer("Who is the named contact for the children and young people's plan update?")
    assert "Chris Wallbanks" in answer.text.split("[1]")[0]


def test_a_tables_rows_after_the_second_stand_behind_the_other_passages():
    def row(text, score, rank, heading="Attendance"):
        chunk = replace(_text_hit(text, score, rank).chunk, source="board.txt", heading=heading, kind="table_row")
        return Hit(chunk, score, rank, "hybrid", 0.5)

    rows = [row(f"Member {n} | - Chair of a board", 0.9 - n / 100, n) for n in range(1, 5)]
    foreword = _text_hit("As joint Chairs of the Board, we are proud of the plan.", 0.8, 5)
    ranked = rerank("Who chairs the Board?", rows + [foreword], {})
    assert [h.chunk.text for h in ranked][:3] == [rows[0].chunk.text, rows[1].chunk.text, foreword.chunk.text]
    assert [h.rank for h in ranked] == [1, 2, 3, 4, 5]
    # Rows of another table, or under another heading, are another table's.
    other = [row("Member 5 | - Director", 0.89, 5, heading="Apologies")]
    later = _text_hit("The Board meets quarterly.", 0.3, 4)
    ranked = rerank("Who chairs the Board?", rows[:2] + other + [later], {})
    assert [h.chunk.text for h in ranked] == [rows[0].chunk.text, rows[1].chunk.text, other[0].chunk.text,
                                              later.chunk.text]


@pytest.mark.slow
def test_a_question_worded_unlike_its_passage_finds_it_when_the_embedding_is_sure(corpus_engine):
    # Keyword search ranks the consultation passage nowhere ("qualities", "adults" are not its words);
    # its embedding leads every other passage's by far.
    # The retrieval itself (search() then puts the answer's passage first: the answer step's choice).
    hits = corpus_engine._retrieve("When young people were asked what they want from the adults who work with "
                                   "them, what qualities came up?", None, 3, {})
    assert "what skills they would like to see in a worker" in hits[0].chunk.text


@pytest.mark.slow
def test_the_passage_the_answer_is_drawn_from_is_ranked_first(corpus_engine):
    # The 2017-19 contact list naming the training co-ordinator is retrieved third, behind the 2010 and
    # 2013 contact rows of the one before her; the answer leads with it, and so do its sources.
    asked = "Who is the NCSCB training co-ordinator?"
    retrieved = corpus_engine._retrieve(asked, None, 10, {})
    assert "Holly Bligh" not in retrieved[0].chunk.text
    answer = corpus_engine.answer(asked)
    assert answer.text.startswith("Holly Bligh"), answer.text
    hits = corpus_engine.search(asked, k=10)
    assert "Holly Bligh" in hits[0].chunk.text and "Holly Bligh" in answer.passages[0].chunk.text
    assert {h.chunk.chunk_id for h in hits} == {h.chunk.chunk_id for h in retrieved}  # only the order moves
    assert [h.rank for h in hits] == list(range(1, 11))
    # No answer, no new order.
    unanswered = "Who won the 2018 football cup?"
    assert corpus_engine.answer(unanswered).abstained
    assert [h.chunk.chunk_id for h in corpus_engine.search(unanswered, k=5)] == [
        h.chunk.chunk_id for h in corpus_engine._retrieve(unanswered, None, 5, {})]


@pytest.mark.slow
def test_who_holds_a_post_now_brings_in_the_newest_document_naming_someone_in_it(corpus_engine):
    # The 2010 and 2013 contact rows of Paul Langley outrank the 2017-19 plan's bare contact list.
    assert current_post_asked("Who's the training co-ordinator now?") == "training co-ordinator"
    assert current_post_asked("Who was the training co-ordinator in 2013?") == ""
    answer = corpus_engine.answer("Who's the training co-ordinator of the Nottingham City Safeguarding "
                                  "Children Board now?")
    assert answer.text.startswith("Holly Bligh"), answer.text
    assert "Paul Langley" in answer.text  # the older documents' holder, with their dates
