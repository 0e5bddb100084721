"""Shared fixtures: the real corpus indexed once per session with the real model, FAISS and SQLite."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
sys.path.insert(0, str(Path(__file__).parent))  # test helpers such as pdfmaker

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def corpus_index_dir(tmp_path_factory) -> Path:
    """An index of the real corpus, built once for the whole test session."""
    from chat.engine import load_engine

    index_dir = tmp_path_factory.mktemp("corpus-index")
    load_engine(index_dir=str(index_dir), corpus_dir=str(CORPUS))
    return index_dir


@pytest.fixture(scope="session")
def corpus_engine(corpus_index_dir):
    """The engine over the real corpus (the model is loaded once per process and shared)."""
    from chat.engine import load_engine

    return load_engine(index_dir=str(corpus_index_dir), corpus_dir=str(CORPUS))


@pytest.fixture()
def small_corpus(tmp_path) -> Path:
    """A three-file corpus copied from the real one, safe to modify."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("workforce-action-plan-2017-2019.txt", "improvement-portfolio-update-jul-sep-2020.txt",
                 "children-young-peoples-plan-2016.txt", "README.md"):
        shutil.copy(CORPUS / name, corpus / name)
    return corpus
