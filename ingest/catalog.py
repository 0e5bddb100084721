"""The corpus catalogue: corpus/README.md's table of file, title, organisation and date."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CatalogEntry:
    """What a person wrote about one file; empty fields mean "guess from the text"."""

    title: str = ""
    organisation: str = ""
    date: str = ""


def read_catalog(corpus_dir: Path) -> dict[str, CatalogEntry]:
    """Entries keyed by file path relative to the corpus, from a Markdown table in README.md."""
    readme = corpus_dir / "README.md"
    if not readme.is_file():
        return {}
    entries = {}
    for line in readme.read_text(encoding="utf-8", errors="replace").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not line.lstrip().startswith("|") or set(cells[0]) <= set("-: "):
            continue
        if cells[0].lower() == "file":
            continue
        cells += [""] * (4 - len(cells))
        entries[cells[0].strip("`")] = CatalogEntry(cells[1], cells[2], cells[3])
    return entries
