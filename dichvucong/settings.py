"""Settings for dichvucong, read from the environment only.

With no variable set this is the embedded default: SQLite (WAL) under
DATA_DIR, uploads on local disk (S3-compatible object storage when S3_BUCKET
is set), background work in-process, e-mail and SMS
to the console. Production is the same code with other variables; the README
lists each one with its default.
"""

from __future__ import annotations

import json
from importlib.util import find_spec
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dj_database_url

from dichvucong.env import (
    ConfigError,
    env_bool,
    env_by_code,
    env_int,
    env_list,
    env_str,
    env_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
# Without SECRET_KEY the embedded key is used; with DEBUG off the production
# checks (core/checks.py) refuse to start on it unless ALLOW_INSECURE_SECRET.
EMBEDDED_SECRET_KEY = "embedded-insecure-key-change-me-in-production-0123456789"
SECRET_KEY = env_str("SECRET_KEY", "") or EMBEDDED_SECRET_KEY
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# How many reverse proxies of ours stand in front (their X-Forwarded-For
# entries are trusted to name the client for rate limits); 0 = none.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# The public address for links on slips, QR codes, SMS and e-mails
# (dichvucong/public_url.py). Unset in development: links follow the
# request's host. Required in production (https, not loopback: E006).
SITE_URL = env_url("SITE_URL", "").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",  # django-csp: the Content-Security-Policy header and its checks
    # Staff second factor: authenticator apps (TOTP) and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "dichvucong.core",
    "dichvucong.audit",
    "dichvucong.catalogue",
    "dichvucong.documents",
    "dichvucong.accounts",
    "dichvucong.outreach",
    "dichvucong.dossiers",
    "dichvucong.backoffice",
    "dichvucong.payments",
    "dichvucong.notifications",
    "dichvucong.national",
    "dichvucong.results",
    "dichvucong.feedback",
    "dichvucong.api",
    "dichvucong.reports",
    "dichvucong.storage",
    "dichvucong.appointments",
    "dichvucong.retention",
    "dichvucong.privacy",
    "dichvucong.rights",
    "dichvucong.breaches",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Pages compressed on the wire (the statistics page: 48 KB of HTML, 7 KB
    # sent); Django's gzip pads each response with random bytes against
    # BREACH, and CSRF tokens are masked per request.
    "django.middleware.gzip.GZipMiddleware",
    # Security headers (issue 10): the policy on every response, static
    # files included; every response private (no-store) unless it is a
    # public page asked for by an anonymous visitor (core/caching.py).
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Development: links in PDFs and messages follow the request's host.
    "dichvucong.public_url.PublicOriginMiddleware",
    "dichvucong.core.caching.PrivateUnlessPublicMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before the session limits, whose log-outs it records too.
    "dichvucong.audit.middleware.AuditMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "dichvucong.accounts.middleware.SessionLimitsMiddleware",
    "dichvucong.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "dichvucong.throttle.ThrottleMiddleware",
    # Last, so it sees the views' exceptions first: a collision -> 503.
    "dichvucong.core.middleware.BusyMiddleware",
]

ROOT_URLCONF = "dichvucong.urls"
WSGI_APPLICATION = "dichvucong.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "dichvucong" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "dichvucong.core.navigation.navigation",
            ],
            "builtins": ["dichvucong.core.templatetags.vn"],
        },
    }
]

# --- Database -------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", "")
# How long a PostgreSQL statement waits for a row another request holds
# before giving up (then retried, and at worst answered 503: conflicts.py);
# far below gunicorn's timeout, so a stuck transaction cannot pile up workers.
DB_LOCK_TIMEOUT_MS = env_int("DB_LOCK_TIMEOUT_MS", 3000)
# A streaming replica of that database for reports and exports to read
# from (dichvucong/dbrouting.py); writes and migrations stay on the primary.
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL", "")


