"""With DEBUG off the settings choose the manifest storage; collectstatic
then writes each file under a name holding its content's hash, pages link
to that name, and WhiteNoise sends it with a long immutable Cache-Control.
The test settings keep plain names, so no test run needs collectstatic."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

MANIFEST = "whitenoise.storage.CompressedManifestStaticFilesStorage"
ROOT = Path(settings.BASE_DIR)


def _storage_with(**variables: str) -> str:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "dichvucong.settings", **variables}
    code = "from django.conf import settings as s; print(s.STORAGES['staticfiles']['BACKEND'])"
    run = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return run.stdout.strip()


def test_production_settings_fingerprint_and_the_embedded_mode_does_not() -> None:
    assert _storage_with(DEBUG="false") == MANIFEST
    assert _storage_with(DEBUG="true") != MANIFEST
    assert settings.STORAGES["staticfiles"]["BACKEND"] != MANIFEST  # the tests' own


def test_a_production_build_serves_fingerprinted_static_files_as_immutable(
    db, tmp_path: Path
) -> None:
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST}}
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages, WHITENOISE_AUTOREFRESH=False):
        call_command("collectstatic", "--noinput", verbosity=0)
        client = Client()  # its middleware (WhiteNoise) reads the new settings
        page = client.get("/").content.decode()
        css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page)
        assert css, "the page links to the fingerprinted stylesheet"
        sheet = client.get(css.group(1))
        plain = client.get("/static/css/site.css")
    assert sheet.status_code == 200
    control = sheet["Cache-Control"]
    assert "immutable" in control and "public" in control
    assert int(re.search(r"max-age=(\d+)", control).group(1)) >= 365 * 24 * 3600
    assert "immutable" not in plain.get("Cache-Control", "")
