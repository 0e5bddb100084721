"""A sentence about another quarter or year does not answer a question about this one."""
from chat.extractive import candidates, compose, other_period_note, score_candidates
from chat.periods import document_fit, period_fit, periods_asked
from chat.answer_types import title_asked
from chat.questions import asked_part
from chat.timecues import recency_weight
from index.records import Hit
from ingest.dates import year_spans
from ingest.records import Chunk


def _hit(text, rank=1, date="July - September 2020"):
    chunk = Chunk(chunk_id=f"update-{rank}", doc_id="update.txt", source="update.txt", title="Update", date=date,
                  date_sort="2020-09-30", text=text, index_text=text, page_start=1, page_end=1, char_start=0,
                  char_end=len(text), kind="paragraph")
    return Hit(chunk, 1.0 / rank, rank, "hybrid", 0.6)


def _dated_hit(year, rank, text, title="Plan", date_sort="", score=None):
    """A passage of a plan of `year`, at `rank`."""
    chunk = Chunk(chunk_id=f"{year}-{rank}", doc_id=str(year), source=f"plan-{year}.txt", title=title, date=str(year),
                  date_sort=date_sort or f"{year}-12-31", text=text, index_text=text, page_start=1, page_end=1,
                  char_start=0, char_end=len(text), kind="paragraph")
    return Hit(chunk, 1.0 / rank if score is None else score, rank, "hybrid", 0.6)


def _job_titles():
    """Jane Example's job title in a 2013 plan, then in a 2019 one."""
    return (_dated_hit(2013, 1, "Jane Example, Integrated Workforce Project Officer."),
            _dated_hit(2019, 2, "Jane Example, Integrated Workforce Consultant."))


def test_years_spans_and_quarters_asked_and_said():
    assert year_spans("in 2009/10 and March 2013, the 2017-19 plan") == [
        frozenset({2009, 2010}), frozenset({2013}), frozenset({2017, 2018, 2019})]
    asked = periods_asked("What was turnover in 2010/11, according to the 2010-14 workforce strategy?")
    assert asked[:2] == ([frozenset({2010, 2011})], set())  # the strategy's years name a document, not a time
    assert period_fit("turnover was 6.5% in 2009/ 2010", asked) is False
    assert period_fit("turnover was 6.5% in 2010", asked) is True  # a year inside the span asked
    assert period_fit("turnover was low", asked) is None
    # named for its time, a document's years are the years asked: a 2010-2014 strategy cannot say
    asked = periods_asked("How many social workers did the city have at the time of the 2017-19 action plan?")
    assert asked[0] == [frozenset({2017, 2018, 2019})] and document_fit("2010 to 2014", asked) is False
    # when something was reported says where to look: what it reported may be older
    reported = periods_asked("As reported to the Board in June 2013, when was the last inspection?")
    assert reported[0] == [] and period_fit("the inspection in April 2012", reported) is None
    assert periods_asked("When was the last inspection reported to the Board in June 2013?")[0] == [frozenset({2013})]
    # so does the time a question opens by standing at: the programme due to end in 2021, as of 2020
    standing = periods_asked("As of autumn 2020, when was the programme due to end?")
    assert standing[0] == [] and period_fit("its new end date of 1st April 2021", standing) is None
    assert periods_asked("How many households were in the programme as of October 2012?")[0] == [frozenset({2012})]
    assert period_fit("On 31.03.11, there were 561", periods_asked("How many in 2011?")) is True
    q2 = periods_asked("What was the vacancy rate in Q2 2020-21?")
    assert period_fit("Q1 data for 2020-21 showed a vacancy rate of 3.31%", q2) is False
    assert period_fit("Q2 data for 2020-21 showed a vacancy rate of 3%", q2) is True
    assert period_fit("Q2 2019/20: vacancy rate 4%", q2) is False  # the quarter asked, of another year
    assert period_fit("Q2: vacancy rate 4%", q2) is True
    third = periods_asked("What target did the government set for the third year of the programme?")
    assert period_fit("to be working with 300 (75%) of those families in the first year", third) is False
    assert period_fit("In year 3 the target rises to 90%", third) is None  # "year 3" is a school year too
    assert period_fit("in the 3rd year of the programme, 90%", third) is True
    assert period_fit("Stage Two bids were due in 2014", periods_asked("When was the Stage One bid sent?")) is False
    # "currently" in a 2013 document speaks of 2013, whatever later date the sentence also names
    assert period_fit("150 key workers are currently being trained, to start by March 2014",
                      periods_asked("How many key workers were being trained in mid-2013?"),
                      "Wednesday 25 September 2013") is True


