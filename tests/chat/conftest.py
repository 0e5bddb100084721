"""Fixtures for the web tests: a small corpus with a document containing markup, indexed once."""
from __future__ import annotations

import shutil

import pytest

from webserver import make_small_corpus


@pytest.fixture(scope="session")
def evil_corpus(tmp_path_factory):
    """(corpus_dir, index_dir) of two real documents plus one with <script> in its text, indexed once."""
    from chat.engine import load_engine

    root = tmp_path_factory.mktemp("evil")
    corpus = make_small_corpus(root)
    load_engine(index_dir=str(root / "index"), corpus_dir=str(corpus))
    return corpus, root / "index"


@pytest.fixture()
def evil_copy(evil_corpus, tmp_path):
    """A private copy of the small corpus and its index, for tests that upload or delete."""
    corpus, index = evil_corpus
    shutil.copytree(corpus, tmp_path / "corpus")  # copy2 keeps mtimes, so the index stays current
    shutil.copytree(index, tmp_path / "index")
    return tmp_path / "corpus", tmp_path / "index"
