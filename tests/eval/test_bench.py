"""`partnerqa bench` in its tiny --quick mode produces a valid bench.json (figures, not speed checks)."""
import json

import pytest

from chat.cli import main
from eval.bench import TARGETS, check_targets
from eval.bench_quality import holds_evidence
from eval.bench_report import table

SCALE_KEYS = {"chunks", "vector_index", "build_s", "disk_mb", "rss_mb", "peak_rss_mb", "recall_at_10",
              "dense_p50_ms", "dense_p95_ms", "lexical_p50_ms", "lexical_p95_ms", "hybrid_p50_ms", "hybrid_p95_ms"}


def _read(out):
    data = json.loads((out / "bench.json").read_text())
    assert data["machine"]["cpus"] >= 1 and data["machine"]["ram_mb"] > 0
    assert data["versions"]["faiss-cpu"] != "not installed"
    assert [t["target"] for t in data["targets"]] == [t[0] for t in TARGETS]
    return data


def test_quick_scale_bench_writes_bench_json(tmp_path, capsys):
    out = tmp_path / "bench"
    assert main(["bench", "--quick", "--sections", "scale", "--sizes", "1500,3000", "--out", str(out)]) == 0
    data = _read(out)
    assert data["settings"]["sizes"] == [1500, 3000] and data["settings"]["quick"] is True
    for n in (1500, 3000):
        row = data[f"scale_{n}"]
        assert SCALE_KEYS <= set(row) and row["chunks"] == n
        assert row["vector_index"]["type"] == "flat" and row["recall_at_10"] == 1.0  # exact is exact
        assert 0 < row["dense_p50_ms"] <= row["dense_p95_ms"] and row["peak_rss_mb"] > 10
        assert row["disk_mb"] > 0
        # The answerer's corpus-wide word lists were built with the index and are read, not worked out.
        assert row["vocabulary_build_s"] > 0 and 0 < row["vocabulary_read_ms"]
    assert "| 3,000 | flat |" in capsys.readouterr().out
    try:
        import matplotlib  # noqa: F401  (the optional `bench` extra)
    except ImportError:
        return
    assert (out / "scale.png").stat().st_size > 1000


def test_targets_are_checked_in_both_directions():
    rows = {r["target"]: r for r in check_targets({"query": {"total": {"p50": 40, "p95": 200}},
                                                   "ingest": {"chunks_per_s": 61.0}})}
    assert rows["answer() p50 ms"]["met"] is True and rows["answer() p95 ms"]["met"] is False
    assert rows["embedding chunks/s"]["met"] is True and rows["one-shot ask s"]["met"] is None
    text = table({"machine": {"cpus": 2, "cpu_model": "x", "ram_mb": 1, "load_avg_1min_at_start": 0.5},
                  "targets": list(rows.values())})
    assert "| answer() p95 ms | 200 | <= 150 | **no** |" in text


def test_evidence_matching_for_the_quality_comparison():
    passage = "The new service will commence in April 2018.  A key aim of the review was..."
    assert holds_evidence(passage, "The new service will\ncommence in April 2018.")
    assert not holds_evidence(passage, "The old service will commence in April 2019.")


@pytest.mark.slow
def test_quick_bench_of_every_section(small_corpus, tmp_path):
    out = tmp_path / "bench"
    args = ["bench", "--quick", "--sizes", "1000", "--seconds", "2", "--users", "3", "--out", str(out),
            "--corpus-dir", str(small_corpus)]
    assert main(args) == 0
    data = _read(out)
    assert data["ingest"]["fresh_ingest_s"] > 0 and data["ingest"]["chunks"] > 0
    assert data["ingest"]["embedding"]["fp32"]["chunks_per_s"] > 0
    assert data["query"]["questions"] > 0 and data["query"]["total"]["p95"] >= data["query"]["total"]["p50"]
    assert data["startup"]["ask_s"] > 0 and data["startup"]["serve_answer_s"] >= data["startup"]["serve_http_s"]
    conc = data["concurrency"]
    assert conc["users"] == 3 and conc["answers"] > 0 and conc["errors"] == 0, conc["error_examples"]
    assert conc["serve_peak_rss_mb"] > 50
    assert {t["met"] for t in data["targets"] if not t["target"].startswith("1M")} <= {True, False}
