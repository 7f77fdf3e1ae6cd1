"""Settings for the test suite: the real settings with a cheaper Argon2.

Production Argon2 costs ~100 MB and tens of milliseconds per hash on
purpose; the suite creates hundreds of users, so it keeps the same algorithm
(hashes still start with "argon2") with the smallest cost parameters.
"""

import os
import tempfile
from pathlib import Path

from dichvucong.settings import *  # noqa: F403

# Uploads made by tests go to a throw-away folder, never to var/media, and
# never to a real bucket named by an S3_BUCKET left in the shell (the S3
# tests point the storage at their own server).
# A server process started by a test (load and crash tests) is handed the
# test process's folder, so both see the same files.
MEDIA_ROOT = Path(
    os.environ.get("DICHVUCONG_TEST_MEDIA_ROOT")
    or tempfile.mkdtemp(prefix="dichvucong-test-media-")
)
# Static files under their plain names, found by WhiteNoise in the source
# folders: no collectstatic before a test run, whatever DEBUG says.
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Public pages are not kept whole (dichvucong/public_pages.py): tests read
# each response's template context. The tests of that cache turn it on;
# ETags and 304s work either way.
PUBLIC_PAGES_CACHE_SECONDS = 0

PASSWORD_HASHERS = ["dichvucong.accounts.hashers.TestArgon2PasswordHasher"]

# The suite runs the embedded defaults with DEBUG off (as pytest-django
# does), so it allows each of them explicitly, as an operator would have to
# (core/checks.py). Tests of the refusals start a process with the real
# settings instead.
ALLOW_INSECURE_SECRET = True
ALLOW_PAYMENT_SANDBOX = True
ALLOW_CONSOLE_EMAIL = True
ALLOW_LOG_SMS = True
ALLOW_DERIVED_EVENT_KEY = True
ALLOW_DEMO_SIGNING = True
# The demo CA of the test run (documents/signing/demo_ca.py), never var/'s;
# shared with a server process a test starts, like MEDIA_ROOT.
SIGNING_DEMO_DIR = Path(
    os.environ.get("DICHVUCONG_TEST_SIGNING_DIR")
    or tempfile.mkdtemp(prefix="dichvucong-test-signing-")
)

# Demo mode follows DEBUG, which a shell may set: tests that need the demo
# page turn it on themselves.
DEMO_MODE = False

# Browser tests check every page the live server sends with axe-core
# (dichvucong/lib/axe.py); the recorder does nothing outside them. It sits
# inside the gzip middleware, so it keeps pages as written.
_GZIP = MIDDLEWARE.index("django.middleware.gzip.GZipMiddleware") + 1  # noqa: F405
MIDDLEWARE = [*MIDDLEWARE[:_GZIP], "dichvucong.lib.axe.record_served_pages", *MIDDLEWARE[_GZIP:]]  # noqa: F405

# Reports read from a replica where there is one (dichvucong/dbrouting.py).
# On PostgreSQL the tests have one: the test database itself under the
# alias "replica" (a test mirror), as DATABASE_REPLICA_URL=DATABASE_URL would
# give. A test that reaches it commits its data (transaction=True) and
# names it: django_db(databases=["default", "replica"]). Inside the
# transaction of an ordinary test, reports read from "default".
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
else:
    DATABASES.pop("replica", None)  # noqa: F405