def _database(url: str) -> dict[str, Any]:
    database = dj_database_url.parse(url, conn_max_age=60)
    if database["ENGINE"] == "django.db.backends.postgresql":
        database.setdefault("OPTIONS", {})["options"] = f"-c lock_timeout={DB_LOCK_TIMEOUT_MS}"
    return database


if DATABASE_REPLICA_URL and not DATABASE_URL:
    raise ConfigError("DATABASE_REPLICA_URL is a replica of DATABASE_URL's database: set both")
if DATABASE_URL:
    DATABASES = {"default": _database(DATABASE_URL)}
    if DATABASE_REPLICA_URL:
        DATABASES["replica"] = _database(DATABASE_REPLICA_URL)
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "db.sqlite3",
            "OPTIONS": {
                # WAL lets readers go on while one writer writes; IMMEDIATE
                # takes the write lock at BEGIN so concurrent writers queue
                # instead of failing half-way with "database is locked".
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATABASE_ROUTERS = ["dichvucong.dbrouting.PrimaryReplicaRouter"]

# --- Cache and sessions ---------------------------------------------------
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    # Room for the throttling counters (dichvucong/throttle): locmem's
    # default of 300 entries would let a burst of new keys evict them.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Accounts and sessions ------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:after_login"
LOGOUT_REDIRECT_URL = "core:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Checks nothing: records every password set (audit/passwords.py).
    {"NAME": "dichvucong.audit.passwords.RecordPasswordChanges"},
]
# --- Throttling (dichvucong/throttle: the design is in its docstring) -------
# Failed logins in one window: per (account, address) pair, per address
# across accounts, per account across addresses (then only addresses with
# no failure may try).
LOGIN_MAX_FAILURES = env_int("LOGIN_MAX_FAILURES", 10)
LOGIN_ADDRESS_MAX_FAILURES = env_int("LOGIN_ADDRESS_MAX_FAILURES", 50)
LOGIN_ACCOUNT_MAX_FAILURES = env_int("LOGIN_ACCOUNT_MAX_FAILURES", 100)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 3600)
# Wrong second-factor codes: per (account, address), per account; the
# per-address limit is CODE_ADDRESS_MAX_FAILURES.
TWO_FACTOR_MAX_FAILURES = env_int("TWO_FACTOR_MAX_FAILURES", 5)
TWO_FACTOR_ACCOUNT_MAX_FAILURES = env_int("TWO_FACTOR_ACCOUNT_MAX_FAILURES", 20)
TWO_FACTOR_LOCKOUT_SECONDS = env_int("TWO_FACTOR_LOCKOUT_SECONDS", 900)
# One-time codes per client address an hour: wrong codes typed, codes and
# reset links sent.
CODE_ADDRESS_MAX_FAILURES = env_int("CODE_ADDRESS_MAX_FAILURES", 30)
CODE_SENDS_PER_ADDRESS = env_int("CODE_SENDS_PER_ADDRESS", 20)
# Failed public dossier lookups per address.
LOOKUP_MAX_FAILURES = env_int("LOOKUP_MAX_FAILURES", 10)
LOOKUP_WINDOW_SECONDS = env_int("LOOKUP_WINDOW_SECONDS", 15 * 60)
# Dossiers submitted an hour (web and API); an address may be a school or
# a ward office full of people.
SUBMISSIONS_PER_ACCOUNT = env_int("SUBMISSIONS_PER_ACCOUNT", 30)
SUBMISSIONS_PER_ADDRESS = env_int("SUBMISSIONS_PER_ADDRESS", 300)
# API: wrong keys per address in 15 minutes; requests per key a minute.
API_BAD_KEYS_PER_ADDRESS = env_int("API_BAD_KEYS_PER_ADDRESS", 20)
API_REQUESTS_PER_KEY_PER_MINUTE = env_int("API_REQUESTS_PER_KEY_PER_MINUTE", 600)

