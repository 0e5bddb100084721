"""The cleaner on real snippets from the seed documents."""
from ingest.clean import clean_text, rejoin_split_words, strip_html, unwrap_lines


def test_split_words_are_rejoined_using_the_document_as_dictionary():
    text = ("Nottingham Children's Partnership Workforce Strateg y\n"
            "The workforce strategy covers the school workforce.\n"
            "Secure the supply and develop the quality of the sc hool workforce\n"
            "Workforce priorities for Small Steps Big Changes fo r 2017/2018, for all.")
    cleaned = rejoin_split_words(text)
    assert "Workforce Strategy" in cleaned
    assert "the school workforce" in cleaned
    assert "Changes for 2017/2018" in cleaned
    assert "a new" in rejoin_split_words("a new plan and a new team")  # two real words stay apart


def test_html_fragments_become_text_and_table_rows_stay_on_one_line():
    row = ("\t<p>4. Transformation of the Health Visiting Service</p> <ul style=\"list-style-type: none\">"
           " <li>Develop pathways</li></ul>\tMarch 2014\tJayne Riley")
    out = strip_html(row)
    assert "<" not in out and "\n" not in out
    assert out.split("\t")[-1] == "Jayne Riley"
    assert "Develop pathways" in out
    prose = strip_html('<p>This report provides the Board with the opportunity to:</p> <ul><li>note it</li></ul>')
    assert "<" not in prose and "note it" in prose
    assert "- note it" in clean_text(prose)


def test_autolinks_keep_their_address():
    assert strip_html("<http://open.nottinghamcity.gov.uk/comm/default.asp>") == \
        "http://open.nottinghamcity.gov.uk/comm/default.asp"


def test_hard_line_breaks_inside_sentences_are_unwrapped():
    text = ("Nottingham and Nottinghamshire have a Sustainability and Transformation Plan (STP). This includes \n"
            "multiple health and social care organisations, covers Adults and Childrens services and is one of \n"
            "the biggest transformation agendas.\n\nNext paragraph.")
    out = unwrap_lines(text)
    assert out.split("\n")[0].endswith("the biggest transformation agendas.")
    assert out.split("\n")[-1] == "Next paragraph."


def test_a_list_of_post_and_organisation_lines_keeps_a_line_each():
    members = ("In Nottingham this is the Children's Partnership Board, which includes:\n"
               "Portfolio Holder for Early Intervention and Early Years; Nottingham City Council\n"
               "Chief Executive of Futures, Advice, Skills and Employment Ltd\n"
               "Director of Quality and Personalisation; NHS Nottingham City Clinical Commissioning Group\n"
               "Assistant Chief Constable; Nottinghamshire Police Authority")
    assert unwrap_lines(members).split("\n") == members.split("\n")
    # A wrapped sentence with a semicolon in it still joins.
    prose = ("The plan was agreed by the Board in June; partners will report on it each quarter to the\n"
             "Board and its Workforce Strategy Group.")
    assert unwrap_lines(prose).count("\n") == 0


def test_a_heading_in_capitals_wrapped_over_two_lines_does_not_run_into_the_text_below():
    raw = ("THE CHILDREN'S PARTNERSHIP BOARD AND\nGOVERNANCE ARRANGEMENTS\n"
           "Each local authority area is required to have robust children's partnership arrangements.")
    assert unwrap_lines(raw).split("\n") == [
        "THE CHILDREN'S PARTNERSHIP BOARD AND GOVERNANCE ARRANGEMENTS",
        "Each local authority area is required to have robust children's partnership arrangements."]
    # Capitals running on into lower case are one sentence.
    assert unwrap_lines("THE BOARD AGREED\nthat the plan be adopted.").count("\n") == 0


