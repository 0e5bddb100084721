"""QA sets, metrics, reports and benchmarks (imports anything; nothing imports eval)."""
