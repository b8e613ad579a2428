# Two commands do all set-up: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: install migrate seed run test lint typecheck pytest bench bench-graph clean

install: $(STAMP)

# Re-installs only when the project's dependencies change.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

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

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
