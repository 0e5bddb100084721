"""Questions about the documents themselves, answered from the list of documents (real corpus)."""
import pytest

from chat.about_documents import (acronym_asked, acronym_named, answer_about_documents, asks_what_acronym_is,
                                   documents_asked)

DOCS = [
    {"source": "a.txt", "title": "Workforce Strategy 2010-2014", "date": "2010 to 2014", "date_end": "2014-12-31"},
    {"source": "b.txt", "title": "Updated Action Plan 2017-2019", "date": "2017 to 2019", "date_end": "2019-12-31"},
    {"source": "c.txt", "title": "Children and Young People's Plan", "date": "2016", "date_end": "2016-12-31"},
    {"source": "d.txt", "title": "Change Portfolio update", "date": "2020", "date_end": "2020-09-30"},
]


def test_only_questions_about_the_documents_themselves_are_taken():
    assert documents_asked("Which plan is current?") == "plan"
    assert documents_asked("What are the latest board papers?") == "board papers"
    assert documents_asked("What documents do you have?") == "*"
    assert documents_asked("Which report is the most recent?") == "report"
    assert documents_asked("Which workforce strategy action plan is the current one?") == "workforce strategy action plan"
    assert documents_asked("New starter question: which plan is current?") == "plan"  # a label before it
    # The period of the newest: its date is in the catalogue's answer.
    assert documents_asked("What period does the most recent workforce action plan cover?") == "workforce action plan"
    assert documents_asked("When does the latest plan run to?") == "plan"
    # Its period asked after a comma, without "and".
    assert documents_asked("which workforce action plan is the current one, what dates does it run") == \
        "workforce action plan"
    assert documents_asked("What period does the plan cover?") == ""  # which plan is not asked
    # The document it is for, named, must be in its title too; its period may be asked with it.
    assert documents_asked("Which is the most recent action plan for the Workforce Strategy, and what period "
                           "does it cover?") == "workforce strategy action plan"
    for about_content in ("What is the current plan for early help?", "What is the latest news on the MASH?",
                          "Which plan?", "What's the title slogan of the 2016 plan?"):
        assert documents_asked(about_content) == ""


def test_the_newest_of_the_kind_comes_first_and_the_older_ones_follow():
    text, docs = answer_about_documents("plan", DOCS)
    assert text == ("The most recent plan is Updated Action Plan 2017-2019 (2017 to 2019) [1]. "
                    "Older: Children and Young People's Plan (2016) [2].")
    assert [d["source"] for d in docs] == ["b.txt", "c.txt"]
    assert answer_about_documents("report", DOCS)[1][0]["source"] == "d.txt"  # a progress update is a report
    assert answer_about_documents("minutes", DOCS) == ("", [])
    # every word of the kind in the title, in any order
    assert [d["source"] for d in answer_about_documents("action plan 2017-2019", DOCS)[1]] == ["b.txt"]
    assert answer_about_documents("strategy action plan", DOCS) == ("", [])
    text, docs = answer_about_documents("*", DOCS)
    assert text.startswith("I answer from 4 documents, newest first: Change Portfolio update (2020) [1]")


@pytest.mark.slow
def test_which_plan_is_current_is_answered_from_the_real_index(corpus_engine):
    answer = corpus_engine.answer("Which plan is current?")
    assert not answer.abstained
    assert answer.text.startswith("The most recent plan is Children's Partnership Workforce Strategy: Updated "
                                  "Action Plan (September 2017 to December 2019) [1].")
    assert answer.citations[0].hit.chunk.source == "workforce-action-plan-2017-2019.txt"
    assert corpus_engine.answer("What is the current plan for early help?").extra.get("answered_from") is None


