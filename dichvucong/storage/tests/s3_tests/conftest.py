"""A real S3 protocol server for the storage tests: moto's standalone
server on 127.0.0.1, spoken to over HTTP as production speaks to MinIO or a
cloud's object storage. Each test gets a bucket of its own, and the default
storage built from the S3_* variables by the settings' own s3_storage()."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto.server import ThreadedMotoServer

from dichvucong.settings import s3_storage

KEY_ID, SECRET, REGION = "dichvucong-test", "dichvucong-test-secret", "us-east-1"
PREFIX = "dichvucong"  # S3_PREFIX: the app's files live under it in the bucket
PUBLIC_GRANTEES = ("AllUsers", "AuthenticatedUsers")


@dataclass
class Bucket:
    """The test's bucket, read straight with boto3, not through Django."""

    client: Any
    name: str
    endpoint: str

    def names(self) -> set[str]:
        """The stored objects, named as the app names them (without S3_PREFIX)."""
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name)
        keys = {item["Key"] for page in pages for item in page.get("Contents", [])}
        assert all(key.startswith(f"{PREFIX}/") for key in keys), keys
        return {key.removeprefix(f"{PREFIX}/") for key in keys}

    def read(self, name: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=f"{PREFIX}/{name}")["Body"].read()

    def put(self, name: str, data: bytes) -> None:
        self.client.put_object(Bucket=self.name, Key=f"{PREFIX}/{name}", Body=data)

    def delete(self, name: str) -> None:
        self.client.delete_object(Bucket=self.name, Key=f"{PREFIX}/{name}")

    def is_private(self, name: str) -> bool:
        acl = self.client.get_object_acl(Bucket=self.name, Key=f"{PREFIX}/{name}")
        uris = [grant["Grantee"].get("URI", "") for grant in acl["Grants"]]
        return not any(uri.endswith(public) for uri in uris for public in PUBLIC_GRANTEES)


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint: str, settings: Any, monkeypatch: pytest.MonkeyPatch) -> Bucket:
    name = f"dichvucong-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=REGION,
        aws_access_key_id=KEY_ID,
        aws_secret_access_key=SECRET,
    )
    client.create_bucket(Bucket=name)
    variables = {
        "S3_BUCKET": name,
        "S3_ENDPOINT_URL": s3_endpoint,
        "S3_REGION": REGION,
        "S3_ACCESS_KEY_ID": KEY_ID,
        "S3_SECRET_ACCESS_KEY": SECRET,
        "S3_PREFIX": f"/{PREFIX}/",
    }
    for variable, value in variables.items():
        monkeypatch.setenv(variable, value)
    # The setting_changed signal drops Django's cached storages, and with
    # them default_storage, which every FileField here stores through.
    settings.STORAGES = {**settings.STORAGES, "default": s3_storage()}
    return Bucket(client, name, s3_endpoint)


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> Path:
    """Local disk, which must stay untouched: every file goes to the bucket."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
