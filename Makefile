# The two commands: `make run` and `make test`. Both need only Python 3.11+.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1:8000
PYTEST_ARGS ?= -n auto -m "not fuzz"

.PHONY: run test fuzz install install-dev lint check clean backup restore

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements-s3.txt requirements.txt $(VENV)/.installed
	$(PIP) install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	DEBUG=$${DEBUG:-true} $(PY) manage.py runserver $(HOST)

test: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

# The database and every stored file into one archive (README: Backup and
# restore); OUTPUT=path chooses where, else var/backups/dichvucong-<time>.tar.
backup: install
	$(PY) manage.py backup $(if $(OUTPUT),--output "$(OUTPUT)")

# FORCE=1 replaces a database that holds data.
restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/dichvucong-....tar [FORCE=1]"; exit 2; }
	$(PY) manage.py restore "$(FILE)" $(if $(FORCE),--force)

# Schemathesis against a live server, from the generated OpenAPI document.
fuzz: install-dev
	$(PY) -m pytest -m fuzz dichvucong/api

lint: install-dev
	$(VENV)/bin/ruff check .
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py export_openapi --check

clean:
	rm -rf $(VENV) var
