"""Addresses, repeating groups and checkboxes are sent in their stored
JSON shapes; another JSON type, a row too many or an unknown column is a
422 naming the field, and the address rules are the web's."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from dichvucong.api.tests.helpers import assert_error, send
from dichvucong.catalogue.constants import HandlingLevel, OnlineLevel
from dichvucong.catalogue.models import Procedure
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast

SCHEMA = [
    {
        "title": "Thông tin",
        "fields": [
            {"name": "home", "label": "Nơi cư trú", "type": "address", "required": True},
            {"name": "agree", "label": "Cam đoan", "type": "checkbox"},
            {
                "name": "witnesses",
                "label": "Người làm chứng",
                "type": "group",
                "max": 2,
                "fields": [
                    {"name": "full_name", "label": "Họ tên", "type": "text", "required": True},
                ],
            },
        ],
    }
]


@pytest.fixture
def draft(cast: Cast) -> Dossier:
    procedure = Procedure.objects.create(
        code="9.000001",
        name="Xác nhận cư trú",
        field=cast.procedure.field,
        handling_level=HandlingLevel.WARD,
        online_level=OnlineLevel.PARTIAL,
        form_schema=SCHEMA,
    )
    return Dossier.objects.create(
        procedure=procedure, agency=cast.agency_a, applicant=cast.applicant, applicant_name="Bình"
    )


def _put(client: Client, draft: Dossier, data: dict[str, Any]) -> Any:
    client.force_login(draft.applicant)
    return send(client, "PUT", f"/applicant/dossiers/{draft.public_id}/form", {"data": data})


def test_the_stored_shapes_are_saved(client: Client, cast: Cast, draft: Dossier) -> None:
    home = {"ward": cast.ward_a.pk, "group": cast.group_a.pk, "street": "12 Khương Trung"}
    witnesses = [{"full_name": "Trần Văn Chứng"}]
    response = _put(client, draft, {"home": home, "agree": True, "witnesses": witnesses})
    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert draft.form_data == {"home": home, "agree": True, "witnesses": witnesses}


@pytest.mark.parametrize(
    "data",
    [
        {"home": "12 Khương Trung"},
        {"home": {"ward": 1, "duong": "12 Khương Trung"}},
        {"agree": "có"},
        {"witnesses": [{"full_name": "A"}, {"full_name": "B"}, {"full_name": "C"}]},
        {"witnesses": [{"ho_ten": "A"}]},
        {"witnesses": {"full_name": "A"}},
    ],
)
def test_another_json_shape_is_refused(
    client: Client, draft: Dossier, data: dict[str, Any]
) -> None:
    [name] = data
    body = assert_error(_put(client, draft, data), 422, "invalid", field=name)
    assert body["errors"][0]["code"] == "wrong_type"


def test_a_group_outside_the_ward_is_refused(client: Client, cast: Cast, draft: Dossier) -> None:
    home = {"ward": cast.ward_b.pk, "group": cast.group_a.pk, "street": "1 Vũ Trọng Phụng"}
    body = assert_error(_put(client, draft, {"home": home}), 422, "invalid", field="home-group")
    assert body["message"] == (
        "Tổ dân phố đã chọn không thuộc phường/xã đã chọn. Chọn lại tổ dân phố của phường/xã đó."
    )
