# The one place that knows how to set up, run, test and benchmark kbassist.
PYTHON ?= python3.11
VENV   ?= .venv
BIN     = $(VENV)/bin
PORT   ?= 5000
export HF_HUB_OFFLINE = 1
export TRANSFORMERS_OFFLINE = 1
export TOKENIZERS_PARALLELISM = false

.PHONY: run test setup bench lint clean-instance test-postgres test-servers

# Marker file: reinstall when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

setup: $(VENV)/.installed

# A first start loads the 500 most recent demo tickets, then serves while a background job
# loads the rest (the home page shows how far it got).
run: setup
	$(BIN)/kbassist demo --if-empty --first 500
	$(BIN)/kbassist serve --host 127.0.0.1 --port $(PORT)

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/search.py
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/gaps.py
	$(BIN)/python bench/credit.py
	$(BIN)/python bench/secret_detection.py
	$(BIN)/python bench/load.py
	$(BIN)/python bench/hostile.py --baseline c617296
	$(BIN)/python bench/crash.py

# The vector index at real-only, 10k, 100k and 1M rows, exact against approximate (the million
# alone builds for more than 15 minutes on two busy cores).
.PHONY: bench-scale
bench-scale: setup
	$(BIN)/python bench/scale.py

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

# Several app servers over one PostgreSQL and one Redis (issue 12): a throwaway cluster and
# redis-server (Debian's binaries), stopped and deleted by the trap even when a test fails.
test-servers: setup
	@pg="$$(mktemp -d /tmp/kbassist-pg.XXXXXX)"; rd="$$(mktemp -d /tmp/kbassist-redis.XXXXXX)"; \
	trap 'scripts/pg-test-cluster.sh stop "$$pg" >/dev/null; scripts/redis-test-server.sh stop "$$rd" >/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	url="$$(scripts/pg-test-cluster.sh start "$$pg")" || exit 1; \
	redis="$$(scripts/redis-test-server.sh start "$$rd")" || exit 1; \
	KBASSIST_TEST_DATABASE_URL="$$url" KBASSIST_TEST_REDIS_URL="$$redis" \
	$(BIN)/python -m pytest tests/test_servers.py
