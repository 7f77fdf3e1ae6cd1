from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from dichvucong.catalogue.services import query_words, search_procedures


def found_codes(client: Client, **params: str) -> list[str]:
    response = client.get(reverse("catalogue:list"), params)
    assert response.status_code == 200
    return [procedure.code for procedure in response.context["page"]]


@pytest.mark.parametrize(
    "query", ["dang ky khai sinh", "đăng ký khai sinh", "KHAI SINH", "Đăng Ký", "sinh khai"]
)
def test_search_finds_birth_registration_however_it_is_typed(catalogue_sample, client, query):
    assert "1.001193" in found_codes(client, q=query)


def test_search_needs_every_word(catalogue_sample, client):
    assert found_codes(client, q="đăng ký khai sinh") == ["1.001193"]
    # Order by name depends on the database's collation; the set does not.
    assert sorted(found_codes(client, q="đăng ký")) == ["1.000894", "1.001193"]


def test_search_finds_by_national_code(catalogue_sample, client):
    assert found_codes(client, q="1.001193") == ["1.001193"]


def test_search_shows_the_count_in_words(catalogue_sample, client):
    response = client.get(reverse("catalogue:list"), {"q": "dang ky"})
    assert "Tìm thấy 2 thủ tục" in response.content.decode()


def test_search_hides_procedures_no_longer_applied(catalogue_sample, client):
    # "Đăng ký khai sinh có yếu tố nước ngoài" exists but is inactive.
    assert "2.000528" not in found_codes(client, q="nuoc ngoai")
    assert found_codes(client, q="nuoc ngoai") == []


def test_search_ignores_punctuation_around_words(catalogue_sample):
    assert query_words("  “Khai sinh”,  ") == ["khai", "sinh"]
    assert [p.code for p in search_procedures("khai sinh!")] == ["1.001193"]


def test_search_with_nothing_matching_says_so(catalogue_sample, client):
    response = client.get(reverse("catalogue:list"), {"q": "xyz khong co"})
    body = response.content.decode()
    assert "Tìm thấy 0 thủ tục" in body
    assert "Không tìm thấy thủ tục nào" in body
