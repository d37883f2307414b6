# The one place that knows how to set up, run, test and benchmark kbassist.
PYTHON ?= python3.11
VENV   ?= .venv
BIN     = $(VENV)/bin
PORT   ?= 5000
export HF_HUB_OFFLINE = 1
export TRANSFORMERS_OFFLINE = 1
export TOKENIZERS_PARALLELISM = false

.PHONY: run test setup bench lint clean-instance test-postgres

# Marker file: reinstall when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

setup: $(VENV)/.installed

run: setup
	$(BIN)/kbassist demo --if-empty
	$(BIN)/kbassist serve --host 127.0.0.1 --port $(PORT)

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/search.py
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/gaps.py
	$(BIN)/python bench/credit.py
	$(BIN)/python bench/secret_detection.py

lint: setup
	$(BIN)/ruff check kbassist tests bench
	$(BIN)/mypy kbassist

clean-instance:
	rm -rf instance

# The PostgreSQL portability tests on a throwaway cluster in a fresh /tmp folder
# (Debian's postgresql binaries); the trap stops and deletes it even when a test fails.
test-postgres: setup
	@dir="$$(mktemp -d /tmp/kbassist-pg.XXXXXX)"; \
	trap 'scripts/pg-test-cluster.sh stop "$$dir" >/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	url="$$(scripts/pg-test-cluster.sh start "$$dir")" || exit 1; \
	KBASSIST_TEST_DATABASE_URL="$$url" $(BIN)/python -m pytest tests/test_postgres.py