def test_months_named_outside_a_split_year_are_another_period():
    year = periods_asked("How many foster carers were approved in 2019/20?")
    assert period_fit("26 foster carers are booked into panels between July and December 2020", year) is False
    assert period_fit("45 carers were approved by March 2020", year) is True
    assert period_fit("In 2019/20 45 were approved, more than since December 2017", year) is True
    assert period_fit("26 carers were booked in December 2020", periods_asked("How many in 2020?")) is True


def test_a_close_sentence_of_the_period_asked_must_also_be_on_the_topic():
    hits = [_hit("26 potential foster carers are booked to be approved at panels between July and December 2020."),
            _hit("Increase the number of foster placements by 50 over three years, from April 2019.", 2),
            _hit("The service recruits staff across the county.", 3)]
    text, _, used = compose("How many foster carers were actually approved in 2019/20?", hits)
    assert text == "" and "July and December 2020" in used[0].text


def test_the_documents_giving_only_another_quarter_do_not_answer():
    hits = [_hit("Q1 data for 2020-21 showed that turnover within hard to recruit to teams was at 3.31% with a "
                 "vacancy rate of 3.31%. The target for both is 5%.")]
    text, cited, used = compose("What was the vacancy rate in the hard to recruit teams in Q2 2020-21?", hits)
    assert text == "" and cited == []
    # what the documents do give, for the user to see with the refusal
    note = other_period_note(used[0])
    assert "only for another period" in note and "Q1 data for 2020-21" in note and "Update, July - September 2020" in note
    text, _, _ = compose("What was the vacancy rate in the hard to recruit teams in Q1 2020-21?", hits)
    assert "3.31%" in text
    # "the second quarter" is Q2, written out
    assert compose("What vacancy rate was reported for the second quarter of 2020-21?", hits)[0] == ""


def test_the_sentence_of_the_year_asked_is_preferred_to_a_close_one_of_another_year():
    hits = [_hit("Did you know in 2008/09 the Targeted Support Team had a 79% successful outcome rate. "
                 "In 2009/10 it was 83%.", date="2010 to 2014")]
    text, _, _ = compose("What was the Targeted Support Team's successful outcome rate in 2009/10?", hits)
    assert text.startswith("In 2009/10 it was 83%"), text


def test_a_refusal_for_another_period_says_what_the_documents_do_give(corpus_engine):
    answer = corpus_engine.answer("What was the vacancy rate in the hard-to-recruit teams in Q2 2020-21?")
    assert answer.abstained and not answer.citations
    assert any("only for another period" in note and "Q1 data for 2020-21" in note for note in answer.notes)
    assert answer.to_json()["notes"] == list(answer.notes)


def test_the_document_the_question_names_leads_its_answer_however_old(corpus_engine):
    # "the safeguarding update" is a paper of the 2013 board papers; newer plans speak of bullying too
    answer = corpus_engine.answer("Do individual schools decide their own approach to tackling bullying, according "
                                  "to the safeguarding update?")
    assert answer.text.startswith("1.26 Schools are responsible for their own anti-bullying approaches"), answer.text
    assert answer.citations[0].hit.chunk.source == "partnership-board-papers-2013-09-25.txt"


def test_a_document_that_ended_before_the_year_asked_cannot_say_what_happened_then():
    asked = periods_asked("How many teachers were working in city schools in 2017?")
    assert document_fit("2010 to 2014", asked) is False
    assert document_fit("September 2017 to December 2019", asked) is True
    assert document_fit("2019", periods_asked("What did the board hear in 2013?")) is True  # a later one may look back
    assert document_fit("2010 to 2014", periods_asked("How many teachers work in city schools?")) is None
    strategy = _hit("Around 2,000 teachers work in city schools.", date="2010 to 2014")
    assert compose("How many teachers were working in city schools in 2017?", [strategy])[0] == ""
    assert compose("How many teachers were working in city schools in 2012?", [strategy])[0].startswith("Around 2,000")


def test_a_later_document_in_the_present_tense_speaks_of_its_own_time_not_of_an_earlier_year():
    plan = _hit("48% of infants are being breast fed at 6-8 weeks compared to the English average of 42.9%.",
                date="2016")
    assert compose("What share of babies were breastfed at 6-8 weeks back in 2012?", [plan])[0] == ""
    assert compose("What share of babies were breastfed at 6-8 weeks in 2015?", [plan])[0].startswith("48%")
    assert compose("What share of babies are breastfed at 6-8 weeks?", [plan])[0].startswith("48%")
    told = _hit("In the city 48% of infants had been breast fed at 6-8 weeks, against 42.9% in England.", date="2016")
    assert "48%" in compose("What share of babies were breastfed at 6-8 weeks back in 2012?", [told])[0]


