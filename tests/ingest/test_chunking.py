"""Structure-aware chunking on the real corpus and on small made-up documents."""
import pytest

from ingest.catalog import read_catalog
from ingest.chunking import ChunkSettings, chunk_document, word_count
from ingest.documents import build_document, load_document
from ingest.catalog import CatalogEntry
from tests_paths import CORPUS


@pytest.fixture(scope="module")
def corpus_chunks():
    catalog = read_catalog(CORPUS)
    out = {}
    for path in sorted(CORPUS.glob("*.txt")):
        doc = load_document(path, CORPUS, catalog.get(path.name))
        out[path.name] = (doc, chunk_document(doc))
    return out


def _chunks(raw: str, settings: ChunkSettings = ChunkSettings()):
    """The chunks of a made-up one-page document."""
    return chunk_document(build_document("made-up.txt", raw.encode(), [raw], CatalogEntry("Made up")), settings)


def test_every_chunk_respects_the_size_limit_and_carries_provenance(corpus_chunks):
    for name, (doc, chunks) in corpus_chunks.items():
        assert chunks, name
        for chunk in chunks:
            assert 0 < word_count(chunk.text) <= 200, (name, chunk.text[:80])
            assert chunk.source == name and chunk.title == doc.title and chunk.date
            assert chunk.index_text.startswith(doc.title)
            assert 0 <= chunk.char_start < chunk.char_end <= len(doc.text)
            assert chunk.page_start >= 1


def test_chunk_ids_are_stable_and_unique(corpus_chunks):
    doc, chunks = corpus_chunks["workforce-strategy-2010-2014.txt"]
    again = chunk_document(doc)
    assert [c.chunk_id for c in chunks] == [c.chunk_id for c in again]
    assert len({c.chunk_id for c in chunks}) == len(chunks)


def test_action_plan_table_rows_keep_their_column_meaning(corpus_chunks):
    _, chunks = corpus_chunks["partnership-board-papers-2013-09-25.txt"]
    row = next(c for c in chunks if "Chronic Neglect in Children" in c.text and c.kind == "table_row")
    assert "Responsibility Lead: Marie Grantham and Paul Langley" in row.text
    assert "Timescale completed: March 2014" in row.text


def test_contact_lists_become_contact_chunks(corpus_chunks):
    _, chunks = corpus_chunks["partnership-board-papers-2013-09-25.txt"]
    contact = next(c for c in chunks if "lisa.hazell@nottinghamcity.gov.uk" in c.text)
    assert "Lisa Hazell" in contact.text


def test_headings_are_kept_with_their_section():
    raw = ("1. FOREWORD\n\n" + "Working with children is rewarding and demanding work every day. " * 3 +
           "\n\n2. INTRODUCTION\n\n" + "The partnership brings services together for families in the city. " * 3)
    chunks = _chunks(raw)
    assert [c.heading for c in chunks] == ["1. FOREWORD", "2. INTRODUCTION"]
    assert chunks[1].text.startswith("2. INTRODUCTION")


def test_a_long_paragraph_is_split_at_sentences_within_the_limit():
    sentence = "The workforce strategy sets out how partners will train and support staff across the city. "
    raw = sentence * 40
    chunks = _chunks(raw, ChunkSettings(target_words=120, max_words=200))
    assert len(chunks) >= 3
    assert all(word_count(c.text) <= 200 for c in chunks)
    assert all(c.text.endswith(".") for c in chunks)
    assert sum(word_count(c.text) for c in chunks) == word_count(raw)


def test_flattened_action_plan_rows_are_rebuilt_with_their_columns(corpus_chunks):
    _, chunks = corpus_chunks["workforce-action-plan-2017-2019.txt"]
    rows = [c for c in chunks if c.kind == "table_row"]
    safeguarding = next(c for c in rows if "quality safeguarding training" in c.text)
    assert safeguarding.text.endswith("Timescale: March 2018; Responsibility Lead: Holly Bligh")
    early_years = next(c for c in rows if "early years workforce" in c.text)
    assert "Responsibility Lead: Louise Meadows" in early_years.text  # name split over two lines


def test_a_lead_whose_surname_runs_into_the_next_line_completes_the_row(corpus_chunks):
    # "March" / "2018" / "Sara-Jane" / "Brighouse information, “What do you need to know ...”."
    _, chunks = corpus_chunks["workforce-action-plan-2017-2019.txt"]
    send = next(c for c in chunks if "Workforce Implications of SEND reforms" in c.text)
    assert send.kind == "table_row"
    assert send.fields["Responsibility Lead"] == "Sara-Jane Brighouse" and send.fields["Timescale"] == "March 2018"
    action = send.fields["Specific Challenges"]
    assert "bite sized information, “What do you need to know about SEND Reforms”." in action


