# Bekasi Iconic CMS. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install run test test-sqlite test-postgres lint schema check-postgres browser clean

help: ## List the targets and what each does
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project with its test tools

run: $(STAMP) ## Set up the SQLite database with the real data and serve on 127.0.0.1:8000
	$(BIN)/python manage.py migrate --noinput
	SITE_HOSTNAME=$(HOST) SITE_PORT=$(PORT) $(BIN)/python manage.py bootstrap $(BOOTSTRAP_ARGS)
	$(BIN)/python manage.py ensure_admin
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo ""
	@echo "Bekasi Iconic CMS is starting on http://$(HOST):$(PORT)/"
	@echo "  reference client  http://$(HOST):$(PORT)/"
	@echo "  Wagtail admin     http://$(HOST):$(PORT)/admin/"
	@echo "  GraphQL API       http://$(HOST):$(PORT)/graphql/"
	@echo "  public pages      http://$(HOST):$(PORT)/disdukcapil/ktp-el/"
	@echo "Admin password lost? .venv/bin/python manage.py changepassword admin"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

check-postgres: $(STAMP) ## Fail unless PostgreSQL answers at POSTGRES_URL
	@$(BIN)/python scripts/check_postgres.py "$(POSTGRES_URL)"

lint: $(STAMP) ## Run ruff and check that no model change lacks a migration
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

browser: ## Install Debian's Chromium for the browser tests when it is missing
	@bash scripts/ensure-chromium.sh

test-sqlite: $(STAMP) ## Run the test suite on SQLite
	$(BIN)/pytest -p no:cacheprovider

test-postgres: $(STAMP) check-postgres ## Run the test suite on PostgreSQL at POSTGRES_URL
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest -p no:cacheprovider

# The two databases run side by side, one per core; --output-sync prints each
# run's output in one piece when it ends.
test: $(STAMP) lint browser check-postgres ## Lint, then run every test on SQLite and on PostgreSQL
	$(MAKE) --no-print-directory --jobs=2 --output-sync=target test-sqlite test-postgres

schema: $(STAMP) ## Export the GraphQL schema to frontend_contract/schema.graphql
	$(BIN)/python manage.py export_schema graphql_api.schema:schema --path frontend_contract/schema.graphql

clean: ## Remove the virtual environment, the SQLite database and local media
	rm -rf $(VENV) db.sqlite3 var
