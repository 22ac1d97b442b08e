# Two commands do everything: `make run` starts the app, `make test` runs the linter and every test.
# `make test-fast` is the inner loop: the linter, the core's tables of cases and a test of every page, no browser.
PYTHON ?= python3
PORT ?= 8501
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-fast lint system-deps browser bench clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when a requirements file changes.
$(VENV)/.run-deps: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.run-deps

run: $(VENV)/.run-deps
	$(BIN)/python -m streamlit run app.py --server.port $(PORT) --server.address localhost

# Browser tests drive Debian's Chromium, and the store's tests also run on a throw-away PostgreSQL
# server made with Debian's initdb and pg_ctl (tests/postgres.py); install both when missing.
browser: system-deps
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's chromium and postgresql for the tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium postgresql >/dev/null; \
	  else \
	    echo "Browser and database tests need Debian's chromium and postgresql: sudo apt-get install chromium postgresql"; exit 1; \
	  fi; \
	fi

lint: $(VENV)/.dev-deps
	$(BIN)/ruff check .

test: lint system-deps
	$(BIN)/python -m pytest

# No browser and no PostgreSQL (the store's tests run on SQLite only), no slow tests, on every CPU core.
test-fast: lint
	WAYPOINT_TEST_DATABASES=sqlite $(BIN)/python -m pytest -q -m "not slow" -n auto tests/core tests/app

bench: $(VENV)/.dev-deps system-deps
	$(BIN)/python benchmarks/store.py
	$(BIN)/python benchmarks/hosting.py
	$(BIN)/python benchmarks/scorer.py
	$(BIN)/python benchmarks/planning.py
	$(BIN)/python benchmarks/goal_pages.py
	$(BIN)/python benchmarks/progress.py
	$(BIN)/python benchmarks/limits.py

clean-venv:
	rm -rf $(VENV)