def test_what_an_acronym_stands_for_is_asked_only_of_acronyms_the_documents_define():
    glossary = {"NCSCB": "Nottingham City Safeguarding Children Board", "DfE": "Department for Education"}
    assert acronym_asked("What does NCSCB stand for?", glossary) == "NCSCB"
    assert acronym_asked("I keep seeing 'NCSCB' in the papers - what does that stand for?", glossary) == "NCSCB"
    assert acronym_asked("What's the full name of the NCSCB?", glossary) == "NCSCB"
    assert acronym_asked("What does the acronym NCSCB stand for?", glossary) == "NCSCB"  # called an acronym
    assert acronym_asked("NCSCB and DfE: what does it mean?", glossary) == ""  # "it" is one of two
    assert acronym_asked("what is DfE short for", glossary) == "DfE"
    assert acronym_asked("Expand NCSCB", glossary) == "NCSCB"
    assert acronym_asked("New starter question: what does NCSCB stand for?", glossary) == "NCSCB"
    assert acronym_asked("Hi, what does DfE stand for?", glossary) == "DfE"
    assert acronym_asked("What does XYZ stand for?", glossary) == ""  # not defined: retrieval answers
    assert acronym_asked("What does the NCSCB do?", glossary) == ""  # about what it does, not its name
    # Where the acronym is used may follow the question.
    assert acronym_asked("What does NCSCB stand for in the training section?", glossary) == "NCSCB"
    assert acronym_asked("what is DfE short for on the funding page?", glossary) == "DfE"
    assert acronym_asked("What does NCSCB stand for, and who chairs it?", glossary) == ""  # a second question
    assert acronym_asked("What does NCSCB stand for? Who chairs it?", glossary) == ""  # a second question
    # Asked in one sentence of several, after a word of apology, or bare ("what is it?").
    assert acronym_asked("sorry what does DfE mean? saw it in the plan", glossary) == "DfE"
    assert acronym_asked("keep seeing NCSCB in the papers, what is it?", glossary) == "NCSCB"
    assert acronym_asked("someone mentioned the NCSCB - what's that?", glossary) == "NCSCB"
    assert acronym_asked("What does NCSCB stand for in section 2.3?", glossary) == "NCSCB"  # "2.3" ends no sentence
    assert acronym_asked("The NCSCB budget was cut - what is it now?", glossary) == ""
    # Asked in a clause after "but" or a dash, not one joined by "and".
    assert acronym_asked("Sorry if this is a daft one but what is DfE short for?", glossary) == "DfE"
    assert acronym_asked("new to the team - what does NCSCB stand for?", glossary) == "NCSCB"
    assert acronym_asked("Who chairs the board and what does NCSCB stand for?", glossary) == ""
    # The acronym alone asked about: "what is X?" asks what it stands for, not "what is X for?".
    assert acronym_asked("What is the NCSCB?", glossary) == "NCSCB"
    assert acronym_asked("In the 2010 strategy's list of abbreviations, what was the DfE?", glossary) == "DfE"
    assert acronym_asked("What is the NCSCB for?", glossary) == ""


@pytest.mark.slow
def test_what_an_acronym_stands_for_is_answered_from_its_definition(corpus_engine):
    answer = corpus_engine.answer("What does NCSCB stand for?")
    assert answer.text == "NCSCB stands for Nottingham City Safeguarding Children Board [1]."
    defining = answer.citations[0].hit.chunk.text
    assert "NCSCB" in defining and "Safeguarding Children" in defining


@pytest.mark.slow
def test_acronyms_of_an_abbreviation_list_and_of_a_name_with_an_aside_are_answered(corpus_engine):
    assert corpus_engine.answer("what does SENCO stand for").text == \
        "SENCO stands for Special Educational Needs Coordinator [1]."
    ehcp = corpus_engine.answer("As a parent governor I keep hearing EHCP. What does it stand for?")
    assert ehcp.text == "EHCP stands for Education, Health and (social) Care Plans [1]."


@pytest.mark.slow
def test_an_acronym_no_document_defines_is_read_from_the_name_written_beside_it(corpus_engine):
    assert acronym_named("DSVA - what's that short for?", {}) == "DSVA"
    assert acronym_named("NCSCB and DfE: what does it mean?", {}) == ""  # "it" is one of two
    answer = corpus_engine.answer("DSVA - what's that short for?")
    assert "most likely stands for [1]" in answer.text and "Domestic and Sexual Violence and Abuse" in answer.text
    assert "incidents of DSVA" in answer.citations[0].hit.chunk.text
    # An acronym the documents never write: refused, saying so, with no source claimed.
    unknown = corpus_engine.answer("What does XQZW stand for?")
    assert unknown.abstained and unknown.notes == ("No document uses XQZW.",)
    assert unknown.extra.get("answered_from") is None


@pytest.mark.slow
def test_an_acronym_no_document_uses_is_not_answered_from_passages_about_something_else(corpus_engine):
    answer = corpus_engine.answer("What does ASYE stand for, for newly qualified social workers joining the city?")
    assert answer.abstained and answer.notes == ("No document uses ASYE.",), answer.text
    # One the documents use, spelt out in a way the glossary does not read, is left to the passages.
    assert not corpus_engine.answer("What does EHCP mean in the context of the SEND reforms?").abstained
    # One they use but never spell out ("attendance on the ALICSE programme") is refused, saying so.
    alicse = corpus_engine.answer("What does ALICSE stand for?")
    assert alicse.abstained and alicse.notes == ("The documents use ALICSE but never say what it stands for.",)


@pytest.mark.slow
def test_what_an_acronym_is_is_told_by_a_passage_saying_so_or_else_by_its_letters(corpus_engine):
    assert asks_what_acronym_is("What is the NLT?") and asks_what_acronym_is("In the abbreviations, what are MALTs?")
    assert not asks_what_acronym_is("What does NLT stand for?") and not asks_what_acronym_is("What is the NLT for?")
    # typed in a hurry, without a question mark
    assert asks_what_acronym_is("what's DART") and not asks_what_acronym_is("what's DART doing")
    assert corpus_engine.answer("what's DART").text == "DART stands for Domestic Abuse Referral Team [1]."
    described = corpus_engine.answer("What is the NLT?")
    assert described.text.startswith("The **Nottingham Learning Trust (NLT)** is a local schools led venture"), \
        described.text
    assert corpus_engine.answer("What are MALTs?").text == "MALTs stands for Multi Agency Locality Teams [1]."
    # a passage naming it in full in passing ("15 people have now undertaken the ... (NAAS)") says no more
    assert corpus_engine.answer("What's NAAS?").text.startswith("NAAS stands for")
