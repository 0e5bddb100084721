"""Aims against outcomes: a plan's target does not answer what happened."""
from chat.aims import asks_what_happened, states_an_aim
from chat.extractive import compose
from index.records import Hit
from ingest.records import Chunk


def _hit(text, rank, kind="paragraph"):
    chunk = Chunk(chunk_id=f"plan-{rank}", doc_id="plan.txt", source="plan.txt", title="Plan", date="2016",
                  date_sort="2016-12-31", text=text, index_text=text, page_start=1, page_end=1, char_start=0,
                  char_end=len(text), kind=kind)
    return Hit(chunk, 1.0 / rank, rank, "hybrid", 0.6)


def test_aims_and_questions_about_what_happened():
    assert states_an_aim("To increase the number of two year olds in nursery by 40%")
    assert states_an_aim("We will recruit 20 more foster carers by 2020.")
    # a purpose clause before what was done is a result, not an aim
    assert not states_an_aim("To provide support, the Big Lottery has appointed the Social Research Unit.")
    assert not states_an_aim("There has been a 12.5% increase in take-up.")
    # an imperative with a target amount is an aim; one without is an action (a plan's row, a task)
    assert states_an_aim("Increase the number of foster placements in the county by 50 over three years.")
    assert not states_an_aim("Increase the number of Health Visitors across the city.")
    assert not states_an_aim("Increased take-up by 12% in 2019.")
    assert states_an_aim("Action: To increase the number of health visitors by 4,000; Lead: Jane Example", row=True)
    assert not states_an_aim("Action: To increase the number of health visitors by 4,000", row=False)
    assert asks_what_happened("By how much did take-up go up?")
    assert asks_what_happened("How many health visitors has the city taken on?")
    assert not asks_what_happened("Does our group have to be based in the city?")
    assert not asks_what_happened("By how much is take-up meant to go up? What is the target?")
    assert not asks_what_happened("What was the target for take-up?")
    # asking an amount in the present asks what is so, unless it asks what is needed or promised
    assert asks_what_happened("How many health visitors does Nottingham City employ at the moment?")
    assert asks_what_happened("how many health visitors work in nottingham city at the moment")  # no "do"
    assert not asks_what_happened("how many health visitors work in the city")
    assert not asks_what_happened("What areas does the plan cover?")
    assert not asks_what_happened("How many of the criteria does a family need to meet?")
    assert not asks_what_happened("How many families is the programme meant to support?")
    assert not asks_what_happened("What did the manifesto promise about the number of two year olds in nursery?")


def test_an_outcome_question_is_answered_by_the_outcome_not_the_target():
    hits = [_hit("- To increase the number of two year olds in nursery by 40%\n- To maintain a network of "
                 "children's centres", 1),
            _hit("There has been a 12.5% increase in the number of two year olds in nursery, from a baseline "
                 "of 48%.", 2)]
    happened, _, _ = compose("By how much did the number of two year olds in nursery go up?", hits)
    assert happened.startswith("There has been a 12.5% increase"), happened
    aimed, _, _ = compose("By how much is the number of two year olds in nursery meant to increase, as a target?",
                          hits)
    assert aimed.startswith("40%"), aimed


def test_an_aim_in_an_action_plan_row_counts_nothing_that_happened():
    row = [_hit("Completed/continuing to next year: To increase the number of Health Visitors across the city "
                "in line with the drive to increase Health Visitors nationally by 4,000 over the next 3 years; "
                "Lead: Jane Example", 1, kind="table_row")]
    assert compose("How many health visitors did the city recruit under the national drive?", row)[0] == ""
    assert compose("How many health visitors does the city employ at the moment?", row)[0] == ""
    assert "4,000" in compose("How many more health visitors is the national drive aiming for?", row)[0]


def test_a_target_or_forecast_or_a_thing_not_yet_done_says_nothing_of_how_it_turned_out():
    assert states_an_aim("Phase 2 runs to April 2020, with a local target to support 3,840 families.")
    assert states_an_aim("By the end of March 2014, between 3 and 5 areas would be awarded funding.")
    assert not states_an_aim("There are currently 19 carers booked into panels, so we would forecast 41 more.")
    target = [_hit("Priority Families Phase 2 runs to April 2020, with a local target to support 3,840 families.", 1)]
    assert compose("How many families had Priority Families turned around by April 2020?", target)[0] == ""
    assert "3,840" in compose("What is the Priority Families target for families supported?", target)[0]
    underway = [_hit("A multi agency survey of the DART service is currently underway to gather agency views.", 1)]
    assert compose("What did the survey of the DART service conclude?", underway)[0] == ""
    assert compose("Is a survey of the DART service planned?", underway)[0] != ""
    # nor does a sentence going on with it to say what it will do
    then = [_hit("A multi agency DART survey is currently underway to gather agency views on the service. This will "
                 "form part of a full review of the effectiveness of DART and the allocation of future resources.", 1)]
    assert compose("What were the findings of the survey on DART - how do partner agencies rate the service?",
                   then)[0] == ""
    # next steps, and what is "to be completed", are still to come
    steps = [_hit("Next steps include the completion of an external survey of 600 families on well-being.", 1)]
    assert compose("What did the well-being survey of 600 families find?", steps)[0] == ""
    assert compose("What are the next steps for the well-being survey?", steps)[0] != ""
    review = [_hit("Review of the school nursing service to be completed by December 2013.", 1)]
    assert compose("What did the December 2013 review of the school nursing service conclude?", review)[0] == ""
    published = [_hit("The Review was published in May 2016 but the timescales have not yet been set.", 1)]
    assert "May 2016" in compose("When was the Review published?", published)[0]
