"""Chunks -> a stored, searchable hybrid (dense + lexical) index -> Hits."""
