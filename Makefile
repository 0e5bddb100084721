# The README's two commands: `make run` (set up, build the index if needed, start the web chat)
# and `make test` (set up, then the whole test suite). Everything else is a convenience.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test test-fast eval baseline bench browser-deps clean

setup: $(STAMP)

# torch first, pinned: pip takes the CPU build lying on these machines instead of a CUDA one.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: setup
	$(BIN)/partnerqa serve

# The browser test needs Debian's Chromium; install it once when missing (root on these machines).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser test..."; \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || \
	  echo "Could not install chromium: the browser test will be skipped."; }

test: setup browser-deps
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not slow and not browser"

eval: setup
	$(BIN)/partnerqa eval eval/sets/dev.jsonl --out eval/runs/latest --no-progress
	$(BIN)/partnerqa eval eval/sets/paraphrase.jsonl --out eval/runs/latest-paraphrase --no-progress

# Adopt the latest runs as the regression baselines: a deliberate change, reviewed in its commit.
baseline: eval
	$(BIN)/python -m eval.baseline eval/runs/latest/results.json
	$(BIN)/python -m eval.baseline eval/runs/latest-paraphrase/results.json eval/baseline-paraphrase.json

# The plot needs matplotlib (the optional `bench` extra), installed here rather than for everyone.
bench: setup
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/partnerqa bench --out eval/bench/latest

clean:
	rm -rf $(VENV) .partnerqa
