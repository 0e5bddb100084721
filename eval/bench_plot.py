"""The bench plot: retrieval latency, build time and memory against index size (matplotlib, optional)."""
from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

MISSING = "the plot needs matplotlib: pip install -e '.[bench]' (bench.json is written without it)"


def scale_rows(results: dict) -> list[dict]:
    rows = [v for k, v in results.items() if k.startswith("scale_") and isinstance(v, dict)]
    return sorted(rows, key=lambda r: r["chunks"])


def plot_scale(results: dict, path: Path) -> Path | None:
    """Write a PNG of cost against size; None (with a warning) when there is nothing to plot or no matplotlib."""
    rows = scale_rows(results)
    if not rows:
        return None
    try:
        import matplotlib

        matplotlib.use("Agg")  # no display on servers
        import matplotlib.pyplot as plt
    except ImportError:
        log.warning(MISSING)
        return None
    sizes = [r["chunks"] for r in rows]
    fig, axes = plt.subplots(1, 3, figsize=(13, 4))
    for name in ("dense", "lexical", "hybrid"):
        axes[0].plot(sizes, [r[f"{name}_p95_ms"] for r in rows], marker="o", label=f"{name} p95")
    axes[0].set(title="Retrieval latency", ylabel="ms per query")
    axes[1].plot(sizes, [r["build_s"] for r in rows], marker="o", label="build")
    axes[1].set(title="Build time (synthetic)", ylabel="seconds")
    axes[2].plot(sizes, [r["peak_rss_mb"] for r in rows], marker="o", label="resident (peak)")
    axes[2].plot(sizes, [r["disk_mb"] for r in rows], marker="o", label="on disk")
    axes[2].set(title="Memory and disk", ylabel="MB")
    for ax in axes:
        ax.set(xscale="log", yscale="log", xlabel="chunks")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
    fig.suptitle(f"partnerqa bench, {results['machine']['cpus']} cores: {results['machine']['cpu_model']}")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
