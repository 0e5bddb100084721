"""Whole-word answer matching and tolerant evidence-in-passage matching."""
from __future__ import annotations

import sys

import pytest

from eval import matching
from eval.matching import contains_answer, evidence_in_passage, evidence_span, required_run


@pytest.mark.parametrize("text, gold, expected", [
    ("There are 25 funded places.", "25", True),
    ("The plan runs to 2025.", "25", False),
    ("It costs 2.25 million.", "25", False),
    ("We trained 1,250 staff.", "250", False),
    ("We trained 1,250 staff.", "1,250", True),
    ("Absence fell by 5%.", "5%", True),
    ("Absence fell by 15%.", "5%", False),
    ("Ask JANE EXAMPLE.", "jane example", True),
    ("Ask Jane\n  Example today", "Jane Example", True),
    ("The Children\u2019s Partnership Board", "Children's Partnership Board", True),
    ("The plan covers 2017 \u2013 2019", "2017-2019", True),
    ("A well\u2011being survey", "well-being", True),
    ("Ask Janet Examples", "Jane Example", False),
    ("anything", "", False),
])
def test_contains_answer_is_whole_word(text, gold, expected):
    assert contains_answer(text, gold) is expected


def test_strip_markers_removes_citations():
    assert "25" not in matching.strip_markers("See [25] and [1, 2].")


PASSAGE = ("The Workforce Strategy sets out how the Children's Partnership will develop a confident "
           "and competent workforce, with training for every practitioner in the city by 2014.")


@pytest.mark.parametrize("evidence", [
    "the workforce strategy sets out how the children's partnership will develop",  # case
    "The Workforce Strategy  sets out\nhow the Children\u2019s Partnership will develop",  # space, quote
    "develop a confident and competent workforce with training for every practitioner",  # comma
    "The Workforce Strateg y sets out how the Children's Partnership",  # split word (ingest rejoins)
    "<p>The Workforce Strategy sets out how</p> the Children's Partnership",  # HTML fragment
])
def test_evidence_matching_tolerates_case_spacing_punctuation_and_cleaning(evidence):
    assert evidence_in_passage(evidence, PASSAGE)


def test_evidence_cut_at_a_chunk_boundary_counts_where_most_of_it_is():
    # 19 words: the first 7 end the first chunk, the last 12 open the second one.
    evidence = ("every practitioner in the city by 2014. Each service will name a workforce lead and "
                "report progress to the board")
    second_chunk = "Each service will name a workforce lead and report progress to the board each year."
    assert required_run(19) == 12
    assert not evidence_in_passage(evidence, PASSAGE)
    assert evidence_in_passage(evidence, second_chunk)


def test_sixty_percent_of_the_evidence_is_enough():
    held = "develop a confident and competent workforce with training. Then the next chunk"
    assert evidence_in_passage(held, PASSAGE)  # 8 of 13 words (62%)
    assert not evidence_in_passage(held + " starts right here", PASSAGE)  # 8 of 16 (50%)


def test_long_run_of_twelve_words_is_enough_for_long_evidence():
    evidence = PASSAGE + " " + " ".join(f"word{i}" for i in range(40))  # 26 of 66 words held
    assert evidence_in_passage(evidence, PASSAGE)


def test_stock_phrase_inside_a_longer_quote_is_not_a_hit():
    passage = "We will work to improve outcomes for children and young people across the city."
    evidence = "what works to improve outcomes for children and young people through published reports accessible"
    assert not evidence_in_passage(evidence, passage)  # 8 of 14 words in common


def test_table_row_shown_with_column_names_is_a_hit():
    row = "Karen Mistry\tActing Team Manager\tChildren and Families\tkaren.mistry@nottinghamcity.gov.uk"
    chunk = ("Name: Karen Mistry; Job Title: Acting Team Manager; Sector: Children and Families; "
             "Email: karen.mistry@nottinghamcity.gov.uk; Contact Number: 0115 915 2415")
    assert evidence_in_passage(row, chunk)
    assert evidence_in_passage(" ".join(row.split()), chunk)  # whitespace collapsed
    start, end = evidence_span(row, chunk)
    assert chunk[start:end].startswith("Karen Mistry; Job Title") and chunk[start:end].endswith("gov.uk")
    other = chunk.replace("Karen Mistry", "Chris Shooter").replace("karen.mistry", "chris.shooter")
    assert not evidence_in_passage(row, other)


def test_short_common_phrase_is_not_a_hit():
    assert not evidence_in_passage("the Children's Partnership will fund nurseries", PASSAGE)
    assert not evidence_in_passage("how the", "nothing like it")
    assert not evidence_in_passage(None, PASSAGE)
    assert not evidence_in_passage("anything", "")


def test_required_run_rule():
    assert [required_run(n) for n in (3, 6, 8, 10, 14, 19, 24, 60)] == [3, 6, 6, 6, 9, 12, 12, 12]


def test_cleaning_falls_back_to_identity_without_ingest(monkeypatch):
    monkeypatch.setitem(sys.modules, "ingest.clean", None)  # import now raises ImportError
    assert matching._clean("a <b>x</b>") == "a <b>x</b>"


def test_evidence_span_marks_the_evidence():
    start, end = evidence_span("develop a confident and competent workforce", PASSAGE)
    assert PASSAGE[start:end] == "develop a confident and competent workforce"
    start, end = evidence_span("The Children\u2019s Partnership will develop a confident", PASSAGE)
    assert PASSAGE[start:end] == "the Children's Partnership will develop a confident"
    assert evidence_span("school meals and transport costs rise", PASSAGE) is None


def test_punctuation_only_evidence_matches_nothing():
    assert not evidence_in_passage("...", PASSAGE)
    assert evidence_span("...", PASSAGE) is None


def test_a_quote_spanning_a_table_is_held_by_the_row_that_answers():
    evidence = "DASH / RIC Assessment Number of Referrals High 514 Medium 1777 Standard 2436 TOTAL 4730"
    high = "DASH / RIC Assessment: High; Number of Referrals: 514"
    assert not evidence_in_passage(evidence, high)  # without the answers, rules 1-3 only
    assert evidence_in_passage(evidence, high, ["514"])
    assert not evidence_in_passage(evidence, high, ["4730"])  # a row of the table that does not answer
    # a quote of the table's cells without its column names is held by the row's cells
    cells = "High 514 Medium 1777 Standard 2436 TOTAL 4730"
    assert evidence_in_passage(cells, high, ["514"])
    assert evidence_in_passage("High 514", high)  # the row's own cells, quoted alone
    assert not evidence_in_passage("Medium 514", high)
    assert not evidence_in_passage(cells, "DASH / RIC Assessment: Low; Number of Referrals: 514", ["514"])
    # a passage holding the answer but not taken from the quote
    assert not evidence_in_passage(evidence, "Referrals to the domestic abuse team rose to 514 this year.", ["514"])
