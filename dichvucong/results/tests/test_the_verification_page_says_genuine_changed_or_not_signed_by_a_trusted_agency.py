"""The verification page, as anyone holding a PDF uses it: the signature
is checked against the trust roots and the verdict said in plain words
(genuine and unchanged, naming the signing agency from its certificate and
the time; changed after signing;
not signed by a trusted agency), for results, slips and receipts alike.
The QR code's link (by code) checks the stored original's signature."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dichvucong.documents import signing
from dichvucong.documents.tests.signed import another_office, one_byte_changed, plain_pdf
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.slips.service import render_slip
from dichvucong.dossiers.testing import make_dossier
from dichvucong.results.tests.helpers import resolved, stored_bytes

pytestmark = pytest.mark.django_db
URL = reverse("results:verify")
GENUINE = "Tài liệu thật, còn nguyên vẹn: có chữ ký số hợp lệ của cơ quan được tin cậy."
CHANGED = "Tài liệu đã bị thay đổi sau khi ký: không phải bản gốc."
UNTRUSTED = "Tài liệu không được ký bởi cơ quan được tin cậy."
DEMO = "CA THỬ NGHIỆM (DEMO)"
# Ward A's own certificate from the demo CA: its name, and its unit code.
WARD_A = "Cơ quan ký: UBND phường Khương Mai – T.KM"


def _upload(client, content: bytes) -> str:
    response = client.post(URL, {"tep": SimpleUploadedFile("tep.pdf", content, "application/pdf")})
    assert response.status_code == 200
    return response.content.decode()


def test_a_signed_slip_is_genuine_and_names_the_wards_certificate_and_the_demo_ca(client, cast):
    slip = render_slip(make_dossier(cast, Status.ACCEPTED), "01") or b""

    page = _upload(client, slip)

    assert GENUINE in page
    assert "Chữ ký số hợp lệ." in page and WARD_A in page
    assert DEMO in page
    assert CHANGED not in page and UNTRUSTED not in page


def test_the_issued_result_is_the_original_with_a_valid_signature(client, cast):
    page = _upload(client, stored_bytes(resolved(cast).result))

    assert "Tài liệu xác thực: đúng bản gốc do UBND phường Khương Mai cấp ngày" in page
    assert "Chữ ký số hợp lệ." in page and WARD_A in page


def test_a_result_with_one_byte_changed_was_changed_after_signing(client, cast):
    altered = one_byte_changed(stored_bytes(resolved(cast).result))

    page = _upload(client, altered)

    assert CHANGED in page
    assert "UBND phường Khương Mai – T.KM" in page
    assert "đúng bản gốc" not in page and GENUINE not in page


def test_a_pdf_signed_by_another_ca_is_not_signed_by_a_trusted_agency(client, db, tmp_path):
    with another_office(tmp_path, "UBND phường Giả"):
        forged = signing.sign(plain_pdf())

    page = _upload(client, forged)

    assert UNTRUSTED in page
    assert "UBND phường Giả" in page and "tự cấp" in page
    assert GENUINE not in page


def test_an_unsigned_pdf_is_not_signed_by_a_trusted_agency(client, db):
    page = _upload(client, plain_pdf())

    assert UNTRUSTED in page
    assert "Không có chữ ký số." in page
    assert "Bản này được cấp trước khi" not in page


def test_the_qr_codes_link_checks_the_stored_originals_signature(client, cast):
    result = resolved(cast).result

    page = client.get(URL, {"ma": result.verification_code}).content.decode()

    assert "Mã xác thực hợp lệ" in page
    assert "Chữ ký số hợp lệ." in page and WARD_A in page
    assert DEMO in page
