"""Load and validate a QA set (JSON Lines or CSV) into QAItem records; every problem is reported."""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

TYPES = ("who", "when", "what", "how_many", "where", "list", "yes_no", "temporal", "multi_doc",
         "unanswerable")
DIFFICULTIES = ("easy", "medium", "hard")
REQUIRED = ("id", "question", "answers", "doc", "evidence", "type", "difficulty")
OPTIONAL = ("also_docs",)
FIELDS = REQUIRED + OPTIONAL


@dataclass(frozen=True)
class QAItem:
    """One question of a QA set with its gold answers and where the answer lives."""

    id: str
    question: str
    answers: tuple[str, ...]
    doc: str | None
    evidence: str | None
    type: str
    difficulty: str
    also_docs: tuple[str, ...] = ()
    line: int = 0

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"

    @property
    def accepted_answers(self) -> tuple[str, ...]:
        """The gold answers that count: for temporal questions only the first, most recent one."""
        return self.answers[:1] if self.type == "temporal" else self.answers

    def to_json(self) -> dict:
        return {"id": self.id, "question": self.question, "answers": list(self.answers),
                "doc": self.doc, "also_docs": list(self.also_docs), "evidence": self.evidence,
                "type": self.type, "difficulty": self.difficulty}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a QA set: where it is and what to do."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        return f"{where}, field '{self.field}': {self.message}" if self.field else f"{where}: {self.message}"


class QASetError(ValueError):
    """A QA set that cannot be used; `problems` lists every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: p.line)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"the QA set has {len(self.problems)} problem(s); nothing was run:\n{lines}")


def load_qaset(path: str | Path) -> list[QAItem]:
    """Read a .jsonl or .csv QA set; raise QASetError listing every problem found."""
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise QASetError([Problem(name, 0, "", "file not found")])
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".csv"):
        raise QASetError([Problem(name, 0, "", "unknown format: use a .jsonl or .csv file")])
    problems: list[Problem] = []
    try:
        rows = _read_csv(path, problems) if suffix == ".csv" else _read_jsonl(path, problems)
    except UnicodeDecodeError as exc:
        raise QASetError([Problem(name, 0, "", f"not UTF-8 text ({exc.reason}); save it as UTF-8")])
    items = [item for line, row in rows if (item := _validate(name, line, row, problems))]
    _check_unique_ids(name, items, problems)
    if not problems and not items:
        problems.append(Problem(name, 0, "", "no questions found"))
    if problems:
        raise QASetError(problems)
    return items


def _read_jsonl(path: Path, problems: list[Problem]) -> list[tuple[int, dict]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(str(path), number, "", f"malformed JSON: {exc.msg} (column {exc.colno})"))
            continue
        if not isinstance(row, dict):
            problems.append(Problem(str(path), number, "", "each line must be a JSON object {...}"))
            continue
        rows.append((number, row))
    return rows


def _read_csv(path: Path, problems: list[Problem]) -> list[tuple[int, dict]]:
    """CSV rows as dicts in the JSON shape: answers and also_docs split on "|", empty cells null."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = [h.strip() for h in next(reader, [])]
        for column in header:
            if column not in FIELDS:
                problems.append(Problem(str(path), 1, column,
                                        f"unknown column; expected {', '.join(FIELDS)}"))
        missing = [column for column in REQUIRED if column not in header]
        for column in missing:
            problems.append(Problem(str(path), 1, column, "missing column in the header row"))
        rows, start = [], reader.line_num + 1
        for cells in reader:
            if any(c.strip() for c in cells) and not missing:
                if len(cells) > len(header):
                    problems.append(Problem(str(path), start, "",
                                            f"{len(cells)} cells but {len(header)} columns"))
                cells = cells + [""] * (len(header) - len(cells))
                rows.append((start, _csv_row(dict(zip(header, cells)))))
            start = reader.line_num + 1
    return rows


def _csv_row(raw: dict) -> dict:
    row: dict = {}
    for key, value in raw.items():
        if key not in FIELDS:
            continue  # reported once, against the header row
        value = value.strip()
        if key in ("answers", "also_docs"):
            row[key] = [part.strip() for part in value.split("|") if part.strip()]
        elif key in ("doc", "evidence"):
            row[key] = value or None
        else:
            row[key] = value
    return row


def _validate(file: str, line: int, row: dict, problems: list[Problem]) -> QAItem | None:
    """Check one row; append its problems and return an item only when it has none."""
    found: list[Problem] = []

    def bad(field: str, message: str) -> None:
        found.append(Problem(file, line, field, message))

    for key in row:
        if key not in FIELDS:
            bad(key, f"unknown field; expected {', '.join(FIELDS)}")
    for key in REQUIRED:
        if key not in row:
            bad(key, "missing (use null or [] when there is no value)")
    for key in ("id", "question"):
        if key in row and (not isinstance(row[key], str) or not row[key].strip()):
            bad(key, "must be a non-empty string")
    qtype = row.get("type")
    if "type" in row and qtype not in TYPES:
        bad("type", f"unknown value {qtype!r}; use one of {', '.join(TYPES)}")
    if "difficulty" in row and row["difficulty"] not in DIFFICULTIES:
        bad("difficulty", f"unknown value {row['difficulty']!r}; use one of {', '.join(DIFFICULTIES)}")
    _check_answer_fields(row, qtype == "unanswerable", bad)
    problems.extend(found)
    if found:
        return None
    return QAItem(id=row["id"].strip(), question=row["question"].strip(),
                  answers=tuple(a.strip() for a in row["answers"]), doc=row["doc"],
                  evidence=row["evidence"], type=qtype, difficulty=row["difficulty"],
                  also_docs=tuple(row.get("also_docs") or ()), line=line)


def _is_str_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _check_answer_fields(row: dict, unanswerable: bool, bad) -> None:
    """answers, doc, evidence and also_docs: present exactly when the question is answerable."""
    if "answers" in row:
        if not _is_str_list(row["answers"]):
            bad("answers", "must be a list of non-empty strings")
        elif unanswerable and row["answers"]:
            bad("answers", "must be empty for an unanswerable question")
        elif not unanswerable and not row["answers"]:
            bad("answers", "must list at least one answer (or set type to unanswerable)")
    if "also_docs" in row and row["also_docs"] is not None and not _is_str_list(row["also_docs"]):
        bad("also_docs", "must be a list of file names")
    for key in ("doc", "evidence"):
        if key not in row:
            continue
        value = row[key]
        if value is not None and (not isinstance(value, str) or not value.strip()):
            bad(key, "must be a non-empty string or null")
        elif unanswerable and value is not None:
            bad(key, "must be null for an unanswerable question")
    if "doc" in row and not unanswerable and row["doc"] is None:
        bad("doc", "must name the file that holds the answer (null only for unanswerable)")


def _check_unique_ids(file: str, items: list[QAItem], problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for item in items:
        if item.id in seen:
            problems.append(Problem(file, item.line, "id",
                                    f"duplicate id {item.id!r} (first on line {seen[item.id]})"))
        seen.setdefault(item.id, item.line)
