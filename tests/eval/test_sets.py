"""Every committed question set loads, and each answerable question's evidence is in its document."""
import pytest

from eval.matching import contains_any
from eval.qaset import load_qaset
from tests_paths import CORPUS

SETS = sorted((CORPUS.parent / "eval" / "sets").glob("*.jsonl"))


def _squashed(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", SETS, ids=[p.name for p in SETS])
def test_a_committed_set_is_valid_and_its_evidence_is_quoted_from_its_document(path):
    items = load_qaset(path)
    assert len({item.id for item in items}) == len(items) > 0
    for item in items:
        if item.type == "unanswerable":
            assert not item.answers and not item.evidence, item.id
            continue
        document = _squashed((CORPUS / item.doc).read_text(encoding="utf-8"))
        assert _squashed(item.evidence) in document, f"{item.id}: evidence not found in {item.doc}"
        assert contains_any(item.evidence, item.answers), f"{item.id}: no answer in its evidence"
