"""An integrator fills addresses and the `ward` of a draft from the
catalogue: agencies, administrative units and each ward's residential
groups, public and paged, at a fixed number of queries however many rows.
A ward procedure says where it goes instead of a bare `agency: null`."""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from dichvucong.api.tests.helpers import API, assert_error
from dichvucong.catalogue.constants import AgencyKind, UnitLevel
from dichvucong.catalogue.models import AdminUnit, Agency
from dichvucong.dossiers.testing import Cast


def _get(client: Client, url: str, **params: object) -> dict:  # type: ignore[type-arg]
    response = client.get(f"{API}/catalogue{url}", params)
    assert response.status_code == 200, response.content
    return response.json()  # type: ignore[no-any-return]


def test_a_ward_procedure_points_to_the_ward_committees(client: Client, cast: Cast) -> None:
    body = _get(client, "/procedures/1.001193")
    assert body["agency"] is None and body["agency_level"] == "ward"
    assert body["agencies_url"] == "/api/v1/catalogue/agencies?procedure=1.001193"
    listed = client.get(body["agencies_url"]).json()
    assert [a["unit_code"] for a in listed["items"]] == ["T.KD", "T.KM"]
    assert listed["items"][1]["admin_unit"] == {
        "code": "T-KM",
        "name": "Khương Mai",
        "level": "ward",
    }


def test_agencies_filter_by_words_kind_and_place(client: Client, cast: Cast) -> None:
    Agency.objects.create(
        name="Phòng Tư pháp",
        unit_code="T.TP",
        kind=AgencyKind.DEPARTMENT,
        admin_unit=cast.district,
        parent=cast.agency_a,
    )
    assert [a["unit_code"] for a in _get(client, "/agencies", q="tư pháp")["items"]] == ["T.TP"]
    departments = _get(client, "/agencies", kind="department")["items"]
    assert departments[0]["parent"] == "T.KM"
    assert [a["unit_code"] for a in _get(client, "/agencies", unit="T-KD")["items"]] == ["T.KD"]
    assert _get(client, "/agencies", procedure="9.999999")["count"] == 0


def test_units_list_the_tree_and_the_receiving_wards(client: Client, cast: Cast) -> None:
    wards = _get(client, "/units", level="ward")["items"]
    assert [(w["code"], w["parent"], w["committee"]) for w in wards] == [
        ("T-KD", "T-TX", "T.KD"),
        ("T-KM", "T-TX", "T.KM"),
    ]
    AdminUnit.objects.create(
        name="Hạ Đình", code="T-HD", level=UnitLevel.WARD, parent=cast.district
    )
    receiving = _get(client, "/units", receiving="true")["items"]
    assert [w["code"] for w in receiving] == ["T-KD", "T-KM"]
    assert [u["code"] for u in _get(client, "/units", parent="T-H26")["items"]] == ["T-TX"]


def test_a_wards_residential_groups(client: Client, cast: Cast) -> None:
    groups = _get(client, "/units/T-KM/groups")
    assert groups["count"] == 1
    assert groups["items"][0] == {
        "code": "T-KM-1",
        "name": "Tổ dân phố 1",
        "level": "group",
        "parent": "T-KM",
        "committee": None,
    }
    assert _get(client, "/units/T-KD/groups")["items"] == []
    assert_error(client.get(f"{API}/catalogue/units/T-TX/groups"), 404, "not_found")


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"{API}/catalogue{url}", {"page_size": 100}).status_code == 200
    return len(captured.captured_queries)


def test_each_list_costs_the_same_queries_at_any_size(client: Client, cast: Cast) -> None:
    urls = ["/agencies", "/units", "/units/T-KM/groups", "/agencies?procedure=1.001193"]
    few = [_queries(client, url) for url in urls]
    for n in range(30):
        ward = AdminUnit.objects.create(
            name=f"Phường {n}", code=f"T-P{n}", level=UnitLevel.WARD, parent=cast.district
        )
        Agency.objects.create(
            name=f"UBND phường {n}",
            unit_code=f"T.P{n}",
            kind=AgencyKind.PEOPLES_COMMITTEE,
            admin_unit=ward,
        )
        AdminUnit.objects.create(
            name=f"Tổ {n}", code=f"T-KM-{n + 2}", level=UnitLevel.GROUP, parent=cast.ward_a
        )
    assert [_queries(client, url) for url in urls] == few
    assert max(few) <= 4
