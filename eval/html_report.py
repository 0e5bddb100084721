"""Render an eval run as one self-contained HTML page: inline CSS and SVG, no scripts, all text escaped."""
from __future__ import annotations

from html import escape

from eval.matching import evidence_span
from eval.metrics import METRIC_NAMES, format_delta, format_metric

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;
padding:0 1rem;color:#1d2433;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccd}
table{border-collapse:collapse;margin:.5rem 0;width:100%}th,td{border:1px solid #dde;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#f2f4f8}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.config{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;background:#f6f7fb;padding:.6rem .8rem;border-radius:6px}
.config b{color:#445}.pass{color:#116329;font-weight:600}.fail{color:#b42318;font-weight:600}
.better{color:#116329}.worse{color:#b42318}mark{background:#ffe58a}
details{margin:.2rem 0}summary{cursor:pointer;color:#345}.passage{border-left:3px solid #ccd;
margin:.4rem 0;padding:.2rem .6rem;white-space:pre-wrap}.passage.hit{border-left-color:#e0a800}
.meta{color:#667;font-size:.85rem}.narrow{width:auto}
"""


def e(value) -> str:
    """Escape any value for HTML text or attributes."""
    return escape("" if value is None else str(value), quote=True)


def describe_config(results: dict) -> list[tuple[str, str]]:
    """The labelled settings a reader needs to know which configuration ran."""
    config, manifest = results.get("config") or {}, results.get("manifest") or {}
    engine = config.get("engine") or {}
    embed = manifest.get("embedding_model") or manifest.get("model") or manifest.get("embedder")
    if isinstance(embed, dict):
        embed = embed.get("name") or embed.get("model")
    llm = config.get("llm_model") or engine.get("llm_model") or "none"
    commit = results.get("git_commit")
    dirty = " (uncommitted changes)" if results.get("git_dirty") else ""
    commit = f"{commit[:10]}{dirty}" if commit else "unknown"
    qa_set = results.get("qa_set") or {}
    return [("QA set", f"{qa_set.get('path')} ({qa_set.get('questions')} questions)"),
            ("retriever", config.get("retriever", "?")), ("k", config.get("k", "?")),
            ("passages retrieved", config.get("retrieval_depth", "?")), ("mode", config.get("mode", "?")),
            ("embedding model", embed or "unknown"), ("LLM", llm), ("commit", commit),
            ("run at", results.get("created", "?"))]


def bar_chart(title: str, rows: list[tuple[str, float | None]]) -> str:
    """A horizontal SVG bar chart of shares between 0 and 1."""
    label_w, bar_w, row_h = 130, 380, 24
    height = row_h * len(rows) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 70}" height="{height}" '
             f'role="img" aria-label="{e(title)}"><text x="0" y="16" font-size="13" font-weight="600">'
             f'{e(title)}</text>']
    for i, (label, value) in enumerate(rows):
        y = 26 + i * row_h
        width = round(bar_w * (value or 0), 1)
        parts.append(f'<text x="0" y="{y + 15}" font-size="12">{e(label)}</text>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{bar_w}" height="16" fill="#eef0f5"/>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{width}" height="16" fill="#4a78c2"/>'
                     f'<text x="{label_w + bar_w + 6}" y="{y + 15}" font-size="12">'
                     f'{"n/a" if value is None else f"{value:.0%}"}</text>')
    return "".join(parts) + "</svg>"


def _summary(results: dict) -> str:
    summary, comparison = results.get("summary") or {}, results.get("comparison")
    extra = "<th>previous</th><th>change</th>" if comparison else ""
    head = f"<tr><th>metric</th><th>value</th>{extra}</tr>"
    rows = []
    for name in METRIC_NAMES:
        value = results["metrics"].get(name)
        cells = f"<td>{e(name)}</td><td class=num>{e(format_metric(name, value))}</td>"
        if comparison:
            change = comparison["metrics"][name]
            cls = {True: "better", False: "worse"}.get(change["better"], "")
            cells += (f"<td class=num>{e(format_metric(name, change['before']))}</td>"
                      f"<td class='num {cls}'>{e(format_delta(name, change['delta']))}</td>")
        rows.append(f"<tr>{cells}</tr>")
    passed = f"{summary.get('passed')} of {summary.get('questions')} questions passed"
    errors = f"; {results['errors']} failed with an error" if results.get("errors") else ""
    return (f"<h2>Summary</h2><p><b>{e(passed)}</b> ({e(format_metric('rate', summary.get('pass_rate')))})"
            f"{e(errors)}.</p><table class=narrow>{head}{''.join(rows)}</table>")


def _breakdown(results: dict, by: str) -> str:
    groups = results["breakdowns"][by]
    names = ("answer_accuracy", "evidence_hit@5", "abstain_rate", "false_abstain_rate")
    head = f"<tr><th>{e(by)}</th><th>questions</th><th>passed</th><th>pass rate</th>" + "".join(
        f"<th>{e(n)}</th>" for n in names) + "</tr>"
    rows = "".join(
        f"<tr><td>{e(g)}</td><td class=num>{d['questions']}</td><td class=num>{d['passed']}</td>"
        f"<td class=num>{e(format_metric('rate', d['pass_rate']))}</td>"
        + "".join(f"<td class=num>{e(format_metric(n, d['metrics'][n]))}</td>" for n in names) + "</tr>"
        for g, d in groups.items())
    chart = bar_chart(f"Pass rate by {by}", [(g, d["pass_rate"]) for g, d in groups.items()])
    return f"<h3>By {e(by)}</h3>{chart}<table>{head}{rows}</table>"


def _comparison(results: dict) -> str:
    comparison = results.get("comparison")
    if not comparison:
        return ""
    prev = comparison["previous"]
    note = "" if comparison["same_qa_set"] else " <b>The QA set differs from the previous run's.</b>"

    def listing(title: str, items: list[dict], cls: str) -> str:
        lis = "".join(f"<li><b>{e(q['id'])}</b>: {e(q['question'])}</li>" for q in items) or "<li>none</li>"
        return f"<h3 class={cls}>{e(title)} ({len(items)})</h3><ul>{lis}</ul>"

    return (f"<h2>Compared with the previous run</h2><p class=meta>Previous run: {e(prev.get('created'))},"
            f" commit {e((prev.get('git_commit') or 'unknown')[:10])}.{note}</p>"
            + listing("Passed before, fail now", comparison["pass_to_fail"], "worse")
            + listing("Failed before, pass now", comparison["fail_to_pass"], "better"))


def _passage(p: dict, rank: int, evidence: str | None, hit: bool, role: str) -> str:
    text = p.get("text") or ""
    span = evidence_span(evidence, text) if hit else None
    body = e(text) if not span else (
        f"{e(text[:span[0]])}<mark>{e(text[span[0]:span[1]])}</mark>{e(text[span[1]:])}")
    meta = (f"#{rank} · {p.get('source')} · {p.get('title')} · page {p.get('page')}"
            f" · score {p.get('score')}{role}")
    return f"<div class='passage{' hit' if hit else ''}'><div class=meta>{e(meta)}</div>{body}</div>"


def _role(passage: dict, answer: dict) -> str:
    """Whether a retrieved passage was given to the answer and which [n] cites it."""
    chunk = passage.get("chunk_id")
    cited = [f"[{c.get('n')}]" for c in answer.get("citations") or [] if c.get("chunk_id") == chunk]
    used = any(p.get("chunk_id") == chunk for p in answer.get("passages") or [])
    return (" · cited " + " ".join(cited)) if cited else (" · given to the answer" if used else "")


def _question_row(q: dict) -> str:
    result, answer = q.get("result") or {}, q.get("answer") or {}
    passed = result.get("passed")
    gold = " | ".join(q.get("answers") or []) or "(unanswerable: should abstain)"
    said = answer.get("answer") or ""
    if q.get("error"):
        said = f"ERROR: {q['error']}"
    elif answer.get("abstained"):
        said = f"(abstained) {said}"
    hits = set(result.get("evidence_ranks") or [])
    ranking = q.get("retrieved") or answer.get("passages") or []
    passages = "".join(_passage(p, i, q.get("evidence"), i in hits, _role(p, answer))
                       for i, p in enumerate(ranking, 1))
    ranks = ", ".join(map(str, sorted(hits))) or "none"
    n = len(ranking)
    details = (f"<details><summary>{n} passage{'' if n == 1 else 's'}; evidence in: {e(ranks)}"
               f"</summary><p class=meta>Evidence: {e(q.get('evidence') or 'none')}</p>{passages}</details>")
    return (f"<tr><td>{e(q['id'])}<div class=meta>{e(q.get('type'))}, {e(q.get('difficulty'))}</div></td>"
            f"<td>{e(q.get('question'))}</td><td>{e(gold)}</td><td>{e(said)}{details}</td>"
            f"<td class={'pass' if passed else 'fail'}>{'pass' if passed else 'fail'}</td></tr>")


def render_html(results: dict) -> str:
    """The whole report page as a string."""
    config = "".join(f"<span><b>{e(k)}:</b> {e(v)}</span>" for k, v in describe_config(results))
    questions = "".join(_question_row(q) for q in results.get("questions", []))
    return ("<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
            "<meta name=viewport content='width=device-width, initial-scale=1'>"
            f"<title>Partnership Q&amp;A evaluation</title><style>{CSS}</style></head><body>"
            f"<header><h1>Partnership Q&amp;A evaluation</h1><div class=config>{config}</div></header>"
            + _summary(results) + "<h2>Breakdown</h2>" + _breakdown(results, "type")
            + _breakdown(results, "difficulty") + _comparison(results)
            + "<h2>Every question</h2><table><tr><th>id</th><th>question</th><th>gold answer(s)</th>"
            f"<th>answer and retrieved passages</th><th>result</th></tr>{questions}</table>"
            "</body></html>\n")