def test_a_year_before_a_documents_acronym_names_the_document_not_a_time():
    glossary = {"CYPP": "Children and Young People's Plan"}
    assert periods_asked("Who is the contact for the 2016 CYPP?", glossary)[0] == []
    assert periods_asked("Who is the contact for the 2016 CYPP?")[0] == [frozenset({2016})]


def test_a_statement_of_how_things_were_sets_the_scene_for_a_question_about_now():
    question = "Jane Example used to be the project officer in 2013 - what's her job title in the latest plan?"
    assert asked_part(question) == "what's her job title in the latest plan?"
    assert periods_asked(question)[0] == []  # 2013 is when she was the project officer
    assert recency_weight(question) > 0  # "latest" asks for the newest, "was" tells the past
    assert asked_part("Who was the project officer in 2013?") == "Who was the project officer in 2013?"
    assert asked_part("Who did it before - who does it now?") == "Who did it before - who does it now?"
    # "by the time of the updated plan" asks of later, like "now" does.
    updated = ("Jane Example was the project officer when the 2010 strategy was written. What post did she hold "
               "by the time of the updated plan?")
    assert asked_part(updated) == "What post did she hold by the time of the updated plan?"
    older, newer = _job_titles()
    text, _, _ = compose(question, [older, newer])
    assert text.startswith("Jane Example, Integrated Workforce Consultant"), text
    # The same, asked first and told after.
    after = "What's Jane Example's job title in the latest plan? In 2013 she was down as a project officer."
    assert asked_part(after) == "What's Jane Example's job title in the latest plan?"
    assert periods_asked(after)[0] == [] and recency_weight(after) > 0
    assert compose(after, [older, newer])[0].startswith("Jane Example, Integrated Workforce Consultant")
    # The statement's own words ("project officer") count less than the question's: the old title
    # matching them best is not what is asked.
    current = "What is Jane Example's current job title? In the 2013 board papers she was down as a project officer."
    assert compose(current, [older, newer])[0].startswith("Jane Example, Integrated Workforce Consultant")
    assert title_asked(current) == "Jane Example"  # her current job title is her job title
    # Asked after a mention of "job titles", or of "her most recent title", it is still her job title.
    assert title_asked("Jane Example has had a few different job titles - what is the current one?") == "Jane Example"
    assert title_asked("Jane Example appears in two plans; what is her most recent title?") == "Jane Example"
    assert title_asked("Jane Example's title seems to change in every plan - what's the most recent one?") == \
        "Jane Example"
    # A line after the contact's title that names no post ("Please visit our website ...") gives nobody's title.
    contacts = _hit("Holly Example Training Co-ordinator holly.example@example.gov.uk\nJane Example\nEducation "
                    "Partnership\nStrategy Manager jane.example@example.gov.uk\nPlease visit our website to view the "
                    "main Workforce Strategy Document from 2010-2014 http://www.example.org.uk/workforce-strategy/")
    asked = "Jane Example's title seems to change in every workforce document - what's the most recent one?"
    typed = {s.cand.text[:20]: s.typed for s in score_candidates(asked, candidates([contacts], asked))}
    assert typed["Jane Example Educati"] and not typed["Please visit our web"]
    # A reason given for asking is no part of what is asked: "older documents" does not ask for the past.
    reason = "What is Jane Example's current job title, given that it appears differently in older documents?"
    assert asked_part(reason) == "What is Jane Example's current job title"
    assert recency_weight(reason) > 0  # newer documents count more, not older ones
    assert asked_part("The bid was for £30m-£50m in 2013 - how big is the programme in the later plan?") == \
        "how big is the programme in the later plan?"
    # A question naming later years than its statement, or asking how things turned out, asks about then.
    assert asked_part("The 2010 strategy planned the events quarterly - how often do they run under the 2017-19 "
                      "plan?") == "how often do they run under the 2017-19 plan?"
    assert asked_part("Back in 2013 the bid was for £30m - how big did the programme turn out to be?") == \
        "how big did the programme turn out to be?"
    assert asked_part("The 2013 bid sought £30m; what is the programme valued at in the later plan?") == \
        "what is the programme valued at in the later plan?"  # a statement naming its year is of then
    assert asked_part("The 2017 plan set a target - what did the 2010 strategy say?") == \
        "The 2017 plan set a target - what did the 2010 strategy say?"  # an earlier year: not about later
    assert asked_part("What is the current target? What was it before?") == \
        "What is the current target? What was it before?"  # two questions, no statement