# --- Staff second factor (django-otp) ---------------------------------------
# The name an authenticator app shows above the code.
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Dịch vụ công Thanh Xuân")
# django-otp's own throttling delays a device after wrong codes, which
# anyone could trigger to lock a clerk out; our TWO_FACTOR lock-out, per
# (account, address), replaces it.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
STAFF_IDLE_SECONDS = env_int("STAFF_IDLE_SECONDS", 30 * 60)
SESSION_MAX_SECONDS = env_int("SESSION_MAX_SECONDS", 12 * 3600)
SESSION_COOKIE_AGE = SESSION_MAX_SECONDS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Django's page, noting the failure for the audit trail.
CSRF_FAILURE_VIEW = "dichvucong.audit.views.csrf_failure"

# --- Language, time, formats ----------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "dichvucong" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["dichvucong.formats"]

# --- Files ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(DATA_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "dichvucong" / "static"]
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))
# No MEDIA_URL on purpose: uploads are served only by views that check access.
# With DEBUG off, collectstatic writes each file under a name holding a hash
# of its content (css/site.3f2a….css) and a manifest that {% static %}
# reads; WhiteNoise sends those names with a ten-year immutable
# Cache-Control. The embedded mode (DEBUG on) and the test settings use
# plain names and need no collectstatic.
STATIC_MANIFEST = env_bool("STATIC_MANIFEST", not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG


def s3_storage() -> dict[str, Any]:
    """Uploads and results on S3-compatible object storage (MinIO, Viettel,
    FPT or VNG Cloud, AWS S3), from the S3_* variables. Objects stay private:
    no ACL is sent, so the bucket's own (private) applies, and browsers never
    get a bucket address: the views that check access stream each file."""
    if find_spec("storages") is None or find_spec("boto3") is None:
        raise ConfigError(
            "S3_BUCKET is set but django-storages is not installed: "
            "pip install -r requirements-s3.txt"
        )
    key, secret = env_str("S3_ACCESS_KEY_ID"), env_str("S3_SECRET_ACCESS_KEY")
    if bool(key) != bool(secret):
        raise ConfigError("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together")
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET"),
            "endpoint_url": env_url("S3_ENDPOINT_URL") or None,
            "region_name": env_str("S3_REGION") or "us-east-1",
            # None: boto3's own chain (AWS_* variables, an instance role).
            "access_key": key or None,
            "secret_key": secret or None,
            "location": env_str("S3_PREFIX").strip("/"),
            "default_acl": None,
            "querystring_auth": True,
            # A name already taken gets a suffix, as on local disk.
            "file_overwrite": False,
            # A download is read into memory up to 2.5 MB (Django's limit
            # for uploads), beyond that into a temporary file.
            "max_memory_size": 2_621_440,
        },
    }


if env_str("S3_BUCKET"):
    STORAGES["default"] = s3_storage()

# --- Mail -----------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "dichvucong@localhost")
# Well under the outbox's 10-minute lease, so a hung SMTP server cannot make
# a message look lost and be sent again.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)

# --- Domain ---------------------------------------------------------------
# Hour after which a dossier counts as received on the next working day.
RECEPTION_CUTOFF_HOUR = env_int("RECEPTION_CUTOFF_HOUR", 15)
# How long the public statistics page keeps its figures; 0 = always live.
REPORTS_CACHE_SECONDS = env_int("REPORTS_CACHE_SECONDS", 300)
# An uploaded image may declare at most this many pixels (a decompression
# bomb declares gigapixels in a few kilobytes). 40 megapixels takes an A4
# page scanned at 600 dpi (35 MP) and a phone photo at its default setting
# (12-24 MP: 48-200 MP sensors bin pixels unless told otherwise); decoded,
# it is 160 MB of memory for whoever opens it, where 30000 x 30000 is 3.6 GB.
UPLOAD_MAX_IMAGE_MEGAPIXELS = env_int("UPLOAD_MAX_IMAGE_MEGAPIXELS", 40)
if UPLOAD_MAX_IMAGE_MEGAPIXELS < 1:
    raise ConfigError("UPLOAD_MAX_IMAGE_MEGAPIXELS must be at least 1")
