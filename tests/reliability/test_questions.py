"""Any input as a question: a sensible answer or a clear message, never a stack trace."""
import json
import os
import re
import subprocess
import sys

import pytest

from chat.questions import (MAX_QUESTION_CHARS, acronyms_in_capitals, misspellings_corrected, names_in_capitals,
                            tidy_question)
from chat.records import NOT_FOUND
from tests_paths import CORPUS

ODD_QUESTIONS = {
    "empty": "",
    "whitespace": "   \n\t  \r\n ",
    "long": "Who leads on chronic neglect training? " * 520,  # about 20,000 characters
    "one long word": "x" * 20_000,
    "controls": "Who leads\x00 on chronic\x1b[31m neglect\x07 training?\x7f",
    "bidi and zero-width": "Who leads\u202e on\u200b chronic neglect training?",
    "lone surrogate": "Who leads on training?\udc80",
    "spanish": "¿Quién dirige la formación sobre negligencia crónica?",
    "chinese": "谁负责慢性忽视培训？",
    "russian": "Кто отвечает за обучение?",
    "arabic": "من المسؤول عن التدريب؟",
    "emoji": "🧸🧸 who leads training? 🎓",
    "markup": "<script>alert('x')</script><b>Who leads</b> on chronic neglect training?",
    "sql": "'; DROP TABLE chunks; -- who leads training",
    "fts syntax": 'training" OR NEAR(a b) * ^ -neglect AND "',
    "markdown": "# Who leads\n\n```\ntraining\n```\n[link](javascript:alert(1))",
}


def _check(answer):
    assert isinstance(answer.text, str) and answer.text.strip()
    if answer.abstained:
        assert answer.text in (NOT_FOUND, "Please type a question.") and not answer.citations
    else:
        assert answer.citations
        markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
        assert markers and markers <= {c.n for c in answer.citations}
    json.dumps(answer.to_json(), ensure_ascii=False).encode("utf-8")  # printable, storable


@pytest.mark.slow
@pytest.mark.parametrize("name", list(ODD_QUESTIONS))
def test_engine_answers_any_input(corpus_engine, name):
    answer = corpus_engine.answer(ODD_QUESTIONS[name])
    _check(answer)
    assert len(answer.question) <= MAX_QUESTION_CHARS
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202e\u200b\ud800-\udfff]", answer.question)
    if name in ("empty", "whitespace"):
        assert answer.text == "Please type a question."
    if name in ("long", "one long word"):
        assert "only its first" in " ".join(answer.notes)
    if name in ("long", "controls", "markup", "bidi and zero-width"):
        assert not answer.abstained and "Paul Langley" in answer.text + str(answer.to_json())


def test_tidy_question_cuts_on_a_word_and_says_so():
    text, notes = tidy_question("word " * 5000)
    assert len(text) <= MAX_QUESTION_CHARS and text.endswith("word") and notes
    assert tidy_question(None) == ("", ())
    assert tidy_question("  Who\tleads\n?  ") == ("Who leads ?", ())


