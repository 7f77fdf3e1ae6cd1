"""Bad input on an e-form step: a Vietnamese message next to the field,
everything typed shown again, the valid values saved."""

from __future__ import annotations

import re

from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.submission import start_draft
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media, url  # noqa: F401


def _draft(cast) -> Dossier:  # type: ignore[no-untyped-def]
    return start_draft(cast.applicant, cast.procedure, ward=cast.ward_a)


def test_bad_id_number_and_phone_are_explained_and_kept(cast, client) -> None:
    dossier = _draft(cast)
    logged_in(client, cast.applicant)
    response = client.post(
        url("step", dossier, 2),
        {
            "action": "next",
            "declarant_name": "Trần Văn Cường",
            "declarant_id": "12345",
            "declarant_phone": "0123 456",
            "copies": "2",
        },
    )
    assert response.status_code == 200
    html = page_text(response)
    assert "Số định danh cá nhân phải có đúng 12 chữ số." in html
    assert "Số điện thoại di động phải có 10 chữ số" in html
    assert 'value="12345"' in html
    assert 'value="0123 456"' in html
    assert 'value="Trần Văn Cường"' in html
    assert 'aria-invalid="true"' in html
    assert "Có 2 ô cần sửa" in html
    dossier.refresh_from_db()
    # The valid fields are kept on the draft; the invalid ones are not stored.
    assert dossier.form_data["declarant_name"] == "Trần Văn Cường"
    assert dossier.form_data["copies"] == 2
    assert dossier.form_data["declarant_id"] == cast.applicant.username


def test_an_impossible_date_is_explained_and_kept(cast, client) -> None:
    dossier = _draft(cast)
    logged_in(client, cast.applicant)
    response = client.post(
        url("step", dossier, 1),
        {
            "action": "next",
            "child_name": "Nguyễn Minh An",
            "birth_date": "31/02/2026",
            "sex": "Nam",
        },
    )
    assert response.status_code == 200
    html = page_text(response)
    assert "Ngày chưa đúng. Nhập ngày/tháng/năm, ví dụ 05/09/2024." in html
    assert 'value="31/02/2026"' in html
    assert re.search(r'value="Nam"[^>]*checked', html)
    dossier.refresh_from_db()
    assert dossier.form_data["child_name"] == "Nguyễn Minh An"


def test_missing_required_fields_block_next_but_not_a_draft_save(cast, client) -> None:
    dossier = _draft(cast)
    logged_in(client, cast.applicant)
    response = client.post(url("step", dossier, 1), {"action": "next", "child_name": "An"})
    assert response.status_code == 200
    assert "Nhập ngày sinh." in page_text(response)
    assert "Chọn giới tính: bấm vào một mục trong danh sách." in page_text(response)
    response = client.post(url("step", dossier, 1), {"action": "draft", "child_name": "An"})
    assert response.status_code == 302
    assert response.url == url("step", dossier, 1)


def test_a_valid_step_goes_on_to_the_next_and_the_last_to_documents(cast, client) -> None:
    dossier = _draft(cast)
    logged_in(client, cast.applicant)
    response = client.post(
        url("step", dossier, 1),
        {"action": "next", "child_name": "An", "birth_date": "20/11/2026", "sex": "Nữ"},
    )
    assert response.url == url("step", dossier, 2)
    response = client.post(
        url("step", dossier, 2),
        {
            "action": "next",
            "declarant_name": "Bình",
            "declarant_id": "001090012345",
            "declarant_phone": "0912345678",
        },
    )
    assert response.url == url("documents", dossier)
    response = client.post(url("step", dossier, 2), {"action": "back", "declarant_name": "B"})
    assert response.url == url("step", dossier, 1)


def test_the_page_says_which_step_of_how_many(cast, client) -> None:
    dossier = _draft(cast)
    logged_in(client, cast.applicant)
    assert "Bước 2/4" in page_text(client.get(url("step", dossier, 2)))
    assert "Bước 3/4" in page_text(client.get(url("documents", dossier)))
    assert client.get(url("step", dossier, 3)).status_code == 404
