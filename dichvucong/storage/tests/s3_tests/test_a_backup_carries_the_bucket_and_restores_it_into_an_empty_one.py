"""With S3_BUCKET set, the backup reads every object under S3_PREFIX
through the app's storage, and the restore writes them into an empty
bucket (a new provider, a lost bucket) under the same names with the same
bytes; the restored dossiers find their files there. The sweep's recovery
folder is a prefix of that bucket too. No key of the bucket goes into the
archive."""

from __future__ import annotations

import uuid
from io import StringIO

import boto3
import pytest
from django.core.management import call_command
from django.test import override_settings

from dichvucong.settings import s3_storage
from dichvucong.storage.tests.backups import holdings, make_district
from dichvucong.storage.tests.s3_tests.conftest import KEY_ID, PREFIX, REGION, SECRET, Bucket

pytestmark = [pytest.mark.s3, pytest.mark.django_db(transaction=True)]
ROUTER = "dichvucong.storage.tests.backups.ReadTheRestoredDatabase"


def _empty_bucket(bucket: Bucket, settings, monkeypatch) -> Bucket:
    name = f"dichvucong-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=bucket.endpoint,
        region_name=REGION,
        aws_access_key_id=KEY_ID,
        aws_secret_access_key=SECRET,
    )
    client.create_bucket(Bucket=name)
    monkeypatch.setenv("S3_BUCKET", name)
    settings.STORAGES = {**settings.STORAGES, "default": s3_storage()}
    return Bucket(client, name, bucket.endpoint)


def test_the_objects_come_back_into_an_empty_bucket(
    cast, bucket, restored_db, settings, monkeypatch, tmp_path, media_root
):
    make_district(cast)
    before = holdings()
    archive = tmp_path / "sao-luu.tar"
    call_command("backup", "--output", str(archive), stdout=StringIO())
    assert SECRET.encode() not in archive.read_bytes()

    empty = _empty_bucket(bucket, settings, monkeypatch)
    told = StringIO()
    call_command("restore", str(archive), "--database", restored_db, stdout=told)

    restored = {name for name in empty.names() if not name.startswith("restores/")}
    assert restored == bucket.names()
    assert all(empty.read(name) == bucket.read(name) for name in restored)
    with override_settings(DATABASE_ROUTERS=[ROUTER]):
        assert holdings() == before
    assert f"s3://{empty.name}/{PREFIX}/recovery" in told.getvalue()
    assert not media_root.exists()
