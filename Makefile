# The two commands: `make run` and `make test`. Both need only Python 3.11+.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1:8000
# --dist loadfile: a module's tests run on one worker, so a module-scoped
# fixture (the demo, loaded once per module) is built once, not per worker.
PYTEST_ARGS ?= -n auto --dist loadfile -m "not fuzz"

.PHONY: run test fuzz install install-dev install-bench bench lint check-deploy check clean backup restore demo-cluster

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements-s3.txt requirements.txt $(VENV)/.installed dichvucong/lib/axe.py
	$(PIP) install --quiet --disable-pip-version-check -r requirements-dev.txt
	# axe-core for the browser tests' accessibility checks: the pinned npm
	# tarball, refused unless its sha512 matches (dichvucong/lib/axe.py).
	$(PY) -m dichvucong.lib.axe
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed-bench: requirements-bench.txt $(VENV)/.installed
	$(PIP) install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

install-bench: $(VENV)/.installed-bench

# The load benchmark (bench/README.md): gunicorn with production settings on
# PostgreSQL and Redis of this machine, DOSSIERS generated once, every key
# path driven by locust; the table goes into bench/RESULTS.md.
DOSSIERS ?= 1000000
BENCH_ARGS ?=
bench: install-bench
	$(PY) bench/load_bench.py --dossiers $(DOSSIERS) --write bench/RESULTS.md $(BENCH_ARGS)

# DEBUG on is the embedded mode: the production checks (core/checks.py)
# leave its built-in key, payment sandbox, console e-mail and log SMS alone.
# Unless DVCQG_URL is set, the national portal's stand-in runs beside the
# server on DVCQG_STANDIN_PORT and the dossiers' events are sent to it
# (README: Status sync with the national portal); unless ZALO_APP_ID is set,
# Zalo's ZNS stand-in runs on ZALO_STANDIN_PORT, so a demo citizen can choose
# Zalo on the account page. Ctrl-C stops them all.
DVCQG_STANDIN_PORT ?= 8089
DVCQG_STANDIN := http://127.0.0.1:$(DVCQG_STANDIN_PORT)/api
ZALO_STANDIN_PORT ?= 8090
ZALO_STANDIN := http://127.0.0.1:$(ZALO_STANDIN_PORT)
ZALO_DEMO_TEMPLATES := {"*": {"template_id": "demo-status", "data": {"ma_ho_so": "code", "trang_thai": "status_label", "ngay_hen": "due_date"}}, "appointment": {"template_id": "demo-appointment", "data": {"ma_lich_hen": "code", "gio": "time", "ngay": "day", "noi_hen": "agency"}}}
run: install
	DEBUG=$${DEBUG:-true} $(PY) manage.py migrate --noinput
	DEBUG=$${DEBUG:-true} $(PY) manage.py load_demo
	@export DEBUG=$${DEBUG:-true}; pids=""; \
	if [ -z "$$DVCQG_URL" ]; then \
	  $(PY) manage.py dvcqg_standin --port $(DVCQG_STANDIN_PORT) & pids="$$pids $$!"; \
	  export DVCQG_URL=$(DVCQG_STANDIN)/dongbo DVCQG_AUTH_URL=$(DVCQG_STANDIN)/xacthuc \
	    DVCQG_USERNAME=dichvucong DVCQG_PASSWORD=demo-secret DVCQG_UNIT_CODE=000.00.00.H26; \
	fi; \
	if [ -z "$$ZALO_APP_ID" ]; then \
	  $(PY) manage.py zalo_standin --port $(ZALO_STANDIN_PORT) & pids="$$pids $$!"; \
	  export ZALO_APP_ID=demo-app ZALO_APP_SECRET=demo-secret ZALO_OA_REFRESH_TOKEN=demo-refresh \
	    ZALO_ZNS_URL=$(ZALO_STANDIN)/message/template \
	    ZALO_OAUTH_URL=$(ZALO_STANDIN)/v4/oa/access_token \
	    ZALO_TEMPLATES='$(ZALO_DEMO_TEMPLATES)'; \
	fi; \
	trap 'kill $$pids 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST)

