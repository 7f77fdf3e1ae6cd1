from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.catalogue.constants import HandlingLevel
from dichvucong.catalogue.models import Field, Procedure


@pytest.fixture
def many_procedures(db) -> int:
    field = Field.objects.create(name="Chứng thực")
    for number in range(45):
        Procedure.objects.create(
            code=f"9.{number:06d}",
            name=f"Thủ tục thử {number:02d}",
            field=field,
            handling_level=HandlingLevel.WARD,
        )
    return 45


def page_of(client, **params: str):  # type: ignore[no-untyped-def]
    response = client.get(reverse("catalogue:list"), params)
    assert response.status_code == 200
    return response.context["page"]


def test_pages_hold_twenty(many_procedures, client):
    first = page_of(client)
    assert len(first) == 20
    assert first.paginator.num_pages == 3
    assert len(page_of(client, page="3")) == 5


@pytest.mark.parametrize(("value", "number"), [("abc", 1), ("", 1), ("-1", 3), ("999", 3)])
def test_bad_page_number_gives_first_or_last_page(many_procedures, client, value, number):
    assert page_of(client, page=value).number == number


def test_page_links_keep_the_search(many_procedures, client):
    response = client.get(reverse("catalogue:list"), {"q": "thu tuc"})
    body = response.content.decode()
    assert "Tìm thấy 45 thủ tục" in body
    assert "?q=thu+tuc&amp;page=2" in body
