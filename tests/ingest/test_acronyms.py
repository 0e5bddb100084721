"""Acronyms read from the documents' own definitions and abbreviation lists."""
from ingest.acronyms import abbreviate_text, expand_text, find_acronyms, guessed_expansions, names_by_initials


def _pairs(text):
    return {(a.short, a.expansion) for a in find_acronyms(text)}


def test_definitions_in_brackets_both_ways_and_lists():
    text = ("Nationally, the term Early Help Assessment is replacing the Common Assessment Framework (CAF) "
            "for the early identification.\nThe DART (Domestic Abuse Referral Team) was set up in June 2012.\n"
            "- **NCSCB** Nottingham City Safeguarding Children Board\n- **DfE** Department for Education")
    pairs = _pairs(text)
    assert ("CAF", "Common Assessment Framework") in pairs
    assert ("DART", "Domestic Abuse Referral Team") in pairs
    assert ("NCSCB", "Nottingham City Safeguarding Children Board") in pairs
    assert ("DfE", "Department for Education") in pairs


def test_an_abbreviation_list_entry_may_take_more_than_one_letter_from_a_word():
    text = ("- **SENCO** Special Educational Needs Coordinator\n- **OfSTED** Office for Standards in Education\n"
            "- **TDA** Training and Development Agency for Schools\n- **HT** Head Teacher (Headteacher)\n"
            "SENCO support is available to all schools\nNCSCB through inclusion of more resources on the NCSCB")
    assert _pairs(text) == {("SENCO", "Special Educational Needs Coordinator"),
                            ("OfSTED", "Office for Standards in Education"),
                            ("TDA", "Training and Development Agency for Schools"),
                            ("HT", "Head Teacher (Headteacher)")}
    # Without a list's bullet or bold, a line is read as before: each word gives one letter.
    assert not _pairs("SENCO Special Educational Needs Coordinator")


def test_a_name_with_an_aside_in_brackets_is_quoted_as_written():
    assert _pairs("introduce Education, Health and (social) Care Plans (EHCP) in place of Statements") == \
        {("EHCP", "Education, Health and (social) Care Plans")}
    assert _pairs("the Local Safeguarding (Children) Board (LSCB) met") == \
        {("LSCB", "Local Safeguarding Children Board")}  # the aside is part of the spelling


def test_brackets_that_are_not_definitions_are_ignored():
    assert not _pairs("The meeting (see Appendix A) agreed the plan (NOW) for the year.")
    assert not _pairs("Training was delivered to staff (TBC) in the autumn.")


def test_expansion_and_abbreviation_of_queries():
    glossary = {"NCSCB": "Nottingham City Safeguarding Children Board"}
    assert expand_text("NCSCB training", glossary) == \
        "NCSCB training (Nottingham City Safeguarding Children Board)"
    assert abbreviate_text("What does the Nottingham City Safeguarding Children Board run?", glossary).endswith(
        "(NCSCB)")
    assert expand_text("No acronyms here", glossary) == "No acronyms here"


def test_an_acronym_spelt_out_after_it_in_lower_case_is_found():
    found = find_acronyms("Building support for the DASH (domestic abuse, stalking, and honour based violence "
                          "checklist) risk assessment. The CAF (see above) and DfE (the department) are not.\n"
                          "A school centred initial teacher training (SCITT) place.\n"
                          "School Centred Initial Teacher Training (SCITT) routes.")
    table = {a.short: a.expansion for a in found}
    assert table == {"DASH": "domestic abuse, stalking, and honour based violence checklist",
                     "SCITT": "School Centred Initial Teacher Training"}


def test_shorthand_no_document_defines_is_read_as_the_name_with_those_initials():
    texts = ["Report to the Children's Partnership Board in June.", "The CPB agreed it.",
             "The Children's Partnership Board met; the Child Protection team and the Child Protection plan.",
             "SEND reforms; SEND support; SEND Accountability Board; Special Educational Needs and Disabilities "
             "and Special Educational Needs and Disabilities."]
    names = names_by_initials(texts)
    assert names["CPB"] == "Children's Partnership Board"
    assert "CP" not in names  # two letters stand for too many names
    assert "SEND" not in names  # the texts use it often: a keyword search finds it as it is
    glossary = {"CAF": "Common Assessment Framework"}
    assert guessed_expansions("Where is the CPB held? How many CAFs?", glossary, names) == {
        "CPB": "Children's Partnership Board"}  # "CAFs" is the defined CAF
