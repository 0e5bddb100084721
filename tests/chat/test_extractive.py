"""The extractive answerer on hand-made passages (one test on the real corpus): answer kinds, abstention, dates."""
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from chat.answer_types import (after_status_cell, asks_yes_or_no, chair_asked, holds_kind, names_another_post,
                               names_role_holder, post_asked_of, post_holder_asked, question_kind, role_asked,
                               status_cell, the_fact)
from chat.extractive import candidates, compose, score_candidates, topic_terms
from chat.measures import counts_what_is_asked
from chat.rows import trim_cell
from chat.names import name_readings, named_things, naming_part
from chat.people import names_a_person, opens_with_post
from chat.questions import asking_clause, documents_named, finder_asked, quoted_phrases
from chat.text import abbreviates, one_letter_apart, stems
from index.records import Hit
from ingest.clean import clean_text
from ingest.records import Chunk


def _hit(text, rank=1, source="plan.txt", date_sort="2019-12-31", title="Plan", kind="paragraph"):
    chunk = Chunk(chunk_id=f"{source}-{rank}", doc_id=source, source=source, title=title, date=date_sort[:4],
                  date_sort=date_sort, text=text, index_text=text, page_start=1, page_end=1, char_start=0,
                  char_end=len(text), kind=kind)
    return Hit(chunk, 1.0 / rank, rank, "hybrid", 0.6)


def _passage(text, ordinal, rank=None, heading="Update:", kind="paragraph"):
    """A passage of one document, `ordinal` its place in it (its chunk id's end), under `heading`."""
    hit = _hit(text, rank=rank or ordinal, source="update.txt")
    return replace(hit, chunk=replace(hit.chunk, chunk_id=f"abc-{ordinal:04d}", heading=heading, kind=kind))


def test_question_kinds():
    assert question_kind("What's the phone number for Jane Example?") == "phone"
    assert question_kind("What is the phone app for care leavers called?") == "other"
    assert question_kind("Who should I ring about training?") == "person"
    assert question_kind("How much did the app cost to build?") == "money"
    assert question_kind("How big is the whole A Better Start pot nationally?") == "money"
    assert question_kind("How big is the team?") == "amount"  # a headcount (or a share or sum) answers it
    assert question_kind("How many foster carers were approved?") == "count"
    assert question_kind("When will the new service start?") == "date"
    assert question_kind("When is the report due?") == "date"
    assert question_kind("How much is the market factor supplement for social workers?") == "money"
    assert question_kind("is there an annual fee to join the network, and how much?") == "money"
    # a number the question speaks of changing is not what it asks for
    assert question_kind("what did the manifesto promise about increasing the number of two year olds?") == "other"
    assert question_kind("What was the number of referrals in 2013?") == "count"
    # a bare "how much" asks for a sum or a share, which a count of people does not give
    assert question_kind("how much did approvals go up last year?") == "count"
    assert not holds_kind("count", "The network supports 185 representatives.", "how much did approvals go up?")
    assert holds_kind("count", "A 41% increase in approvals.", "how much did approvals go up?")
    assert holds_kind("count", "The network supports 185 representatives.", "how many representatives are there?")
    assert question_kind("What pay-related measure was brought in to keep staff?") == "other"  # not a sum
    assert question_kind("What Ofsted rating did the secure unit get?") == "grade"
    assert question_kind("What Ofsted grades did the council's own homes receive?") == "grade"
    # a measure's name counting by a grade gives no grade; a share of schools judged good does
    measures = "% of Nottingham children attending a school rated as good or outstanding by Ofsted"
    assert not holds_kind("grade", measures, "What Ofsted grade did children's services get?")
    assert holds_kind("grade", "79.7% of schools were rated as good or outstanding.", "What grade did most get?")
    assert question_kind("What is the planned pupil capacity of the new primary school?") == "count"
    assert question_kind("What was the city's population in 2008?") == "count"
    assert question_kind("Which officer is the contact, and in what acting capacity?") == "person"
    # A statement after the question asks nothing ("when I left" is no when-question).
    assert question_kind("Who does the training job now? Paul Langley had it when I left.") == "person"
    assert question_kind("Who leads the training? When is it due?") == "date"  # a follow-up question does
    # Nor one before it: "a child who ..." is no who-question.
    assert question_kind("We have a child who keeps missing health appointments and we log it as 'did not attend'. "
                         "What phrase do the local review findings want us to think in terms of instead?") == "other"
    assert question_kind("We met Dr. Smith. Who chairs it?") == "person"
    # Nor in a request naming no question word; "tell me who" still asks who.
    assert question_kind("Latest figure please for looked-after children who aren't in education") == "other"
    assert question_kind("Please tell me who leads safeguarding training") == "person"
    assert question_kind("How was the programme rated by the audit?") == "grade"
    # A statement before the question tells who asks or how things were; the question says what it wants.
    assert question_kind("I've just joined the safeguarding side - who was the board's independent chair when "
                         "the partnership board met in June 2013?") == "person"
    assert question_kind("Closing the Gap was the strategy when I left - what has replaced it?") == "other"
    assert question_kind("New starter here: when is the next board meeting?") == "date"
    # ... after a semicolon too: its "when" clause sets the scene and asks for no date.
    assert question_kind("David Mellen chaired the Board when the 2010 strategy was written; which portfolio "
                         "did he hold by the 2016 plan?") == "other"
    assert asks_yes_or_no("Under the 2016 plan, does the independent chair of the LSCB sit on the Board?")
    assert question_kind("Under the 2016 plan, does the independent chair of the LSCB sit on the Board?") == "other"
    assert question_kind("According to the 2013 papers, who chairs the Board?") == "person"
    assert question_kind("Who leads the training - when is it due?") == "person"  # a question, not a statement
    assert question_kind("What is the vacancy rate?") == "percent"
    assert question_kind("What is the latest figure for the share of CAFs closed with needs met?") == "percent"
    assert question_kind("What delivery status did the update give the milestone?") == "status"
    assert holds_kind("status", "March 2022 Experiencing Obstacles")
    assert not holds_kind("status", "Increase the number of foster placements by 50 over three years.")
    assert holds_kind("grade", "The audit gave the programme a green rating.")
    assert question_kind("What's the current Ofsted judgement for the city's children's services?") == "grade"
    assert not holds_kind("grade", "The unit was inspected in March 2019 and is on target.")
    # a year naming the thing asked about is no answer to when it happens; a time in that year is
    assert not holds_kind("date", "We will run our own 2020 Health Check.", "When is the 2020 Health Check?")
    assert holds_kind("date", "The 2020 Health Check runs in October 2020.", "When is the 2020 Health Check?")
    assert holds_kind("date", "Inspected in 2013.", "What was inspected in June 2013?")
    assert question_kind("What age group is the cadets scheme for?") == "age"
    assert question_kind("How many children aged 0-5 were seen?") == "count"
    # "due to start in April 2018" sets the scene: the question wants the provider
    assert question_kind("Which provider won the contract for the service due to start in April 2018?") == "body"
    assert question_kind("What does the plan say about supervision?") == "other"
    # a closing "when" clause sets the scene; the question is the opening one
    assert question_kind("Which councillor held the portfolio when the 2016 plan was published?") == "person"
    assert question_kind("How many staff were there when the strategy was written?") == "count"
    assert question_kind("What's the name of the new neglect training course?") == "other"  # a thing's name
    assert question_kind("What is the name of the Networks Officer?") == "person"
    # a body asked for, whatever its verb; a member of one is a person
    assert question_kind("Which organisation was picked to lead the Big Lottery bid?") == "body"
    assert question_kind("Which service leads on child sexual exploitation?") == "body"
    assert question_kind("Which board member chairs the meeting?") == "person"
    # "which wards / cities ...?" wants their names: a sentence naming none does not answer it
    assert question_kind("Which wards did the Home Safety pilot run in?") == "body"
    assert not holds_kind("body", "A Home Safety pilot was implemented in wards with the highest attendance rates.",
                          "Which wards did the Home Safety pilot run in?")
    assert holds_kind("body", "The pilot ran in Aspley and St Ann's wards.", "Which wards did the pilot run in?")
    assert holds_kind("body", "Eleven children attended the two-day training held on site in Mansfield.",
                      "In which town was the two-day training held?")
    # a closing "when" clause sets the scene of a yes/no question; "rate" may be a verb
    assert question_kind("Were any staff put at risk when the posts were abolished?") == "other"
    assert question_kind("What did staff rate positively in the 2019 health check?") == "other"
    assert question_kind("What is the vacancy rate in the hard to recruit teams?") == "percent"
    assert question_kind("Has the share of children in care who are not in education gone down?") == "other"
    # a yes/no question wants the sentence that settles it, whatever its topic words
    assert question_kind("Does the Year 3 update to the board have any cost implications?") == "other"
    # a follow-up joined to the question before it asks for its own kind of fact
    assert question_kind("Who leads safeguarding training? when is that due?") == "date"
    assert question_kind("Who leads safeguarding training? and before that?") == "person"
    assert holds_kind("count", "We approved 41 carers") and not holds_kind("count", "approvals rose by 41%")
    assert holds_kind("phone", "Direct dial - 8764298") and not holds_kind("phone", "jane@example.org")
    assert holds_kind("place", "Lifeline has established a pathway with A&E.")
    assert not holds_kind("place", "Lifeline has established a pathway for young people.")
    assert holds_kind("place", "Patients are referred to the QMC.")
    assert not holds_kind("place", "Every Colleague Matters Event 2013: Building an Empowered Workforce")  # a verb
    assert holds_kind("place", "The team moved into the new building in May.")
    # A kind of building opening a longer name names a service or a unit, not where something is.
    assert not holds_kind("place", "Our actions include the Transformation of the School Nursing Service.")
    assert not holds_kind("place", "A new board oversees children's homes, including Clayfields House Secure Unit.")
    assert holds_kind("place", "The office is on Station Street.")
    # "one of the most rewarding jobs" counts nothing; "one of 12 areas" still names twelve.
    assert not holds_kind("count", "Working with children is one of the most rewarding jobs anyone can do.")
    assert holds_kind("count", "Nottingham is one of 12 areas chosen.")
    # An acronym qualifying the word after it names no place.
    assert not holds_kind("place", "This will add further costs to the SEND transport budget.")
    assert holds_kind("place", "Eleven children attended the two-day training held on site in Mansfield.")
    assert not holds_kind("place", "Eleven children attended the two-day training held in June.")
    # A name alone is no place: it may be a body's; a name placed, an address or a postcode is one.
    assert not holds_kind("place", "The Board's meetings will normally be held in public.")
    assert holds_kind("place", "The visioning day took place at Trent University.")
    assert holds_kind("place", "Contact: Chief Supt Simon Nickless, Central Police Station, Nottingham NG1 4BH")
    assert holds_kind("place", "The Family Mentor model is operating in Aspley and Bulwell.")
    assert holds_kind("frequency", "Deliver two Every Colleague Matters Events each year in February and October")
    assert not holds_kind("frequency", "Deliver the Every Colleague Matters Events in February and October")


def test_the_sentence_holding_the_asked_for_fact_is_chosen_and_cited():
    hits = [_hit("The review recommended a new integrated service model. The new service will commence in "
                 "April 2018. Providers will say how they will work with our teams.")]
    text, cited, _ = compose("When will the new integrated service start?", hits)
    assert text.startswith("April 2018.") and "[1]" in text and cited == hits


def test_no_answer_when_the_fact_of_that_kind_is_missing():
    hits = [_hit("Holly Bligh, NCSCB Training Co-ordinator, holly.bligh@example.org, leads the training.")]
    text, cited, _ = compose("What's the phone number for Holly Bligh?", hits)
    assert text == "" and cited == []


def test_newest_document_first_and_older_ones_dated():
    old = _hit("Lead: Paul Langley; Action: safeguarding training programme", 1, "old.txt", "2014-12-31",
               "Strategy 2010-2014", "table_row")
    new = _hit("Lead: Holly Bligh; Action: safeguarding training programme", 2, "new.txt", "2019-12-31",
               "Action Plan 2017-2019", "table_row")
    text, cited, _ = compose("Who leads the safeguarding training programme?", [old, new])
    assert text.index("Holly Bligh") < text.index("Paul Langley")
    assert "In Strategy 2010-2014 (2014): " in text
    assert [h.chunk.source for h in cited] == ["new.txt", "old.txt"]


def test_a_weaker_version_from_a_newer_document_still_leads():
    old = _hit("Name: Lisa Hazell; Job title: Integrated Workforce Project Officer; Email: lisa@example.org",
               1, "old.txt", "2013-09-25", "Board papers", "contact")
    filler = _hit("The workforce strategy group meets every quarter to review the training offer.", 2)
    new = _hit("Workforce team contacts with their job title and email.\nLisa Hazell\nIntegrated Workforce "
               "Consultant\nlisa@example.org", 4, "new.txt", "2019-12-31", "Action Plan 2017-2019")
    text, cited, _ = compose("What is Lisa Hazell's job title?", [old, filler, new])
    assert text.index("Consultant") < text.index("Project Officer")
    assert [h.chunk.source for h in cited] == ["new.txt", "old.txt"]
    text, _, _ = compose("What was Lisa Hazell's job title in 2013?", [old, filler, new])
    assert "Consultant" not in text  # a year in the question picks the version: no other is offered


def test_an_acronym_says_what_it_stands_for_when_the_question_spells_it_out():
    glossary = {"NCSCB": "Nottingham City Safeguarding Children Board"}
    old = _hit("Name: Paul Langley; Job Title: NCSCB Training Co-ordinator; Sector: Childrens Safeguarding Board; "
               "Email: paul.langley@example.org", 1, "old.txt", "2010-12-31", "Strategy 2010-2014", "contact")
    new = _hit("Holly Bligh NCSCB Training Co-ordinator holly.bligh@example.org", 3, "new.txt", "2019-12-31",
               "Action Plan 2017-2019")
    question = "who's the training co-ordinator for the city safeguarding children board now?"
    text, _, _ = compose(question, [old, new], glossary)
    assert text.startswith("Holly Bligh"), text
    # A text spelling its acronym out another way keeps its own words, not the glossary's.
    own = _hit("Review DART (Domestic Abuse Performance Team) by March 2014.", 1)
    said = _hit("The Domestic Abuse Referral Team (DART) was set up in June 2012.", 2)
    text, _, _ = compose("When was the Domestic Abuse Referral Team started?", [own, said],
                         {"DART": "Domestic Abuse Referral Team"})
    assert text.startswith("June 2012"), text


def test_counts_percentages_durations_and_spans_of_time():
    assert not holds_kind("count", "By March 2013 96.2% of children had taken part in their care plan.")
    assert not holds_kind("count", "94.0% Core assessments carried out within 35 working days", "How many children?")
    assert holds_kind("count", "An agenda will be circulated 5 days before the meeting.", "How many days before?")
    # an action plan's item number counts nothing; a number of staff does
    assert not holds_kind("count", "Specific Challenges: 14. Support leadership capacity", "How many leads are there?")
    assert holds_kind("count", "Specific Challenges: 14 staff were trained.", "How many staff were trained?")
    # "within two years" measures time, written in words as in figures
    assert not holds_kind("count", "children on a plan again within two years", "How many children are on plans?")
    assert holds_kind("count", "children on a plan again within two years", "For how many years is it counted?")
    assert holds_kind("date", "To extend free school meals to all primary school children within the next 10 years")
    # "how far ahead" asks how long before: "5 days before the meeting", not "a 2 day course"
    assert question_kind("How far ahead of a board meeting does the agenda get sent round?") == "date"
    assert holds_kind("date", "An agenda will be circulated 5 days before the meeting.")
    assert not holds_kind("date", "So far 14 x 2 day Introductory courses have trained 158 staff.")
    share = _hit("By the end of March 2013 96.2% of children in care had participated with their care plan.")
    count = _hit("On 31.03.13, there were 561 children in the care of the Local Authority.", 2)
    text, _, _ = compose("How many children were in care at the end of March 2013?", [share, count])
    assert text.startswith("On 31.03.13, there were 561"), text
    # A date written in figures says its month and year: "31.03.13" is in March 2013.
    question = "How many children were in care in March 2013?"
    [scored] = score_candidates(question, candidates([count], question))
    assert scored.own == 1.0


