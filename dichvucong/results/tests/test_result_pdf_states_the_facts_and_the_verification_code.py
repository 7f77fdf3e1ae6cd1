from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.models import ResultDocument
from dichvucong.results.tests.helpers import forwarded, pdf_text, resolved, stored_bytes

pytestmark = pytest.mark.django_db
A4_POINTS = (595.3, 841.9)


def test_the_pdf_carries_the_dossier_code_and_the_verification_code(cast):
    dossier = resolved(cast)
    result = dossier.result

    text = pdf_text(stored_bytes(result))

    assert dossier.code in text
    assert f"Mã xác thực: {result.verification_code}" in text


def test_the_pdf_is_the_procedures_result_on_a4_portrait_with_the_form_labels(cast):
    dossier = resolved(cast)
    data = stored_bytes(dossier.result)
    text = pdf_text(data)

    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == A4_POINTS
    # No template for the procedure: the fallback, titled by the catalogue's
    # result type, states every answer of the e-form.
    assert "GIẤY KHAI SINH" in text
    assert "ỦY BAN NHÂN DÂN PHƯỜNG KHƯƠNG MAI" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Số: 1/KQ" in text
    assert "Họ, chữ đệm và tên: Nguyễn Minh An" in text
    assert "Ngày sinh: 20/11/2026" in text
    assert "Hoàng Lãnh Đạo" in text
    assert "/xac-thuc/" in text


def test_contact_details_stay_off_the_result(cast):
    text = pdf_text(stored_bytes(resolved(cast).result))

    assert "0912345678" not in text
    assert "Số điện thoại" not in text


def test_repeating_groups_are_listed_row_by_row(cast):
    schema = [
        *cast.procedure.form_schema,
        {
            "title": "Làm chứng",
            "fields": [
                {
                    "name": "witnesses",
                    "label": "Người làm chứng",
                    "type": "group",
                    "fields": [
                        {"name": "name", "label": "Họ tên", "type": "text"},
                        {"name": "phone", "label": "Điện thoại", "type": "phone"},
                    ],
                }
            ],
        },
    ]
    cast.procedure.form_schema = schema
    cast.procedure.save()
    dossier = forwarded(cast)
    dossier.form_data = {
        **dossier.form_data,
        "witnesses": [{"name": "Lê Văn Cường", "phone": "0911111111"}, {"name": "Đỗ Thị Dung"}],
    }
    dossier.save(update_fields=["form_data"])

    lifecycle.approve(dossier, cast.leader_a)

    text = pdf_text(stored_bytes(ResultDocument.objects.get(dossier=dossier)))
    assert "Người làm chứng: Họ tên: Lê Văn Cường" in text
    assert "Họ tên: Đỗ Thị Dung" in text
    assert "0911111111" not in text
