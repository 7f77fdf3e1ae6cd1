from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dichvucong.results import service
from dichvucong.results.tests.helpers import resolved, stored_bytes

pytestmark = pytest.mark.django_db
URL = reverse("results:verify")


def _upload(client, content: bytes, name: str = "ket-qua.pdf"):
    return client.post(URL, {"tep": SimpleUploadedFile(name, content, "application/pdf")})


def test_the_same_bytes_are_the_original(client, cast):
    data = stored_bytes(resolved(cast).result)

    response = _upload(client, data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Tài liệu xác thực: đúng bản gốc do UBND phường Khương Mai cấp ngày" in page


def test_one_changed_byte_is_not_the_original(client, cast):
    data = bytearray(stored_bytes(resolved(cast).result))
    data[len(data) // 2] ^= 0x01

    page = _upload(client, bytes(data)).content.decode()

    assert "Không khớp: tài liệu đã bị thay đổi hoặc không do hệ thống cấp" in page
    assert "đúng bản gốc" not in page


@pytest.mark.parametrize("content", [b"GIF89a not a pdf", b"\x00" * 100, "Xin chào".encode()])
def test_a_file_that_is_not_a_pdf_gets_a_clear_message(client, db, content):
    page = _upload(client, content, "anh.pdf").content.decode()

    assert "không phải tệp PDF" in page


def test_an_empty_upload_gets_a_message(client, db):
    page = _upload(client, b"").content.decode()

    assert "Tệp rỗng" in page


def test_a_file_over_10_mb_is_refused_without_being_read_to_the_end(client, db, monkeypatch):
    def never(upload):
        raise AssertionError("the size handler should have stopped the upload")

    monkeypatch.setattr(service, "MAX_UPLOAD_BYTES", 1024)
    monkeypatch.setattr(service, "upload_bytes", never)

    page = _upload(client, b"%PDF-" + b"0" * 500_000).content.decode()

    assert "Tệp quá lớn: tối đa 10 MB." in page


def test_the_size_is_checked_again_when_reading(db, monkeypatch):
    monkeypatch.setattr(service, "MAX_UPLOAD_BYTES", 10)

    with pytest.raises(service.ResultError, match="quá lớn"):
        service.upload_bytes(SimpleUploadedFile("a.pdf", b"%PDF-" + b"0" * 20))


def test_a_post_without_a_file_asks_for_one(client, db):
    page = client.post(URL, {}).content.decode()

    assert "Vui lòng chọn tệp PDF cần kiểm tra." in page


def test_the_upload_form_is_protected_against_cross_site_posts(db):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        URL, {"tep": SimpleUploadedFile("a.pdf", b"%PDF-1.4", "application/pdf")}
    )

    assert response.status_code == 403