def test_a_list_of_contacts_is_cut_into_short_chunks(corpus_chunks):
    _, chunks = corpus_chunks["workforce-action-plan-2017-2019.txt"]
    holding = [c for c in chunks if "@" in c.text and ("holly.bligh@" in c.text or "elaine.mitchell@" in c.text)]
    assert len(holding) == 2 and all(word_count(c.text) <= 80 for c in holding)
    # a paper's cover sheet, with one email, is not cut
    report = "The report updates the Board on the plan and its progress this year. "
    cover = "Contact Officer(s) and contact details: Jane Example jane.example@city.gov.uk"
    made_up = _chunks(f"{report * 6}\n\n{cover}\n\n{report * 2}")
    assert len(made_up) == 1


def test_table_rows_carry_their_fields_as_a_record(corpus_chunks):
    _, chunks = corpus_chunks["partnership-board-papers-2013-09-25.txt"]
    row = next(c for c in chunks if "Chronic Neglect in Children" in c.text and c.kind == "table_row")
    assert row.fields["Responsibility Lead"] == "Marie Grantham and Paul Langley"
    assert row.fields["Timescale completed"] == "March 2014"
    _, plan = corpus_chunks["workforce-action-plan-2017-2019.txt"]
    record = next(c for c in plan if c.fields.get("Responsibility Lead") == "Holly Bligh")
    assert record.fields["Timescale"] == "March 2018"


def test_a_short_labelled_value_stays_with_the_record_it_completes():
    filler = "The project reviews how residential care is provided across the county for children. " * 8
    raw = f"{filler}\n\nResidential homes capacity:\n\nSale of excess disability beds\n\nSaving: £393k\n\n{filler}"
    chunks = _chunks(raw, ChunkSettings(target_words=113, max_words=200))  # the record ends at 112
    holding = [c.text for c in chunks if "Saving: £393k" in c.text]
    assert len(holding) == 1 and "Sale of excess disability beds" in holding[0]
    assert all(word_count(c.text) <= 200 for c in chunks)


def test_rows_under_an_empty_corner_open_with_their_label_and_keep_their_column_names():
    raw = ("Assessment of the impact of family support.\n\n"
           "\tCAFs Initiated\tCAF Closed\tCAFs Open\n"
           "Q3 2012/13\t215\t78\t1760\n"
           "Q4 2012/13\t225\t60\t1925\n\n"
           "\tQ1 2012/13\tQ1 2013/14\tDifference\n"
           "Contacts (per quarter)\t1873\t2113\t13%\n"
           "\tcontacts)\n"
           "Referrals\t1200\t1300\t8%\n\nThe rise is explained below.")
    chunks = _chunks(raw)
    rows = [c.text for c in chunks if c.kind == "table_row"]
    assert "Q4 2012/13; CAFs Initiated: 225; CAF Closed: 60; CAFs Open: 1925" in rows
    # the next table has its own columns, not the first table's, and its header opens a chunk
    assert "Contacts (per quarter); Q1 2012/13: 1873; Q1 2013/14: 2113; Difference: 13%" in rows
    assert any(c.text.startswith("Q1 2012/13 | Q1 2013/14 | Difference") for c in chunks)
    # a cell wrapped onto a second line under the empty first column heads no new table
    assert any("Referrals; Q1 2012/13: 1200; Q1 2013/14: 1300; Difference: 8%" in c.text for c in chunks)


def test_a_forms_lines_are_labelled_lines_read_together_not_a_table_under_its_first_line():
    raw = ("Title of paper:\tUpdate on the Safeguarding Priority, Year Three\t\n"
           "Report to:\tChildren's Partnership Board\t\n"
           "Relevant Director:\tJane Example\tWards affected: All\n"
           "Contact Officer(s) and contact details:\tSam Sample, Head of Safeguarding\t\n\n"
           "This report updates the Board on the safeguarding priority.")
    chunks = _chunks(raw)
    holding = [c for c in chunks if "Relevant Director: Jane Example | Wards affected: All" in c.text]
    assert len(holding) == 1 and holding[0].kind != "table_row"
    # the paper's title is in the same passage as its director and contact
    assert "Title of paper: Update on the Safeguarding Priority, Year Three" in holding[0].text
    assert "Contact Officer(s) and contact details: Sam Sample, Head of Safeguarding" in holding[0].text
    assert not any("Title of paper::" in c.text for c in chunks)


