# Two commands do everything: `make run` starts the app, `make test` runs the linter and every test.
# `make test-fast` is the inner loop: the linter, the core's tables of cases and a test of every page, no browser.
PYTHON ?= python3
PORT ?= 8501
VENV := .venv
BIN := $(VENV)/bin
# The sign-in tests' OpenID Connect provider: npm's oidc-provider, pinned in its package-lock.json.
OIDC := tests/oidc

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
# server made with Debian's initdb and pg_ctl (tests/postgres.py); the sign-in tests run their
# OpenID Connect provider on Node.js (20 or newer). Install them when missing.
browser: system-deps
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's$$missing for the tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "The tests need Debian's$$missing: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi
	@node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
	  || { echo "The sign-in tests need Node.js 20 or newer; this is $$(node --version)."; exit 1; }

lint: $(VENV)/.dev-deps
	$(BIN)/ruff check .

# npm ci installs exactly what package-lock.json pins; again only when the lock file changes.
$(OIDC)/node_modules/.installed: $(OIDC)/package-lock.json | system-deps
	npm ci --prefix $(OIDC) --no-audit --no-fund --loglevel=error
	touch $@

test: lint system-deps $(OIDC)/node_modules/.installed
	$(BIN)/python -m pytest

# No browser and no PostgreSQL (the store's tests run on SQLite only), no slow tests, on every CPU core.
test-fast: lint
	WAYPOINT_TEST_DATABASES=sqlite $(BIN)/python -m pytest -q -m "not slow" -n auto tests/core tests/app

bench: $(VENV)/.dev-deps system-deps $(OIDC)/node_modules/.installed
	$(BIN)/python benchmarks/store.py
	$(BIN)/python benchmarks/hosting.py
	$(BIN)/python benchmarks/scorer.py
	$(BIN)/python benchmarks/planning.py
	$(BIN)/python benchmarks/goal_pages.py
	$(BIN)/python benchmarks/progress.py
	$(BIN)/python benchmarks/limits.py
	$(BIN)/python benchmarks/pages.py
	$(BIN)/python benchmarks/private_memory.py
	$(BIN)/python benchmarks/servers.py

clean-venv:
	rm -rf $(VENV)
