"""The bench results as Markdown tables (printed by `partnerqa bench`, pasted into the README)."""
from __future__ import annotations

from eval.bench_plot import scale_rows


def _fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    return str(value)


def targets_table(results: dict) -> list[str]:
    lines = ["| target | measured | limit | met |", "| --- | ---: | --- | --- |"]
    for row in results.get("targets", []):
        met = {True: "yes", False: "**no**", None: "not run"}[row["met"]]
        lines.append(f"| {row['target']} | {_fmt(row['value'])} | {row['limit']} | {met} |")
    return lines


def sections_table(results: dict) -> list[str]:
    lines = ["| section | figure | value |", "| --- | --- | ---: |"]
    ingest = results.get("ingest", {})
    for key in ("fresh_ingest_s", "files", "pages", "chunks", "pages_per_s"):
        if key in ingest:
            lines.append(f"| ingest | {key} | {_fmt(ingest[key])} |")
    for precision, rate in ingest.get("embedding", {}).items():
        lines.append(f"| ingest | embedding {precision} chunks/s | {_fmt(rate['chunks_per_s'])} |")
    query = results.get("query", {})
    for part in ("total", "embed_ms", "retrieve_ms", "answer_ms"):
        if part in query:
            lines.append(f"| query ({query['questions']} q) | {part} p50 / p95 ms | "
                         f"{_fmt(query[part]['p50'])} / {_fmt(query[part]['p95'])} |")
    for key, value in results.get("startup", {}).items():
        if not isinstance(value, list):
            lines.append(f"| start-up | {key} | {_fmt(value)} |")
    conc = results.get("concurrency", {})
    if conc:
        lines.append(f"| concurrency | {conc['users']} users, {conc['seconds']} s: answers / errors | "
                     f"{conc['answers']} / {conc['errors']} |")
        lines.append(f"| concurrency | throughput /s | {_fmt(conc['throughput_per_s'])} |")
        lines.append(f"| concurrency | latency p50 / p95 ms | {_fmt(conc['latency_ms']['p50'])} / "
                     f"{_fmt(conc['latency_ms']['p95'])} |")
        lines.append(f"| concurrency | serve resident MB (peak) | {_fmt(conc['serve_peak_rss_mb'])} |")
    return lines


def scale_table(results: dict) -> list[str]:
    lines = ["| chunks | index | build s | disk MB | resident MB | dense p50/p95 ms | lexical p50/p95 ms "
             "| hybrid p50/p95 ms | recall@10 | corpus words read ms |",
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in scale_rows(results):
        spec = r["vector_index"]
        kind = spec["type"] + (f" nlist={spec['nlist']} nprobe={spec['nprobe']}" if "nlist" in spec else "")
        lines.append(f"| {r['chunks']:,} | {kind} | {_fmt(r['build_s'])} | {_fmt(r['disk_mb'])} | "
                     f"{_fmt(r['peak_rss_mb'])} | " + " | ".join(
                         f"{_fmt(r[f'{n}_p50_ms'])} / {_fmt(r[f'{n}_p95_ms'])}" for n in ("dense", "lexical", "hybrid"))
                     + f" | {_fmt(r['recall_at_10'])} | {_fmt(r.get('vocabulary_read_ms'))} |")
    return lines


def table(results: dict) -> str:
    m = results["machine"]
    head = [f"partnerqa bench: {m['cpus']} cores ({m['cpu_model']}), {m['ram_mb']} MB RAM, "
            f"load {m['load_avg_1min_at_start']:.1f} at start" if m.get("load_avg_1min_at_start") is not None else ""]
    parts = [head, [""], targets_table(results), [""], sections_table(results)]
    if scale_rows(results):
        parts += [[""], scale_table(results)]
    return "\n".join(line for part in parts for line in part)