def test_a_meetings_minutes_are_a_paper_titled_by_their_opening_line():
    from ingest.chunking import paper_titles

    raw = ("MINUTES of meeting held at Loxley House on **26 JUNE 2013** from 4.04pm to 5.50pm.\n\n"
           "Jane Example delivered a presentation on the family support programme.\n\n"
           "Title of paper:\tSafeguarding update\t\n\nThe Board noted the update.")
    assert [title for _, title in paper_titles(raw)] == [
        "MINUTES of meeting held at Loxley House on 26 JUNE 2013 from 4.04pm to 5.50pm.", "Safeguarding update"]
    chunks = _chunks(raw, ChunkSettings(target_words=8, max_words=12))
    presented = [c for c in chunks if "delivered a presentation" in c.text]
    assert presented and presented[0].paper.startswith("MINUTES of meeting held"), [c.paper for c in chunks]


def test_a_sentence_wrapped_over_lines_is_not_cut_between_chunks():
    filler = "\n".join(["- The partnership reviewed the training offered to staff across the city."] * 9)
    raw = (f"{filler}\n- The Children and Young People's Providers\nNetwork now supports 185 representatives\n"
           "from 119 voluntary and community sector organisations.")
    chunks = _chunks(raw, ChunkSettings(target_words=115, max_words=200))
    holding = [c.text for c in chunks if "119 voluntary" in c.text]
    assert len(chunks) == 2 and "- The Children and Young People's Providers\nNetwork" in holding[0], chunks[0].text


def test_a_line_introducing_what_follows_moves_with_it_to_the_next_chunk():
    filler = "\n\n".join(["The partnership reviewed the training offered to staff across the city."] * 9)
    raw = (f"{filler}\n\nThe Vision for the Partnership from the Plan is:\n\n"
           "\"A city where every child and young person can enjoy their childhood in a warm and supporting "
           "environment, free from poverty and safe from harm.\"")
    chunks = _chunks(raw, ChunkSettings(target_words=115, max_words=200))
    holding = [c.text for c in chunks if "A city where every child" in c.text]
    assert len(chunks) == 2 and "The Vision for the Partnership from the Plan is:" in holding[0], chunks[0].text


def test_title_case_lines_listed_after_a_colon_are_items_under_the_section_heading_not_headings():
    members = "\n".join(f"Director of Service Number {n}; Nottingham City Council Department {n}" for n in range(1, 9))
    raw = ("THE CHILDREN'S PARTNERSHIP BOARD AND GOVERNANCE ARRANGEMENTS\n"
           "In Nottingham this is the Children's Partnership Board, which includes:\n"
           f"{members}\n"
           "Chief Executive; Nottinghamshire Probation Trust\n"
           "- Work with partners across the East Midlands region to develop and deliver a Regional Adoption Agency")
    chunks = _chunks(raw, ChunkSettings(target_words=40, max_words=60))
    holding = [c for c in chunks if "Probation Trust" in c.text]
    assert len(chunks) > 1 and holding, [c.text for c in chunks]
    assert {c.heading for c in chunks} == {"THE CHILDREN'S PARTNERSHIP BOARD AND GOVERNANCE ARRANGEMENTS"}
    # After a blank line the list has ended: a title-case line over a list is a heading again ...
    after = raw + "\n\nRegional Adoption Agency\n- Work with partners to develop and deliver the agency this year"
    assert "Regional Adoption Agency" in {c.heading for c in _chunks(after, ChunkSettings(40, 60))}
    # ... but not a "Post; Organisation" line like the list's, which two columns put further down.
    later = raw + ("\n\nIndependent Chair; Local Safeguarding Children Board\n"
                   "- Implement the refreshed Healthy Children's Centre Standard across the whole service")
    assert {c.heading for c in _chunks(later, ChunkSettings(40, 60))} == {
        "THE CHILDREN'S PARTNERSHIP BOARD AND GOVERNANCE ARRANGEMENTS"}


def test_a_caption_is_kept_whole_and_its_last_line_is_no_heading():
    filler = "\n".join(["- The partnership reviewed the training offered to staff across the city."] * 9)
    raw = (f"{filler}\n\nCouncillor Sam Webster\nPortfolio Holder for\nEducation, Employment and Skills\n\n"
           + "- The number of children supported by the early help teams has risen this year. " * 2)
    chunks = _chunks(raw, ChunkSettings(target_words=115, max_words=200))
    holding = [c for c in chunks if "Sam Webster" in c.text]
    assert "Sam Webster\nPortfolio Holder for\nEducation, Employment and Skills" in holding[0].text
    assert all(c.heading != "Education, Employment and Skills" for c in chunks)


