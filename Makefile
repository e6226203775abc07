# Two commands set everything up: `make demo` (portal with demo content) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: install demo serve test lint check bench es es-stop clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

demo: install
	@bash scripts/system-packages.sh demo
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py setup_demo
	@PORTAL_DEBUG=0 $(MAKE) --no-print-directory serve

# The web server, the scheduler (publish_scheduled every minute) and the task worker of the
# admin's catalogue import; Ctrl-C stops all three.
serve: install
	@trap 'kill 0' INT TERM EXIT; \
	$(BIN)/python manage.py run_scheduler & \
	$(BIN)/python manage.py db_worker --backend disclosure_imports --no-reload & \
	echo "门户已启动：http://127.0.0.1:$(PORT)/  管理后台：http://127.0.0.1:$(PORT)/admin/"; \
	$(BIN)/python manage.py runserver --insecure 127.0.0.1:$(PORT)

test: install
	@bash scripts/system-packages.sh test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# bench_throughput serves the catalogue bench_pages built (100,000 documents) beside bakerydemo.
BENCH_DATA ?= /tmp/portal-bench
bench: install
	$(BIN)/pip install --quiet -e ".[test,bench]"
	@mkdir -p $(BENCH_DATA)
	@for script in bench/bench_*.py; do \
		case $$script in *bench_pages.py) args="--keep $(BENCH_DATA)/pages.sqlite3" ;; \
		*bench_throughput.py) args="--database $(BENCH_DATA)/pages.sqlite3" ;; *) args="" ;; esac; \
		echo "== $$script $$args"; $(BIN)/python $$script $$args || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-db.sqlite3 .test-media
