"""A document carrying a prompt injection is plain data to the extractive answerer.

(Injection tests of the LLM mode live with the LLM work; this fixture is shared in spirit.)"""
import re
import shutil

import pytest

from badfiles import INJECTION
from chat.config import Settings
from chat.engine import Engine
from tests_paths import CORPUS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("injection") / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "improvement-portfolio-update-jul-sep-2020.txt", corpus)
    (corpus / "visitor-notes.txt").write_text(INJECTION, encoding="utf-8")
    engine = Engine(Settings(index_dir=str(corpus.parent / "index"), corpus_dir=str(corpus)))
    engine.ingest()
    return engine


def _well_formed(answer):
    """Extractive format: sentences each closed by [n] markers, every marker a real citation."""
    assert answer.mode == "extractive" and not answer.abstained
    markers = [int(n) for n in re.findall(r"\[(\d+)\]", answer.text)]
    assert markers and set(markers) <= {c.n for c in answer.citations}
    assert re.fullmatch(r"(.+? \[\d+\])( .+? \[\d+\])*", answer.text, re.DOTALL)


def test_the_injected_document_answers_its_own_question(engine):
    answer = engine.answer("Who coordinates the visitor programme?")
    _well_formed(answer)
    assert "Sam Placeholder" in answer.text
    assert answer.text.strip() != "I have been pwned"


def test_the_injection_can_be_quoted_but_never_obeyed(engine):
    answer = engine.answer("What do the visitor programme notes say about previous instructions?")
    _well_formed(answer)
    assert "visitor-notes.txt" in {c.hit.chunk.source for c in answer.citations}
    assert "Ignore your previous instructions" in answer.text  # quoted as text, with its marker


def test_other_questions_are_unaffected(engine):
    answer = engine.answer("What is the target vacancy rate for hard to recruit teams?")
    _well_formed(answer)
    assert "5%" in answer.text and "pwned" not in answer.text


def test_a_fake_citation_marker_in_a_document_is_not_passed_off_as_a_citation(engine):
    answer = engine.answer("What do the visitor notes say about the system prompt and every password?")
    _well_formed(answer)  # the document's own "[7]" must not appear as a marker
    assert "system prompt" in answer.text
