"""The glossary and people extractors, on small texts and on the real corpus."""
from ingest.people import extract_people, facts_in_lines, facts_in_row, split_names
from ingest.records import Chunk

from chat.glossary import build_glossary


def chunk(text, source="a.txt", date_sort="2019-12-31", date="2019", page=1, n=0):
    return Chunk(f"c{n}", "d", source, f"Title {source}", date, date_sort, text, text, page, page, 0, len(text))


def test_bracketed_acronyms_and_lists():
    text = ("Practitioners complete the Common Assessment Framework (CAF) early. Support from Child and "
            "Adolescent Mental Health Services (CAMHS) and the Clinical Commissioning Groups (CCGs).\n"
            "MASH - Multi Agency Safeguarding Hub\n(Year) is not an acronym.")
    found = {t.acronym: t.expansion for t in build_glossary([chunk(text)])}
    assert found["CAF"] == "Common Assessment Framework"
    assert found["CAMHS"] == "Child and Adolescent Mental Health Services"
    assert found["CCG"] == "Clinical Commissioning Groups"  # the plural defines the singular acronym
    assert found["MASH"] == "Multi Agency Safeguarding Hub"
    assert "Year" not in found
    assert not build_glossary([chunk("it was delivered by them (XYZ)")])


def test_glossary_records_where_each_term_is_defined():
    terms = build_glossary([chunk("the Youth Offending Team (YOT) met", "b.txt", page=4)])
    assert (terms[0].acronym, terms[0].expansion, terms[0].source, terms[0].page) == ("YOT", "Youth Offending Team",
                                                                                     "b.txt", 4)
    assert len(terms) == 1


def test_people_from_rows_contacts_and_lines():
    assert facts_in_row("Name: Jane Example; Job title: Head of Early Help; Email: jane@city.gov.uk") == \
        [("Jane Example", "Head of Early Help", "city.gov.uk", "")]
    leads = facts_in_row("Task: 7. Review DART; Timescale: March 2014; Responsibility Lead: Ann Lee and Bob Roe")
    assert [(n, r, t) for n, r, _, t in leads] == [("Ann Lee", "Responsibility Lead", "7. Review DART"),
                                                   ("Bob Roe", "Responsibility Lead", "7. Review DART")]
    assert facts_in_lines("For more information contact\nLisa Hazell\nWorkforce Officer lisa@city.gov.uk 0115")[0][:3] \
        == ("Lisa Hazell", "Workforce Officer", "city.gov.uk")
    assert facts_in_lines("Jane Example - Head of Early Help")[0][:2] == ("Jane Example", "Head of Early Help")
    assert split_names("Chief Executive and Ann Lee") == ["Ann Lee"]
    # name, role and email on one line: the email's own name tells where the name ends
    assert facts_in_lines("Holly Bligh NCSCB Training Co-ordinator holly.bligh@city.gov.uk")[0][:3] == \
        ("Holly Bligh", "NCSCB Training Co-ordinator", "city.gov.uk")
    assert facts_in_lines("Contact the Training Team at training.team@city.gov.uk") == []


def test_an_older_fact_about_a_person_is_marked_superseded():
    facts = extract_people([chunk("Name: Ann Lee; Job title: Officer", "old.txt", "2013-09-25", n=1),
                            chunk("Name: Ann Lee; Job title: Manager", "new.txt", "2019-12-31", n=2)])
    assert [(f.role, f.status) for f in facts] == [("Manager", "latest"), ("Officer", "superseded")]


def test_on_the_real_corpus(corpus_engine):
    chunks = [c for d in corpus_engine.documents() for c in corpus_engine.reader.store.chunks_of(d["source"])[0]]
    terms = {(t.acronym, t.expansion) for t in build_glossary(chunks)}
    assert ("CAF", "Common Assessment Framework") in terms and ("MASH", "Multi Agency Safeguarding Hub") in terms
    people = extract_people(chunks)
    hazell = [f for f in people if f.name == "Lisa Hazell"]
    assert {f.status for f in hazell} == {"latest", "superseded"}  # named in 2013 and again in 2017-2019
    assert any(f.name == "Nicky Dawson" and "Lead" in f.role for f in people)
    assert any(f.name == "Holly Bligh" and f.role == "NCSCB Training Co-ordinator" and f.status == "latest"
               for f in people)


def test_shorthand_the_corpus_never_defines_is_read_from_its_names(corpus_engine):
    # "CPB" is used but never defined in the board papers: the engine reads it as the board's name.
    glossary = corpus_engine._glossary_for("Where is the 25 September 2013 CPB being held?")
    assert glossary["CPB"] == "Children's Partnership Board"
    assert "CPB" not in corpus_engine.reader.glossary()  # the documents' own definitions are unchanged
    assert corpus_engine._glossary_for("Who leads the CAF?") is corpus_engine.reader.glossary()