def test_a_date_broken_across_a_blank_line_is_rejoined():
    text = ("The Triennial Review's draft recommendations were considered and \n\n"
            "agreed by the Nottinghamshire SEND Accountability Board on 22 \n\nJanuary 2020.   \n\n"
            "The review covered 22 \n\nMarch planning days.\n\nShort line 3\n\nMay 2020")
    out = unwrap_lines(text).split("\n")
    assert out[0].endswith("Accountability Board on 22 January 2020.")
    assert "Short line 3" in out and "May 2020" in out  # a short line is a label, not a wrapped sentence
    ended = unwrap_lines("prepare the service for the possibility that the programme ends on 1st April \n\n2021.  \n\n"
                         "Review due in April\n\n2021 figures will follow.").split("\n")
    assert ended[0].endswith("ends on 1st April 2021.")
    assert "2021 figures will follow." in ended  # a short line ending on a month is a label, as above


def test_a_narrow_column_double_spaced_is_unwrapped_where_a_line_opens_in_lower_case():
    text = ("CYP Committee March 2019 approved the \n\nChildren's Centre Service be brought back \n\n"
            "under the management of the Council at \n\ncontract end on the 1st June 2020.\n\n"
            "Key Achievements\n\nthe heading above is short")
    out = unwrap_lines(text).split("\n")
    assert ("Children's Centre Service be brought back under the management of the Council at contract end on "
            "the 1st June 2020.") in out
    assert "CYP Committee March 2019 approved the" in out  # a capital after a blank line may open anything
    assert "Key Achievements" in out  # a heading too short to be a wrapped line


def test_a_long_line_ending_on_a_comma_continues_across_a_blank_line():
    text = (" A Service Specification for the Early Intervention Speech, \n\nLanguage and Communication Needs "
            "Service was not agreed \n\nand completed in time.\n\nAspley,\n\nBulwell")
    out = unwrap_lines(text).split("\n")
    assert ("A Service Specification for the Early Intervention Speech, Language and Communication Needs Service "
            "was not agreed and completed in time.") in [line.strip() for line in out]
    assert "Aspley," in out and "Bulwell" in out  # a short line is a list's item, not a wrapped sentence


def test_a_short_line_ending_on_a_function_word_continues():
    text = ("- The Youth Offending Team was awarded the\nRestorative Justice Council's Restorative Service\n"
            "Quality Mark\n- The Aspire project")
    out = unwrap_lines(text).split("\n")
    assert out[0] == ("- The Youth Offending Team was awarded the Restorative Justice Council's Restorative "
                      "Service Quality Mark")
    assert out[1] == "- The Aspire project"


def test_bullet_glyphs_become_list_items_and_page_numbers_go():
    text = ("The Principles for early Help\n\n• Ensure the right children, get the right help\n"
            "o Deliver development events for NQTs\n\uf0b7 Talking and listening to children\n\n 8\n\nAfter")
    out = clean_text(text)
    assert "- Ensure the right children, get the right help" in out
    assert "- Deliver development events for NQTs" in out
    assert "- Talking and listening to children" in out
    assert "\n8\n" not in out and not any(line.strip() == "8" for line in out.splitlines())


def test_real_seed_document_comes_out_clean(tmp_path):
    from tests_paths import corpus_file

    out = clean_text(corpus_file("workforce-action-plan-2017-2019.txt").read_text(encoding="utf-8"))
    assert "Workforce Strategy\n" in out.split("Updated Action Plan")[0] + "\n"
    assert "sc hool" not in out and "Strateg y" not in out
    assert "Deliver two Every Colleague Matters Events each year in February and October;" in out


def test_a_list_number_on_a_line_of_its_own_joins_the_item_it_numbers():
    text = ("The Partnership has agreed to keep the four shared strategic outcomes.\n\n1.\n\n"
            "Promoting the health and wellbeing of babies\n\n2.\n\nSafeguarding and supporting families\n\n"
            "2.\n\ni)\n\nAnalysis of data has picked up indicators.")
    out = unwrap_lines(text).split("\n")
    assert "1. Promoting the health and wellbeing of babies" in out
    assert "2. Safeguarding and supporting families" in out
    assert "i)" in out  # a table's row numeral is not an item the number introduces
