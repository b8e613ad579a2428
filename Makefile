# Two commands do all set-up: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
HOST ?= 127.0.0.1
NPM ?= npm
VENDOR := app/static/vendor

.PHONY: install chromium migrate seed run test lint typecheck pytest bench bench-graph bench-load dictionaries petrarch-unit bench-ingest bench-cpu clean

install: $(STAMP) $(VENDOR)/.copied chromium

# Re-installs only when the project's dependencies change.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Front-end libraries come from the npm registry (package.json, package-lock.json); the files
# the server ships are copied into the package's static folder (git-ignored, built here).
VENDOR_FILES := \
	swagger-ui-dist/swagger-ui-bundle.js swagger-ui-dist/swagger-ui.css \
	swagger-ui-dist/LICENSE \
	redoc/bundles/redoc.standalone.js redoc/LICENSE \
	cytoscape/dist/cytoscape.min.js cytoscape/LICENSE \
	chart.js/dist/chart.umd.min.js chart.js/LICENSE.md

node_modules/.installed: package.json package-lock.json
	$(NPM) ci
	touch $@

$(VENDOR)/.copied: node_modules/.installed Makefile
	rm -rf $(VENDOR)
	for f in $(VENDOR_FILES); do \
		mkdir -p $(VENDOR)/$$(dirname $$f) && cp node_modules/$$f $(VENDOR)/$$f || exit 1; \
	done
	touch $@

# The browser tests drive Debian's Chromium (never a browser download of Playwright's own).
chromium:
	@test -x /usr/bin/chromium || { \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else \
			echo "the browser tests need /usr/bin/chromium: sudo apt-get install chromium" >&2; \
		fi; }

migrate: install
	$(BIN)/diplograph db upgrade

seed: migrate
	$(BIN)/diplograph ingest seeds/

run: seed
	$(BIN)/diplograph serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: install
	$(BIN)/python -m bench.extract

# Graph analytics at 10k/100k/1M synthetic events (the 1M database takes a minute to make
# and is kept in $TMPDIR/diplograph-bench); SIZES=10000,100000 for a quicker run.
SIZES ?= 10000,100000,1000000
bench-graph: install
	$(BIN)/python -m bench.graph --sizes $(SIZES)

# Regenerates ingest/data/generated/ from the PETRARCH2 dictionaries at the pinned commit
# (checksums checked): PETRARCH2 is a git directory or a checkout of openeventdata/petrarch2.
PETRARCH2 ?=
dictionaries: install
	@test -n "$(PETRARCH2)" || { echo "make dictionaries PETRARCH2=<petrarch2 git dir or checkout>" >&2; exit 2; }
	$(BIN)/python -m tools.petrarch_dictionaries "$(PETRARCH2)"
	$(BIN)/python -m tools.petrarch_agents "$(PETRARCH2)"

# Regenerates eval/petrarch_unit/ (the sentence suite from PETRARCH2's unit-test records);
# score it with `python -m bench.sentences eval/petrarch_unit`.
petrarch-unit: install
	@test -n "$(PETRARCH2)" || { echo "make petrarch-unit PETRARCH2=<petrarch2 git dir or checkout>" >&2; exit 2; }
	$(BIN)/python -m tools.petrarch_unit_tests "$(PETRARCH2)"

# Requests/s and p99 latency of reads alone and reads + writes at 16 and 32 clients
# against a live server on a free loopback port (about two minutes).
bench-load: install
	$(BIN)/python -m bench.load

# Ingest on Dask with 1 and 2 workers into SQLite and PostgreSQL against nlp.pipe (minutes).
bench-ingest: install
	$(BIN)/python -m bench.ingest

# CPU ms per article of nlp.pipe, extraction and writing (SQLite, PostgreSQL): what a busy
# machine does not distort (a few minutes).
bench-cpu: install
	$(BIN)/python -m bench.cpu

clean:
	rm -rf $(VENV) node_modules $(VENDOR) .mypy_cache .pytest_cache .ruff_cache
