"""Where the test suite finds the real corpus."""
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def corpus_file(name: str) -> Path:
    return CORPUS / name