def test_a_figure_in_a_sentence_saying_nothing_of_the_topic_is_no_answer():
    passage = _hit("Children in care numbers are reported to the board each March. The changes we plan are "
                   "profound and touch 40 services. It meets every 8 weeks.")
    assert compose("How many children were in care in March?", [passage])[0] == ""
    # a sentence referring back ("It meets ...") speaks of what the one before it named
    network = _hit("The Children's Provider Network brings voluntary groups together. It meets every 8 weeks.")
    assert compose("How often does the Provider Network meet?", [network])[0].startswith("every 8 weeks")


def test_a_sentence_spelling_out_the_one_before_follows_it():
    passage = _hit("The plan was consulted on widely in 2015. There was a very clear message from young people "
                   "about the qualities they want in the workers who support them. Namely, to show **respect**, "
                   "to **listen** and to **understand**. The plan was published in 2016.")
    text, _, _ = compose("When young people were consulted, what qualities did they want in their workers?", [passage])
    assert "to show **respect**, to **listen**" in text, text
    assert "published in 2016" not in text


def test_a_few_bold_words_in_a_sentence_do_not_make_it_a_heading():
    from chat.extractive import _looks_like_heading
    assert not _looks_like_heading("Namely, to show **respect**, to **listen**, to **understand** and to be kind.")
    assert _looks_like_heading("**Review complete but further feedback is due**")


def test_a_leading_section_number_is_not_a_time_of_day():
    assert not holds_kind("date", "1.18 The DART is a multi agency initiative with the police.")
    assert holds_kind("date", "1.17 The DART was set up in June 2012.")
    assert holds_kind("date", "Sessions start at 10.30 in the main hall.")


def test_a_version_from_another_document_must_itself_say_something_of_the_topic():
    from chat.extractive import Candidate, Scored, _versions
    old = _hit("Young people want staff who listen and show respect.", 1, "old.txt", "2014-12-31")
    new = _hit("A Home Safety pilot was implemented in wards.", 2, "new.txt", "2019-12-31")
    best = Scored(0.5, 0.3, 0.3, True, Candidate(old.chunk.text, old, 0))
    # its topic words only in the sentence before it ("... consulted about the staff they want.")
    unrelated = Scored(0.4, 0.3, 0.0, True, Candidate(new.chunk.text, new, 1))
    related = Scored(0.4, 0.3, 0.1, True, Candidate(new.chunk.text, new, 1))
    assert _versions(best, [best, unrelated]) == []
    assert _versions(best, [best, related]) == [related]


def test_a_newer_close_answer_is_not_crowded_out_by_a_long_older_one():
    old = _hit("Host a series of whole Workforce Conferences and Well-Being Events (Every Colleague Matters) for the "
               "promotion of key Children's Partnership messages to engage all who work with children and young "
               "people in the city to promote better lives for our young people, with partners across the city "
               "and the region. | Elaine Mitchell | Quarterly events throughout the year", 1, "old.txt",
               "2014-12-31", "Strategy 2010-2014", "table_row")
    new = _hit("Every Colleague Matters Strategy - Deliver two Every Colleague Matters Events each year in February "
               "and October; - Maintain the Core Development Standard and the supporting webpages and the "
               "training offer for the workforce across the partnership; Timescale: October 2019; "
               "Responsibility Lead: Lisa Hazell", 2, "new.txt", "2019-12-31", "Action Plan 2017-2019", "table_row")
    text, _, _ = compose("How often are the Every Colleague Matters whole-workforce events now to be held?", [old, new])
    assert text.startswith("Twice a year (two Every Colleague Matters Events each year)"), text


def test_past_cue_puts_the_older_version_first():
    old = _hit("Lead: Paul Langley; Action: safeguarding training programme", 1, "old.txt", "2014-12-31",
               "Strategy 2010-2014", "table_row")
    new = _hit("Lead: Holly Bligh; Action: safeguarding training programme", 2, "new.txt", "2019-12-31",
               "Action Plan 2017-2019", "table_row")
    text, _, _ = compose("Who led the safeguarding training programme before?", [new, old])
    assert text.index("Paul Langley") < text.index("Holly Bligh")


def test_a_fact_about_someone_else_does_not_answer_a_question_about_a_named_person():
    other = _hit("Name: Paul Langley; Job Title: NCSCB Training Co-ordinator; Contact Number: 0115 915 9309", 1,
                 kind="table_row")
    named = _hit("Holly Bligh NCSCB Training Co-ordinator holly.bligh@example.org", 2)
    text, _, _ = compose("What's the phone number for Holly Bligh, the NCSCB Training Co-ordinator?", [other, named])
    assert text == ""
    text, _, _ = compose("What's the phone number for Paul Langley?", [other, named])
    assert "0115 915 9309" in text


def test_contact_lines_are_one_unit_and_frequency_questions_want_a_frequency():
    contact = _hit("Lisa Hazell\nIntegrated Workforce\nConsultant lisa.hazell@example.org", kind="contact")
    text, _, _ = compose("What is Lisa Hazell's job title?", [contact])
    assert "Lisa Hazell Integrated Workforce Consultant lisa.hazell@example.org" in text
    network = _hit("The network offers a forum for voluntary groups. It meets every 8 weeks and produces "
                   "regular updates about consultations.")
    assert compose("How often does the network meet?", [network])[0].startswith("every 8 weeks.")
    assert question_kind("How often does the board meet?") == "frequency"


def test_a_contact_sentence_is_answered_with_the_name_it_gives():
    back_page = _hit("All partners are committed to it. For further information contact Jane Example: "
                     "jane.example@city.gov.uk")
    text, _, _ = compose("Who is the contact for the plan?", [back_page])
    assert text.startswith("Jane Example. ")  # not her email address, read as a "Contact: ..." field
    # a post after the name is no part of it: no fact is pulled out, the sentence says it all
    officer = _hit("For more information please contact Jane Example Integrated Workforce Officer on 0115 000 0000.")
    assert compose("Who is the contact for the plan?", [officer])[0].startswith("For more information")


def test_an_irregular_past_form_means_its_verb():
    assert stems("where was it built, who led it and when was it held?") == stems("where build, who lead, when hold")
    assert "meet" not in stems("the target was met")  # a target met is no meeting
    assert "give" not in stems("the name it was given")  # a light verb says little
    plan = _hit("Members will be presented with a proposal advising the need to build a further special school in "
                "the Hucknall or Ollerton area.")
    assert "Hucknall" in compose("Where might another special school need to be built?", [plan])[0]


def test_a_clipped_word_means_the_word_spelt_out():
    assert set(stems("more info, stats and admin")) == set(stems("more information, statistics and administration"))
    assert set(stems("how many orgs? which org?")) == set(stems("how many organisations? which organisation?"))
    assert stems("service spec") == stems("service specification")
    priorities = _hit("Partnership Action Plan for 2016-17, to ensure practitioners are competent and confident.")
    back_page = _hit("Respond to new guidance on outcomes for our children, young people and families For further "
                     "information contact Jane Example: jane.example@city.gov.uk", rank=2)
    text, _, _ = compose("who do I get in touch with for more info about the 2016 children and young people's plan?",
                         [priorities, back_page])
    assert text.startswith("Jane Example. ")


def test_a_short_label_value_line_is_an_answer():
    passage = _hit("Social Impact Bond:\nImplement new services for children on the edge of care through the "
                   "DN2 Social Impact Bond project.\nSaving: £500k\nContracts were signed in September 2020.")
    text, cited, _ = compose("How much is the DN2 Social Impact Bond project expected to save?", [passage])
    assert "Saving: £500k" in text.split("[1]")[0] and cited == [passage]


def test_yes_no_questions_want_the_settling_sentence_not_a_person():
    assert question_kind("If a board vote is tied, does the chair get an extra vote?") == "other"
    assert question_kind("Is there a phone number for the duty team?") == "phone"
    assert question_kind("Who chairs the board?") == "person"
    # a statement setting the scene ends at a full stop: its relative "who" asks for no one
    scene = "Our charity works with young people who live in the city. Can we still join the network?"
    assert asks_yes_or_no(scene) and question_kind(scene) == "other"
    passage = _hit("The quorum is one third of the membership. In the event of a tied vote, the person chairing "
                   "the meeting may exercise a second or casting vote.")
    text, _, _ = compose("If a board vote is tied, does the chair get an extra vote?", [passage])
    assert "casting vote" in text


def test_an_opening_question_word_is_not_part_of_a_name():
    assert named_things("Was Nottingham's Family Intervention Project recognised nationally?") == [
        "Family Intervention Project"]
    assert named_things("Does Small Steps Big Changes run groups?") == ["Small Steps Big Changes"]
    assert named_things("Which Councillor chairs it?") == []
    # A question word opening a later sentence is no part of a name either.
    assert named_things("Who is Holly Bligh? Does Pat Whitby lead it?") == ["Holly Bligh", "Pat Whitby"]
    assert named_things("I'm a health analyst. What England average does the plan use?") == []
    # a possessive ends a name: the Big Lottery's initiative need not be written "Big Lottery's Fulfilling"
    assert named_things("How big is the Big Lottery's Fulfilling Lives: A Better Start initiative?") == [
        "Big Lottery", "Better Start"]
    assert named_things("What is Cllr David Mellen's portfolio?") == ["Cllr David Mellen's"]
    # but a possessive naming whom a body serves is part of its name
    assert named_things("What's the phone number for the Young People's Provider Network?") == [
        "Young People's Provider Network"]
    # months name a period, not a thing the answer must mention
    assert named_things("In the Jul-Sep 2020 update, what was the turnover rate?") == []
    assert named_things("What did the April-June report say of Loxley House?") == ["Loxley House"]


def test_names_the_answer_must_give_come_from_the_asking_sentence_when_it_names_something():
    launch = _hit("The Early Intervention Foundation (EIF) was launched as a charity on 4th July 2013.")
    glossary = {"EIF": "Early Intervention Foundation"}
    asked = ("The 2017 workforce plan says Nottingham is an Early Intervention Foundation Pioneering Place. "
             "When was the EIF itself launched?")
    assert "4th July 2013" in compose(asked, [launch], glossary)[0]  # the Pioneering Place is not asked about
    assert naming_part(asked) == "When was the EIF itself launched?"
    # An asking sentence pointing back ("it") is read with the sentence it points back to.
    scene = "My lads are keen on the Police Cadets. What ages is it for?"
    assert naming_part(scene) == scene
    assert naming_part("What ages are the Police Cadets for?") == "What ages are the Police Cadets for?"


def test_a_title_before_a_name_may_be_written_another_way():
    holder = _hit("Councillor David Mellen Portfolio Holder for Early Intervention and Early Years")
    text, _, _ = compose("What is Cllr David Mellen's portfolio these days?", [holder])
    assert "Early Intervention and Early Years" in text
    other = _hit("Councillor Sam Webster Portfolio Holder for Resources")
    assert compose("What is Cllr David Mellen's portfolio these days?", [other])[0] == ""


def test_a_name_may_shorten_one_of_its_words():
    update = _hit("Partner's update: Nottinghamshire Police: Chief Supt Jane Example")
    text, _, _ = compose("who gave the Notts Police update to the board?", [update])
    assert "Jane Example" in text
    assert abbreviates("notts", "nottinghamshire") and abbreviates("govt", "government")
    # The start of a longer word is another word, not a short form: "Care" does not name "careers".
    assert not abbreviates("care", "careers")
    careers = _hit("Careers advice for school leavers: run by Jane Example")
    assert compose("Who runs Care Leavers support?", [careers])[0] == ""


def test_quoted_words_lead_to_the_sentence_and_its_attribution():
    assert quoted_phrases("Whose definition of the 'One Children's Workforce' is used?") == ["one childrens workforce"]
    assert quoted_phrases("What is the children's plan and the parents' forum?") == []
    passage = _hit("“We have a sizeable ‘fourth gap’ which we need to close, which is one of mind-sets and "
                   "capabilities.” (David Pearson, Sustainability and Transformation Plan Lead (2016)\n"
                   "Greater Nottingham are looking to develop an Accountable Care System.")
    text, _, _ = compose("Who is quoted talking about a 'fourth gap' of mind-sets and capabilities?", [passage])
    assert text.startswith("(David Pearson") or text.startswith("David Pearson"), text


def test_a_name_must_be_named_together_not_in_scattered_words():
    scattered = _hit("Members: Children and Young People's Provider Network representatives, school "
                     "representatives, a further education representative and an Engagement and Participation "
                     "Officer who is named Jane Example.")
    text, _, _ = compose("What is the name of the Networks Officer for young people?", [scattered])
    assert text == ""
    reordered = _hit("Eleven children that are looked after attended the two-day training held at Vision West "
                     "Notts College in Mansfield.")
    text, _, _ = compose("Where did the Looked After Children attend the two-day training?", [reordered])
    assert "Mansfield" in text
    # A name's first words, then its head referred back to with a capital, name it; a small "programme" does not.
    referred = ("Early Intervention became a core theme of the plan. The Programme was launched in April 2008. "
                "Activity was driven through five core strands - Projects, Governance and Finance.")
    asked = "What were the five core strands of the Early Intervention Programme?"
    assert compose(asked, [_hit(referred)])[0].startswith("Activity was driven through five core strands")
    assert compose(asked, [_hit(referred.replace("The Programme", "The programme"))])[0] == ""


def test_a_day_named_in_the_question_must_be_the_passages_day():
    other_day = _hit("The Board meeting on 27 November 2013 will be held at Loxley House, Station Street.")
    assert compose("Where will the 19 March 2014 Board meeting be held?", [other_day])[0] == ""
    numeric = _hit("On 31.03.13, there were 561 children in the care of the Local Authority.")
    assert "561" in compose("How many children were in care on 31 March 2013?", [numeric])[0]


def test_a_long_list_item_is_read_by_sentence_so_its_last_fact_survives():
    item = ("- (b) Initially the target was set to identify 400 troubled families and to be actively working "
            "with 300 (75%) of those families in the first year of the programme. By March 2013 this target had "
            "been surpassed and 375 (94%) of families were actively engaged. As a result of meeting and exceeding "
            "the target, the programme qualified for full year 2 attachment funding of £1.2 million;")
    text, _, _ = compose("How much year 2 attachment funding did the programme qualify for?", [_hit(item)])
    # the sum first (the whole of it: "£1.2 million", not "£1"), then the sentence that says it
    assert text.startswith("£1.2 million. As a result of meeting and exceeding the target")
    assert "£1.2 million. [1]" in text


def test_a_notice_in_capitals_is_not_mistaken_for_a_heading():
    notice = _hit("PARTNERS AND CITIZENS ATTENDING MEETINGS ARE ASKED TO ARRIVE AT LEAST 15 MINUTES BEFORE THE "
                  "START OF THE MEETING TO BE ISSUED WITH VISITOR BADGES.\nAgenda, reports and minutes for all "
                  "public meetings can be viewed online at the council's website.")
    text, _, _ = compose("How early should I turn up to a board meeting to get a visitor badge?", [notice])
    assert text.startswith("PARTNERS AND CITIZENS")


def test_when_is_also_answered_by_a_weekday_or_a_time_and_an_undated_best_answer_stays_first():
    assert question_kind("When do the sessions run?") == "date"
    assert holds_kind("date", "They run every Thursday morning") and holds_kind("date", "It starts at 4.00pm")
    note = _hit("Forest School Note\nThe forest school sessions for toddlers run every Thursday morning at "
                "Bulwell Bogs, led by Priya Sharma.", 1, "uploads/note.txt", "", "Forest School Note")
    other = _hit("Funding was allocated for September 2019 to open school sessions.", 2, "plan.txt", "2020-09-30")
    text, cited, _ = compose("When do the forest school sessions for toddlers run?", [note, other])
    assert text.startswith("The forest school sessions for toddlers run every Thursday")
    assert cited[0] is note


def test_a_long_row_keeps_the_list_items_on_the_questions_topic():
    row = ("Specific Challenges: Secure the supply and develop the quality of the school workforce (including "
           "governors): - Deliver development events for NQTs and the processes as the NQT Appropriate body (on "
           "going) - Develop and promote routes to teaching (July 19) - Support partners with delivering good "
           "evidence based CPD and training for teachers and support staff across the city - Leadership Progression "
           "Action plan 2017-19 (March 19) - Maintain the Teach Nottingham website and twitter account (EIB July 18) "
           "- Work with schools on recruitment and retention of teachers in shortage subjects; Timescale: July 19; "
           "Responsibility Lead: Pat Whitby")
    text, _, _ = compose("Which website is used to promote routes into teaching?", [_hit(row, kind="table_row")])
    assert "Teach Nottingham website" in text and "Responsibility Lead: Pat Whitby" in text
    assert "Deliver development events" not in text and "… - Develop and promote routes" in text


