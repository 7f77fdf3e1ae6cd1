"""From 01/07/2025 (Hà Nội's reorganisation) the catalogue names who
handles each procedure that day: a former district procedure says "UBND
phường", the ended district office leaves the agency filter, and the
API's units and agencies lists give today's by default (another day on
request), each at a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dichvucong.api.tests.helpers import API
from dichvucong.catalogue.constants import HandlingLevel, OnlineLevel
from dichvucong.catalogue.models import Agency, Field, Procedure
from dichvucong.catalogue.reorganisation import load_reorganisation
from dichvucong.catalogue.tests.reorganisation_sample import (
    load_thanh_xuan_2017,
    reorganisation_data,
)

pytestmark = pytest.mark.django_db

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
BEFORE = datetime(2025, 6, 20, 9, 0, tzinfo=HANOI)
AFTER = datetime(2025, 7, 10, 9, 0, tzinfo=HANOI)
DIVORCE = "2.000547"


def _procedure(field: Field, code: str, name: str, agency: Agency | None) -> Procedure:
    return Procedure.objects.create(
        code=code,
        name=name,
        field=field,
        agency=agency,
        online_level=OnlineLevel.PARTIAL,
        handling_level=HandlingLevel.DISTRICT if agency else HandlingLevel.WARD,
    )


@pytest.fixture
def world() -> Field:
    """Thanh Xuân with a ward procedure and a district one, then the 2025
    reorganisation, which moves district procedures to the wards."""
    load_thanh_xuan_2017()
    field = Field.objects.create(name="Hộ tịch")
    _procedure(field, "1.001193", "Đăng ký khai sinh", None)
    _procedure(
        field, DIVORCE, "Ghi vào sổ hộ tịch việc ly hôn", Agency.objects.get(name="Phòng Tư pháp")
    )
    load_reorganisation(reorganisation_data())
    return field


@pytest.fixture
def after() -> Iterator[None]:
    with time_machine.travel(AFTER, tick=False):
        yield


def agency_filter(client) -> set[str]:  # type: ignore[no-untyped-def]
    form = client.get(reverse("catalogue:list")).context["form"]
    return {str(label) for _value, label in form.fields["agency"].choices}


def test_before_the_first_of_july_the_district_office_handles_it(client, world):
    with time_machine.travel(BEFORE, tick=False):
        page = client.get(reverse("catalogue:detail", args=[DIVORCE])).content.decode()
        offered = agency_filter(client)
    assert "Phòng Tư pháp" in page and "Cấp quận" in page
    assert "Phòng Tư pháp" in offered


def test_after_it_the_applicants_ward_handles_it(client, world, after):
    page = client.get(reverse("catalogue:detail", args=[DIVORCE])).content.decode()
    assert "Phòng Tư pháp" not in page
    assert "Cấp phường" in page and "(nơi bạn chọn khi nộp hồ sơ)" in page
    assert "Phòng Tư pháp" not in agency_filter(client)
    wards = client.get(reverse("catalogue:list"), {"agency": "ward"}).context["page"]
    assert {procedure.code for procedure in wards} == {"1.001193", DIVORCE}


def test_the_list_costs_the_same_queries_with_more_procedures(client, world, after):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("catalogue:list")).status_code == 200
        return len(queries)

    few = count()
    for number in range(30):
        _procedure(world, f"9.{number:06d}", f"Thủ tục {number}", None)
    assert count() == few


def test_the_api_lists_todays_units_and_agencies_unless_another_day_is_asked(client, world, after):
    def codes(path: str, **params: str) -> set[str]:
        body = client.get(f"{API}/catalogue{path}", {"page_size": 100, **params}).json()
        return {item.get("code") or item.get("unit_code") for item in body["items"]}

    today = codes("/units", level="ward")
    assert "H26.00364" in today and "H26.TX.01" not in today
    assert "H26.TX.01" in codes("/units", level="ward", on="2025-06-30")
    assert not codes("/agencies", q="Tư pháp")
    assert codes("/agencies", q="Tư pháp", on="2025-06-30")
    detail = client.get(f"{API}/catalogue/procedures/{DIVORCE}").json()
    assert (detail["agency_level"], detail["agency"], detail["handling_level"]) == (
        "ward",
        None,
        "ward",
    )


def test_the_api_refuses_a_day_that_is_not_written_yyyy_mm_dd(client, world, after):
    """`on=0` once read as 01/01/1970 (seconds since the epoch): the fuzzer
    found it; a client means a calendar day or nothing."""
    for path in ("/units", "/agencies"):
        for wrong in ("0", "1751328000", "30/06/2025", "2025-02-30", "2025-6-30"):
            response = client.get(f"{API}/catalogue{path}", {"on": wrong})
            assert response.status_code == 422, (path, wrong)
            assert response.json()["field"] == "on", (path, wrong)