UPLOAD_MAX_IMAGE_PIXELS = UPLOAD_MAX_IMAGE_MEGAPIXELS * 1_000_000

# --- Dossier event log ----------------------------------------------------
# The key of the event log's HMAC chain (dossiers/events.py). It lives
# outside the database, so someone who can write to the database cannot
# recompute the chain after editing an event. Empty: derived from
# SECRET_KEY (the embedded mode); production sets its own and keeps it
# like a backup: with another key every event reads as edited.
EVENT_LOG_KEY = env_str("EVENT_LOG_KEY", "")
if EVENT_LOG_KEY and len(EVENT_LOG_KEY) < 32:
    raise ConfigError("EVENT_LOG_KEY must be at least 32 characters long")
# Events written before the key existed carry a plain SHA-256 and are
# accepted at the start of a chain. An installation that began with the
# key sets this to false, so a chain recomputed without it from its very
# first event is caught as well.
EVENT_LOG_ALLOW_UNKEYED = env_bool("EVENT_LOG_ALLOW_UNKEYED", True)

# --- Background work (Celery) and notifications ----------------------------
# No broker: the embedded default runs each task in-process, at once, after
# the commit that queued it; a failed task is logged, never raised into the
# request (the outbox row stays and is retried). With a broker (Redis),
# `celery -A dichvucong worker` runs the tasks and `celery -A dichvucong beat`
# the schedule.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True  # tasks write their outcome to the database
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True  # a worker waits for Redis to come up
CELERY_BEAT_SCHEDULE = {
    # Retries failed sends and sends messages whose task was lost.
    "drain-outbox": {
        "task": "dichvucong.notifications.tasks.drain_outbox_task",
        "schedule": 60.0,
    },
    # The statistics' waiting entries moved into day and month sums
    # (reports/tally): reading stays short whatever the number of dossiers.
    "compact-statistics": {
        "task": "dichvucong.reports.tasks.compact_statistics_task",
        "schedule": 60.0,
    },
    # Dossier events for the national portal: retries with back-off, and
    # messages whose task was lost (national/sending.py).
    "sync-national-portal": {
        "task": "dichvucong.national.tasks.drain_task",
        "schedule": 60.0,
    },
    # Roster files previewed but never confirmed list minors: deleted after two days.
    "expire-roster-previews": {
        "task": "dichvucong.outreach.tasks.expire_roster_previews_task",
        "schedule": 3600.0,
    },
    # SMS reminders of tomorrow's counter appointments; idempotent (one per
    # booking), so hourly also reaches bookings made late in the day.
    "remind-appointments": {
        "task": "dichvucong.appointments.tasks.remind_tomorrows_bookings_task",
        "schedule": 3600.0,
    },
    # Personal data past its retention period deleted or blanked, once a
    # day (retention/; the periods are the RETENTION_* settings below).
    "apply-retention": {
        "task": "dichvucong.retention.tasks.apply_retention_task",
        "schedule": 86400.0,
    },
}
# Counter appointments (appointments/): how many working days ahead a
# citizen may book, and bookings per account per hour.
APPOINTMENT_BOOKING_DAYS = env_int("APPOINTMENT_BOOKING_DAYS", 20)
APPOINTMENT_BOOKINGS_PER_ACCOUNT = env_int("APPOINTMENT_BOOKINGS_PER_ACCOUNT", 5)
# Retention (issue 16, point 3): days each kind of personal data is kept
# before manage.py apply_retention deletes or blanks it. Why each default
# is what it is: dichvucong/retention/policy.py. Submitted dossiers, results
# and the event log are kept under the archives rules, not by these.
RETENTION_DRAFT_DAYS = env_int("RETENTION_DRAFT_DAYS", 180)
RETENTION_ENDED_FILES_DAYS = env_int("RETENTION_ENDED_FILES_DAYS", 365)
RETENTION_CODES_DAYS = env_int("RETENTION_CODES_DAYS", 1)
RETENTION_SESSIONS_DAYS = env_int("RETENTION_SESSIONS_DAYS", 0)
RETENTION_NOTIFICATION_BODY_DAYS = env_int("RETENTION_NOTIFICATION_BODY_DAYS", 90)
RETENTION_ACCESS_LOG_DAYS = env_int("RETENTION_ACCESS_LOG_DAYS", 730)
RETENTION_PRACTICE_DAYS = env_int("RETENTION_PRACTICE_DAYS", 30)
for _name in (
    "RETENTION_DRAFT_DAYS", "RETENTION_ENDED_FILES_DAYS", "RETENTION_CODES_DAYS",
    "RETENTION_SESSIONS_DAYS", "RETENTION_NOTIFICATION_BODY_DAYS",
    "RETENTION_ACCESS_LOG_DAYS", "RETENTION_PRACTICE_DAYS",
):
    if globals()[_name] < 0:
        raise ConfigError(f"{_name} must be 0 or more days")
