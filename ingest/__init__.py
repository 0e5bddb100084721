"""Files -> Documents -> Chunks: loading, cleaning and structure-aware chunking."""
