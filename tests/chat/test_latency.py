"""Time to first token and to the full answer through the web chat's streaming endpoint (real server)."""
import json
import statistics
import time
from pathlib import Path

import pytest

from tests_paths import CORPUS
from webserver import serving

pytestmark = pytest.mark.slow
QUESTIONS = ["When will the new integrated children's public health service start?",
             "Who is the Integrated Workforce Consultant?", "What is the Common Assessment Framework?",
             "What are the priorities of the workforce strategy?", "Who leads the Priority Families programme?",
             "What does the Children and Young People's Plan say about mental health?",
             "When were the Children's Partnership Board papers published?", "What is MASH?",
             "How many families are in the Priority Families programme?", "What is Small Steps Big Changes?"]
REPORT = Path(__file__).resolve().parents[2] / "test-artifacts" / "latency.json"


def test_median_time_to_first_token_and_full_answer(corpus_index_dir):
    from gradio_client import Client

    with serving(corpus_index_dir, CORPUS) as url:
        client = Client(url + "/", verbose=False)
        client.predict("warm up", [], "", "", api_name="/ask")
        first, full = [], []
        for question in QUESTIONS:
            start = time.perf_counter()
            job = client.submit(question, [], "", "", api_name="/ask")
            seen_first = None
            for update in job:  # each streamed update of the conversation
                if seen_first is None and update and update[-1]["role"] == "assistant":
                    seen_first = time.perf_counter() - start
            job.result()
            full.append(time.perf_counter() - start)
            first.append(seen_first if seen_first is not None else full[-1])
    result = {"questions": len(QUESTIONS), "median_first_token_s": round(statistics.median(first), 3),
              "median_full_answer_s": round(statistics.median(full), 3)}
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(result)
    assert result["median_first_token_s"] <= result["median_full_answer_s"] < 5.0