def test_which_role_asks_for_a_person_and_a_contents_line_is_never_an_answer():
    assert question_kind("Which councillor wrote the foreword?") == "person"
    assert question_kind("What does the head of service do?") == "other"
    contents = _hit("OUR WORKFORCE STRATEGY 2010 – 2014\nCONTENTS\n1. Foreword by Councillor David Mellen | 3")
    signed = _hit("Thank you for reading this strategy.\nCouncillor David Mellen\nNottingham City Council", 2)
    text, cited, _ = compose("Which councillor wrote the foreword to the workforce strategy?", [contents, signed])
    assert text.startswith("Councillor David Mellen") and cited == [signed]
    row = _hit("Foster carers approved | 41", kind="table_row")
    assert "41" in compose("How many foster carers were approved?", [row])[0]  # a table row is data, not contents
    # ... unless it is a contents table read as rows, closing on two page numbers.
    toc = _hit("3. Who is included in the Workforce?: 4. Vision for the One Children's Workforce; 9: 10",
               kind="table_row")
    vision = _hit("We have a vision that our workforce is passionate about empowering all children.", 2)
    text, cited, _ = compose("What is the vision for the children's workforce?", [toc, vision])
    assert text.startswith("We have a vision") and cited == [vision]
    data = _hit("Foster carers approved: 41; Left: 17", kind="table_row")
    assert "17" in compose("How many foster carers were approved?", [data])[0]


def test_which_month_is_answered_by_a_month_but_what_date_wants_a_date():
    assert question_kind("In which month was the service due to launch?") == "date"
    assert question_kind("On what date will the new role start?") == "day"
    plan = _hit("Planning the launch of the Managing Allegations Service in October (approved in June).")
    assert "October" in compose("In which month was the Managing Allegations Service due to launch?", [plan])[0]
    role = _hit("Planning an Advanced Practitioner role (this was approved by CYP Committee in June).")
    assert compose("On what date will the new Advanced Practitioner role start?", [role])[0] == ""


def test_a_count_is_a_number_that_counts_something_the_question_does_not_name():
    asked = "What's the infant mortality rate per 1,000 live births?"
    assert question_kind(asked) == "percent"  # a rate is a share: a percentage or "n per 1,000"
    assert not holds_kind("percent", "Rate of infant mortality per 1,000 live births", asked)
    assert holds_kind("percent", "The rate was 4.2 per 1,000 live births", asked)
    assert holds_kind("percent", "Staff turnover is low, at 6.5%") and holds_kind("percent", "11 out of 17 were met")
    assert not holds_kind("percent", "143 front line social workers")  # a head count is not a rate
    assert holds_kind("percent", "One in five children live in poverty") and holds_kind("percent", "1 in every 10")
    assert not holds_kind("percent", "3 YPAs have gained level 3 in the same")  # a number before "in" and a word
    # Phone numbers and extensions, section and agenda numbers, and numbered stages count nothing.
    assert not holds_kind("count", "Tel 0115 9670999 Extn 801 5104 simon@example.org")
    assert not holds_kind("count", "7 PARTNER'S UPDATE: POLICE") and not holds_kind("count", "1.30 Supporting families")
    assert not holds_kind("count", "Early Intervention City - Phase Two planning update")
    assert holds_kind("count", "898 Priority Families have been engaged")
    plan = _hit("Small Steps, Big Changes targets four wards of the city.")
    assert compose("How many people live in the four wards targeted by the bid?", [plan])[0] == ""


def test_a_sum_the_question_names_does_not_answer_it():
    asked = "The bid was pitched at between £30m and £50m - how much is the programme worth?"
    assert question_kind(asked) == "money"
    assert not holds_kind("money", "The report updated the Board on funding of between £30m and £50m.", asked)
    assert holds_kind("money", "SSBC is a £45m transformation programme.", asked)
    assert holds_kind("money", "Funding of between £30m and £50m.", "How much funding was the bid for?")


def test_how_much_asks_for_money_when_it_names_a_sum_and_by_how_much_for_a_change():
    assert question_kind("How much was the development grant for Stage Two?") == "money"
    assert question_kind("By how much did approvals rise in 2019/20?") == "percent"
    assert question_kind("What is the published admission number at the school?") == "count"
    rise = _hit("A 41% increase in foster carers approved in 2019/20 compared with 2018/19.")
    assert compose("By how much did foster carer approvals rise?", [rise])[0].startswith("41%.")


def test_a_labelled_value_belongs_to_the_record_its_passage_opens_with():
    record = _hit("Regional Commissioning:\nDeliver a new sub-regional arrangement for procuring residential and "
                  "foster care placements. (D2N2 is a partnership between four councils).\nSaving: £260k\n"
                  "January 2020 Completed/\nClosed")
    text = compose("How much is the sub-regional arrangement for procuring placements expected to save?", [record])[0]
    assert text.startswith("£260k.") and "Saving: £260k" in text


def test_a_sentence_introducing_a_list_brings_the_items_that_follow_it():
    plan = _hit("The plan covers the whole population. Three gaps have been identified from the STP:\n"
                "Health & wellbeing….. our population is growing, diverse and ageing.\n"
                "Care & Quality….. need to achieve consistent standards of care.\n"
                "Finance & Efficiency….. there is more demand than money to pay for it.")
    text = compose("The local plan talks about three gaps to close - what are they?", [plan])[0]
    assert text.startswith("Three gaps have been identified from the STP: Health & wellbeing")
    assert "; Care & Quality" in text and "; Finance & Efficiency" in text


def test_rate_as_a_verb_names_no_measure():
    health_check = _hit("Key positives noted in the 2019 health check were new IT resources and supportive managers.")
    text, _, _ = compose("What did staff rate positively in the 2019 health check?", [health_check])
    assert text.startswith("Key positives noted"), text


def test_a_rate_answers_only_when_it_is_the_rate_asked_about():
    turnover = _hit("Staff turnover is low, rating at 6.5% in 2009/2010.")
    assert compose("What was the social worker vacancy rate in 2010?", [turnover])[0] == ""
    vacancies = _hit("The social worker vacancy rate fell to 9% in 2010.")
    assert compose("What was the social worker vacancy rate in 2010?", [vacancies])[0].startswith("9%.")
    # the maximum or average of a thing is a measure of it: a headcount of the workers does not give it
    workforce = _hit("The workforce includes 143 front line Social Workers.")
    assert compose("what's the average caseload per social worker in the city?", [workforce])[0] == ""
    assert compose("what is the max caseload for a social worker", [workforce])[0] == ""  # typed short
    assert "143" in compose("What was the total number of front line social workers?", [workforce])[0]


def test_a_sentence_referring_back_is_about_what_the_sentences_before_it_are_about():
    passage = _hit("Did you know that Citihealth offer Solihull Approach Training. 39 staff have attended. "
                   "6 of these staff have gone on to become trainers themselves. Courses run monthly.")
    context = {c.text: c.context for c in candidates([passage])}
    assert "Solihull Approach" in context["6 of these staff have gone on to become trainers themselves."]
    assert "Solihull" not in context["Courses run monthly."]  # a sentence that does not refer back
    # "In 2009/10 it was 83%." gives the next year's figure of what the sentence before it measures.
    series = _hit("In 2008/09 the Targeted Support Team had a 79% successful outcome rate. In 2009/10 it was 83%.")
    assert "Targeted Support Team" in {c.text: c.antecedent for c in candidates([series])}["In 2009/10 it was 83%."]
    text = compose("What was the Targeted Support Team's most recent successful outcome rate?", [series])[0]
    assert text.startswith("In 2009/10 it was 83%"), text  # the latest of the series first, the one before after
    assert "79%" in text
    assert compose("What was the Targeted Support Team's successful outcome rate?", [series])[0].startswith("In 2008")
    # "It was announced ... that" stands for what follows, not for the sentence before it.
    announced = _hit("The Lottery bid was submitted. It was announced on August 20th that we were shortlisted.")
    assert not {c.text: c.antecedent for c in candidates([announced])}[
        "It was announced on August 20th that we were shortlisted."]


def test_a_passage_opening_with_a_sentence_referring_back_goes_on_with_the_passage_before_it():
    assert after_status_cell("April 2019 Complete This was implemented in Quarter 1 2019/20.") == \
        "This was implemented in Quarter 1 2019/20."
    assert after_status_cell("Staff were trained.") == "Staff were trained."
    record = _passage("The health check was positive.\nImplementation of new audit and learning visit model.", 2,
                      heading="")
    status = _passage("April 2019 Complete This was implemented in Quarter 1 2019/20. Reporting took place "
                      "in September 2019.", 3, heading="")
    asked = "When did the new audit and learning visit model go live?"
    assert "Quarter 1 2019/20" in compose(asked, [record, status])[0]
    # The passage before it not retrieved, or another document's: nothing to go on with.
    assert compose(asked, [status])[0] == ""
    elsewhere = replace(record, chunk=replace(record.chunk, source="plan.txt"))
    assert compose(asked, [elsewhere, status])[0] == ""


def test_a_short_labelled_value_is_judged_by_its_record_not_by_its_own_few_words():
    assert question_kind("What saving is attached to selling excess beds?") == "money"
    ours = _hit("Regional Commissioning:\nDeliver a new sub-regional arrangement for procuring residential and "
                "foster care placements.\nSaving: £260k\nJanuary 2020 Completed/\nClosed")
    other = _hit("Maximising capacity of residential homes: Sale of excess disability beds Saving: £393k", rank=2)
    asked = "How much is the new sub-regional set-up for buying residential placements expected to save?"
    assert compose(asked, [ours, other])[0].startswith("£260k. Saving: £260k")


def test_a_rows_status_cells_are_read_with_the_record_they_report_on():
    assert status_cell("March 2022 Experiencing Obstacles") and status_cell("January 2020 Completed/ Closed")
    assert not status_cell("September 2020 Completed  Contracts were signed in September 2020.")
    row = _hit("Fostering Development:\nIncrease the number of foster placements available within the county "
               "by 50 over three years, from April 2019.\nSaving: £471k\nMarch 2022 Experiencing\nObstacles\n"
               "This project was put on pause from late March until early July.")
    other = _hit("Sale of excess disability beds\nSaving: £393k\nMarch 2020 On Target\nThe beds were sold.", rank=2)
    text, _, _ = compose("What status did the update give the milestone to add 50 foster placements?", [row, other])
    assert text.startswith("Increase the number of foster placements") and "Experiencing Obstacles. [1]" in text
    assert "On Target" not in text
    # Asked whether it is on track: its status answers that too.
    assert question_kind("Is the project to grow foster placements by 50 on track?") == "status"
    assert question_kind("Is the project to grow foster placements by 50 going well?") == "other"
    text, _, _ = compose("Is the project to grow foster placements by 50 on track?", [row, other])
    assert "Experiencing Obstacles. [1]" in text, text


def test_a_scene_setting_clause_or_a_relative_who_does_not_decide_the_kind_of_fact():
    asked = "When young people were consulted, what qualities did they want in the staff who work with them?"
    assert question_kind(asked) == "other"  # neither a date nor a person: qualities
    assert question_kind("If the vote is tied, who decides?") == "person"
    assert question_kind("What is the name of the officer who leads it?") == "person"
    assert question_kind("Can you tell me who leads safeguarding training?") == "person"
    assert question_kind("Does the plan say who leads it?") == "person"  # an embedded question, not a relative
    # "when referring a case" sets the scene of a question asking for a form, not a date
    assert question_kind("Police side here - what form do we use when referring a case into DART?") == "other"
    assert question_kind("What year was it set up, when nothing existed?") == "date"
    passage = _hit("The consultation asked young people about workers. There was a clear message. Namely, to show "
                   "respect and to listen. Six of these workers were trained. Courses run monthly.")
    context = {c.text: c.context for c in candidates([passage])}
    # "Namely" completes the sentence before it; "Six of these" refers back to what came before
    assert "consultation" in context["There was a clear message. Namely, to show respect and to listen."]
    assert "clear message" in context["Six of these workers were trained."]


def test_which_role_prefers_the_sentence_naming_someone_in_that_role():
    assert role_asked("Which police officer sat on the group?") == "police officer"
    assert names_role_holder("councillor", "Councillor David Mellen Nottingham City Council")
    assert names_role_holder("co-ordinator", "Holly Bligh, NCSCB Training Co-ordinator")
    assert not names_role_holder("police officer", "Sharon Krause, Aspiration Development Officer")
    # a form's field names its holder after a colon; a name may be hyphenated
    assert names_role_holder("director", "Relevant Director: Jane Example | Wards affected: All")
    assert names_role_holder("lead", "Timescale: March 2018; Responsibility Lead: Sara-Jane Example")
    plan = _hit("Specific Challenges: 13. To ensure a robust safeguarding training offer (Sept 2013); "
                "Timescale completed: March 2014; Responsibility Lead: Paul Example", rank=1, kind="table_row")
    cover = _hit("Title of paper: Update on CYPP Priority re: Safeguarding, Year Three\nReport to: Children's "
                 "Partnership Board\nRelevant Director: Jane Example | Wards affected: All", rank=2)
    question = "Which director was responsible for the year three safeguarding priority update?"
    text = compose(question, [plan, cover])[0]
    assert "Relevant Director: Jane Example" in text
    assert "Paul Example" not in text or text.index("Jane Example") < text.index("Paul Example")
    foreword = [_hit("2.1 Review of Our Workforce Strategy from 2007 2.2 Children and Young People's Engagement "
                     "2.3 Nottingham Children's Partnership", rank=1),
                _hit("We thank Jane Smith for the foreword's photographs.", rank=2),
                _hit("Councillor David Mellen Nottingham City Council", rank=3, title="Foreword: Workforce Strategy")]
    text = compose("Which councillor wrote the foreword to the workforce strategy?", foreword)[0]
    assert text.startswith("Councillor David Mellen")
    assert "2.2 Children" not in text  # a run of numbered section titles is a contents list


def test_ages_and_number_words_in_names_count_nothing():
    assert not holds_kind("count", "everyone who works (aged 0-19, or beyond the age of 20 and 25 if ...)")
    assert not holds_kind("count", "outcomes for 0-3 year old children")
    assert not holds_kind("count", "the One Children's Workforce and One Nottingham")
    assert holds_kind("count", "One in six families") and holds_kind("count", "some 12,000 colleagues")


def test_a_table_row_with_capitalised_labels_is_data_not_a_heading():
    prose = _hit("1.20 There are 658 incidents where a victim has 2 reported repeat incidents of high risk abuse.")
    row = _hit("DASH / RIC Assessment: High; Number of Referrals: 514", rank=2, kind="table_row")
    text = compose("How many DASH/RIC referrals were assessed as high risk?", [prose, row])[0]
    assert text.startswith("DASH / RIC Assessment: High; Number of Referrals: 514.")


def test_who_is_answered_by_a_team_said_to_do_it():
    assert holds_kind("person", "Nottinghamshire has a response to extremism led by the police 'prevent' team")
    assert not holds_kind("person", "the response to extremism is improving")


def test_a_labelled_value_speaks_for_its_record_only_when_its_label_is_asked_about():
    assert question_kind("What time did the June meeting finish?") == "date"
    record = _hit("Regional Commissioning:\nDeliver a new arrangement for procuring placements with the councils.\n"
                  "Saving: £500k")
    assert compose("How much will the arrangement for procuring placements save?", [record])[0].startswith("£500k.")

    def saving(question):
        return next(s for s in score_candidates(question, candidates([record])) if s.cand.text == "Saving: £500k")
    assert saving("What will procuring placements save?").own == saving("What will procuring placements save?").focus
    unrelated = saving("What salary do the councils offer for procuring placements?")
    assert unrelated.own < unrelated.focus  # its own word, "Saving", is not what is asked about


def test_a_date_written_with_dots_is_a_date_not_a_count():
    assert not holds_kind("count", "1.19 The following data relates to the period 25.06.12 - 13.09.13:")
    assert holds_kind("date", "the period 25.06.12 - 13.09.13")


def test_who_runs_it_prefers_the_sentence_saying_who_does_it():
    network = _hit("The Children and Young Peoples Provider Network (CYPPN) offers a collective forum for Voluntary "
                   "Sector groups. You can find out more about the network online. It's administered by Nottingham "
                   "Community and Voluntary Services (NCVS).")
    answer = compose("Who runs the CYPPN?", [network])[0]
    assert "It's administered by Nottingham Community and Voluntary Services (NCVS). [1]" in answer


