"""Public lookup: the code plus the applicant's phone or ID number shows
the status and dates, nothing personal; guessing is limited per client."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_dossier, make_draft
from dichvucong.dossiers.tests.helpers import page_text, tmp_media  # noqa: F401

NOT_FOUND = "Không tìm thấy hồ sơ khớp với thông tin đã nhập."


@pytest.fixture(autouse=True)
def empty_cache():  # type: ignore[no-untyped-def]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def dossier(cast) -> Dossier:  # type: ignore[no-untyped-def]
    return make_dossier(cast, Status.ACCEPTED)


def look_up(client, code: str, factor: str, ip: str = "203.0.113.5"):  # type: ignore[no-untyped-def]
    return client.post("/tra-cuu/", {"code": code, "factor": factor}, REMOTE_ADDR=ip)


@pytest.mark.parametrize("factor", ["0912345678", "0912 345 678", "+84912345678", "001090012345"])
def test_the_right_factor_shows_status_and_dates_only(client, dossier, factor: str) -> None:
    response = look_up(client, dossier.code.lower(), factor)
    assert response.status_code == 200
    html = page_text(response)
    assert "Kết quả tra cứu" in html
    assert "Đăng ký khai sinh" in html
    assert "Được tiếp nhận" in html
    assert dossier.due_date.strftime("%d/%m/%Y") in html
    assert dossier.applicant_name not in html


@pytest.mark.parametrize(
    ("code", "factor"),
    [("right", "0987654321"), ("right", "001190054321"), ("T.KM-000101-9999", "0912345678")],
)
def test_a_wrong_factor_and_an_unknown_code_get_the_same_answer(
    client, dossier, code: str, factor: str
) -> None:
    response = look_up(client, dossier.code if code == "right" else code, factor)
    html = page_text(response)
    assert NOT_FOUND in html
    assert "Kết quả tra cứu" not in html


def test_practice_dossiers_are_never_found(client, dossier) -> None:
    Dossier.objects.filter(pk=dossier.pk).update(is_practice=True)
    assert NOT_FOUND in page_text(look_up(client, dossier.code, "0912345678"))


def test_drafts_are_never_found(cast, client) -> None:
    draft = make_draft(cast)
    Dossier.objects.filter(pk=draft.pk).update(code="T.KM-261128-0042")
    assert NOT_FOUND in page_text(look_up(client, "T.KM-261128-0042", "0912345678"))


def test_ten_failures_from_one_address_block_it_for_a_while(client, dossier) -> None:
    for _ in range(10):
        assert look_up(client, dossier.code, "0999999999").status_code == 200
    response = look_up(client, dossier.code, "0912345678")
    assert response.status_code == 429
    assert "Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau" in page_text(response)
    assert "(khoảng 15 phút nữa)" in page_text(response)
    assert 1 <= int(response["Retry-After"]) <= 901
    assert client.get("/tra-cuu/", REMOTE_ADDR="203.0.113.5").status_code == 429
    other = look_up(client, dossier.code, "0912345678", ip="198.51.100.7")
    assert other.status_code == 200
    assert "Kết quả tra cứu" in page_text(other)


def test_a_successful_lookup_is_not_counted_as_a_failure(client, dossier) -> None:
    for _ in range(12):
        assert look_up(client, dossier.code, "0912345678").status_code == 200


def test_the_qr_link_fills_in_the_code_only(client, dossier) -> None:
    html = page_text(client.get(f"/tra-cuu/?ma={dossier.code}"))
    assert f'value="{dossier.code}"' in html
    assert 'method="post"' in html
    assert "0912345678" not in html


def test_empty_fields_are_explained(client, db) -> None:
    html = page_text(client.post("/tra-cuu/", {"code": " ", "factor": ""}))
    assert "Nhập mã hồ sơ in trên giấy tiếp nhận." in html
    assert "Nhập số điện thoại 10 chữ số, ví dụ 0912345678" in html
