"""The catalogue needs no login: search by words without diacritics,
filter by field and online level, page through, and read a procedure with
its documents and e-form."""

from __future__ import annotations

from django.test import Client

from dichvucong.api.tests.helpers import API
from dichvucong.catalogue.constants import HandlingLevel, OnlineLevel
from dichvucong.catalogue.models import Procedure
from dichvucong.dossiers.testing import BIRTH_SCHEMA, Cast


def _other_procedure(cast: Cast) -> Procedure:
    return Procedure.objects.create(
        code="2.000001",
        name="Chứng thực bản sao",
        field=cast.procedure.field,
        handling_level=HandlingLevel.WARD,
        online_level=OnlineLevel.FORMS,
    )


def test_search_ignores_diacritics_and_filters(client: Client, cast: Cast) -> None:
    _other_procedure(cast)
    found = client.get(f"{API}/catalogue/procedures", {"q": "KHAI SINH"}).json()
    assert [item["code"] for item in found["items"]] == ["1.001193"]
    level = client.get(f"{API}/catalogue/procedures", {"online_level": 2}).json()
    assert [item["code"] for item in level["items"]] == ["2.000001"]
    assert level["items"][0]["accepts_online"] is False


def test_pages_have_a_count_and_stop_at_the_end(client: Client, cast: Cast) -> None:
    _other_procedure(cast)
    first = client.get(f"{API}/catalogue/procedures", {"page_size": 1}).json()
    beyond = client.get(f"{API}/catalogue/procedures", {"page": 5, "page_size": 1}).json()
    assert (first["count"], len(first["items"])) == (2, 1)
    assert beyond["items"] == []


def test_detail_has_documents_and_the_eform(client: Client, cast: Cast) -> None:
    body = client.get(f"{API}/catalogue/procedures/1.001193").json()
    assert [(d["name"], d["required"]) for d in body["documents"]] == [
        ("Giấy chứng sinh", True),
        ("Văn bản ủy quyền (nếu có)", False),
    ]
    assert body["form_schema"] == BIRTH_SCHEMA
    assert body["delivery_choices"] == ["counter"]
