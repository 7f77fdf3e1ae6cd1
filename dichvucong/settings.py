"""Settings for dichvucong, read from the environment only.

With no variable set this is the embedded default: SQLite (WAL) under
DATA_DIR, uploads on local disk (S3-compatible object storage when S3_BUCKET
is set), background work in-process, e-mail and SMS
to the console. Production is the same code with other variables; the README
lists each one with its default.
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path
from typing import Any

import dj_database_url

from dichvucong.env import ConfigError, env_bool, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if not env_bool("ALLOW_INSECURE_SECRET", True):
        raise ConfigError("SECRET_KEY must be set in production")
    SECRET_KEY = "embedded-insecure-key-change-me-in-production-0123456789"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# How many reverse proxies of ours stand in front (their X-Forwarded-For
# entries are trusted to name the client for rate limits); 0 = none.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "dichvucong.core",
    "dichvucong.audit",
    "dichvucong.catalogue",
    "dichvucong.accounts",
    "dichvucong.outreach",
    "dichvucong.dossiers",
    "dichvucong.backoffice",
    "dichvucong.payments",
    "dichvucong.notifications",
    "dichvucong.results",
    "dichvucong.feedback",
    "dichvucong.api",
    "dichvucong.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "dichvucong.accounts.middleware.SessionLimitsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
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
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
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
]
LOGIN_MAX_FAILURES = env_int("LOGIN_MAX_FAILURES", 10)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 3600)
STAFF_IDLE_SECONDS = env_int("STAFF_IDLE_SECONDS", 30 * 60)
SESSION_MAX_SECONDS = env_int("SESSION_MAX_SECONDS", 12 * 3600)
SESSION_COOKIE_AGE = SESSION_MAX_SECONDS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

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
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
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
}
# "log" writes each SMS to the log, number masked; or the dotted path of a
# provider class (dichvucong/notifications/sms.py).
SMS_PROVIDER = env_str("SMS_PROVIDER", "log")
# --- end of Celery and notifications ---------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