def test_stems_meet_across_a_doubled_final_consonant():
    assert stems("submitted planning referred") == stems("submit plan refer")
    assert stems("staffed addressed") == ["staff", "address"]  # their double letters are their own
    # a noun in "-ation" meets its verb: "deprivation" / "deprived", "consultation" / "consulted"
    assert stems("deprivation consultations") == stems("deprived consulted")
    # an adjective in "-ive" meets its verb: "reactive" / "reacting", "preventive" / "prevented"
    assert stems("reactive preventive") == stems("reacting prevented")
    # a plural meets its singular, and every form of a verb its others
    assert stems("services families priorities issues meetings trainings") == \
        stems("service family priority issue meeting trained")
    assert stems("status process analysis classes") == ["status", "process", "analysis", "class"]


def test_which_service_is_a_who_question_about_a_body():
    gangs = _hit("1.30 Supporting the Crime and Drugs Partnership particularly through work with families, to "
                 "challenge and eliminate gang culture in local neighbourhoods. (NB: this work is now being led by "
                 "Community Protection rather than the CDP).")
    answer = compose("Which service took over leading the work on gang culture from the Crime and Drugs Partnership?",
                     [gangs])[0]
    assert "led by Community Protection" in answer


def test_a_long_row_cut_to_fit_keeps_the_item_on_the_topic_over_an_off_topic_opening():
    row = _hit("Specific Challenges: To ensure that robust arrangements are in place to ensure that people working "
               "with children have quality safeguarding training and that it is to the right level in relation to "
               "their role - Develop the communication role of the NCSCB through more resources on the website "
               "(March 2018) - Deliver the new Learning and Improvement Strategy (March 2018) - Develop and deliver a "
               "follow-up session to evaluate the new workshop model which was used to embed the learning from "
               "recent Child J Serious Case Reviews (March 2018); Timescale: March 2018; Responsibility Lead: Holly "
               "Bligh", kind="table_row")
    answer = compose("The new workshop model was used to get across the lessons from which serious case review?",
                     [row])[0]
    assert "Child J Serious Case Reviews" in answer and "Holly Bligh" in answer


def test_a_long_row_of_unnamed_cells_keeps_its_short_cells():
    row = _hit("Embedding of the Think Family Approach across Children's and Adults Services to include police, "
               "housing, health and other key partners in the NCP by inviting secondees to the Family Intervention "
               "Project to see the approach in use for themselves so they can begin to identify and implement "
               "changes to working practises in their own area thus becoming change agents. | Paul Martin | "
               "March 2011 | ✓", kind="table_row")
    answer = compose("Who was in charge of embedding the Think Family Approach?", [row])[0]
    assert "| Paul Martin | March 2011" in answer


def test_a_sum_of_a_named_sort_answers_only_when_it_is_that_sort():
    assert question_kind("What starting salary does the council offer newly qualified social workers?") == "money"
    assert question_kind("What is the total contract value of the Social Impact Bond?") == "money"
    assert question_kind("What is the maximum caseload allowed for a social worker?") == "count"
    assert question_kind("what's the max caseload allowed for a social worker") == "count"
    assert question_kind("What target percentage did the government set for year three?") == "percent"
    assert not holds_kind("count", "The Workforce Strategy Action Plan for 2016-17 sets the priorities.")
    record = _hit("DN2 Social Impact Bond:\nDeliver new services for children on the edge of care, with the "
                  "council's newly qualified social workers.\nSaving: £500k")
    assert compose("What starting salary does the council offer newly qualified social workers?", [record])[0] == ""
    assert compose("What is the total contract value of the DN2 Social Impact Bond?", [record])[0] == ""
    # An allowance is a sum paid: the passage on carers without one does not give it.
    assert question_kind("What's the weekly fostering allowance paid to foster carers?") == "money"
    carers = _hit("A 41% increase in foster carers approved in 2019/20 compared with 2018/19.")
    assert compose("What's the weekly fostering allowance paid to foster carers?", [carers])[0] == ""
    budget = _hit("The training budget for foster carers is £20k a year.")  # a sum, not the allowance
    assert compose("What's the weekly fostering allowance paid to foster carers?", [budget])[0] == ""
    paid = _hit("Foster carers are paid a weekly fostering allowance of £150 per child.")
    assert "£150" in compose("What's the weekly fostering allowance paid to foster carers?", [paid])[0]
    assert compose("How much is the DN2 Social Impact Bond expected to save?", [record])[0].startswith("£500k.")
    # "what value ..." is the question's way of asking for a sum, not a sum of the sort "value"
    programme = _hit("Small Steps Big Changes (SSBC) is a £45m transformation programme hosted by CityCare.")
    assert "£45m" in compose("What value does the later plan give for the SSBC programme?", [programme])[0]


def test_an_older_version_of_who_leads_must_say_who_not_merely_name_something():
    new = _hit("Action: safeguarding training programme; Timescale: March 2018; Responsibility Lead: Holly Bligh",
               1, "new.txt", "2019-12-31", "Action Plan 2017-2019", "table_row")
    caf = _hit("1885 practitioners have been trained in using the Common Assessment Framework and role of Lead "
               "Professional.", 3, "old.txt", "2014-12-31", "Strategy 2010-2014")
    caf = replace(caf, chunk=replace(caf.chunk, heading="Review of Inter-agency Safeguarding Children Training"))
    text, _, _ = compose("Who leads safeguarding training?", [new, caf])
    assert "Holly Bligh" in text and "Common Assessment Framework" not in text


def test_words_naming_the_document_are_said_by_each_of_its_sentences():
    assert documents_named("What population figure does the 2010-14 workforce strategy use?") == [
        "2010-14 workforce strategy"]
    assert documents_named("When does the board meet?") == []
    assert question_kind("What population figure for Nottingham does the strategy use?") == "count"
    hits = [_hit("The Board agreed the Partnership Workforce Strategy for 2010 to 2014 and its 5 action plans.",
                 rank=1, source="board.txt", title="Board papers, 25 September 2013"),
            _hit("The population of Nottingham is 292,400 (2008) and is rising.", rank=2, source="strategy.txt",
                 title="Our Workforce Strategy 2010-2014")]
    text, _, _ = compose("What population figure for Nottingham does the 2010-14 workforce strategy use?", hits)
    assert text.startswith("The population of Nottingham is 292,400"), text


def test_words_naming_a_paper_of_a_bundle_are_said_by_each_of_its_sentences():
    # The board papers' 2013/14 action plan is a paper of the bundle, not the bundle's title.
    row = _hit("Specific Challenges: 15. Refresh the Core Training Standard • Update the name to \"Strategic Core "
               "Development Standard\".; Timescale completed: October 2013", rank=1, source="board.txt",
               date_sort="2013-09-25", title="Board papers, 25 September 2013", kind="table_row")
    row = replace(row, chunk=replace(row.chunk, paper="Workforce Strategy 2013/14 refresh Action Plan"))
    later = _hit("Core Development Standard gives a framework to standardise essential training across the "
                 "workforce.", rank=3, source="plan.txt", title="Workforce Strategy: Updated Action Plan")
    question = "In the 2013/14 workforce action plan, what new name was the core training standard being given?"
    scored = score_candidates(question, candidates([row, later], question))
    assert scored[0].cand.hit is row
    assert "Strategic Core Development Standard" in compose(question, [row, later])[0]


def test_who_chairs_a_body_is_answered_by_a_sentence_about_its_chair():
    question = "Who chairs the Youth Cabinet that sits on the partnership board?"
    cabinet = _hit("The Youth Cabinet sits on the partnership board, supported by Jane Example, Participation Officer.")
    assert compose(question, [cabinet])[0] == ""  # who supports it, not who chairs it
    chaired = _hit("The Youth Cabinet sits on the partnership board and is chaired by Jane Example.")
    assert "Jane Example" in compose(question, [chaired])[0]
    # a body named in lower case by what it is: the chair of another board does not answer
    assert post_asked_of("Who chairs the children's homes governance board?") == (
        "chair", "children's homes governance board")
    other = _hit("Paul Example | - Independent Chair of) | Local Safeguarding Children Board")
    assert compose("Who chairs the children's homes governance board?", [other])[0] == ""


def test_the_date_of_an_event_is_told_by_a_sentence_about_that_event():
    question = "When will the contract for the speech and language service be signed?"
    launch = _hit("The speech and language service contract was late, so the service could not launch on 1st June.")
    assert compose(question, [launch])[0] == ""  # the service's launch, not the contract's signing
    signed = _hit("The speech and language service contract was signed on 3 March 2021.")
    assert "3 March 2021" in compose(question, [signed])[0]
    # signing off is agreeing or approving
    agreed = _hit("The draft recommendations were considered and agreed by the Board on 22 January 2020.")
    assert "22 January 2020" in compose("On what date did the Board sign off the draft recommendations?", [agreed])[0]


def test_which_college_wants_a_body_named_beyond_what_the_question_names():
    question = "Which university runs the Student Progression Programme with us?"
    assert question_kind(question) == "body"
    assert question_kind("What does the board do?") == "other"
    assert not holds_kind("body", "We have introduced a Student Progression Programme for final year students.",
                          question)
    assert not holds_kind("body", "It will continue into the Autumn Term.", question)
    assert holds_kind("body", "The Student Progression Programme is run with Nottingham Trent University.", question)
    assert holds_kind("body", "The programme is run by NTU.", question)
    unnamed = [_hit("In addition, we have now introduced a Student Progression Programme, which enables final year "
                    "students on placement with us to access a fast-track recruitment process. It is proving "
                    "popular and we will continue it into the Autumn Term.")]
    assert compose(question, unnamed)[0] == ""
    named = [_hit("The Student Progression Programme is run with Nottingham Trent University for final year "
                  "students on placement with us.")]
    assert "Nottingham Trent University" in compose(question, named)[0]


def test_a_rate_named_as_one_word_is_found_written_as_two():
    hits = [_hit("Smoking at the time of delivery fell to 12%. 48% of infants are being breast fed at 6-8 weeks "
                 "compared to the English average of 42.9%.")]
    text, _, _ = compose("What's our breastfeeding rate at 6-8 weeks?", hits)
    assert text.startswith("48% of infants are being breast fed"), text
    assert compose("What's our vaccination rate at 6-8 weeks?", hits)[0] == ""


def test_a_sentence_wrapped_in_a_narrow_column_is_read_whole():
    # as a PDF gives it, one short line of a table cell at a time with blank lines between; the ingest
    # cleaning joins the lines a sentence wraps over
    raw = ("CYP Committee March 2019 approved the \n\nChildren's Centre Service be brought back \n\n"
           "under the management of the Council at \n\ncontract end on the 1st June 2020. The")
    hits = [_hit(clean_text(raw))]
    text, _, _ = compose("When did the Children's Centre Service come back under council management?", hits)
    assert "brought back under the management of the Council at contract end on the 1st June 2020" in text, text
    # a contact's name and job title on separate lines stay one entry
    contact = [_hit(clean_text("Councillor David Mellen\nPortfolio Holder for\nEarly Intervention and\n"
                               "Early Years\n\nCouncillor Sam Webster\nPortfolio Holder for\n"
                               "Education, Employment and Skills"))]
    text, _, _ = compose("Which portfolio does Councillor David Mellen hold?", contact)
    assert text.startswith("Councillor David Mellen Portfolio Holder for Early Intervention and Early Years"), text


def test_a_long_row_makes_room_for_its_item_on_the_topic_cutting_other_fields_and_the_item_itself():
    row = _hit("Sector Overview: Health CitiHealth provide a programme of progressive universal and specialist "
               "community health services using the Healthy Child programme; a progressive early intervention "
               "programme. • Approx 500 employees in CitiHealth, NHS Nottingham Children's Services Dept. Numbers "
               "for acute services, GPs, Dentists are not included here.; Specific Challenges: • There is a national "
               "shortage of Health Visitors, and Nottingham is the 13th most deprived district in England. "
               "Recruitment and retention is an issue. The main drivers for this year are: • Embedding strengths "
               "based model of working across Nottingham's Children's Partnership; Motivational Interviewing and "
               "Solihull Approach. • Family Nurse Partnership- intensive home visiting programme for first time "
               "pregnant teenagers aged 19 and under.", kind="table_row")
    answer = compose("Where does Nottingham rank among the most deprived districts in England?", [row])[0]
    assert "Nottingham is the 13th most deprived district in England" in answer, answer


def test_a_job_title_question_wants_the_persons_post_newest_first():
    question = "What is Pat Whitby's job title?"
    assert question_kind(question) == "title"
    assert question_kind("What job title does Anna Andrukiewicz hold?") == "title"
    assert question_kind("What role does the board play?") == "other"
    assert holds_kind("title", "Pat Whitby Education Partnership Strategy Manager pat.whitby@example.org", question)
    assert holds_kind("title", "Name: Pat Whitby; Job title: Partnership Manager; Email: pat@example.org", question)
    assert not holds_kind("title", "Specific Challenges: Deliver two events; Responsibility Lead: Pat Whitby", question)
    older = _hit("Name: Pat Whitby; Job title: Partnership Manager; Email: pat.whitby@example.org", rank=1,
                 source="papers.txt", date_sort="2013-09-25", kind="table_row")
    row = _hit("Specific Challenges: Promote routes to teaching; Responsibility Lead: Pat Whitby", rank=2,
               source="plan.txt", date_sort="2019-12-31", kind="table_row")
    newer = _hit("For more information contact\nPat Whitby Education Partnership Strategy Manager "
                 "pat.whitby@example.org", rank=3, source="plan.txt", date_sort="2019-12-31")
    text, _, _ = compose(question, [older, row, newer])
    assert text.startswith("Pat Whitby Education Partnership Strategy Manager"), text
    assert "Partnership Manager" in text.split("[1]", 1)[1]  # the older title follows, with its date


def test_a_question_asking_who_holds_a_post_wants_a_persons_name_not_the_post_or_a_body():
    assert post_holder_asked("Who is the Police and Crime Commissioner for the county?")
    assert post_holder_asked("who's the constitutional services officer I should ring?")
    assert post_holder_asked("Who was the chief exec of Base 51?")
    assert post_holder_asked("Who held the Corporate Director of Children and Adults post in 2016?")
    assert post_holder_asked("Who sits on the Board for the CCG - what's their name?")
    # A body's possessive may stand between "the name of" and the post.
    assert post_holder_asked("Could you tell me the name of the County Council's Director of Children's Services?")
    assert question_kind("Could you tell me the name of the County Council's Director of Children's Services?") == \
        "person"
    assert not post_holder_asked("Who held the meeting on 25 September?")
    assert not post_holder_asked("Who is the council working with on the commissioning plan?")
    assert not post_holder_asked("Who is the organisation that will lead the bid?")
    assert not post_holder_asked("Who leads safeguarding training?")
    assert post_holder_asked("Which councillor chairs the governance board?")
    assert not post_holder_asked("Which famous person is quoted on leaders?")  # "person" is no post
    assert post_holder_asked("What is the name of the Director of Integrated Services?")
    assert post_holder_asked("Who chairs the SEND Accountability Board?")
    assert post_holder_asked("Who was chairing the board when the strategy was written?")
    assert post_holder_asked("Who is going to be the headteacher at the new primary school?")
    assert post_holder_asked("Who's going to be the manager of the new allegations service?")
    assert names_another_post("designated safeguarding lead", "Karen Slack, Head Teacher")
    assert not names_another_post("training coordinator", "Holly Bligh, Training Co- ordinator")
    assert not names_another_post("training coordinator", "Holly Bligh runs the training")  # no post given
    # when the post is held is no part of the role a passage names its holder by
    assert role_asked("Who is the current head of the youth team?") == "head"
    passage = ("New youth posts are being set up with funding from the Youth Justice Board, the City Council "
               "and the Police and Crime Commissioner to increase capacity in Targeted Family Support Teams.")
    non_names = frozenset("new youth posts are being set up with funding from the justice board city council and "
                          "police crime to increase capacity in targeted family support teams".split())
    question = "Who is the Police and Crime Commissioner for the county?"
    assert compose(question, [_hit(passage)])[0]  # without the corpus's words, a capitalised phrase passes
    assert compose(question, [_hit(passage)], non_name_words=non_names) == ("", [], [])
    named = _hit("The Police and Crime Commissioner, Jane Example, funds the new youth posts.")
    text, _, _ = compose(question, [_hit(passage), named], non_name_words=non_names)
    assert text.startswith("The Police and Crime Commissioner, Jane Example")
    # A line naming the post whose holder the document gives elsewhere stays: the engine looks it up.
    agreed = _hit("The draft was agreed by the SEND Accountability Board on 22 January 2020.")
    assert compose("Who chairs the SEND Accountability Board?", [agreed], non_name_words=non_names)[0] == ""
    report = _hit("Report of Director of Youth Justice Services on the youth posts.")
    assert compose("Who is the Director of Youth Justice Services?", [report], non_name_words=non_names)[0]
    # someone named in another post does not hold the one asked about; a spelling of it does
    head = _hit("Karen Slack, Head Teacher, Rise Park Primary School")
    assert compose("Who's the designated safeguarding lead at Rise Park Primary School?", [head],
                   non_name_words=non_names) == ("", [], [])
    trainer = _hit("Holly Bligh NCSCB Training Co- ordinator")
    assert compose("Who is the NCSCB training coordinator?", [trainer], non_name_words=non_names)[0]


