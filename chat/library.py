"""The documents behind the chat: list, read one whole, and delete one through a new index build."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from chat.uploads import UPLOADS, original_names

# Deleting moves the file here, inside the corpus: discover() skips hidden folders, so the next
# build (published atomically like any other) leaves it out, and a mistaken delete can be undone
# by moving the file back and running `partnerqa ingest`.
DELETED = ".deleted"


class LibraryError(Exception):
    """A document operation that cannot be done; the message is for the user."""


def documents(engine) -> list[dict]:
    """Every indexed document with its metadata and, for uploads, the name it was uploaded as."""
    names = original_names(Path(engine.settings.corpus_dir))
    docs = engine.documents()
    for doc in docs:
        doc["uploaded_as"] = names.get(Path(doc["source"]).name, "") if doc["source"].startswith(UPLOADS + "/") else ""
    return docs


def chunks_of(engine, source: str) -> list:
    """The document's passages in reading order (from the live build)."""
    if source not in {d["source"] for d in engine.documents()}:
        raise LibraryError(f"'{source}' is not in the index (it may have been deleted)")
    return engine.reader.store.chunks_of(source)[0]


def delete(engine, source: str) -> str:
    """Take a document out of the corpus and publish a build without it; returns a message."""
    known = {d["source"] for d in engine.documents()}
    if source not in known:
        raise LibraryError(f"'{source}' is not in the index")
    corpus = Path(engine.settings.corpus_dir).resolve()
    path = (corpus / source).resolve()
    if not path.is_relative_to(corpus) or not path.is_file():
        raise LibraryError(f"'{source}' is not a file in the corpus folder, so it cannot be deleted here")
    trash = corpus / DELETED
    trash.mkdir(exist_ok=True)
    shutil.move(str(path), trash / f"{time.strftime('%Y%m%dT%H%M%S')}-{path.name}")
    engine.ingest(None, wait=True)
    return f"Deleted '{source}': it no longer appears in answers (kept in {DELETED}/ in the corpus folder)."