@pytest.mark.slow
def test_cli_ask_handles_odd_input(tmp_path, corpus_index_dir):
    where = ["--index-dir", str(corpus_index_dir), "--corpus-dir", str(CORPUS)]
    lines = [q.replace("\n", " ").replace("\r", " ") for name, q in ODD_QUESTIONS.items()
             if name != "lone surrogate"]
    path = tmp_path / "questions.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = dict(os.environ)
    proc = subprocess.run([sys.executable, "-m", "chat.cli", "ask", "--json", "--file", str(path), *where],
                          capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    answers = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(answers) == len([q for q in lines if q.strip()])
    assert all(a["answer"] for a in answers)
    # Bytes that are not UTF-8 on the command line, and an empty question.
    odd = subprocess.run([sys.executable, "-m", "chat.cli", "ask", b"who leads training \xff\xfe?", *where],
                         capture_output=True, timeout=300, env=env)
    assert odd.returncode == 0 and b"Traceback" not in odd.stderr, odd.stderr
    empty = subprocess.run([sys.executable, "-m", "chat.cli", "ask", "", *where],
                           capture_output=True, text=True, timeout=60, env=env)
    assert empty.returncode == 2 and "give a question" in empty.stderr and "Traceback" not in empty.stderr


def test_a_question_word_run_into_is_gets_its_apostrophe_back():
    assert tidy_question("whats the infant mortality rate?  whos the officer?") == (
        "what's the infant mortality rate? who's the officer?", ())
    assert tidy_question("What's the rate? Show me the whatsits.")[0] == "What's the rate? Show me the whatsits."


def test_an_acronym_typed_in_lower_case_is_read_in_capitals_unless_the_documents_use_the_word():
    acronyms = ["CYPP", "SEND", "PAT", "CP"]
    words = frozenset({"send", "pat"})  # "send" as a verb, "Pat" as a first name
    assert acronyms_in_capitals("who do i contact about the cypp? can i send it to pat?", acronyms, words) == \
        "who do i contact about the CYPP? can i send it to pat?"
    assert acronyms_in_capitals("is cp the same?", acronyms, words) == "is cp the same?"  # too short to tell
    assert acronyms_in_capitals("email me at cypp@example.org", acronyms, words) == "email me at cypp@example.org"


def test_a_lower_case_acronym_finds_what_the_capitals_find(corpus_engine):
    # The plan's closing contact line is found for a document named by its acronym ("the CYPP"); typed in
    # lower case, as in a hurried chat, it is the same question.
    answer = corpus_engine.answer("who do i contact for more info on the 2016 cypp?")
    assert answer.text.startswith("Chris Wallbanks"), answer.text
    # "PAT" is one of the corpus's acronyms, but the documents write "Pat" as a name.
    assert corpus_engine._capitals_restored("what's pat whitby's job title?") == "what's Pat Whitby's job title?"
    assert corpus_engine._capitals_restored("when did the mash go live?") == "when did the MASH go live?"


def test_a_name_typed_in_lower_case_is_read_as_the_documents_write_it(corpus_engine):
    # The people the documents name, typed in lower case, are written as the documents write them.
    people = frozenset({"Pat Whitby", "Holly Bligh", "Jane McCombe"})
    assert names_in_capitals("what is pat whitbys job title now", people) == "what is Pat Whitby's job title now"
    assert names_in_capitals("is holly  bligh's course full?", people) == "is Holly Bligh's course full?"
    assert names_in_capitals("ask jane mccombe", people) == "ask Jane McCombe"
    assert names_in_capitals("mail pat.whitby@example.org", people) == "mail pat.whitby@example.org"
    assert names_in_capitals("the manifesto pledges", people) == "the manifesto pledges"
    assert {"Pat Whitby", "Lisa Hazell", "Holly Bligh"} <= corpus_engine._people()
    # The newest contact list gives her current post; the 2013 papers an older one.
    answer = corpus_engine.answer("whats lisa hazells current job title?")
    assert answer.text.startswith("Lisa Hazell Integrated Workforce Consultant"), answer.text


def test_a_word_typed_with_a_letter_left_out_is_read_as_the_documents_write_it(corpus_engine):
    written = frozenset({"safeguarding", "practitioners", "referral", "referrals", "expert", "manage",
                         "estimated", "spending", "placement"})
    assert misspellings_corrected("Practioners on the safegaurding course", written) == \
        "Practitioners on the safeguarding course"
    assert misspellings_corrected("a referal for a placemnt", written) == "a referral for a placement"
    # A changed letter, an ending, a changed opening, a short word or capitals are no typos.
    for typed in ("what do you expect", "who manages it", "estimate it", "sending money", "refral", "REFERAL"):
        assert misspellings_corrected(typed, written) == typed
    # "practioners" counts what the 2010 strategy counts: "1885 practitioners have been trained ...".
    answer = corpus_engine.answer("how many practioners got trained in CAF and the lead professional role "
                                  "between 2008 and 2010?")
    assert answer.text.startswith("1885"), answer.text
