from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from dichvucong.results.tests.helpers import resolved

pytestmark = pytest.mark.django_db
URL = reverse("results:verify")


def test_the_qr_link_shows_the_result_with_the_holders_name_masked(client, cast):
    dossier = resolved(cast)
    result = dossier.result

    response = client.get(URL, {"ma": result.verification_code})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Mã xác thực hợp lệ" in page
    assert dossier.code in page
    assert "Đăng ký khai sinh" in page
    assert "UBND phường Khương Mai" in page
    assert timezone.localdate(result.issued_at).strftime("%d/%m/%Y") in page
    assert result.sha256 in page
    assert "Nguyễn V** B***" in page
    assert "Nguyễn Văn Bình" not in page
    assert "001090012345" not in page
    assert "Nguyễn Minh An" not in page


def test_the_code_may_be_typed_in_lower_case_without_dashes(client, cast):
    code = resolved(cast).result.verification_code

    response = client.get(URL, {"ma": code.replace("-", " ").lower()})

    assert "Mã xác thực hợp lệ" in response.content.decode()


def test_an_unknown_code_is_not_found_without_an_error(client, cast):
    resolved(cast)

    response = client.get(URL, {"ma": "AAAA-BBBB-CCCC"})

    assert response.status_code == 200
    assert "Không tìm thấy" in response.content.decode()


@pytest.mark.parametrize("typed", ["", "12", "x" * 40, "OOOO-IIII-1111", "<script>"])
def test_malformed_codes_get_a_message(client, db, typed):
    response = client.get(URL, {"ma": typed})

    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()


def test_the_page_without_a_code_offers_both_ways(client, db):
    page = client.get(URL).content.decode()

    assert 'name="ma"' in page
    assert 'enctype="multipart/form-data"' in page