# "log" writes each SMS to the log, number masked; or the dotted path of a
# provider class (dichvucong/notifications/sms.py).
SMS_PROVIDER = env_str("SMS_PROVIDER", "log")
# Zalo Notification Service (notifications/zalo.py): set all four of
# app id, secret, the OA's first refresh token and the templates, or none
# (the channel is then off and nobody can choose it). ZALO_TEMPLATES is
# JSON: {"<status or *>": {"template_id": "...", "data": {"<param>": "<field>"}}}.
ZALO_APP_ID = env_str("ZALO_APP_ID")
ZALO_APP_SECRET = env_str("ZALO_APP_SECRET")
ZALO_OA_REFRESH_TOKEN = env_str("ZALO_OA_REFRESH_TOKEN")
ZALO_ZNS_URL = env_url("ZALO_ZNS_URL", "https://business.openapi.zalo.me/message/template")
ZALO_OAUTH_URL = env_url("ZALO_OAUTH_URL", "https://oauth.zaloapp.com/v4/oa/access_token")


def _zalo_templates(raw: str) -> dict[str, Any]:
    try:
        templates = json.loads(raw) if raw else {}
    except ValueError:
        raise ConfigError("ZALO_TEMPLATES must be JSON") from None
    well_formed = isinstance(templates, dict) and all(
        isinstance(t, dict) and t.get("template_id") and isinstance(t.get("data", {}), dict)
        for t in templates.values()
    )
    if not well_formed:
        raise ConfigError('ZALO_TEMPLATES: {"status": {"template_id": "...", "data": {...}}}')
    return templates


ZALO_TEMPLATES = _zalo_templates(env_str("ZALO_TEMPLATES"))
_zalo_set = [ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_REFRESH_TOKEN, ZALO_TEMPLATES]
if any(_zalo_set) and not all(_zalo_set):
    raise ConfigError(
        "Zalo half-configured: set ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_REFRESH_TOKEN "
        "and ZALO_TEMPLATES together, or none of them"
    )
# --- end of Celery and notifications ---------------------------------------

