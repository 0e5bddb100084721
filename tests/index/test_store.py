"""The chunk store's corpus-wide word lists, added up from each document's vocabulary, on a real
SQLite file."""
import numpy as np

from index.store import ChunkStore
from ingest.acronyms import names_by_initials
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