def test_each_passage_of_a_bundle_of_papers_knows_the_title_of_its_paper():
    body = "The bid team met the funder to agree the timetable for the next stage of the application. " * 12
    raw = ("Minutes of the last meeting were agreed.\n\n"
           "Title of paper:\tBig Lottery bid: Small Steps Big Changes\t\nReport to:\tThe Board\t\n\n"
           f"{body}\n\nKey dates in the process are:\nJanuary 2014 Deadline for the Stage Two business case\n\n"
           f"Title of paper:\tWorkforce Strategy refresh\t\nReport to:\tThe Board\t\n\n{body}")
    chunks = _chunks(raw, ChunkSettings(target_words=60, max_words=120))
    assert chunks[0].paper == ""  # it starts before the first cover sheet
    deadline = next(c for c in chunks if "January 2014 Deadline" in c.text)
    assert deadline.paper == "Big Lottery bid: Small Steps Big Changes" and "Small Steps" not in deadline.text
    assert chunks[-1].paper == "Workforce Strategy refresh"


def test_a_table_line_finishing_the_cells_of_the_row_above_is_part_of_that_row():
    raw = ("Name\tRole\tOrganisation\n"
           "✓ Chris Wallbanks\t- Programme Manager Early)\tNottingham City Council\n"
           "\tIntervention and Partnerships)\t\n"
           "✓ Paul Burnett\t- Independent Chair of)\tLocal Safeguarding\n"
           "\t\tChildren Board\n"
           "\tA row of its own under a merged first cell, long enough to be one\tSomewhere Else\n")
    rows = [c.text for c in _chunks(raw) if c.kind == "table_row"]
    assert any("Programme Manager Early) Intervention and Partnerships)" in r for r in rows)
    assert any("Local Safeguarding Children Board" in r for r in rows)
    assert len(rows) == 3  # the two wrapped lines are no rows of their own; the long line is one
    assert any("A row of its own" in r and "Burnett" not in r for r in rows)


def test_a_forms_title_case_field_is_no_heading_and_stays_with_the_fields_before_it():
    raw = ("CHILDREN'S PARTNERSHIP BOARD\n\nDate: Wednesday 25 September 2013\n\nTime: 4.00pm\n\n"
           "Place: Ground Floor Committee Room at Loxley House, Station Street\n\n"
           "Members of the Board are invited to attend the above meeting on the date and at the time and place "
           "stated to transact the following business.\n")
    chunks = _chunks(raw)
    assert len(chunks) == 1, [c.text for c in chunks]
    assert "Date: Wednesday 25 September 2013" in chunks[0].text and "Place: Ground Floor" in chunks[0].text
    # A title-case line that is no field still heads what follows it.
    headed = _chunks(raw.replace("Place: Ground Floor", "Ground Floor"))
    assert headed[-1].text.startswith("Ground Floor Committee Room"), [c.text for c in headed]


def test_a_mark_in_a_table_is_read_under_the_column_it_stands_in():
    raw = ("Appendix A: Progress Reports Summary\n\n"
           "Completed\t65% (11 out of 17)\t\t\t\n"
           "In difficulty/Abandoned\t11% (2 out of 17)\t\t\t\n"
           "Specific Challenges\tCompleted\tDelayed but continuing\tIn difficulty/Abandoned\t\n"
           "Develop packages for roll out of Signs of Safety training\tX\t\t\t\n"
           "Embed new Supervision process across the Partnership:\t\tX\t\t\n"
           "Support the setting up of the Multi Agency Safeguarding Hub (MASH):\t\t\t\tX\n")
    rows = [c.text for c in _chunks(raw) if c.kind == "table_row"]
    assert "Develop packages for roll out of Signs of Safety training; Completed: X" in rows, rows
    # A short label ending in a colon is a row of marks here, not a form's line.
    assert "Embed new Supervision process across the Partnership:; Delayed but continuing: X" in rows, rows
    # Under the header's empty last cell: the column merged over two cells to its left.
    assert "Support the setting up of the Multi Agency Safeguarding Hub (MASH):; In difficulty/Abandoned: X" in rows
    # Two marks that would stand under one column are not keyed by it: neither is lost.
    doubled = raw.replace("(MASH):\t\t\t\tX\n", "(MASH):\t\t\tX\tY\n")
    row = [c.text for c in _chunks(doubled) if "MASH" in c.text][-1]
    assert "X" in row.split() and "Y" in row.split(), row
