"""S3_BUCKET switches uploads and results to S3-compatible object storage,
configured by the other S3_* variables; a bad value or a missing
django-storages stops start-up with a message saying what to do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dichvucong import settings as project_settings
from dichvucong.env import ConfigError
from dichvucong.settings import s3_storage

ROOT = Path(__file__).resolve().parents[3]
S3_VARIABLES = (
    "S3_BUCKET",
    "S3_ENDPOINT_URL",
    "S3_REGION",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_PREFIX",
)


@pytest.fixture(autouse=True)
def no_s3_variables(monkeypatch):
    for variable in S3_VARIABLES:
        monkeypatch.delenv(variable, raising=False)


def test_every_variable_reaches_the_backend_and_files_stay_private(monkeypatch):
    monkeypatch.setenv("S3_BUCKET", "dichvucong-tx")
    monkeypatch.setenv("S3_ENDPOINT_URL", "https://s3.example.vn")
    monkeypatch.setenv("S3_REGION", "hn-1")
    monkeypatch.setenv("S3_ACCESS_KEY_ID", "AKTX")
    monkeypatch.setenv("S3_SECRET_ACCESS_KEY", "bi-mat")
    monkeypatch.setenv("S3_PREFIX", "/thanh-xuan/media/")

    storage = s3_storage()

    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"] == {
        "bucket_name": "dichvucong-tx",
        "endpoint_url": "https://s3.example.vn",
        "region_name": "hn-1",
        "access_key": "AKTX",
        "secret_key": "bi-mat",
        "location": "thanh-xuan/media",
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
        "max_memory_size": 2_621_440,
    }


def test_aws_needs_only_the_bucket(monkeypatch):
    monkeypatch.setenv("S3_BUCKET", "dichvucong-tx")

    options = s3_storage()["OPTIONS"]

    assert options["endpoint_url"] is None
    assert options["region_name"] == "us-east-1"
    assert options["access_key"] is None and options["secret_key"] is None
    assert options["location"] == ""


def test_a_key_without_its_secret_is_refused(monkeypatch):
    monkeypatch.setenv("S3_BUCKET", "dichvucong-tx")
    monkeypatch.setenv("S3_ACCESS_KEY_ID", "AKTX")

    with pytest.raises(ConfigError, match="S3_SECRET_ACCESS_KEY"):
        s3_storage()


@pytest.mark.parametrize("address", ["s3.example.vn", "ftp://s3.example.vn", "https://"])
def test_an_endpoint_that_is_not_a_web_address_is_refused(monkeypatch, address):
    monkeypatch.setenv("S3_BUCKET", "dichvucong-tx")
    monkeypatch.setenv("S3_ENDPOINT_URL", address)

    with pytest.raises(ConfigError, match="S3_ENDPOINT_URL"):
        s3_storage()


def test_without_django_storages_the_message_names_the_requirements_file(monkeypatch):
    monkeypatch.setenv("S3_BUCKET", "dichvucong-tx")
    real = project_settings.find_spec
    monkeypatch.setattr(
        project_settings, "find_spec", lambda name: None if name == "storages" else real(name)
    )

    with pytest.raises(ConfigError, match="requirements-s3.txt"):
        s3_storage()


def _start(data_dir: Path, code: str, **variables: str) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter loading the settings, as at start-up (with a
    throw-away DATA_DIR, which the settings create)."""
    env = {key: value for key, value in os.environ.items() if key not in S3_VARIABLES}
    env.update(variables, DJANGO_SETTINGS_MODULE="dichvucong.settings", DATA_DIR=str(data_dir))
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_start_up_chooses_the_bucket_only_when_one_is_named(tmp_path):
    show = "from django.conf import settings; print(settings.STORAGES['default']['BACKEND'])"

    on_disk = _start(tmp_path, show).stdout.strip()
    in_bucket = _start(tmp_path, show, S3_BUCKET="x").stdout.strip()

    assert on_disk == "django.core.files.storage.FileSystemStorage"
    assert in_bucket == "storages.backends.s3.S3Storage"


def test_start_up_without_django_storages_stops_with_the_remedy(tmp_path):
    # None in sys.modules makes the package unimportable, as if not installed.
    hidden = "import sys; sys.modules['storages'] = None; import dichvucong.settings"

    started = _start(tmp_path, hidden, S3_BUCKET="x")

    assert started.returncode != 0
    assert "ConfigError" in started.stderr
    assert "pip install -r requirements-s3.txt" in started.stderr
