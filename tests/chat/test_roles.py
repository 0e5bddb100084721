"""Who holds a post an answer names, from elsewhere in the same document."""
from types import SimpleNamespace

from chat.roles import holder_in, holder_of_role, role_without_holder, signatories, speaking_as


def test_a_post_named_without_its_holder_is_found():
    assert role_without_holder("Attached Report of Director of Family Community Teams.") == \
        "Director of Family Community Teams"
    # a post whose holder the line gives, or a post too vague to look up, is not
    assert role_without_holder("Jane Example, Director of Family Community Teams, presented it.") == ""
    assert role_without_holder("Responsibility Lead: Toby Beck; Timescale: March 2011") == ""
    assert role_without_holder("funding from the Police and Crime Commissioner") == ""


def test_the_holder_is_read_from_either_side_of_the_post():
    assert holder_in("Tim O'Neill, Director of Family Community Teams, delivered a presentation. Others came.",
                     "Director of Family Community Teams") == (
        "Tim O'Neill", "Tim O'Neill, Director of Family Community Teams, delivered a presentation")
    assert holder_in("Head of Early Help: Jane Example Direct dial - 8764298", "Head of Early Help")[0] == \
        "Jane Example"
    assert holder_in("The Head of Early Help will report in May.", "Head of Early Help") == ("", "")


def test_the_holder_is_looked_up_in_the_same_document():
    passages = {"papers.txt": [SimpleNamespace(text="Minutes. Tim O'Neill, Director of Family Community Teams, "
                                                    "delivered a presentation.")]}
    asked = []

    def passages_of(source, phrase):
        asked.append(phrase)
        return passages.get(source, [])

    found = holder_of_role("Attached Report of Director of Family Community Teams.", "papers.txt", passages_of)
    assert found[:2] == ("Director of Family Community Teams", "Tim O'Neill")
    assert holder_of_role("Attached Report of Director of Family Community Teams.", "plan.txt", passages_of) is None
    assert asked[0] == "Family Community Teams"


def test_an_answer_naming_a_post_says_who_holds_it(corpus_engine):
    answer = corpus_engine.answer("Who presented 'Shaping the Future', the new operating model vision, to the board?")
    assert "Tim O'Neill is the Director of Family Community Teams. [2]" in answer.text
    assert "Tim O'Neill, Director of Family Community Teams" in answer.citations[1].quote
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))


def test_writers_speaking_as_holders_of_a_post_are_its_signatories():
    assert speaking_as("As joint Chairs of the Children’s Partnership Board, we are proud to say ...") == \
        "Chair of Children’s Partnership Board"
    assert speaking_as("As part of the consultation, we asked young people.") == ""
    foreword = SimpleNamespace(text="- A pilot was launched in schools\nCouncillor Sam Webster\nPortfolio Holder for\n"
                                    "Education, Employment\nand Skills\n- The number of children fell")
    other = SimpleNamespace(text="Jane Example\nDirector of Early Help\nSam Sample\nHead of Service")
    words = frozenset({"priority", "families", "pilot"})
    found = signatories([foreword, other], words)
    assert [(name, post) for name, post, _ in found] == [
        ("Councillor Sam Webster", "Portfolio Holder for Education, Employment and Skills"),
        ("Jane Example", "Director of Early Help"), ("Sam Sample", "Head of Service")]
    assert found[0][2] is foreword
    assert signatories([SimpleNamespace(text="Priority Families\nDirector of Early Help")], words) == []  # no one


def test_an_answer_spoken_by_a_posts_holders_says_who_signs_it(corpus_engine):
    answer = corpus_engine.answer("Who are the joint chairs of the Children's Partnership Board?")
    assert "It is signed by Councillor Sam Webster" in answer.text and "Councillor David Mellen" in answer.text
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    assert any("Sam Webster" in c.quote for c in answer.citations[1:])
    assert answer.citations[0].quote.startswith("As joint Chairs")  # its other sentence does not hide it


def test_who_holds_a_post_of_a_body_finds_the_passage_naming_that_post_under_the_boards_attendance_rows(
        corpus_engine):
    from chat.answer_types import posts_of

    assert posts_of("As joint Chairs of the Children’s Partnership Board, we are proud") == \
        [("chair", "Children’s Partnership Board")]
    # The 2013 papers' attendance rows (a member's post, "Chair of ..." among them, and the board's name
    # in every row's title) fill the top passages; the 2016 plan's foreword names the post itself.
    answer = corpus_engine.answer("Who now chairs the Children's Partnership Board?")
    assert any("As joint Chairs of the Children’s Partnership Board" in h.chunk.text for h in answer.passages)
    assert "Councillor Sam Webster" in answer.text and "Councillor David Mellen" in answer.text, answer.text


def test_whom_to_contact_about_a_named_document_finds_that_documents_own_contact_line(corpus_engine):
    from chat.rerank import contact_asked, documents_meant

    documents = corpus_engine.reader.documents()
    glossary = corpus_engine.reader.glossary()
    question = "Who's the contact person if I want more info on the CYPP?"
    assert contact_asked(question) and not contact_asked("What does the CYPP contain?")
    assert documents_meant(question, documents, glossary) == ["children-young-peoples-plan-2016.txt"]
    # The 2013 papers about the plan, each naming its own contact officer, outrank the plan's closing
    # line ("For further information contact Chris Wallbanks: ...") on every word of the question.
    answer = corpus_engine.answer(question)
    assert any("For further information contact Chris Wallbanks" in h.chunk.text for h in answer.passages)
    assert answer.text.startswith("Chris Wallbanks"), answer.text
    # Filtered to other documents, the plan's line is not brought in.
    from index.records import Filters

    other = corpus_engine.answer(question, filters=Filters(sources=("partnership-board-papers-2013-09-25.txt",)))
    assert all(h.chunk.source == "partnership-board-papers-2013-09-25.txt" for h in other.passages)


def test_a_job_title_asked_of_someone_is_read_from_the_newest_document_that_gives_it(corpus_engine):
    # The 2013 papers and the 2010 strategy give Pat Whitby's post in labelled rows ("Name: ...; Job
    # title: ..."); the 2017-19 action plan only in a bare contact list, which the question's school
    # and governor words leave far down the passages. It is brought in, and being newest, it leads.
    question = ("I chair a school governing body and deal with Pat Whitby on school workforce and governor "
                "training matters. What is their current job title?")
    answer = corpus_engine.answer(question)
    assert answer.text.startswith("Pat Whitby Education Partnership Strategy Manager"), answer.text
    assert answer.citations[0].hit.chunk.source == "workforce-action-plan-2017-2019.txt"
