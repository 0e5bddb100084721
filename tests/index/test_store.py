"""The chunk store's corpus-wide word lists, added up from each document's vocabulary, and its people,
stored per document, on a real SQLite file."""
from dataclasses import replace

import numpy as np

from index.store import ChunkStore
from ingest.acronyms import names_by_initials
from ingest.people import extract_people, facts_in_chunks, mark_status
from ingest.records import Chunk
from ingest.vocabulary import vocabulary_of


def _chunk(position, text, source="plan.txt"):
    return Chunk(chunk_id=f"{source}-{position}", doc_id=source, source=source, title="Plan", date="2019",
                 date_sort="2019-12-31", text=text, index_text=text, page_start=1, page_end=1, char_start=0,
                 char_end=len(text), kind="paragraph")


def _add(store, source, texts):
    store.add_chunks([_chunk(i, t, source) for i, t in enumerate(texts)], np.zeros((len(texts), 4), dtype="float32"))
    store.add_vocabulary(source, vocabulary_of(texts))


def test_words_no_name_is_made_of_are_those_used_in_lower_case_and_those_acronyms_stand_for(tmp_path):
    store = ChunkStore(tmp_path / "chunks.sqlite")
    _add(store, "plan.txt", ["Targeted Youth Support gives support to youth. Contact jane.example@city.gov.uk"])
    _add(store, "notes.txt", ["See www.example.org/helen-blackman for the Director, Helen Blackman."])
    store.add_glossary("plan.txt", [("UNCRC", "United Nations Convention on the Rights of the Child", "")])
    store.summarise_vocabulary()
    store.commit()
    words = ChunkStore(tmp_path / "chunks.sqlite", readonly=True).non_name_words()
    assert {"support", "youth", "gives", "united", "nations", "convention", "for"} <= words
    # Names written in lower case only inside an email or a web address are still names.
    assert not {"jane", "example", "helen", "blackman", "targeted"} & words


def test_names_behind_initials_added_up_over_documents_are_those_of_the_whole_corpus_read_at_once(tmp_path):
    # Each document alone writes each name once, too few to guess from; together twice.
    # "Child Protection Board" and "Children's Partnership Board" tie on CPB: the one seen first wins.
    # Each document writes "YOS" twice, which alone is rare enough to guess; together it is not.
    first = ["The Child Protection Board met. The YOS; the YOS.", "The Children's Partnership Board agreed.",
             "Youth Offending Service"]
    second = ["The Child Protection Board again.", "Report to the Children's Partnership Board.",
              "The Youth Offending Service; the YOS; the CPB; the YOS."]
    store = ChunkStore(tmp_path / "chunks.sqlite")
    _add(store, "a.txt", first)
    _add(store, "b.txt", second)
    store.summarise_vocabulary()
    names = store.names_by_initials()
    assert names == names_by_initials(first + second) == {"CPB": "Child Protection Board"}
    # The vocabulary read back is the one stored, so an unchanged file carries it into the next build.
    assert store.vocabulary("b.txt") == vocabulary_of(second)


def test_title_case_words_are_read_from_each_documents_stored_vocabulary(tmp_path):
    store = ChunkStore(tmp_path / "chunks.sqlite")
    _add(store, "a.txt", ["Pat Whitby chairs the PAT panel.", "Dash"])
    _add(store, "b.txt", ["Contact Pat about CiN plans."])
    store.commit()
    reopened = ChunkStore(tmp_path / "chunks.sqlite", readonly=True)
    # "PAT" and "CiN" are not written with only a first capital.
    assert reopened.vocabulary("a.txt").title_words == {"pat", "whitby", "dash"}
    assert reopened.title_case_words() == {"pat", "whitby", "dash", "contact"}


def test_each_documents_people_are_stored_in_reading_order_and_read_back_newest_document_first(tmp_path):
    store = ChunkStore(tmp_path / "chunks.sqlite")
    old = [replace(_chunk(n, text, "old.txt"), date="2010 to 2014", date_sort="2014-12-31") for n, text in enumerate((
        "Name: Ann Lee; Job title: Officer",
        "For more information contact\nLisa Hazell\nWorkforce Officer lisa@city.gov.uk",
        "Task: Review DART; Responsibility Lead: Bob Roe and Ann Lee"))]
    new = [_chunk(0, "Name: Ann Lee; Job title: Manager", "new.txt")]
    organisations = {"old.txt": "Nottingham City Council", "new.txt": "Nottingham Children's Partnership"}
    for chunks, end in ((old, "2014-12-31"), (new, "2019-12-31")):
        source = chunks[0].source
        store.add_document({"source": source, "organisation": organisations[source], "date_end": end})
        store.add_people(facts_in_chunks(chunks, {source: organisations[source]}))
    store.commit()
    reopened = ChunkStore(tmp_path / "chunks.sqlite", readonly=True)
    stored_old = facts_in_chunks(old, organisations)
    assert reopened.people("old.txt") == stored_old and len(stored_old) == 4
    assert reopened.people() == facts_in_chunks(new, organisations) + stored_old
    assert {f.organisation for f in stored_old} == {"Nottingham City Council", "city.gov.uk"}
    # Which fact is a person's latest is decided over all documents when they are read.
    assert mark_status(reopened.people()) == extract_people(new + old, organisations)
    assert [(f.role, f.status) for f in mark_status(reopened.people()) if f.name == "Ann Lee"] == [
        ("Manager", "latest"), ("Officer", "superseded"), ("Responsibility Lead", "superseded")]