# --- Digital signatures (issue 14 point 2) ---------------------------------
# Results, receipts and slips are signed as PAdES with the agency's office
# certificate (documents/signing/). Either a PKCS#12 file and its password,
# or a PKCS#11 token: module, token label, key label (and the certificate's
# label, if it differs) and PIN. SIGNING_TRUST_ROOTS (PEM files, comma
# separated) are the roots the verification page trusts; required with
# either. With none of these set the system makes its own demo CA in
# SIGNING_DEMO_DIR and signs with it: refused with DEBUG off (E008) unless
# ALLOW_DEMO_SIGNING; it gives each agency a certificate of its own.
# On top of the office certificate, agencies (a ward's People's Committee)
# may sign with their own PKCS#12 file: SIGNING_AGENCY_PKCS12 =
# "T.KM=/etc/dvc/khuongmai.p12; T.KD=/etc/dvc/khuongdinh.p12" by unit code,
# and SIGNING_AGENCY_PKCS12_PASSWORDS = "T.KM=...; T.KD=..." the same way.
# Two lists keyed alike rather than a variable per agency: unit codes have
# dots, which no shell variable name may, and a misspelt variable would be
# ignored in silence while a code in one list and not the other is refused.
SIGNING_PKCS12_PATH = env_str("SIGNING_PKCS12_PATH").strip()
SIGNING_PKCS12_PASSWORD = env_str("SIGNING_PKCS12_PASSWORD")
SIGNING_PKCS11_MODULE = env_str("SIGNING_PKCS11_MODULE").strip()
SIGNING_PKCS11_TOKEN_LABEL = env_str("SIGNING_PKCS11_TOKEN_LABEL").strip()
SIGNING_PKCS11_KEY_LABEL = env_str("SIGNING_PKCS11_KEY_LABEL").strip()
SIGNING_PKCS11_CERT_LABEL = env_str("SIGNING_PKCS11_CERT_LABEL").strip()
SIGNING_PKCS11_PIN = env_str("SIGNING_PKCS11_PIN")
SIGNING_TRUST_ROOTS = env_list("SIGNING_TRUST_ROOTS", [])
SIGNING_DEMO_DIR = Path(env_str("SIGNING_DEMO_DIR", str(DATA_DIR / "signing-demo")))
ALLOW_DEMO_SIGNING = env_bool("ALLOW_DEMO_SIGNING", False)
SIGNING_AGENCY_PKCS12 = env_by_code("SIGNING_AGENCY_PKCS12")
SIGNING_AGENCY_PKCS12_PASSWORDS = env_by_code("SIGNING_AGENCY_PKCS12_PASSWORDS", secret=True)


def _agency_signing_problem(office: bool) -> str:
    """Why the agencies' own certificates cannot work, or ""."""
    files, passwords = SIGNING_AGENCY_PKCS12, SIGNING_AGENCY_PKCS12_PASSWORDS
    if (files or passwords) and not office:
        return (
            "agencies' certificates (SIGNING_AGENCY_PKCS12) go on top of the office's "
            "certificate and SIGNING_TRUST_ROOTS, which are not set"
        )
    without_password = sorted(files.keys() - passwords.keys())
    if without_password:
        return f"no password for {without_password[0]} in SIGNING_AGENCY_PKCS12_PASSWORDS"
    without_file = sorted(passwords.keys() - files.keys())
    if without_file:
        return f"a password for {without_file[0]} but no file for it in SIGNING_AGENCY_PKCS12"
    for code, name in files.items():
        if not Path(name).is_file():
            return f"no such file: {name} (SIGNING_AGENCY_PKCS12, {code})"
    return ""


def _signing_problem() -> str:
    """Why the signing settings cannot work together, or ""."""
    p12 = [SIGNING_PKCS12_PATH, SIGNING_PKCS12_PASSWORD]
    p11 = [SIGNING_PKCS11_MODULE, SIGNING_PKCS11_TOKEN_LABEL, SIGNING_PKCS11_KEY_LABEL]
    if any(p12) and not all(p12):
        return "set SIGNING_PKCS12_PATH and SIGNING_PKCS12_PASSWORD together"
    if any(p11) and not all(p11):
        return (
            "set SIGNING_PKCS11_MODULE, SIGNING_PKCS11_TOKEN_LABEL and "
            "SIGNING_PKCS11_KEY_LABEL together (and SIGNING_PKCS11_PIN unless the token asks)"
        )
    if all(p12) and all(p11):
        return "set either the SIGNING_PKCS12_* or the SIGNING_PKCS11_* variables, not both"
    if (all(p12) or all(p11)) != bool(SIGNING_TRUST_ROOTS):
        return "a signing certificate and SIGNING_TRUST_ROOTS go together"
    for name in [SIGNING_PKCS12_PATH, SIGNING_PKCS11_MODULE, *SIGNING_TRUST_ROOTS]:
        if name and not Path(name).is_file():
            return f"no such file: {name}"
    return _agency_signing_problem(office=all(p12) or all(p11))


