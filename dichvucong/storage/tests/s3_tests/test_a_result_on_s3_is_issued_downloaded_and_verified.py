"""The leader's approval writes the result PDF into the bucket; its
applicant downloads it from there through the access-checked view, others
are refused, and /xac-thuc/ verifies it by code and by its bytes."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.models import ResultDocument
from dichvucong.results.tests.helpers import forwarded

pytestmark = [pytest.mark.s3, pytest.mark.django_db]
VERIFY = reverse("results:verify")


@pytest.fixture
def result(cast, bucket) -> ResultDocument:
    dossier = forwarded(cast)
    lifecycle.approve(dossier, cast.leader_a)
    return ResultDocument.objects.select_related("dossier").get(dossier=dossier)


def _download_url(result: ResultDocument) -> str:
    return reverse("results:download", args=[result.dossier.public_id])


def test_approval_stores_the_pdf_privately_in_the_bucket(result, bucket, media_root):
    assert bucket.names() >= {result.file.name}
    assert result.file.name.startswith("results/")
    stored = bucket.read(result.file.name)
    assert stored.startswith(b"%PDF-")
    assert hashlib.sha256(stored).hexdigest() == result.sha256
    assert bucket.is_private(result.file.name)
    assert not media_root.exists()


def test_the_applicant_downloads_the_stored_bytes_and_others_are_refused(
    cast, client, result, bucket
):
    client.force_login(cast.applicant)
    response = client.get(_download_url(result))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == bucket.read(result.file.name)

    for other in (cast.other_applicant, cast.receptionist_b):
        login_verified(client, other)
        assert client.get(_download_url(result)).status_code == 404


def test_the_verification_page_knows_it_by_code(client, result):
    page = client.get(VERIFY, {"ma": result.verification_code}).content.decode()

    assert "Mã xác thực hợp lệ" in page
    assert result.sha256 in page


def test_the_verification_page_tells_the_downloaded_file_from_an_altered_one(cast, client, result):
    client.force_login(cast.applicant)
    data = b"".join(client.get(_download_url(result)).streaming_content)
    altered = bytearray(data)
    altered[len(altered) // 2] ^= 0x01

    def verify(content: bytes) -> str:
        upload = SimpleUploadedFile("ket-qua.pdf", content, "application/pdf")
        return client.post(VERIFY, {"tep": upload}).content.decode()

    assert "đúng bản gốc do UBND phường Khương Mai cấp" in verify(data)
    assert "Không khớp" in verify(bytes(altered))
