"""An applicant's upload goes through the documents page into the bucket,
privately; the download view streams the same bytes from the bucket after
its access check and refuses everyone else, and a removed draft file is
deleted from the bucket once the removal commits."""

from __future__ import annotations

import hashlib
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.models import Attachment, Dossier
from dichvucong.dossiers.testing import make_draft
from dichvucong.lib.tests.hostile_files import document

pytestmark = [pytest.mark.s3, pytest.mark.django_db]

# Over Django's 2.5 MB in-memory limit, so the upload arrives as a temporary
# file and the download is spooled to disk: both paths of a real scan.
# A real PDF (uploads are read) carrying 3 MB of scanned-looking bytes.
SCAN = os.urandom(3 * 1024 * 1024)
CONTENT = document(more=[b"<< /Length %d >>\nstream\n%s\nendstream" % (len(SCAN), SCAN)])


def _documents_url(dossier: Dossier) -> str:
    return reverse("dossiers:documents", args=[dossier.public_id])


def _file_url(attachment: Attachment) -> str:
    return reverse("dossiers:attachment", args=[attachment.public_id])


def _upload_through_the_page(client, dossier: Dossier) -> Attachment:
    scan = SimpleUploadedFile("can-cuoc-cong-dan.pdf", CONTENT, "application/pdf")
    response = client.post(_documents_url(dossier), {"doc-other": scan, "action": "upload"})
    assert response.status_code == 302
    return dossier.attachments.get(original_name="can-cuoc-cong-dan.pdf")


def _download(client, attachment: Attachment) -> bytes:
    response = client.get(_file_url(attachment))
    assert response.status_code == 200
    assert response.streaming
    assert int(response["Content-Length"]) == attachment.size
    return b"".join(response.streaming_content)


def test_the_upload_is_a_private_object_streamed_back_after_the_check(
    cast, client, bucket, media_root
):
    dossier = make_draft(cast)
    client.force_login(cast.applicant)

    attachment = _upload_through_the_page(client, dossier)

    assert bucket.names() == set(dossier.attachments.values_list("file", flat=True))
    assert attachment.file.name.startswith("dossiers/")
    assert bucket.read(attachment.file.name) == CONTENT
    assert attachment.sha256 == hashlib.sha256(CONTENT).hexdigest()
    assert bucket.is_private(attachment.file.name)
    assert not media_root.exists()
    assert _download(client, attachment) == CONTENT

    lifecycle.submit(dossier, cast.applicant)
    login_verified(client, cast.receptionist_a)
    assert _download(client, attachment) == CONTENT


@pytest.mark.parametrize("who", ["other_applicant", "receptionist_b", "leader_b"])
def test_everyone_else_is_refused(cast, client, bucket, who: str):
    dossier = make_draft(cast)
    client.force_login(cast.applicant)
    attachment = _upload_through_the_page(client, dossier)
    lifecycle.submit(dossier, cast.applicant)

    login_verified(client, getattr(cast, who))

    assert client.get(_file_url(attachment)).status_code == 404


def test_the_pages_never_hand_out_a_bucket_address(cast, client, bucket):
    dossier = make_draft(cast)
    client.force_login(cast.applicant)
    attachment = _upload_through_the_page(client, dossier)

    page = client.get(_documents_url(dossier)).content.decode()

    assert _file_url(attachment) in page
    assert bucket.endpoint not in page
    assert bucket.name not in page
    assert "X-Amz-" not in page


def test_an_object_missing_from_the_bucket_is_not_found(cast, client, bucket):
    dossier = make_draft(cast)
    attachment = dossier.attachments.get()
    bucket.delete(attachment.file.name)
    client.force_login(cast.applicant)

    assert client.get(_file_url(attachment)).status_code == 404


def test_a_file_removed_from_a_draft_leaves_the_bucket_after_the_commit(
    cast, client, bucket, django_capture_on_commit_callbacks
):
    dossier = make_draft(cast)
    client.force_login(cast.applicant)
    attachment = _upload_through_the_page(client, dossier)
    assert attachment.file.name in bucket.names()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_documents_url(dossier), {"remove": str(attachment.public_id)})

    assert attachment.file.name not in bucket.names()
    assert bucket.names() == set(dossier.attachments.values_list("file", flat=True))
