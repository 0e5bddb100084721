"""Loading QA sets from JSON Lines and CSV, and reporting every problem with file, line and field."""
from __future__ import annotations

import json

import pytest

from eval.qaset import QASetError, load_qaset

GOOD = {"id": "ex-01", "question": "Who do I ask about funded places?", "answers": ["Jane Example"],
        "doc": "plan.txt", "also_docs": [], "evidence": "Jane Example is the contact",
        "type": "who", "difficulty": "easy"}
NONE = {"id": "ex-02", "question": "What is the budget for 2030?", "answers": [], "doc": None,
        "evidence": None, "type": "unanswerable", "difficulty": "hard"}


def write_jsonl(path, rows):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def problems_of(path):
    with pytest.raises(QASetError) as info:
        load_qaset(path)
    return info.value, str(info.value)


def test_loads_jsonl(tmp_path):
    items = load_qaset(write_jsonl(tmp_path / "set.jsonl", [GOOD, "", NONE]))
    assert [i.id for i in items] == ["ex-01", "ex-02"]
    assert items[0].answers == ("Jane Example",) and items[0].answerable and items[0].line == 1
    assert not items[1].answerable and items[1].doc is None and items[1].line == 3


def test_reads_csv_with_joined_answers(tmp_path):
    path = tmp_path / "set.csv"
    path.write_text(
        "id,question,answers,doc,also_docs,evidence,type,difficulty\n"
        'q1,"How many, roughly?",25 | twenty-five,plan.txt,a.txt|b.txt,"There are 25 places",how_many,medium\n'
        "q2,Who funds 2030?,,,,,unanswerable,hard\n"
        'q3,"A question\nover two lines",30|25,plan.txt,,The rate is 30,temporal,easy\n', encoding="utf-8")
    q1, q2, q3 = load_qaset(path)
    assert q1.answers == ("25", "twenty-five") and q1.also_docs == ("a.txt", "b.txt")
    assert q1.question == "How many, roughly?" and q1.evidence == "There are 25 places"
    assert q2.answers == () and q2.doc is None and q2.evidence is None and q2.line == 3
    assert q3.accepted_answers == ("30",) and q3.line == 4


def test_malformed_json_names_file_and_line(tmp_path):
    path = write_jsonl(tmp_path / "bad.jsonl", [GOOD, '{"id": "x", "question": '])
    error, message = problems_of(path)
    assert "bad.jsonl, line 2" in message and "malformed JSON" in message
    assert len(error.problems) == 1


@pytest.mark.parametrize("change, field, words", [
    ({"type": "why"}, "type", "unknown value 'why'"),
    ({"difficulty": "trivial"}, "difficulty", "unknown value 'trivial'"),
    ({"answers": []}, "answers", "at least one answer"),
    ({"answers": "Jane"}, "answers", "list"),
    ({"doc": None}, "doc", "must name the file"),
    ({"colour": "red"}, "colour", "unknown field"),
    ({"question": ""}, "question", "non-empty"),
])
def test_bad_field_is_reported_with_line_and_field(tmp_path, change, field, words):
    path = write_jsonl(tmp_path / "set.jsonl", [GOOD, {**GOOD, "id": "two", **change}])
    error, message = problems_of(path)
    assert [(p.line, p.field) for p in error.problems] == [(2, field)]
    assert "set.jsonl, line 2" in message and f"field '{field}'" in message and words in message


def test_missing_field_and_unanswerable_with_a_doc(tmp_path):
    missing = {k: v for k, v in GOOD.items() if k != "evidence"}
    path = write_jsonl(tmp_path / "set.jsonl", [missing, {**NONE, "doc": "plan.txt", "answers": ["x"]}])
    error, _ = problems_of(path)
    assert {(p.line, p.field) for p in error.problems} == {(1, "evidence"), (2, "doc"), (2, "answers")}


def test_all_problems_are_collected_and_nothing_is_returned(tmp_path):
    rows = [{**GOOD, "type": "why"}, "not json", GOOD, {**GOOD, "id": "b", "difficulty": "x"}]
    error, message = problems_of(write_jsonl(tmp_path / "set.jsonl", rows))
    assert [p.line for p in error.problems] == [1, 2, 4]
    assert "3 problem(s)" in message and "nothing was run" in message


def test_duplicate_ids(tmp_path):
    error, message = problems_of(write_jsonl(tmp_path / "set.jsonl", [GOOD, GOOD]))
    assert (error.problems[0].line, error.problems[0].field) == (2, "id") and "first on line 1" in message


def test_csv_header_problems(tmp_path):
    path = tmp_path / "set.csv"
    path.write_text("id,question,answers,doc,evidence,type,level\nq1,Q,a,d.txt,e,who,easy\n", encoding="utf-8")
    error, message = problems_of(path)
    assert {(p.line, p.field) for p in error.problems} == {(1, "level"), (1, "difficulty")}
    assert "set.csv, line 1, field 'level'" in message


def test_csv_bad_value_names_its_line(tmp_path):
    path = tmp_path / "set.csv"
    path.write_text("id,question,answers,doc,evidence,type,difficulty\nq1,Q,a,d.txt,e,who,easy\n"
                    "q2,Q,,d.txt,e,who,easy\n", encoding="utf-8")
    error, message = problems_of(path)
    assert [(p.line, p.field) for p in error.problems] == [(3, "answers")]


def test_missing_file_empty_file_and_wrong_format(tmp_path):
    assert "file not found" in problems_of(tmp_path / "nope.jsonl")[1]
    assert "no questions" in problems_of(write_jsonl(tmp_path / "empty.jsonl", [""]))[1]
    other = tmp_path / "set.txt"
    other.write_text("x", encoding="utf-8")
    assert ".jsonl or .csv" in problems_of(other)[1]