def test_a_person_is_named_by_capitalised_words_the_corpus_never_uses_otherwise():
    non_names = frozenset("targeted youth support police crime".split())
    assert names_a_person("Partner's update: Chief Supt Simon Nickless", non_names)
    assert names_a_person("For further information contact jane.example@city.gov.uk", non_names)
    assert not names_a_person("Targeted Youth Support posts", non_names)
    assert not names_a_person("the Police and Crime Commissioner (PCC)", non_names)
    assert not names_a_person("Assistant Chief Constable, Police", non_names)  # a post between names breaks the run
    # a possessive is its word: "Review’s" is "review", which the corpus uses in lower case
    assert not names_a_person("The Triennial Review’s draft was agreed", frozenset({"the", "review", "draft"}))
    # the words of a post, and a body's name closing on "Trust", name no one
    assert not names_a_person("Members: Assistant Chief Constable, Nottinghamshire Probation Trust", non_names)
    assert names_a_person("Members: Assistant Chief Constable Jane Example, Police", non_names)
    # a body's name may close on a word in lower case; a possessive owns the name after it
    assert not names_a_person("set up a multi-agency Vanguard Plus team with the police", non_names)
    assert not names_a_person("The launch of the Sheriff’s Award has encouraged activity", non_names)
    assert names_a_person("Jane Example’s team runs the service", non_names)
    # a region or a compass point names a place
    assert not names_a_person("Work with partners across the East Midlands region", non_names)
    assert not names_a_person("a new secondary school in West Bridgford", non_names)


def test_chat_filler_in_a_question_does_not_pick_the_sentence():
    # "go", "getting" say nothing about ContactSearch: a sentence sharing only them must not lead.
    hits = [_hit("Where to go for help: getting advice from Jane Example on your first day.", 1),
            _hit("Roll out ContactSearch to schools; Lead: Anthony Childs; March 2014", 2)]
    text, _, _ = compose("who do I go to about getting ContactSearch?", hits)
    assert text.startswith("Anthony Childs. Roll out ContactSearch") and "Jane Example" not in text
    # The fact put first loses the full stop closing its row: no "Anthony Childs.. Roll out".
    text, _, _ = compose("who leads ContactSearch?", [_hit("Roll out ContactSearch to schools; Lead: Anthony Childs.")])
    assert text.startswith("Anthony Childs. Roll out ContactSearch") and ".." not in text


def test_who_is_the_post_holder_prefers_a_sentence_naming_someone_in_that_post():
    assert role_asked("Who is the NCSCB training co-ordinator?") == "ncscb training co-ordinator"
    assert role_asked("who was the Director of Safeguarding in 2013?") == "director"
    hits = [_hit("The safeguarding update for September 2013 from the Director: Tom Jones presented the "
                 "safeguarding report.", 1),
            _hit("Contact details: Jane Example, Director of Safeguarding, Loxley House.", 2)]
    text, _, _ = compose("who was the Director of Safeguarding when the September 2013 safeguarding update went "
                         "to the board?", hits)
    assert "Jane Example, Director of Safeguarding" in text


def test_an_acronym_in_the_passage_names_what_it_stands_for():
    glossary = {"NCSCB": "Nottingham City Safeguarding Children Board"}
    contact = _hit("Holly Bligh NCSCB Training Co-ordinator holly.bligh@city.gov.uk")
    question = "who is the training co-ordinator for the Nottingham City Safeguarding Children Board?"
    assert compose(question, [contact])[0] == ""  # the passage never spells the board's name out
    assert compose(question, [contact], glossary)[0].startswith("Holly Bligh NCSCB Training Co-ordinator")


def test_a_place_may_follow_the_after_held_or_located_in():
    question = "In which districts was the first summit held?"
    assert question_kind(question) == "body"
    assert holds_kind("body", "The first summit was located in the Mansfield/Ashfield districts.", question)
    assert not holds_kind("body", "The first summit was held in the spring and was well attended.", question)


def test_the_number_for_a_helpline_or_a_team_is_one_to_ring_not_a_count():
    assert question_kind("What's the number for the 24 hour domestic abuse helpline in the plan?") == "phone"
    assert question_kind("number for the 24hr DV helpline? need it for a mum") == "phone"
    assert question_kind("What is the helpline number?") == "phone"
    assert question_kind("what is the number for the referral team?") == "phone"
    assert question_kind("what is the number of front line staff?") == "count"
    assert question_kind("what's the number for looked after children this year?") == "count"
    assert not holds_kind("phone", "The pilot has supported 93 children so far.", "number for the helpline?")


def test_a_name_after_across_or_at_that_runs_on_into_the_thing_asked_about_places_nothing():
    question = "Where are the Every Colleague Matters events held?"
    row = "Design, deliver and evaluate across City Every Colleague Matters 2 week Event (3 Feb to 14 Feb'14)"
    assert not holds_kind("place", row, question)
    assert holds_kind("place", "The events run across Nottingham each spring.", question)
    assert holds_kind("place", row, "Where is the two week event run?")


def test_a_target_asked_for_is_an_amount_and_a_numbered_stage_ends_a_name():
    question = "What's the local target for families supported in Priority Families Phase 2?"
    assert question_kind(question) == "amount" and named_things(question) == ["Priority Families"]
    assert named_things("Who helped prepare its Stage Two Better Start bid?") == ["Better Start"]
    assert question_kind("What is the target date for the review?") == "other"
    hits = [_hit("Priority Families indicators: number of families supported in Phase 2.", 1),
            _hit("Priority Families Phase 2 runs to 2020, with a local target to support 3,840 families.", 2),
            _hit("Under Priority Families, work in Phase 2 spreads to every ward; the target is 5% turnover.", 3)]
    text, _, _ = compose(question, hits)
    assert "3,840" in text and "indicators" not in text
    assert holds_kind("amount", "the target is 5% turnover", question)
    assert not holds_kind("amount", "number of families supported in Phase 2", question)


def test_a_figure_asked_for_is_a_count_or_a_share():
    question = "what's the latest figure for two year olds taking up free nursery places?"
    assert question_kind(question) == "amount"
    assert question_kind("What is the number of referrals?") == "count"
    book = _hit("To promote the Imagination Library scheme so that every child under five receives a free book.")
    places = _hit("There has been a 12.5% increase in the number of two year olds accessing free nursery "
                  "provision, from a baseline of 48% to 60.5%.", rank=3)
    assert compose(question, [book, places])[0].startswith("There has been a 12.5% increase")


def test_a_sentence_spelling_out_the_questions_acronym_says_it():
    glossary = {"YOT": "Youth Offending Team", "NLT": "Nottingham Learning Trust"}
    hits = [_hit("Colleagues have been seconded to this team from the YOT.", 1),
            _hit("The Youth Offending Team was awarded the Restorative Service Quality Mark.", 2)]
    text, _, _ = compose("What award did the YOT pick up?", hits, glossary)
    assert text.startswith("The Youth Offending Team was awarded")
    # Only the whole expansion says it: "Nottingham" and "Learning" alone do not name the NLT.
    hits = [_hit("Learning mentors from Nottingham trained together.", 1),
            _hit("The Nottingham Learning Trust (NLT) brings together most primary schools.", 2)]
    assert compose("What is the NLT?", hits, glossary)[0].startswith("The Nottingham Learning Trust")


def test_a_camel_case_word_is_a_name_and_a_long_word_may_be_misspelt_by_one_letter():
    question = "What was CitiHealth's staff turnover rate in 2009/10?"
    assert named_things(question) == ["CitiHealth"]
    other = _hit("Futures staff turnover is low, at 6.5% in 2009/10.")
    assert compose(question, [other])[0] == ""  # another organisation's rate
    typo = _hit("Citiheath staff turnover was 9.1% in 2009/10.")  # the document's own misspelling
    assert "9.1%" in compose(question, [typo])[0]
    assert one_letter_apart("citihealth", "citiheath") and not one_letter_apart("abc", "acb")
    # A short word is not matched loosely: "Base Camp" is not "Bass Camp".
    assert compose("Who leads the Base Camp project?", [_hit("The Bass Camp project is led by Jane Example.")])[0] == ""


def test_a_long_name_is_one_name_and_may_be_named_by_all_but_one_of_its_words():
    question = "Who represented Base 51 on the Children's Partnership Workforce Strategy Group?"
    assert named_things(question) == ["Partnership Workforce Strategy Group"]
    members = _hit("Membership of the Workforce Strategy Group\nName: Jane Example; Sector: Base 51")
    assert "Jane Example" in compose(question, [members])[0]
    # A name of three words must be named whole: "City Council" does not name "Nottingham City Council".
    assert compose("How many apprentices did Nottingham City Council take on?",
                   [_hit("The County Council took on 40 apprentices; the City Council runs the scheme.")])[0] == ""


def test_a_long_rows_item_on_the_topic_survives_an_opening_as_much_on_the_topic():
    opening = ("Sector Overview: Sports and Culture There are a wide range of groups working with children beyond "
               "the council's own provision, mostly voluntary, with music, drama and dance groups, uniformed "
               "organisations, sports clubs and special interest and ethically focussed groups, and a sizeable "
               "range of commercial organisations making provision too. The Workforce includes approx:")
    row = _hit(f"Specific Challenges: None recorded; {opening} • 984 Leisure Centre workers • 277 Library staff "
               "• 192 Cultural Services staff, including museums", kind="table_row")
    text, _, _ = compose("How many library staff are counted in sports and culture?", [row])
    assert "277 Library staff" in text


def test_a_forms_labelled_lines_are_facts_of_their_own_and_a_split_ordinal_still_makes_a_date():
    cover = _hit("Title of paper: Safeguarding update\nReport to: Partnership Board\nDate: 25 th September 2013")
    texts = [c.text for c in candidates([cover], "When was it reported?")]
    assert "Date: 25 th September 2013" in texts and "Report to: Partnership Board" in texts
    # "25 th September" (a superscript read apart) is a date, not 25 of anything
    assert not holds_kind("count", "Date: 25 th September 2013", "How many cadets joined in 2013?")
    assert compose("How many police cadets joined in 2013?", [cover])[0] == ""


def test_an_age_question_wants_an_age_which_counts_nobody():
    cadets = _hit("Cadets programme: like Special Constables but for young people aged 16-18 years old.")
    other = _hit("The police cadets programme has 40 places this year.", rank=2)
    text, _, _ = compose("What age group is the police cadets programme for?", [other, cadets])
    assert text.startswith("aged 16-18"), text
    assert compose("How many places does the cadets programme have?", [cadets])[0] == ""  # an age is no count
    # an age group written as a plural counts nobody either
    assert not holds_kind("count", "A new delivery model for the 0-fives workforce", "How many families?")
    assert not holds_kind("count", "More support for under-5s", "How many families?")


def test_a_signature_names_its_person_with_the_post_under_the_name():
    foreword = _hit("I hope you can identify with the vision of this strategy.\nCouncillor Jane Example\n"
                    "Nottingham City Council\nChair of the Nottingham Children's Partnership Board")
    units = [c.text for c in candidates([foreword])]
    assert opens_with_post("Interim Director of Children's Services") and opens_with_post("Portfolio Holder for Schools")
    assert not opens_with_post("Nottingham City Council")
    signature = "Councillor Jane Example Nottingham City Council Chair of the Nottingham Children's Partnership Board"
    assert signature in units
    text, _, _ = compose("Who was chairing the Nottingham Children's Partnership Board?", [foreword])
    assert "Jane Example" in text, text


_SCORES_IN_A_FRESH_PROCESS = """
from chat.extractive import candidates, score_candidates
from index.records import Hit
from ingest.records import Chunk
text = ("We have a vision that our workforce is passionate about empowering children in the city. "
        "The strategy sets out the plan for the workforce. Investing now for the future of children. "
        "Our statement of vision for the city workforce strategy is bold.")
chunk = Chunk(chunk_id="plan-1", doc_id="plan.txt", source="plan.txt", title="Plan", date="2019",
              date_sort="2019-12-31", text=text, index_text=text, page_start=1, page_end=1, char_start=0,
              char_end=len(text), kind="paragraph")
question = "What is the vision statement for the children's workforce in the workforce strategy plan for the city?"
hits = [Hit(chunk, 1.0, 1, "hybrid", 0.6)]
print([(s.score, s.focus, s.own) for s in score_candidates(question, candidates(hits, question))])
"""


