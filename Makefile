# Two promises: `make run` serves the archive, `make test` passes every test.
# Both work on a fresh machine with only Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV := DEBUG=1

.PHONY: setup run migrate load test e2e lint format fixtures import bench bench-import db-stop clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)


setup: $(STAMP)

migrate: setup
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py createcachetable

load: migrate
	$(DEV) $(BIN)/python manage.py load_archive

run: load
	@echo "Archive: http://127.0.0.1:8000/  -  admin user: $(BIN)/python manage.py createsuperuser"
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

fixtures: setup
	$(DEV) $(BIN)/python manage.py build_fixture

import: migrate
	$(DEV) $(BIN)/python manage.py import_documents $(or $(DOCS),fixtures/documents)

N ?= 100000
bench: setup
	$(BIN)/python bench/run.py --items $(N)
	$(BIN)/python bench/api.py --items $(N)

DOCS_N ?= 10000
bench-import: setup
	$(BIN)/python bench/imports.py --documents $(DOCS_N)

test: setup
	$(BIN)/python -m pytest

e2e: setup
	$(BIN)/python -m pytest tests/e2e

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

VAR ?= var
STATIC_ROOT_DIR ?= staticfiles

db-stop:
	@test ! -x $(BIN)/python || $(DEV) ARCHIVE_VAR_DIR=$(VAR) $(BIN)/python -m archive.embedded_db stop

# Always works: a database that cannot be stopped does not keep the files from going.
clean:
	-@$(MAKE) --no-print-directory db-stop VENV=$(VENV) VAR=$(VAR)
	rm -rf $(VENV) $(VAR) $(STATIC_ROOT_DIR)
