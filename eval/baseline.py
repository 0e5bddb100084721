"""The committed dev-set baseline, and the check that a run has not fallen below it."""
from __future__ import annotations

import json
from pathlib import Path

from eval.metrics import LOWER_IS_BETTER

BASELINE = Path(__file__).resolve().parent / "baseline.json"
# A change may cost at most this much of any metric (absolute, on a 0-1 scale) before the gate fails:
# two questions' worth on a 100-question set. Latency is left out: it belongs to the machine.
TOLERANCE = 0.02
GATED_OUT = {"latency_p50_ms", "latency_p95_ms"}


def write_baseline(metrics: dict, source: str, path: Path = BASELINE) -> dict:
    """Record the metrics of a dev-set run as the new baseline (a deliberate, reviewed change)."""
    gated = {name: value for name, value in metrics.items() if name not in GATED_OUT and value is not None}
    data = {"qa_set": source, "tolerance": TOLERANCE, "metrics": gated}
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return data


def read_baseline(path: Path = BASELINE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def regressions(metrics: dict, baseline: dict) -> list[str]:
    """One line per metric that fell below (or, for lower-is-better ones, rose above) the baseline."""
    tolerance = baseline.get("tolerance", TOLERANCE)
    problems = []
    for name, expected in baseline["metrics"].items():
        value = metrics.get(name)
        if value is None:
            problems.append(f"{name}: missing (baseline {expected})")
        elif name in LOWER_IS_BETTER and value > expected + (0 if name == "invented_citations" else tolerance):
            problems.append(f"{name}: {value} is worse than the baseline {expected}")
        elif name not in LOWER_IS_BETTER and value < expected - tolerance:
            problems.append(f"{name}: {value} is below the baseline {expected} - {tolerance}")
    return problems


if __name__ == "__main__":  # python -m eval.baseline RUN/results.json [BASELINE]: adopt a run as a baseline
    import sys

    results = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else BASELINE
    print(json.dumps(write_baseline(results["metrics"], results["qa_set"]["path"], target), indent=2))
