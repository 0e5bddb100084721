"""Question -> Hits -> Answer with Citations; the CLI and the web chat."""
