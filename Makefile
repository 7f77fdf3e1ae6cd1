# The two commands: `make run` and `make test`. Both need only Python 3.11+.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1:8000
PYTEST_ARGS ?= -n auto -m "not fuzz"

.PHONY: run test fuzz install install-dev lint check clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements-s3.txt requirements.txt $(VENV)/.installed
	$(PIP) install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# DEBUG on is the embedded mode: the production checks (core/checks.py)
# leave its built-in key, payment sandbox, console e-mail and log SMS alone.
run: install
	DEBUG=$${DEBUG:-true} $(PY) manage.py migrate --noinput
	DEBUG=$${DEBUG:-true} $(PY) manage.py load_demo
	DEBUG=$${DEBUG:-true} $(PY) manage.py runserver $(HOST)

test: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

# Schemathesis against a live server, from the generated OpenAPI document.
fuzz: install-dev
	$(PY) -m pytest -m fuzz dichvucong/api

# The code's checks in the embedded mode (DEBUG on, as make run).
lint: install-dev
	$(VENV)/bin/ruff check .
	DEBUG=true $(PY) manage.py check
	DEBUG=true $(PY) manage.py makemigrations --check --dry-run
	DEBUG=true $(PY) manage.py export_openapi --check

clean:
	rm -rf $(VENV) var