test: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

# The database and every stored file into one archive (README: Backup and
# restore); OUTPUT=path chooses where, else var/backups/dichvucong-<time>.tar.
backup: install
	DEBUG=$${DEBUG:-true} $(PY) manage.py backup $(if $(OUTPUT),--output "$(OUTPUT)")

# FORCE=1 replaces a database that holds data.
restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/dichvucong-....tar [FORCE=1]"; exit 2; }
	DEBUG=$${DEBUG:-true} $(PY) manage.py restore "$(FILE)" $(if $(FORCE),--force)

# Schemathesis against a live server, from the generated OpenAPI document.
fuzz: install-dev
	$(PY) -m pytest -m fuzz dichvucong/api

# The code's checks in the embedded mode, then the production configuration.
lint: install-dev check-deploy
	$(VENV)/bin/ruff check .
	DEBUG=true $(PY) manage.py check
	DEBUG=true $(PY) manage.py makemigrations --check --dry-run
	DEBUG=true $(PY) manage.py export_openapi --check
	DEBUG=true $(PY) manage.py privacy_records --check

# `check --deploy` on the production configuration the README documents
# (section "Production"), with example values: it must find nothing, not even
# a warning. The secrets are made afresh on each run, so no example secret
# is ever written down to be copied; so is the signing certificate (a
# throw-away CA standing for the agency's). No server is contacted.
PROD_EXAMPLE_HOST := dichvucong.thanhxuan.hanoi.gov.vn
check-deploy: install
	signing=$$(mktemp -d) && \
	DEBUG=true $(PY) manage.py signing_demo_ca --into "$$signing" >/dev/null && \
	env DEBUG=false \
	  SIGNING_PKCS12_PATH="$$signing/signer.p12" \
	  SIGNING_PKCS12_PASSWORD="$$(cat "$$signing/signer.password")" \
	  SIGNING_TRUST_ROOTS="$$signing/demo-ca.pem" \
	  SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	  ALLOWED_HOSTS=$(PROD_EXAMPLE_HOST) \
	  SITE_URL=https://$(PROD_EXAMPLE_HOST) \
	  CSRF_TRUSTED_ORIGINS=https://$(PROD_EXAMPLE_HOST) \
	  SECURE_COOKIES=true \
	  SECURE_SSL_REDIRECT=true \
	  SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto \
	  TRUSTED_PROXY_COUNT=1 \
	  DATABASE_URL=postgres://dichvucong:example@db.internal:5432/dichvucong \
	  REDIS_URL=redis://redis.internal:6379/0 \
	  CELERY_BROKER_URL=redis://redis.internal:6379/1 \
	  EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend \
	  EMAIL_HOST=smtp.thanhxuan.hanoi.gov.vn EMAIL_PORT=587 EMAIL_USE_TLS=true \
	  DEFAULT_FROM_EMAIL=dichvucong@thanhxuan.hanoi.gov.vn \
	  PAYMENT_GATEWAY=vnpay VNPAY_TMN_CODE=EXAMPLE1 \
	  VNPAY_HASH_SECRET="$$($(PY) -c 'import secrets; print(secrets.token_hex(16))')" \
	  VNPAY_URL=https://pay.vnpay.vn/vpcpay.html \
	  EVENT_LOG_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(40))')" \
	  ALLOW_LOG_SMS=true \
	  $(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) var

# Two app servers (127.0.0.1:8001 and :8002) sharing PostgreSQL, Redis, a
# Celery worker and S3 object storage (moto), DEBUG off, on a demo database
# made afresh (bench/cluster.py; README: Production, several machines).
# CLUSTER_DATABASE_URL, CLUSTER_REDIS_URL and CLUSTER_BROKER_URL choose
# where, PORTS=8001,8002 the ports; Ctrl-C stops everything.
demo-cluster: install-dev
	$(PY) bench/cluster.py $(if $(PORTS),--ports $(PORTS))
