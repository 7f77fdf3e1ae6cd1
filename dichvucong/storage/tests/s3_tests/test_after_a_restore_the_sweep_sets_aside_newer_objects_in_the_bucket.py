"""On object storage as on disk: after an older backup is restored, the
sweep moves an object uploaded after that backup to the bucket's recovery/
prefix and lists it, instead of deleting it."""

from __future__ import annotations

import os
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from dichvucong.dossiers.testing import PDF_BYTES, make_dossier, pdf_upload
from dichvucong.dossiers.uploads import add_attachment

pytestmark = [pytest.mark.s3, pytest.mark.django_db(transaction=True)]


def test_an_object_newer_than_the_backup_moves_to_recovery(cast, bucket, tmp_path):
    dossier = make_dossier(cast)
    archive = tmp_path / "sao-luu.tar"
    call_command("backup", "--output", str(archive), stdout=StringIO())
    content = PDF_BYTES + os.urandom(1024)
    newer = add_attachment(dossier, cast.applicant, pdf_upload("bo-sung.pdf", content)).file.name
    call_command("restore", str(archive), "--force", stdout=StringIO())

    told = StringIO()
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        call_command("purge_orphan_files", stdout=told)

    (moved,) = [name for name in bucket.names() if name.startswith("recovery/")]
    assert moved.endswith("/" + newer) and newer not in bucket.names()
    assert bucket.read(moved) == content
    assert newer in told.getvalue() and f"s3://{bucket.name}/" in told.getvalue()