if _signing_problem():
    raise ConfigError(f"Digital signatures half-configured: {_signing_problem()}")
# --- end of digital signatures ---------------------------------------------

# --- National public service portal (Cổng DVCQG, national/) ---------------
# Each tracked dossier event is sent to the portal's integration service
# (DongBoHoSoMC) through an outbox. Set the URL, login URL, user name,
# password and our unit code together, or none (then no row is written and
# nothing is sent). DVCQG_DSTCODE is the routing header some gateways
# (LGSP/NGSP) ask for; DVCQG_AGENCY_UNIT_CODES gives agencies a unit code of
# their own: "T.KM=000.20.31.H26; T.KD=000.21.31.H26".
DVCQG_URL = env_url("DVCQG_URL")
DVCQG_AUTH_URL = env_url("DVCQG_AUTH_URL")
DVCQG_USERNAME = env_str("DVCQG_USERNAME")
DVCQG_PASSWORD = env_str("DVCQG_PASSWORD")
DVCQG_UNIT_CODE = env_str("DVCQG_UNIT_CODE").strip()
DVCQG_DSTCODE = env_str("DVCQG_DSTCODE").strip()


def _agency_unit_codes(raw: str) -> dict[str, str]:
    codes: dict[str, str] = {}
    for part in filter(None, (item.strip() for item in raw.split(";"))):
        ours, _, national = (side.strip() for side in part.partition("="))
        if not ours or not national:
            raise ConfigError(f"DVCQG_AGENCY_UNIT_CODES: {part!r} is not UNIT_CODE=NATIONAL_CODE")
        codes[ours] = national
    return codes


DVCQG_AGENCY_UNIT_CODES = _agency_unit_codes(env_str("DVCQG_AGENCY_UNIT_CODES"))
_dvcqg_set = [DVCQG_URL, DVCQG_AUTH_URL, DVCQG_USERNAME, DVCQG_PASSWORD, DVCQG_UNIT_CODE]
if any(_dvcqg_set) and not all(_dvcqg_set):
    raise ConfigError(
        "DVCQG half-configured: set DVCQG_URL, DVCQG_AUTH_URL, DVCQG_USERNAME, "
        "DVCQG_PASSWORD and DVCQG_UNIT_CODE together, or none of them"
    )
# --- end of national portal ------------------------------------------------

# --- Production safety (issue 10) -----------------------------------------
# With DEBUG off the system checks refuse to start (manage.py, gunicorn,
# Celery) on an embedded default that is unsafe in production, unless the
# variable below allows it deliberately (core/checks.py; the README's
# "Production" section). With DEBUG on (make run) they are not checked.
ALLOW_INSECURE_SECRET = env_bool("ALLOW_INSECURE_SECRET", False)
ALLOW_PAYMENT_SANDBOX = env_bool("ALLOW_PAYMENT_SANDBOX", False)
ALLOW_CONSOLE_EMAIL = env_bool("ALLOW_CONSOLE_EMAIL", False)
ALLOW_LOG_SMS = env_bool("ALLOW_LOG_SMS", False)
ALLOW_DERIVED_EVENT_KEY = env_bool("ALLOW_DERIVED_EVENT_KEY", False)
# Demo mode: /demo/ lists the demo accounts with their passwords and the
# demo staff's current second-factor codes, and one-time codes are shown in
# full (console and /demo/). On with DEBUG unless said otherwise; with DEBUG
# off it is refused (E007) unless ALLOW_DEMO_MODE.
DEMO_MODE = env_bool("DEMO_MODE", DEBUG)
ALLOW_DEMO_MODE = env_bool("ALLOW_DEMO_MODE", False)
# --- end of production safety ----------------------------------------------