def test_the_same_question_scores_the_same_in_every_process():
    # A set's order follows Python's string hashing, which changes from process to process: scores
    # summed over a set must not change with it, or tied sentences swap places between runs.
    root = Path(__file__).resolve().parents[2]
    outputs = {subprocess.run([sys.executable, "-c", _SCORES_IN_A_FRESH_PROCESS], cwd=root, check=True, text=True,
                              capture_output=True, env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
               for seed in range(1, 9)}
    assert len(outputs) == 1, outputs


def test_a_passage_of_a_bundle_of_papers_names_what_its_paper_is_titled():
    timetable = _hit("Key dates in the process are:\nJanuary 2014 Deadline for submission of the Stage Two "
                     "detailed Business Case\nMarch 2014 The final selection of the areas")
    asked = "What was the deadline for the Small Steps Big Changes Stage Two business case?"
    assert compose(asked, [timetable])[0] == ""  # nothing says it is that bid's timetable
    paper = "Big Lottery for Nottingham: Small Steps Big Changes"
    titled = replace(timetable, chunk=replace(timetable.chunk, paper=paper))
    assert compose(asked, [titled])[0].startswith("January 2014")


def test_a_record_split_over_two_passages_is_read_as_one_and_meeting_is_an_event():
    def part(text, ordinal, heading="Children's Home Governance:", kind="paragraph"):
        return _passage(text, ordinal, heading=heading, kind=kind)
    vote = part("On 18 March 2019 the Committee voted to end the practice of 'Rota Visits' and to replace this "
                "with a new Governance Board.", 11)
    meeting = part("The Board has been established. The first meeting took place on the 1st July 2019.", 12)
    asked = "After councillors voted to end 'Rota Visits', a new board was set up. When did it first meet?"
    assert compose(asked, [vote, meeting])[0].startswith("The first meeting took place on the 1st July 2019")
    # Not the record's next passage, or a passage under another heading: it need not be about the visits.
    assert compose(asked, [vote, part(meeting.chunk.text, 14)])[0] == ""
    assert compose(asked, [vote, part(meeting.chunk.text, 12, heading="Fostering:")])[0] == ""
    assert compose(asked, [vote, part(meeting.chunk.text, 12, kind="table_row")])[0] == ""
    # A list going on with the record: "- The first meeting took place ..." is about the visits too.
    listed = part("- The Board has been established.\n- The first meeting took place on the 1st July 2019.", 12,
                  kind="list_item")
    assert compose(asked, [vote, listed])[0].startswith("The first meeting took place"), compose(asked, [vote, listed])
    assert compose("When was the vote to end 'Rota Visits'?", [vote, meeting])[0].startswith("On 18 March 2019")
    # "its first meeting" asks when a meeting took place, as "first meet" does.
    first = "the governance board that replaced rota visits - when was its first meeting?"
    assert compose(first, [vote, meeting])[0].startswith("The first meeting took place on the 1st July 2019")
    # A sentence opening with a name of its own tells of that, not of what the passage before named.
    needed = part("Analysis suggests that a new secondary school in the West Bridgford planning area will be "
                  "required.", 11, heading="School places:")
    opened = part("Flying High Primary School opened on the 9 September 2019 as a result of house building.", 12,
                  heading="School places:")
    assert compose("When is the new secondary school in West Bridgford going to open?", [needed, opened])[0] == ""


def test_a_number_counting_what_qualifies_the_thing_counted_does_not_answer_how_many():
    overview = _hit("The total number of schools and academies is just under 100. Approx 5,000 employees work in "
                    "Nottingham City Schools.")
    asked = "How many school nurses are there working in Nottingham city schools?"
    assert compose(asked, [overview])[0] == ""  # schools and employees are counted, not school nurses
    nurses = _hit("There are 35 school nurses working across the city's schools.", rank=2)
    assert "35 school nurses" in compose(asked, [overview, nurses])[0]
    assert "just under 100" in compose("How many schools and academies are there?", [overview])[0]
    books = _hit("Dolly Parton's Imagination Library continues to expand with 2,024 Nottingham children "
                 "receiving a free book each month.")
    assert "2,024" in compose("How many Nottingham kids get a free book every month?", [books])[0]
    trusts = _hit("Five NHS trusts serve the city.")
    assert "Five NHS trusts" in compose("How many NHS trusts serve the city?", [trusts])[0]
    # a plural sharing a word with what is counted, but not its closing plural, counts something else
    placements = _hit("The county expects a net increase of 50 foster placements.")
    assert compose("How many foster carer deregistrations does the county expect?", [placements])[0] == ""
    assert "50" in compose("How many foster placements does the county expect to gain?", [placements])[0]


def test_a_closing_date_is_answered_by_a_sentence_saying_what_closes():
    target = _hit("Have a graduate leading practice in every setting by 2015 through the Graduate Leader Fund.")
    asked = "When's the closing date for applying to the Graduate Leader Fund?"
    assert compose(asked, [target])[0] == ""
    closing = _hit("Applications to the Graduate Leader Fund close on 5 May 2014.", rank=2)
    assert "close on 5 May 2014" in compose(asked, [target, closing])[0]


def test_a_weak_best_sentence_gives_way_to_a_close_one_of_its_passage_on_the_topic():
    # "Quality\nMark Charter has been launched" reads as a person's name and scores best, on too little of
    # the topic; the signature beside it, in the same passage, names the councillor asked for.
    signed = _hit("- A Sex and Relationships Education Quality\nMark Charter has been launched successfully in "
                  "schools and is supported by training and consultations in schools\nCouncillor Sam Webster\n"
                  "Portfolio Holder for\nEducation, Employment and Skills")
    other = _hit("Each local authority area is required to have robust partnership arrangements.", rank=2)
    asked = ("Which councillor holds the education, employment and skills portfolio and signed the 2016 plan as "
             "one of the joint chairs?")
    assert compose(asked, [signed, other])[0].startswith("Councillor Sam Webster")


def test_who_is_asking_is_not_what_is_asked():
    youth = _hit("Sector Overview: Youth Support Youth workers work primarily with young people aged 13 and 19.")
    police = _hit("Cadets programme - like Special Constables but for young people aged 16-18 years old", rank=2)
    asked = "youth worker question - the police have a cadets scheme for young people, what ages is it for?"
    assert "16-18" in compose(asked, [youth, police])[0].split("[")[0]
    assert topic_terms("GP practice nurse here: which vaccine does the plan track?") == ["vaccine", "plan", "track"]
    assert topic_terms("I'm a DSL - what does DASH stand for?") == ["dash", "stand"]
    assert topic_terms("As a school nurse, I want to know who leads training") == ["want", "lead", "train"]
    assert topic_terms("As a result of the review, who leads?") == ["result", "review", "lead"]  # no asker


def test_a_long_line_of_measures_keeps_the_measure_asked_about():
    measures = _hit("% of women reporting smoking at the time of delivery Placeholder for performance measure on "
                    "improving mental health for new mums and mums-to-be % of mothers who breastfeed their babies 6-8 "
                    "weeks after delivery Rate of infant mortality per 1,000 live births (aged under one year) % of "
                    "eligible children who have received 3 doses of Dtap/IPV/Hib1 vaccine by their first birthday",
                    title="Children and Young People's Plan")
    text = compose("Which vaccine does the plan track uptake of by a child's first birthday?", [measures])[0]
    assert "Dtap/IPV/Hib1 vaccine by their first birthday" in text, text
    assert trim_cell("short", 320) == "short"


def test_a_sum_said_of_the_thing_gives_its_value():
    programme = _hit("Small Steps Big Changes (SSBC) is a £45m transformation programme hosted by the CityCare "
                     "Partnership.")
    assert compose("What is the value of the SSBC programme?", [programme])[0].startswith("£45m")
    saving = _hit("The Small Steps Big Changes review found a saving of £260k.")
    assert compose("What is the value of the SSBC programme?", [saving])[0] == ""  # a saving, not its value


def test_a_long_one_cell_row_keeps_its_opening_and_the_sentences_on_the_topic():
    cell = ("Sector Overview: Voluntary Sector The network meets monthly to exchange information and is a link "
            "between the partnership and the sector. Due to the broad nature of the sector it is uncertain how many "
            "work in it. The workforce includes over 200 registered organisations working with children. The "
            "workforce comprises paid staff and volunteers. In the 2010 survey, volunteers have contributed 29,850 "
            "weeks of work. Some groups operate within their own communities and are not connected to current "
            "practice.")
    row = _hit(cell, kind="table_row")
    text, _, _ = compose("What did the 2010 survey find volunteers had contributed?", [row])
    assert "29,850 weeks" in text and text.startswith("Sector Overview") and "…" in text and " … …" not in text


def test_a_share_asked_by_what_it_is_of_is_not_answered_by_a_share_of_something_else():
    schools = _hit("Nottingham city schools judged as good or outstanding has increased from 60.6% to 79.7%.")
    asked = "What percentage of Year 6 children in Nottingham are currently obese?"
    assert compose(asked, [schools])[0] == ""
    weight = _hit("In Nottingham 22.3% of Year 6 children are obese, against 19.1% in England.")
    assert compose(asked, [weight, schools])[0].startswith("In Nottingham 22.3%")
    # a verb may be said otherwise ("completed" / "carried out"): it names no measure
    assessed = _hit("91.0% of initial assessments were carried out within 10 working days of referral.")
    assert compose("What percentage of initial assessments were completed within 10 working days?", [assessed])[0]


def test_a_what_is_question_is_answered_by_the_sentence_saying_what_it_is():
    members = _hit("Angela Horsley | - Clinical Lead, | - Nottingham Children's Partnership Hospital", kind="table_row")
    defined = _hit("The papers went to the board. The Nottingham City Children's Partnership is the partnership of "
                   "statutory and voluntary agencies working together for children in Nottingham.", rank=3)
    for asked in ("What is the Children's Partnership?", "what's the Children's Partnership"):
        text, _, _ = compose(asked, [members, defined])
        assert text.startswith("The Nottingham City Children's Partnership is the partnership of statutory"), asked


def test_the_chair_of_another_board_does_not_answer_who_chairs_this_one():
    # the attendance list of the Children's Partnership Board's own papers
    other = _hit("Children's Partnership Board present: ✓ Paul Burnett | - Independent Chair of) | Local "
                 "Safeguarding Children Board", title="Children's Partnership Board papers", kind="table_row")
    assert compose("Who chairs the Children's Partnership Board?", [other])[0] == ""
    ours = _hit("Councillor David Mellen, Chair of the Nottingham Children's Partnership Board, signed it.", rank=2)
    assert "David Mellen" in compose("Who chairs the Children's Partnership Board?", [other, ours])[0]
    assert "Paul Burnett" in compose("Who chairs the Local Safeguarding Children Board?", [other, ours])[0]
    # any post of another body, and a body named by its acronym
    health = _hit("Jane Example, Director of Public Health, presented the report.")
    assert compose("Who is the Director of Safeguarding?", [health])[0] == ""
    safeguarding = _hit("Paul Burnett, Independent Chair of Nottingham City Safeguarding Children Board, reported.")
    glossary = {"NCSCB": "Nottingham City Safeguarding Children Board"}
    assert "Paul Burnett" in compose("Who is the chair of the NCSCB?", [safeguarding], glossary)[0]


def test_the_rate_of_something_is_the_measure_asked_like_its_rate():
    schools = _hit("The rate of Nottingham secondary schools judged good or outstanding has risen to 79.7%, a "
                   "permanent improvement.")
    assert compose("What was the rate of permanent exclusions from secondary schools?", [schools])[0] == ""
    excluded = _hit("Permanent exclusions from secondary schools fell to a rate of 0.12%.")
    assert compose("What was the rate of permanent exclusions from secondary schools?", [excluded, schools])[0]


def test_a_place_field_answers_where_and_a_sentence_about_another_day_does_not():
    cover = _hit("Date: Wednesday 25 September 2013\nTime: 4.00pm\nPlace: Ground Floor Committee Room at Loxley "
                 "House, Station Street\nMembers of the Board are invited to attend the above meeting.", rank=2)
    minutes = _hit("MINUTES of the Children's Partnership Board meeting held at the Council House on 26 JUNE 2013.")
    text = compose("Where was the 25 September 2013 partnership board meeting held?", [minutes, cover])[0]
    assert text.startswith("Place: Ground Floor Committee Room at Loxley House"), text
    # Asked of the June meeting, its minutes answer.
    assert "Council House" in compose("Where was the 26 June 2013 board meeting held?", [minutes, cover])[0]


def test_a_date_asked_after_or_before_a_month_is_a_date_on_that_side_of_it():
    cover = _hit("Date: Wednesday 25 September 2013. Members of the Board are invited to attend the meeting.")
    moved = _hit("RECOMMENDATION to approve that the next meeting is held on 27 November 2013 at 4pm.", rank=2)
    assert "27 November" in compose("What date was proposed for the board meeting after September 2013?",
                                    [cover, moved])[0]
    assert "25 September" in compose("What date was the board meeting before November 2013?", [moved, cover])[0]
    assert compose("What date was set for the meeting following 25 September 2013?", [cover])[0] == ""


def test_a_paper_naming_one_of_the_things_asked_elsewhere_lets_a_passage_name_the_others():
    def paper_hit(text, rank, paper="Big Lottery for Nottingham: Small Steps Big Changes"):
        return replace(_hit(text, rank, source="board.txt"), chunk=replace(_hit(text, rank, source="board.txt").chunk,
                                                                          paper=paper))
    count = paper_hit("Out of the original 152 Local Authorities invited to submit an Expression of Interest 44, "
                      "including Nottingham, were successful, the Big Lottery said.", 1)
    named = paper_hit("The Big Lottery programme Fulfilling Lives: A Better Start funds projects for young "
                      "children.", 2)
    question = ("How many local authorities were invited to submit an Expression of Interest for the Big Lottery A "
                "Better Start?")
    assert "152" in compose(question, [count, named])[0]
    assert compose(question, [count])[0] == ""  # nothing retrieved names "A Better Start"
    # Not when the other name stands in another document, nor in a document that is no bundle of papers.
    elsewhere = replace(named, chunk=replace(named.chunk, source="plan.txt", doc_id="plan.txt"))
    assert compose(question, [count, elsewhere])[0] == ""
    plain = [replace(h, chunk=replace(h.chunk, paper="")) for h in (count, named)]
    assert compose(question, plain)[0] == ""


def test_who_is_asking_is_not_looked_for():
    from chat.engine import retrieval_query

    query = retrieval_query("Virtual head here. How many extra locality SENCOs came out of the review?", {})
    assert "Virtual" not in query and "SENCOs" in query
    assert "youth worker" not in retrieval_query("youth worker question - do the police run cadets?", {})
    assert "head" in retrieval_query("Who is the virtual school head here?", {})  # no introduction


def test_who_holds_it_now_is_not_the_person_the_question_says_held_it_before():
    from chat.engine import retrieval_query
    from chat.questions import former_holders

    words = frozenset({"every", "colleague", "matters", "training", "job"})
    question = "Paul Langley used to be the safeguarding board's training co-ordinator - who does that job now?"
    assert former_holders(question, words) == ["Paul Langley"]
    assert "Langley" not in retrieval_query(question, {}, words)
    # Asked about the person named, or about a thing: nobody to set aside.
    assert former_holders("Lisa Hazell was the project officer in 2013 - what's her job title now?", words) == []
    assert former_holders("Every Colleague Matters used to be quarterly - who runs it now?", words) == []
    # A title and a surname name a person too.
    still = "Who is the safeguarding board's training co-ordinator now - still Mr Langley?"
    assert former_holders(still, words) == ["Mr Langley"]
    assert "Langley" not in retrieval_query(still, {}, words)
    # "who's" asks of now, as "who is" does, after the older paper's name.
    paperwork = "who's the safeguarding board's training co-ordinator? my old paperwork says Paul Langley"
    assert former_holders(paperwork, words) == ["Paul Langley"]
    old = _hit("Name: Paul Langley; Job Title: Safeguarding Board Training Co-ordinator; "
               "Email: paul.langley@city.gov.uk")
    new = _hit("Holly Bligh Safeguarding Board Training Co-ordinator holly.bligh@city.gov.uk", rank=3)
    assert compose(question, [old, new], non_name_words=words)[0].startswith("Holly Bligh")
    assert compose(question, [old], non_name_words=words)[0] == ""
    # "Who took over from X?" names the one who held it before.
    took_over = "Who took over from Paul Langley as the safeguarding board's training co-ordinator?"
    assert former_holders(took_over, words) == ["Paul Langley"]
    assert compose(took_over, [old], non_name_words=words)[0] == ""
    handed = _hit("Holly Bligh took over from Paul Langley as training co-ordinator in 2015.", rank=2)
    assert compose(took_over, [old, handed], non_name_words=words)[0].startswith("Holly Bligh")
    assert former_holders("What replaced Every Colleague Matters?", words) == []  # not about a person


def test_a_sentence_saying_what_people_were_asked_is_read_with_what_they_answered():
    passage = _hit("As part of the consultation on the plan some questions were included on how young people "
                   "perceived our workforce and what skills they would like to see in a worker. There was a very "
                   "clear message about the skills they saw as important. Namely, to show respect and to listen.")
    text = compose("What did young people say they want from workers?", [passage])[0]
    assert "to show respect and to listen" in text, text
    # A sentence that only mentions a survey is not read on into the next.
    survey = _hit("A multi agency survey is underway to gather views on the service provided by workers. "
                  "Analysis of ward data has been shared with agencies.")
    assert "ward data" not in compose("What did the survey of workers find?", [survey])[0]


def test_a_sentence_referring_back_counts_what_it_refers_to_as_its_own():
    network = _hit("The Children and Young Peoples Provider Network offers a forum for voluntary and community sector "
                   "organisations. It meets every 8 weeks and produces regular updates.", rank=2)
    regional = _hit("The regional network meets monthly.")
    text = compose("How often does the voluntary sector network meet?", [regional, network])[0]
    assert text.startswith("every 8 weeks"), text  # "It" is the voluntary sector's network


def test_a_yes_no_question_is_answered_with_the_exception_that_follows_what_is_needed():
    passage = _hit("To join the network you need to be a voluntary organisation serving children who live in the "
                   "city. You do not need to be located in the city. The network meets every 8 weeks.")
    question = "Does our charity have to be based in the city to join the network?"
    text = compose(question, [passage])[0]
    # one sentence, one citation: the exception is read with what it qualifies
    assert "who live in the city. You do not need to be located in the city. [1]" in text, text
    scene = "Our office is just outside the city, but we work with its children - can we still join the network?"
    assert "who live in the city. You do not need to be located in the city. [1]" in compose(scene, [passage])[0]
    # Not for a question asking what is needed, nor after a sentence that says "not" itself.
    assert "located" not in compose("What do you need to be to join the network?", [passage])[0]
    negative = _hit("The board is not an employer. It does not employ staff. It meets quarterly.")
    assert "employer. It does not" not in compose("Is the board an employer?", [negative])[0]


def test_what_a_how_many_question_counts_weighs_most_in_its_topic():
    from chat.answer_types import thing_counted

    assert thing_counted("How many new foster carers were approved?") == "new foster carers"
    assert thing_counted("Roughly how many criteria are used now?") == "criteria"
    assert thing_counted("What is the target?") == ""
    others = _hit("Each family is offered support: 400 families so far.")
    criteria = _hit("Key criteria have widened from three to six.")
    question = "How many criteria are used to decide whether a family qualifies for support?"
    text = compose(question, [others, criteria])[0]
    assert text.startswith("six") or text.startswith("Key criteria"), text


def test_a_number_the_question_names_in_words_or_a_day_with_its_year_is_no_count():
    plan = _hit("Design and deliver a 2 week Every Colleague Matters Event (3 Feb to 14 Feb'14) for the workforce.")
    assert compose("How many staff attended the two-week Every Colleague Matters event?", [plan])[0] == ""
    attended = _hit("Over 900 staff attended the 2 week Every Colleague Matters Event (3 Feb to 14 Feb'14).")
    assert compose("How many staff attended the two-week Every Colleague Matters event?", [attended])[0] \
        .startswith("Over 900 staff")


def test_a_contact_entry_under_a_heading_is_its_name_post_and_extension_without_the_heading():
    contacts = _hit("7. CONTACT DETAILS\nJane Example\nDirector of Safeguarding\nLoxley House ext: 64908\n"
                    "Sam Sample\nHead of Safeguarding\nLoxley House ext: 64722")
    text = compose("Who is the Director of Safeguarding, and what's her extension?", [contacts])[0]
    assert text.startswith("Jane Example Director of Safeguarding Loxley House ext: 64908"), text


def test_a_sentence_introducing_a_statement_is_read_with_the_statement():
    passage = _hit("We can only achieve the partnership's vision through the city's workforce for children.\n"
                   "The Vision for the Partnership from the Plan is:\n\"A city where every child can enjoy their "
                   "childhood, free from poverty and safe from harm.\"")
    text = compose("What is the partnership's vision for the city's children?", [passage])[0]
    assert 'from the Plan is: "A city where every child' in text, text  # one sentence, not two


def test_a_question_in_two_parts_needs_its_answer_to_cover_only_one_part():
    cadets = _hit("Police Cadets programme - like Special Constables but for young people aged 16-18 years old.")
    question = "Do the police run a cadets scheme our older pupils could join, and what age is it for?"
    assert "aged 16-18" in compose(question, [cadets])[0]
    # One part alone, covering as little of it, is not answered.
    assert compose("Do the police run a cadets scheme our older pupils could join at what age?", [cadets])[0] == ""


def test_a_capitalised_contraction_says_the_word_it_shortens():
    contact = _hit("Contact: Chief Supt Jane Example City Division Tel 0115 9670999 Extn 801 5104")
    question = "What's the phone number and extension for the chief superintendent who gave the update to the board?"
    assert "0115 9670999" in compose(question, [contact])[0]


def test_a_how_many_answer_counts_what_is_asked_not_something_else():
    question = "How many children were on a child protection plan in the city when the plan was published?"
    network = _hit("The network now supports 185 representatives from 119 voluntary and community sector "
                   "organisations who are involved in the plan's priorities for children.")
    assert compose(question, [network])[0] == ""  # it counts representatives and organisations
    plans = _hit("At the end of March, 652 children were subject to a child protection plan in the city.")
    assert "652 children" in compose(question, [plans])[0]
    # People of the same sort count: kids are children, colleagues are staff.
    pilot = _hit("The Safe Families pilot has supported 93 children so far.")
    assert "93 children" in compose("How many kids has the Safe Families pilot helped?", [pilot])[0]
    workforce = _hit("We believe there are approximately 12,000 colleagues who work with children in the city.")
    assert "12,000" in compose("Roughly how many staff work with children in the city?", [workforce])[0]
    # A number with nothing after it, or a share, may count anything; "2-bed homes" counts homes.
    referrals = _hit("DASH / RIC Assessment: TOTAL; Number of Referrals: 4730", kind="table_row")
    assert "4730" in compose("How many referrals did the team get in total?", [referrals])[0]
    quorum = _hit("The Board is quorate when one third of its members are present.")
    assert "one third" in compose("How many members must be present for the Board to be quorate?", [quorum])[0]
    measures = _hit("% of mothers who breastfeed their babies 6-8 weeks after delivery; rate of infant mortality "
                    "per 1,000 live births")  # the base of a rate counts nothing
    assert compose("How many babies are breastfed at six to eight weeks?", [measures])[0] != ""
    homes = _hit("Policy Committee approved the purchase of 3 pairs of 2-bed homes for foster placements.")
    assert compose("How many net additional foster placements have been achieved?", [homes])[0] == ""
    # "under five" is an age; "five or more A*-Cs" counts grades: neither counts centres
    centres = _hit("To maintain a network of children's centres across the city. To promote the Imagination "
                   "Library so that every child under five in the city receives a monthly free book. To increase "
                   "the number of young people getting five or more A*-Cs at GCSE.")
    assert compose("How many children's centres are there across the city?", [centres])[0] == ""
    # "aged nought to three": the end of an age range counts nobody either
    bid = _hit("The family mentors programme secured funding of between £30m and £50m to improve the life "
               "chances of families with children aged nought to three.")
    assert compose("How many families have the family mentors worked with?", [bid])[0] == ""
    over = _hit("The Board has 24 members and 65 and over attend its conference.")
    assert "24 members" in compose("How many members does the Board have?", [over])[0]
    # A word of a name in the question is not what it counts; a plural inside a name does not end what a
    # number counts.
    supported = _hit("The Safe Families for Children pilot has supported 93 children so far.")
    assert compose("How many volunteer families are in the Safe Families for Children pilot?", [supported])[0] == ""
    # what a number counts is the plural closing its words, not a word before it the question also uses
    days = "3 Service induction days being held virtually in November 2020."
    assert not counts_what_is_asked(days, "staff", "How many staff work for the children's services department?")
    assert counts_what_is_asked(days, "days", "How many service induction days are held?")
    sencos = _hit("The review facilitated the creation of 7 additional locality SENCOs.")  # an acronym's plural
    assert "7 additional" in compose("How many extra locality SENCOs came out of the review?", [sencos])[0]
    advisers = _hit("Three Troubled Families Employment Advisers from DWP worked with the Priority Families Team.")
    assert "Three" in compose("How many DWP employment advisers worked with the Priority Families team?",
                              [advisers])[0]


def test_a_word_for_an_event_starting_says_start():
    question = "When is the new integrated service due to start?"
    trial = _hit("Trial a new integrated delivery model to support full implementation in 2018.")
    commence = _hit("The new service will commence in April 2018.", rank=3)
    assert compose(question, [trial, commence])[0].startswith("April 2018"), compose(question, [trial, commence])[0]


def test_a_sentence_announcing_the_things_asked_is_read_with_the_numbered_items_after_it():
    plan = _hit(clean_text("The Partnership has agreed to maintain the four shared strategic outcomes identified in "
                           "the previous plan.\n\n1.\n\nPromoting the health and wellbeing of babies\n\n2.\n\n"
                           "Safeguarding and supporting children and families. Children will be safe."))
    text = compose("What are the four shared strategic outcomes?", [plan])[0]
    assert text.startswith("The Partnership has agreed to maintain the four shared strategic outcomes")
    assert "outcomes identified in the previous plan: Promoting the health and wellbeing of babies; " \
           "Safeguarding and supporting children and families" in text
    assert "Children will be safe" not in text  # an item's first sentence names it


def test_half_names_a_share_only_of_something():
    assert holds_kind("percent", "Nearly half of all two year olds take up a place.")
    assert holds_kind("percent", "Half the workforce has been trained.")
    assert not holds_kind("percent", "It has opened as a half form entry and will grow to 210 places.")


def test_a_name_in_brackets_after_another_is_another_name_for_it():
    asked = "When is the Troubled Families programme (Priority Families locally) due to end?"
    assert name_readings(asked) == [["Troubled Families"], ["Priority Families"]]
    assert name_readings("Does Small Steps Big Changes work with Family Nurse Partnership?") == [
        ["Small Steps Big Changes", "Family Nurse Partnership"]]
    review = _hit("The review prepared the service for the possibility that Troubled Families is not extended "
                  "beyond its new end date of 1st April 2021.")
    assert "1st April 2021" in compose(asked, [review])[0]


def test_a_per_cent_sign_with_no_number_asks_for_a_share():
    assert question_kind("What % of infants are breastfed at 6-8 weeks?") == "percent"
    assert question_kind("% of yr 6 kids obese in nottingham?") == "percent"
    assert question_kind("Is the take-up above 50%?") == "other"  # a share stated is no share asked
    breastfeeding = _hit("48% of infants are being breast fed at 6-8 weeks compared to the English average of 42.9%.")
    indicators = _hit("Rate of infant mortality per 1,000 live births (aged under one year)", rank=2)
    text = compose("As a commissioner: what % of infants are breastfed at 6-8 weeks?", [indicators, breastfeeding])[0]
    assert text.startswith("48%")


def test_who_chairs_it_asks_about_the_body_named_before():
    asked = "I've just joined the Children's Partnership Board - who actually chairs it at the moment?"
    assert post_asked_of(asked) == ("chair", "Children's Partnership Board") and chair_asked(asked)
    assert post_asked_of("Who chairs it?") is None  # nothing named for "it" to be
    other = _hit("✓ Paul Burnett | - Independent Chair of) | Local Safeguarding Children Board")
    ours = _hit("As joint Chairs of the Children's Partnership Board, we are proud of the plan. Councillor Sam Webster",
                rank=2)
    assert compose(asked, [other, ours])[0].startswith("As joint Chairs of the Children's Partnership Board")


def test_a_count_of_things_in_a_period_is_said_as_how_often():
    plan = _hit("Every Colleague Matters Strategy - Deliver two Every Colleague Matters Events each year in February "
                "and October.")
    text = compose("How often do the Every Colleague Matters events happen?", [plan])[0]
    assert text.startswith("Twice a year (two Every Colleague Matters Events each year).")
    assert the_fact("frequency", "The group meets every 8 weeks.") == "every 8 weeks"
    assert the_fact("frequency", "Run 6 sessions per month.") == "6 times a month (6 sessions per month)"


def test_a_condition_on_a_rule_is_read_with_the_rule():
    constitution = _hit("2. The quorum for the Board will be one third of its membership, provided that the Director "
                        "is present. If there is no nominated person acting on behalf of the Director present, the "
                        "meeting cannot be quorate.")
    text = compose("What do we need for a board meeting to be quorate?", [constitution])[0]
    assert text.startswith("The quorum for the Board will be one third of its membership")
    assert "cannot be quorate" in text


def test_an_event_that_did_not_happen_gives_no_date_for_it():
    late = _hit("A Service Specification for the Speech and Language Service was not agreed and completed in time "
                "for the service to launch on the 1st June.")
    assert compose("When will the contract for the speech and language service be signed?", [late])[0] == ""
    signed = _hit("The Service Specification for the Speech and Language Service was agreed on 1st June.")
    assert "1st June" in compose("When was the speech and language service specification signed?", [signed])[0]


def test_going_live_is_a_launch_and_a_launch_is_told_by_its_start():
    live = _hit("The Youth Hub app, co-designed by young people, went live in March 2021 and is used weekly.")
    assert compose("When did the youth hub app launch?", [live])[0].startswith("March 2021")
    other = _hit("The Youth Hub steering group was set up in March 2019 to oversee the service.")
    assert compose("When did the youth hub go live?", [other])[0] == ""  # a date, but not of its launch
    start = _hit("The new youth hub service will commence in April 2022.")
    assert compose("When is the new youth hub service meant to go live?", [start])[0].startswith("April 2022")


def test_a_quotation_is_read_with_the_line_saying_who_said_it_for_a_question_asking_who():
    passage = _hit("“We have a sizeable ‘fourth gap’ which we need to close, which is one of mind-sets and "
                   "capabilities, and closing it will take every partner working together over many years.”\n"
                   "(Jane Example, Transformation Plan Lead (2016)")
    text = compose("Whose quote is it about the 'fourth gap' of mind-sets?", [passage])[0]
    assert text.startswith("Jane Example.") and "fourth gap" in text, text  # who said it, then what
    # For a question not asking who, the quotation is read alone: its speaker's year is no fact of it.
    assert [c.text for c in candidates([passage], "How many partners were there in 2016?")][-1].startswith("(Jane")


def test_a_question_asking_for_a_target_is_not_answered_by_the_figure_reached():
    reached = _hit("Teenage pregnancy continues to decline and has reduced from 37.5 to 32.7 conceptions per 1000 "
                   "girls aged 15-17 years.")
    assert compose("What's the target under-18 conception rate in the plan?", [reached])[0] == ""
    assert "32.7" in compose("What is the under-18 conception rate in the plan?", [reached])[0]
    target = _hit("The plan has a local target to reduce the under-18 conception rate to 30 per 1000 girls by 2020.")
    assert "30 per 1000" in compose("What's the target under-18 conception rate in the plan?", [target])[0]


def test_a_name_with_and_in_it_is_one_name_when_the_glossary_has_its_acronym():
    published = _hit("Greater Nottingham STP published - 24/11/16")
    glossary = {"STP": "Sustainability and Transformation Plan"}
    question = "When was the Greater Nottingham Sustainability and Transformation Plan published?"
    assert compose(question, [published], glossary)[0].startswith("24/11/16")
    assert compose(question, [published])[0] == ""  # without it, "Greater Nottingham Sustainability" is a name


def test_a_day_named_by_the_minutes_a_passage_belongs_to_is_its_day():
    presented = _hit("Jane Example, Director of Family Teams, delivered a presentation on the family support "
                     "programme.", source="board.txt", date_sort="2013-09-25")
    question = "Who gave the presentation on the family support programme at the board meeting of 26 June 2013?"
    assert compose(question, [presented])[0] == ""  # nothing says it was on 26 June
    minutes = replace(presented, chunk=replace(presented.chunk, paper="MINUTES of meeting held on 26 JUNE 2013"))
    assert "Jane Example" in compose(question, [minutes])[0]


def test_a_polite_request_asks_for_the_thing_not_yes_or_no():
    asked = "Can you give me the phone number for Jane McCombe? I'd like to ring her."
    assert not asks_yes_or_no(asked) and question_kind(asked) == "phone"
    assert asks_yes_or_no("Can you join the network from outside the city?")
    contact = _hit("Jane McCombe | Workforce Development Planning Manager | jane.mccombe@nottspct.nhs.uk")
    assert compose(asked, [contact])[0] == ""  # an email is no phone number


def test_a_hedge_before_the_question_word_asks_nothing_and_how_big_asks_for_an_amount():
    asked = "Roughly how big was the youth offending team workforce when the 2010-2014 strategy was written?"
    assert question_kind(asked) == "amount"  # not a date: the "when" clause sets the scene
    assert question_kind("So when is the next meeting?") == "date"
    row = _hit("Sector Overview: Justice and Crime Prevention The workforce includes: • Approx 80 colleagues in the "
               "Youth Offending team in Local Authority.", kind="table_row")
    assert "Approx 80 colleagues" in compose(asked, [row])[0]


def test_a_paper_titled_with_one_name_asked_and_its_bundle_naming_the_other_answers():
    paper = "Big Lottery for Nottingham, Fulfilling Lives: Small Steps Big Changes"
    bid = _hit("The partnership working group submitted a Stage One bid on 7th June 2013.", source="papers.txt")
    bid = replace(bid, chunk=replace(bid.chunk, paper=paper))
    cover = _hit("A new £165m Fulfilling Lives: A Better Start initiative was announced.", rank=2, source="papers.txt")
    asked = "When did Nottingham submit its Stage One bid for the Big Lottery A Better Start funding?"
    assert "7th June 2013" in compose(asked, [bid, cover])[0]
    assert compose(asked, [bid])[0] == ""  # nothing retrieved names the Better Start


def test_who_was_the_chair_is_answered_only_by_a_sentence_about_a_chair():
    asked = "Who was the LSCB independent chair at the time of the 2016 plan?"
    assert chair_asked(asked) and chair_asked("Who's the chair of the board?")
    region = _hit("Work with partners across the East Midlands region to develop a Regional Adoption Agency.")
    assert compose(asked, [region])[0] == ""


def test_a_question_whether_there_is_a_fee_asks_for_the_sum():
    asked = "Does it cost anything to join the network - is there an annual membership fee?"
    assert question_kind(asked) == "money"
    assert question_kind("Does the update have any cost implications?") == "other"  # settled by a sentence
    terms = _hit("To join the network you need to be a voluntary organisation providing a service for children.")
    assert compose(asked, [terms])[0] == ""
    assert compose(asked, [_hit("Membership of the network costs £25 a year.")])[0].startswith("£25")


@pytest.mark.slow
def test_a_share_of_something_else_does_not_answer_a_percentage_question(corpus_engine):
    # The plan lists tooth decay as an indicator, with no figure; its shares of other things are close by.
    answer = corpus_engine.answer("What proportion of five-year-olds in the city have tooth decay?")
    assert answer.abstained, answer.text
    assert not corpus_engine.answer("What percentage of infants are breastfed at 6-8 weeks?").abstained


@pytest.mark.slow
def test_what_is_x_with_a_remark_after_it_is_answered_by_the_sentence_saying_what_x_is(corpus_engine):
    # The remark's words ("keeps coming up in the workforce action plan") are most of the question's
    # topic; the action plan's row defines ContactSearch in brackets, spelt as two words.
    answer = corpus_engine.answer("what is ContactSearch? it keeps coming up in the workforce action plan")
    assert "data sharing system" in answer.text, answer.text



@pytest.mark.slow
def test_a_best_row_too_long_to_quote_whole_is_cut_to_what_is_asked_not_passed_over(corpus_engine):
    # The strategy's youth support row runs to 600 characters even trimmed; passed over, the answer was
    # the 12,000 colleagues of the whole city.
    answer = corpus_engine.answer("How many council youth employees did the 2010-2014 workforce strategy count?")
    assert "166 Local Authority Youth employees" in answer.text and "12,000" not in answer.text, answer.text
    assert len(answer.text) < 700


def test_a_share_that_was_done_is_the_share_of_those_carried_out():
    # "were done" names no measure a sentence must repeat: the documents write "were carried out".
    assessments = _hit("91.0% of initial assessments were carried out within 10 working days of referral.")
    text = compose("What proportion of initial assessments were done within 10 working days?", [assessments])[0]
    assert text.startswith("91.0%"), text


def test_the_document_a_question_names_to_say_when_speaks_of_the_time_asked():
    # "when the 2010 workforce strategy came out" points at that strategy: its signature answers, though
    # the question's other year (2016) is not the strategy's.
    strategy = _hit("Councillor David Mellen Nottingham City Council Chair of the Nottingham Children's "
                    "Partnership Board", source="strategy.txt", date_sort="2010-01-01",
                    title="Our Workforce Strategy 2010-2014")
    plan = _hit("This plan brings together the elements of our other partnership plans.", rank=2,
                source="plan.txt", date_sort="2016-12-31", title="Children and Young People's Plan")
    text = compose("Which councillor chaired the partnership board when the 2010 workforce strategy came out, "
                   "and was still one of its joint chairs in 2016?", [strategy, plan])[0]
    assert text.startswith("Councillor David Mellen"), text


def test_a_share_asked_with_a_percent_sign_or_a_category_names_its_measure():
    # "what % of ... are obese" asks the share that is obese, as "what percentage of" does.
    schools = _hit("Nottingham city schools judged as good or outstanding has increased from 60.6% to 79.7%.")
    assert compose("what % of year 6 children in nottingham are obese right now?", [schools])[0] == ""
    obese = _hit("In 2015, 24.1% of Year 6 children in Nottingham were obese.")
    assert compose("what % of year 6 children in nottingham are obese?", [obese])[0].startswith("24.1%")
    # "are living in poverty" asks the share in poverty
    pupils = _hit("The number of children in Nottingham city schools judged as good or outstanding has increased "
                  "from 60.6% to 79.7%.")
    assert compose("what percentage of children in Nottingham are living in poverty right now?", [pupils])[0] == ""
    poor = _hit("In Nottingham, 34% of children live in poverty.")
    assert compose("what percentage of children in Nottingham are living in poverty?", [poor])[0].startswith("34%")
    # "were under the neglect category" names neglect; "were under five" names an age, not a measure.
    plans = _hit("44% more Child Protection Plans were commenced than in the previous year.")
    assert compose("What proportion of child protection plans were under the neglect category?", [plans])[0] == ""
    assert compose("Of the child protection plans, what proportion were under the neglect category?", [plans])[0] == ""
    ages = _hit("We have 60,000 children and young people, with 30% of these being under 5 years of age.")
    assert compose("What proportion of the children and young people were under five?", [ages])[0].startswith("30%")


def test_a_figure_compared_with_another_counts_the_same_thing():
    # 852 is the target for the families counted by 898: it counts no children in care.
    families = _hit("898 Priority Families have been engaged and supported this year, which exceeded the "
                    "target of 852.")
    assert compose("How many children were engaged and supported this year?", [families])[0] == ""
    assert compose("How many families were engaged and supported this year?", [families])[0].startswith("898")
    # A bare figure set against nothing may still count anything ("Number of Referrals: 4730").
    referrals = _hit("Number of Referrals: 4730")
    assert compose("How many referrals were there?", [referrals])[0].startswith("Number of Referrals: 4730")


def test_a_passage_finishing_a_record_ranks_with_the_passage_it_finishes():
    options = _passage("Options to further increase SEND school provision within Nottinghamshire continue to be "
                       "considered at existing special school sites.", 26, 1)
    other = _passage("SEND capital funding has been allocated to fund 2 special school hubs.", 23, 2)
    proposal = _passage("Members will be presented with a proposal advising the need to build a further special "
                        "school in the Hucknall or Ollerton area.", 27, 3)
    asked = "Where is the county looking to build another special school to meet demand?"
    assert compose(asked, [options, other, proposal])[0].startswith("Members will be presented")
    # Ranked third and finishing nothing retrieved, it no longer leads.
    assert not compose(asked, [options, other, _passage(proposal.chunk.text, 40, 3)])[0].startswith("Members")


def test_whom_to_contact_is_answered_by_a_way_to_reach_someone():
    network = _hit("The providers' network helps members keep in touch with local policy. It's administered by "
                   "the Community and Voluntary Service (CVS).")
    plan = _hit("The plan will respond to new national guidance for children, young people and families.\n"
                "For further information contact Jane Example:\njane.example@city.gov.uk", rank=2,
                title="Young People's Plan")
    asked = "who do i get in touch with if i have questions about the young people's plan?"
    assert compose(asked, [network, plan])[0].startswith("Jane Example"), compose(asked, [network, plan])[0]


def test_which_places_are_answered_by_a_sentence_naming_them():
    partnership = _hit("SSBC is a partnership of parents and professionals working together through co-production to "
                       "help children to live happy, healthy and fulfilled lives.")
    wards = _hit("In Nottingham the SSBC programme operates across four communities (Aspley, Bulwell, Arboretum & "
                 "St Ann's) and seeks to improve outcomes for young children.", rank=2)
    answer = compose("which wards does small steps big changes cover", [partnership, wards],
                     {"SSBC": "Small Steps Big Changes"})[0]
    assert answer.startswith("In Nottingham the SSBC programme operates across four communities"), answer


def test_a_list_item_wrapped_over_two_lines_is_read_as_one():
    plan = _hit("- Implement the refreshed Healthy Children’s\nCentre Standard across the service\n"
                "Special schools’ representative\n- Implement the Nottingham Children’s\n"
                "Partnership Workforce Strategy Action Plan for 2016-17, to ensure practitioners are competent")
    asked = "Which year's workforce strategy action plan did the plan commit to implementing?"
    assert compose(asked, [plan])[0].startswith("2016-17. Implement the Nottingham Children’s Partnership Workforce")
    texts = [c.text for c in candidates([plan])]
    assert "Implement the refreshed Healthy Children’s Centre Standard across the service" in texts
    assert "Special schools’ representative" in texts  # a line of its own: the one before it ends a phrase
    # A sentence's line ending on a name's first word goes on with the rest of the name; a heading does not.
    portfolio = _hit("School Place Planning\nAnalysis suggests that a new secondary school in the West\n"
                     "Bridgford planning area will be required.\nDevelopment of the Local Offer\n"
                     "Funding has been agreed.")
    texts = [c.text for c in candidates([portfolio])]
    assert "Analysis suggests that a new secondary school in the West Bridgford planning area will be required." \
        in texts
    assert "Funding has been agreed." in texts and "Development of the Local Offer" in texts


def test_who_asks_counts_less_than_what_they_ask_unless_the_question_points_back_at_it():
    question = "our youth club is based just outside the city but we work with city kids - can we still join the CYPPN?"
    assert asking_clause(question) == "can we still join the CYPPN?"
    assert asking_clause("Is there an app for care leavers? what's it called") == \
        "Is there an app for care leavers? what's it called"  # a first question is no scene
    asked = _hit("Any group can still join the CYPPN.", rank=1)
    scene = _hit("Youth work in the city is based outside school.", rank=2)
    text, _, _ = compose(question, [asked, scene])
    assert text.startswith("Any group can still join the CYPPN"), text
    # "... - is that still what it's called?" asks about what the statement says: its words count in full
    old_name = _hit("The CAF is the right tool, teams agree.", rank=1)
    other = _hit("It is still called so in the strategy, staff say.", rank=2)
    question = "the 2010 strategy says CAF is the right tool for early help - is that still what it's called?"
    text, _, _ = compose(question, [old_name, other])
    assert text.startswith("The CAF is the right tool"), text


def test_a_sentence_taking_up_the_thing_the_one_before_it_named_is_about_that_thing():
    passage = _hit("The readiness pilot training has been completed. Eleven children attended the two-day training "
                   "held on site in Mansfield.")
    text, _, _ = compose("Where did the readiness pilot take place?", [passage])
    assert "Mansfield" in text, text
    # a sentence naming nothing the one before it did is about something else
    other = _hit("The readiness pilot training has been completed. Eleven children attended a party in Mansfield.")
    assert compose("Where did the readiness pilot take place?", [other])[0] == ""


def test_a_sentence_saying_only_what_the_question_says_does_not_answer_it():
    heading = _hit("Evaluation of the link worker pilot.")
    assert compose("What did the evaluation of the link worker pilot find?", [heading])[0] == ""
    found = _hit("Evaluation of the link worker pilot found fewer repeat referrals.")
    assert compose("What did the evaluation of the link worker pilot find?", [found])[0]
    # a yes-or-no question is confirmed in its own words
    member = _hit("Members: the Independent Chair of the LSCB.")
    assert compose("Is the Independent Chair of the LSCB among the members?", [member])[0]
    # a sentence announcing items with a colon says them
    gaps = _hit("There are challenges to transform services. Three gaps have been identified from the STP:\n"
                "Health & wellbeing….. our population is growing.\nCare & Quality….. standards must be consistent.\n"
                "Finance & Efficiency….. demand outstrips the money.")
    answer = compose("what are the three gaps the STP identified?", [gaps])[0]
    assert answer.startswith("Three gaps have been identified from the STP:") and "Finance & Efficiency" in answer


def test_where_to_find_something_online_is_answered_by_a_web_address():
    assert holds_kind("place", "Go to www.example.gov.uk/pathway", "Where can I find the pathway online?")
    assert not holds_kind("place", "The pathway was launched at Loxley House.", "Where can I find the pathway online?")
    assert holds_kind("place", "The pathway was launched at Loxley House.", "Where was the pathway launched?")
    # a line giving where to find more says it of what the lines before it were about
    offer = _hit("The Early Years Team provides a training offer for practitioners. For more information please go "
                 "to: www.example.gov.uk/earlyyears/")
    text, _, _ = compose("where online can I find the Early Years team's training offer?", [offer])
    assert "www.example.gov.uk/earlyyears/" in text, text


def test_what_a_named_survey_found_is_told_by_a_sentence_about_that_survey():
    assert finder_asked("What did the well-being survey of 600 families actually find?") == "survey"
    assert finder_asked("what did the December 2013 review of the service conclude?") == "review"
    assert finder_asked("what does it let practitioners find out?") == ""  # "it" points back
    workers = _hit("150 key workers were expected to work with all 600 families by March 2014.")
    assert compose("What did the well-being survey of 600 families actually find?", [workers])[0] == ""
    survey = _hit("The well-being survey of 600 families found that most felt safer.", rank=2)
    assert "most felt safer" in compose("What did the well-being survey of 600 families find?", [workers, survey])[0]


def test_a_sentence_is_read_with_the_items_the_next_one_lists_under_the_questions_words():
    check = _hit("The 2019 health check gave the most positive data in years. Key positives noted were: new IT "
                 "resources and supportive managers. We await the 2020 check.")
    text, _, _ = compose("What did staff rate most positively in the 2019 health check?", [check])
    assert "new IT resources and supportive managers" in text, text
    # items under a label the question does not ask about are left out
    other = _hit("The 2019 health check gave the most positive data in years. Key risks noted were: turnover.")
    text, _, _ = compose("What did staff rate most positively in the 2019 health check?", [other])
    assert "turnover" not in text, text


def test_a_row_label_left_at_the_end_of_the_passage_before_names_the_row_that_opens_the_next():
    # The extraction closed one passage on a table row's label and opened the next on the row's cells.
    before = _passage("Next steps include:\n- Scoping Social Work Apprenticeships\nBusiness Intelligence", 50,
                      heading="Appendix A")
    row = _passage("Timescale TBC\nComplete Reporting has now been developed at a service, team and individual "
                   "level. This workstream is now closed.\nDevelop and implement Career Pathway March 2020 On "
                   "Target 15 people have now undertaken the assessment.", 51, rank=2, heading="Timescale TBC")
    text, _, _ = compose("Is the Business Intelligence workstream still open?", [before, row])
    assert "This workstream is now closed." in text
    # The label names only the row it opens: the next row, with its own date and status, is not about it.
    assert "Career Pathway" not in text
    # Without the passage before, nothing retrieved says which workstream closed.
    assert compose("Is the Business Intelligence workstream still open?", [row])[0] == ""


def test_an_age_range_from_birth_or_from_nought_answers_what_age_and_counts_nobody():
    bill = _hit("The Bill will also extend the Special Educational Needs (SEN) system from birth to 25, giving "
                "children and their parents greater control.")
    assert compose("The Bill extends SEN from birth to what age?", [bill])[0].startswith("from birth to 25.")
    policy = _hit("Another positive outcome has been the drafting of a SEND Policy 0-25 year, which is out to "
                  "formal consultation.")
    assert compose("What age range is the draft SEND policy?", [policy])[0].startswith("0-25 year.")
    assert compose("How many children are covered by the draft SEND policy?", [policy])[0] == ""


def test_a_record_s_name_said_again_with_its_status_is_not_a_sentence_of_its_own():
    row = _hit("Sale of excess disability beds\nSaving: £393k\nMarch 2020 Experiencing\nObstacles\nThis project has "
               "been on hold due to the impact of the pandemic on the children’s disability homes.",
               source="update.txt", title="Improvement Portfolio Update")
    text, _, _ = compose("Has the sale of excess disability beds (saving £393k) been progressing during the pandemic?",
                         [row])
    assert "on hold due to the impact of the pandemic" in text, text
    assert text.count("Sale of excess disability beds") == 1, text


def test_a_question_after_a_statement_is_answered_from_the_document_it_names():
    signed = _hit("Councillor David Mellen Nottingham City Council Chair of the Nottingham Children's Partnership "
                  "Board", source="strategy.txt", title="Our Workforce Strategy 2010-2014", date_sort="2014-12-31")
    earlier = _hit("Councillor David Mellen - Portfolio Holder for Children's Services", rank=2, source="papers.txt",
                   title="Children's Partnership Board papers", date_sort="2013-09-25")
    portfolio = _hit("Councillor David Mellen Portfolio Holder for Early Intervention and Early Years", rank=3,
                     source="cypp.txt", title="Children and Young People's Plan 2016", date_sort="2016-12-31")
    asked = ("David Mellen signed the 2010 workforce strategy as Chair of the Partnership Board. Which portfolio "
             "does he hold in the 2016 CYPP?")
    text, cited, _ = compose(asked, [signed, earlier, portfolio], {"CYPP": "Children and Young People's Plan"})
    assert text.startswith("Councillor David Mellen Portfolio Holder for Early Intervention"), text
    assert [h.chunk.source for h in cited] == ["cypp.txt"]


def test_a_university_college_or_council_asked_for_is_named_as_one():
    programme = _hit("We have introduced a Student Progression Programme, which enables final year students on "
                     "placement with us to access a fast-track recruitment process.")
    assert compose("Which universities do we work with to recruit social work graduates?", [programme])[0] == ""
    college = _hit("The work experience readiness training has been completed with Vision West Notts College. "
                   "Eleven children attended the training held on site in Mansfield.")
    assert compose("Which college ran the work experience readiness training?", [college])[0].startswith(
        "The work experience readiness training has been completed with Vision West Notts College.")
    # named by initials ending on the sort's letter ("NTU"), not by any others ("DCSF")
    assert holds_kind("body", "The programme is run by NTU.", "Which universities do we recruit from?")
    assert not holds_kind("body", "Published by DCSF, December 2009.", "Which universities do we recruit from?")
    # a sentence answering the other question ("where ..., and with which college?") need not name a college
    held = "Eleven children attended the training held on site in Mansfield."
    assert holds_kind("body", held, "Where was the training run, and with which college?")
    assert not holds_kind("body", held, "Which college ran the training?")