def test_a_statement_of_its_own_sentence_or_telling_what_an_old_document_said_sets_the_scene():
    # The statement may end in a full stop, and the question may open on the document it asks of.
    assert asked_part("Jane Example used to be the training co-ordinator. Who has that job in the 2017-2019 plan?") \
        == "Who has that job in the 2017-2019 plan?"  # a named period after a past statement asks of then
    assert asked_part("The 2017 plan said phase 2 runs to April 2020. What's the latest end date?") == \
        "What's the latest end date?"
    assert asked_part("Cllr Example chaired the Board in 2013. By the 2016 plan is he still the only chair?") == \
        "By the 2016 plan is he still the only chair?"
    # The question in the present tense, then what an old document said: it asks about now.
    question = "How often does the network meet? The old workforce strategy said monthly."
    assert asked_part(question) == "How often does the network meet?"
    assert recency_weight(question) > 0  # "old" is the statement's, not the question's
    # Not statements: a question of the past, an abbreviation's full stop, two questions.
    two_questions = "Who was the co-ordinator in 2013. Who is it now?"
    assert asked_part(two_questions) == two_questions
    assert asked_part("Where is St. Ann's children's centre?") == "Where is St. Ann's children's centre?"
    assert asked_part("The Board meets monthly. Who chairs it?") == "The Board meets monthly. Who chairs it?"


def test_her_job_title_is_the_job_title_of_the_person_named_before_and_each_dates_title_is_a_version():
    from chat.answer_types import question_kind

    question = ("Jane Example was down as the Integrated Workforce Project Officer in 2013 - what's her job title "
                "in the later plan?")
    assert title_asked(question) == "Jane Example" and question_kind(question) == "title"
    assert title_asked("What is her job title?") == ""
    assert title_asked("The Board's chair - what is their role?") == ""  # no person named
    older = [_dated_hit(2013, rank, text, title="Board papers", date_sort="2013-09-25")
             for rank, text in ((1, "Name: Jane Example; Job title: Integrated Workforce Project Officer; "
                                    "Email: jane.example@city.gov.uk"),
                                (2, "For more information contact Jane Example Integrated Workforce Project Officer "
                                    "jane.example@city.gov.uk"))]
    # shares few words with the older title
    newer = _dated_hit(2019, 3, "Jane Example Consultant jane.example@city.gov.uk", title="Workforce plan", score=0.3)
    answer = compose(question, older + [newer])[0]
    assert answer.startswith("Jane Example Consultant"), answer


def test_a_question_about_now_set_against_an_older_state_asks_only_about_now():
    question = "What is Jane Example's job title in the latest plan, compared with the 2013 board papers?"
    assert asked_part(question) == "What is Jane Example's job title in the latest plan"
    assert periods_asked(question)[0] == []  # 2013 is what it is compared with
    older, newer = _job_titles()
    assert compose(question, [older, newer])[0].startswith("Jane Example, Integrated Workforce Consultant")
    assert asked_part("Who chairs the Board now - is it still Cllr Example, as in the 2010 strategy?") == \
        "Who chairs the Board now"
    assert asked_part("How often do the events run now, versus the 2010 strategy?") == \
        "How often do the events run now"
    # Not a question about now, or no question before the clause: the whole question.
    assert asked_part("What was the target in 2013, compared with 2012?") == \
        "What was the target in 2013, compared with 2012?"
    assert asked_part("Is Cllr Example still the chair?") == "Is Cllr Example still the chair?"


def test_what_was_reported_to_the_board_in_a_year_comes_from_that_years_papers():
    plan = _hit("48% of infants are being breast fed at 6-8 weeks compared to the English average.", date="2016")
    asked = "What was the 6-8 week breastfeeding rate reported to the board in 2013?"
    assert compose(asked, [plan])[0] == ""
    papers = _hit("45% of infants are being breast fed at 6-8 weeks.", rank=2, date="Wednesday 25 September 2013")
    assert compose(asked, [plan, papers])[0].startswith("45%")
    assert compose("What is the 6-8 week breastfeeding rate?", [plan])[0].startswith("48%")


def test_a_deadline_ends_the_time_a_plan_row_speaks_of_from_its_document_start():
    asked = periods_asked("Who was leading the Aiming High workforce awareness programme in 2010?")
    row = "Aiming High ...; Responsibility Lead?: Toby Beck; Timescale Completed by: March 2011"
    assert period_fit(row, asked, "2010 to 2014") is True  # under way from 2010 until March 2011
    assert period_fit(row, asked) is False  # no document start: only the deadline's year
    assert period_fit(row, periods_asked("Who led it in 2013?"), "2010 to 2014") is False  # done by then
    assert period_fit("the review in March 2011", asked, "2010 to 2014") is False  # a date, not a deadline
