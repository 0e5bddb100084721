"""The chunk store's corpus-wide word lists, on a real SQLite file."""
import numpy as np

from index.store import ChunkStore
from ingest.records import Chunk


def _chunk(position, text):
    return Chunk(chunk_id=f"plan-{position}", doc_id="plan", source="plan.txt", title="Plan", date="2019",
                 date_sort="2019-12-31", text=text, index_text=text, page_start=1, page_end=1, char_start=0,
                 char_end=len(text), kind="paragraph")


def test_words_no_name_is_made_of_are_those_used_in_lower_case_and_those_acronyms_stand_for(tmp_path):
    store = ChunkStore(tmp_path / "chunks.sqlite")
    store.add_chunks([_chunk(0, "Targeted Youth Support gives support to youth. Contact jane.example@city.gov.uk"),
                      _chunk(1, "See www.example.org/helen-blackman for the Director, Helen Blackman.")],
                     np.zeros((2, 4), dtype="float32"))
    store.add_glossary("plan.txt", [("UNCRC", "United Nations Convention on the Rights of the Child", "")])
    store.commit()
    words = ChunkStore(tmp_path / "chunks.sqlite", readonly=True).non_name_words()
    assert {"support", "youth", "gives", "united", "nations", "convention"} <= words
    # Names written in lower case only inside an email or a web address are still names.
    assert not {"jane", "example", "helen", "blackman", "targeted"} & words