# --- HTTPS and security headers (issue 10) --------------------------------
# Behind a reverse proxy that ends TLS, name the header it sets to "https"
# (e.g. X-Forwarded-Proto): only then does a request count as secure, which
# HSTS, the SSL redirect and secure cookies rely on. The proxy must set or
# overwrite that header on every request.
_proxy_ssl_header = env_str("SECURE_PROXY_SSL_HEADER", "").strip()
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https") if _proxy_ssl_header else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# Sent only on HTTPS responses, so the embedded default over http never
# carries it. One year, subdomains included.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # Preloading commits the whole registrable domain (e.g. the district's
    # .gov.vn) to HTTPS in every browser, for good: a decision for whoever
    # owns that domain, not a default of this application.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


# Our own files only: no inline style or script, no outside host. The one
# exception is where a form may lead: paying online posts to us and is
# redirected to the gateway's page, which form-action also governs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'", *filter(None, [_origin(env_str("VNPAY_URL"))])],
    }
}
# --- end of HTTPS and security headers -------------------------------------

# --- Bank transfer by VietQR (issue 14) -----------------------------------
# The account the fee page's VietQR code pays into (payments/bank_transfer.py
# checks the values at start-up). All three empty (the default): no QR code.
# VIETQR_BANK_BIN is the bank's 6-digit NAPAS BIN (e.g. 970415 VietinBank).
VIETQR_BANK_BIN = env_str("VIETQR_BANK_BIN", "").strip()
VIETQR_ACCOUNT_NUMBER = env_str("VIETQR_ACCOUNT_NUMBER", "").strip()
VIETQR_ACCOUNT_NAME = env_str("VIETQR_ACCOUNT_NAME", "").strip()
# Agencies with an account of their own, by unit code:
# "T.KM=970415:113366668888:UBND PHUONG KHUONG MAI; T.KD=970436:...:..."
# A department without one uses its committee's, then the default above.
VIETQR_AGENCY_ACCOUNTS = env_str("VIETQR_AGENCY_ACCOUNTS", "").strip()
# --- end of bank transfer ---------------------------------------------------

# --- Log in with the national e-ID (issue 14) -----------------------------
# Any OpenID Connect provider (VNeID's, or a province's identity service):
# authorization code with PKCE, signed ID tokens (accounts/vneid/). Set the
# issuer, client id and secret together, or none: with none the button is
# not shown (in demo mode the local stand-in under /demo/vneid/ is used
# instead). The discovery document is read from
# <VNEID_ISSUER>/.well-known/openid-configuration. VNEID_ID_NUMBER_CLAIM
# names the claim that carries the 12-digit personal ID number.
VNEID_ISSUER = env_url("VNEID_ISSUER").rstrip("/")
VNEID_CLIENT_ID = env_str("VNEID_CLIENT_ID").strip()
VNEID_CLIENT_SECRET = env_str("VNEID_CLIENT_SECRET").strip()
VNEID_SCOPES = env_str("VNEID_SCOPES", "openid profile address phone").strip()
VNEID_ID_NUMBER_CLAIM = env_str("VNEID_ID_NUMBER_CLAIM", "id_number").strip()
_vneid_set = [VNEID_ISSUER, VNEID_CLIENT_ID, VNEID_CLIENT_SECRET]
if any(_vneid_set) and not all(_vneid_set):
    raise ConfigError(
        "National e-ID half-configured: set VNEID_ISSUER, VNEID_CLIENT_ID and "
        "VNEID_CLIENT_SECRET together, or none of them"
    )
if VNEID_ISSUER and "openid" not in VNEID_SCOPES.split():
    raise ConfigError("VNEID_SCOPES must include openid")
# --- end of national e-ID ----------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
