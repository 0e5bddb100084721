"""Start-up and concurrency benchmarks: one-shot `ask`, `serve` until it answers, 20 users over HTTP."""
from __future__ import annotations

import json
import logging
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

from eval.bench_local import cli, percentiles
from eval.bench_scale import rss_mb

log = logging.getLogger(__name__)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ask_gradio(base: str, question: str, timeout: float = 60.0) -> str:
    """One answer through the Gradio queue API of `serve` (the chat's "/ask" endpoint), plain HTTP."""
    body = json.dumps({"data": [question, [], "", ""]}).encode()
    request = urllib.request.Request(f"{base}/gradio_api/call/ask", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        event_id = json.loads(response.read())["event_id"]
    with urllib.request.urlopen(f"{base}/gradio_api/call/ask/{event_id}", timeout=timeout) as response:
        event = ""
        for raw in response:
            line = raw.decode("utf-8").strip()
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and event in ("complete", "error"):
                if event == "error":
                    raise RuntimeError(f"server error: {line[5:].strip()[:200]}")
                history = json.loads(line[5:])[0]
                return history[-1]["content"] if history else ""
    raise RuntimeError("the event stream ended without an answer")


def ask_api(base: str, question: str, timeout: float = 60.0) -> str:
    """One answer through the JSON API of `serve` (POST /api/ask), as another system would ask."""
    body = json.dumps({"question": question}).encode()
    request = urllib.request.Request(f"{base}/api/ask", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())["answer"]


# The HTTP clients for `serve`, chosen by name.
CLIENTS = {"api": ask_api, "gradio": ask_gradio}


def one_shot_ask(index_dir: Path, corpus_dir: Path, question: str, runs: int = 3) -> dict:
    """Wall time of a whole `partnerqa ask` process on a warm index (median of `runs`)."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        proc = subprocess.run(cli("ask", question, "--index-dir", str(index_dir), "--corpus-dir", str(corpus_dir)),
                              capture_output=True, text=True, timeout=300)
        times.append(time.perf_counter() - began)
        if proc.returncode != 0:
            raise RuntimeError(f"ask failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return {"ask_runs_s": [round(t, 2) for t in times], "ask_s": round(sorted(times)[len(times) // 2], 2)}


class Server:
    """`partnerqa serve` in a subprocess on a free loopback port; times how soon it answers."""

    def __init__(self, index_dir: Path, corpus_dir: Path, client: str = "api"):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.ask = CLIENTS[client]
        self.began = time.perf_counter()
        self.proc = subprocess.Popen(cli("serve", "--port", str(self.port), "--index-dir", str(index_dir),
                                         "--corpus-dir", str(corpus_dir)),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def wait_until_answering(self, question: str, timeout: float = 180.0) -> dict:
        http_s = None
        while time.perf_counter() - self.began < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"serve exited with code {self.proc.returncode}")
            try:
                if http_s is None:
                    urllib.request.urlopen(self.base + "/", timeout=2).read()
                    http_s = time.perf_counter() - self.began
                self.ask(self.base, question, timeout=30)
                return {"serve_http_s": round(http_s, 2),
                        "serve_answer_s": round(time.perf_counter() - self.began, 2)}
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"serve did not answer within {timeout:.0f} s")

    def memory(self) -> dict:
        return rss_mb(str(self.proc.pid))

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def concurrency(server: Server, questions: list[str], users: int = 20, seconds: float = 30.0) -> dict:
    """`users` threads asking questions back to back for `seconds`: throughput, latency, errors."""
    latencies: list[float] = []
    errors: list[str] = []
    lock, stop_at = threading.Lock(), time.perf_counter() + seconds

    def user(n: int) -> None:
        i = n
        while time.perf_counter() < stop_at:
            began = time.perf_counter()
            try:
                server.ask(server.base, questions[i % len(questions)], timeout=60)
                with lock:
                    latencies.append((time.perf_counter() - began) * 1000)
            except Exception as exc:  # every failure counts, whatever its kind
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}"[:200])
            i += users

    began = time.perf_counter()
    threads = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 90)
    elapsed = time.perf_counter() - began
    return {"users": users, "seconds": round(elapsed, 1), "answers": len(latencies), "errors": len(errors),
            "error_examples": sorted(set(errors))[:3], "throughput_per_s": round(len(latencies) / elapsed, 2),
            "latency_ms": percentiles(latencies)}
