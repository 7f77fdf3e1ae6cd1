"""No person in public figures (Law 91/2025/QH15, Decree 13/2023;
lib/disclosure.py): on small data, every page, export and API answer that
counts people outside the office that keeps them shows no group of one to
four people, alone or by subtraction; the school and the education office
still see their classes in full.

Every URL of the statistics and outreach-report areas is listed below,
either as showing people counts (and requested here) or with the reason it
does not: a new URL there fails until someone decides which it is."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver
from openpyxl import load_workbook
from pypdf import PdfReader

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import CitizenProfile, User
from dichvucong.accounts.testing import login_verified
from dichvucong.api.tests.helpers import API, make_key
from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast
from dichvucong.lib.disclosure import NOTE, is_small
from dichvucong.outreach import areas
from dichvucong.outreach.models import Ambassador, SchoolClass
from dichvucong.outreach.tests.cast import SCHOOL_YEAR, OutreachCast, add_pupil

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
REPORT = "/bao-cao-tuyen-truyen"
AREAS = f"{REPORT}/khu-dan-cu-dien-tu/"
# JSON keys and object attributes that count people.
PEOPLE = {
    "households",
    "ambassadors",
    "new",
    "cumulative",
    "pupils",
    "erased",
    "trained",
    "practised",
    "succeeded",
}

# URL name -> how it is checked here: "areas", "report" (class figures).
SHOWS_PEOPLE = {
    "campaign_report:areas": "areas",
    "api-v1:residential_areas": "areas",
    "campaign_report:detail": "report",
    "campaign_report:export_xlsx": "report",
    "campaign_report:export_pdf": "report",
    "api-v1:campaign_report": "report",
}
# URL name -> why it shows no count of people that the rule must cut.
NO_PEOPLE = {
    "reports:public": "dossiers per agency, agency's ward, field, procedure, month",
    "reports:dashboard": "the same dossier counts, for staff",
    "reports:open_data_csv": "dossiers per agency and month",
    "reports:open_data_json": "dossiers per agency and month",
    "api-v1:public_table": "the tables of /thong-ke/",
    "api-v1:public_indicators": "Decision 766 scores from dossier counts",
    "api-v1:status_counts": "an agency's dossiers per status",
    "api-v1:list_campaigns": "campaign facts: a target and a number of schools",
    "campaign_report:index": "the list of campaigns",
    "campaign_report:criteria": "a form (POST)",
    "campaign_report:submit": "an action (POST)",
    "campaign_report:approve": "an action (POST)",
    "campaign_report:send_back": "an action (POST)",
    "campaign_report:dossiers": "the dossiers behind a figure, for report readers",
    "campaign_report:school_dossiers": "the dossiers behind a figure, for report readers",
    "campaign_report:report_pdf": "per school only, to the district that commends schools",
    "campaign_report:report_docx": "per school only, to the district that commends schools",
    "campaign_report:decision_pdf": "the commendation decision: named pupils, by purpose",
    "campaign_report:decision_docx": "the commendation decision: named pupils, by purpose",
}
# The areas page and answer as before the rule: it adds no query.
PAGE_BUDGET, API_BUDGET = 20, 10
COUNTING_PREFIXES = ("thong-ke/", "du-lieu-mo/", "bao-cao-tuyen-truyen/", "api/v1/statistics/")


def _routes(resolver: URLResolver, prefix: str = "", ns: str = "") -> Iterator[tuple[str, str]]:
    for item in resolver.url_patterns:
        if isinstance(item, URLResolver):
            yield from _routes(item, prefix + str(item.pattern), item.namespace or ns)
        elif isinstance(item, URLPattern) and item.name != "unknown":
            yield prefix + str(item.pattern), f"{ns}:{item.name}"


def test_every_url_that_counts_is_listed_as_showing_people_or_not() -> None:
    found = {
        name
        for route, name in _routes(get_resolver())
        if route.startswith(COUNTING_PREFIXES) or route.startswith("api/v1/outreach/")
    }
    assert found == set(SHOWS_PEOPLE) | set(NO_PEOPLE)


# --- Small data ---------------------------------------------------------------------------


def _households(dc: Cast, n: int, ward: AdminUnit, group: AdminUnit | None, tag: str) -> None:
    for number in range(n):
        user = User.objects.create(username=f"hh-{tag}-{number}", kind=AccountKind.CITIZEN)
        CitizenProfile.objects.create(
            user=user, id_number=f"0010{tag}{number:04d}", ward=ward, residential_group=group
        )
        month = 10 + number % 3  # October to December 2016
        Dossier.objects.create(
            procedure=dc.procedure,
            agency=dc.agency_a,
            applicant=user,
            status=2,
            submitted_at=datetime(2016, month, 3 + number, 9, tzinfo=HANOI),
        )


def _group(ward: AdminUnit, number: int) -> AdminUnit:
    return AdminUnit.objects.create(
        name=f"Tổ dân phố {number}",
        code=f"{ward.code}-{number}",
        level=UnitLevel.GROUP,
        parent=ward,
    )


def _ambassadors(oc: OutreachCast, group: AdminUnit, n: int) -> None:
    for number in range(n):
        Ambassador.objects.create(
            campaign=oc.campaign,
            volunteer_name=f"Tình nguyện viên {group.code}-{number}",
            residential_group=group,
            active=True,
            since=date(2017, 3, 17),
        )


@pytest.fixture
def small_areas(oc: OutreachCast, cast: Cast) -> AdminUnit:
    """Ward A: group 1 with 3 households and 1 ambassador, group 2 (6, 5),
    group 3 (7, 5). Ward B: 2 households. Ward C: 5 households. Returns
    ward C."""
    group_2, group_3 = _group(oc.ward_a, 2), _group(oc.ward_a, 3)
    ward_c = AdminUnit.objects.create(
        name="Phường Hạ Đình", code="O-HD", level=UnitLevel.WARD, parent=oc.district
    )
    for tag, (n, ward, group) in enumerate(
        ((3, oc.ward_a, oc.group_a), (6, oc.ward_a, group_2), (7, oc.ward_a, group_3)), start=10
    ):
        _households(cast, n, ward, group, str(tag))
    _households(cast, 2, oc.ward_b, None, "20")
    _households(cast, 5, ward_c, None, "30")
    _ambassadors(oc, oc.group_a, 1)
    _ambassadors(oc, group_2, 5)
    _ambassadors(oc, group_3, 5)
    return ward_c


def _no_small(value: Any, where: str = "") -> None:
    """No count of people from 1 to 4, anywhere in a JSON answer or in
    the objects a page was rendered from."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in PEOPLE and isinstance(item, int):
                assert not is_small(item), f"{where}.{key} = {item}"
            _no_small(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _no_small(item, f"{where}[{index}]")
    elif hasattr(value, "__dataclass_fields__"):
        fields = {name: getattr(value, name) for name in value.__dataclass_fields__}
        if hasattr(value, "ward_id") and not value.merged:
            fields |= {"households": value.households, "ambassadors": value.ambassadors}
        _no_small(fields, where)


# --- Electronic residential areas ---------------------------------------------------------
def test_the_areas_trend_keeps_exact_cumulative_figures_past_its_window() -> None:
    # Three households came online before the months listed (MAX_MONTHS).
    months = [
        areas.MonthRow(date(2017, m, 1), n, c) for m, n, c in ((1, 1, 4), (2, 6, 10), (3, 0, 10))
    ]
    shown = areas._disclose_months(months)
    assert [(row.new, row.cumulative) for row in shown] == [(None, None), (10, 10), (0, 10)]


def test_the_areas_page_merges_small_groups_and_wards_for_every_reader(
    client: Client, oc: OutreachCast, small_areas: AdminUnit
) -> None:
    exact = areas.areas(areas.wards_for(oc.education))
    assert any(is_small(group.households) for ward in exact.wards for group in ward.groups)
    for reader in (oc.education, oc.leadership, oc.receptionist):
        login_verified(client, reader)
        page = client.get(AREAS)
        assert page.status_code == 200
        shown = page.context["areas"]
        _no_small(shown, reader.username)
        html = page.content.decode()
        assert str(NOTE) in html
        assert "Tổ dân phố 1<" not in html  # its 3 households are in "Các tổ … khác"
        assert "Tổ dân phố 3<" in html  # 7 households, 5 ambassadors: shown
    login_verified(client, oc.education)
    shown = client.get(AREAS).context["areas"]
    # Hạ Đình (5) goes with Kim Giang (2): alone, 2 = total − the rest.
    merged = {ward.ward_id for ward in shown.wards if ward.merged}
    assert merged == {small_areas.pk, oc.ward_b.pk}
    assert (shown.other_wards.households, shown.households) == (7, 23)


def test_a_ward_merged_in_the_whole_view_shows_no_figure_alone(
    client: Client, oc: OutreachCast, small_areas: AdminUnit
) -> None:
    """Kim Giang has 2 households; Hạ Đình, 5, is merged with it: shown
    alone, Hạ Đình's 5 would give Kim Giang's as 7 − 5."""
    login_verified(client, oc.education)
    for ward in (oc.ward_b, small_areas):
        page = client.get(AREAS, {"phuong": ward.pk})
        shown = page.context["areas"]
        assert shown.households is None and shown.wards[0].merged
        assert shown.months == [] and page.context["chart"] == ""
        assert str(NOTE) in page.content.decode()
    shown = client.get(AREAS, {"phuong": oc.ward_a.pk}).context["areas"]
    assert shown.households == 16 and [m.new for m in shown.months] == [6, 5, 5]


def test_the_areas_api_answers_with_the_same_merged_figures(
    client: Client, oc: OutreachCast, small_areas: AdminUnit
) -> None:
    for key in (make_key(oc.committee, "leader"), make_key(oc.ward_agency, "receptionist")):
        body = client.get(f"{API}/outreach/areas", **key.headers).json()
        _no_small(body, "api")
        assert body["note"] == str(NOTE)
        names = [g["name"] for w in body["wards"] for g in w["groups"]]
        assert "Tổ dân phố 1" not in names and "Tổ dân phố 3" in names
        last = [m["cumulative"] for m in body["months"] if m["cumulative"] is not None][-1]
        assert last == body["households"]


# --- The year-end report's classes -------------------------------------------------------


@pytest.fixture
def small_classes(oc: OutreachCast) -> SchoolClass:
    """School A: class 8A1 with 2 pupils, 8A2 with 6. School B: 8B1 with 1."""
    big = SchoolClass.objects.create(school=oc.school_a, name="8A2", school_year=SCHOOL_YEAR)
    for number in range(2):
        add_pupil(oc.class_a, f"Học sinh A{number}")
    for number in range(6):
        add_pupil(big, f"Học sinh B{number}")
    add_pupil(oc.class_b, "Học sinh C")
    return big


def _report_url(oc: OutreachCast, tail: str = "") -> str:
    return f"{REPORT}/chien-dich/{oc.campaign.pk}/{tail}"


def test_district_leadership_gets_classes_merged_into_the_school(
    client: Client, oc: OutreachCast, small_classes: SchoolClass
) -> None:
    login_verified(client, oc.leadership)
    page = client.get(_report_url(oc))
    shown = page.context["shown"]
    assert shown.classes_merged
    assert all(school.classes == [] for school in shown.report.schools)
    _no_small([school.classes for school in shown.report.schools], "page")
    html = page.content.decode()
    assert str(NOTE) in html and "8A1" not in html and "8B1" not in html
    workbook = load_workbook(io.BytesIO(client.get(_report_url(oc, "bao-cao.xlsx")).content))
    cells = {cell for sheet in workbook for row in sheet.values for cell in row}
    assert not {"8A1", "8A2", "8B1"} & cells
    assert str(NOTE) in cells
    pdf = PdfReader(io.BytesIO(client.get(_report_url(oc, "bao-cao.pdf")).content))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "8A1" not in text and "8B1" not in text


def test_the_campaign_report_api_merges_classes(
    client: Client, oc: OutreachCast, small_classes: SchoolClass
) -> None:
    key = make_key(oc.committee, "leader")
    body = client.get(f"{API}/outreach/campaigns/{oc.campaign.pk}/report", **key.headers).json()
    _no_small([school["classes"] for school in body["schools"]], "api")
    assert body["note"] == str(NOTE)
    assert not any(school["classes"] for school in body["schools"])


def test_the_school_and_the_education_office_still_see_their_classes_in_full(
    client: Client, oc: OutreachCast, small_classes: SchoolClass
) -> None:
    for reader, school in ((oc.education, oc.school_a), (oc.coordinator_a, oc.school_a)):
        login_verified(client, reader)
        shown = client.get(_report_url(oc)).context["shown"]
        classes = next(s for s in shown.report.schools if s.school_id == school.pk).classes
        assert {c.name: c.figures.pupils for c in classes} == {"8A1": 2, "8A2": 6}
        assert not shown.classes_merged


# --- Pages that count dossiers, not people ------------------------------------------------


def test_the_public_statistics_and_open_data_carry_no_count_of_people(
    client: Client, oc: OutreachCast, small_areas: AdminUnit
) -> None:
    period = {"tu_ngay": "01/01/2016", "den_ngay": "31/12/2016"}
    for url, extra in (
        ("/du-lieu-mo/thong-ke.json", {}),
        (f"{API}/statistics/public/tables", {"dimension": "ward"}),
        (f"{API}/statistics/public/indicators", {}),
    ):
        body = client.get(url, {**period, **extra})
        assert body.status_code == 200
        assert not PEOPLE & _keys(json.loads(body.content))
    header = client.get("/du-lieu-mo/thong-ke.csv").content.decode("utf-8-sig").splitlines()[0]
    assert not PEOPLE & set(header.split(","))
    assert client.get("/thong-ke/").status_code == 200


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for item in value.values() for k in _keys(item)}
    if isinstance(value, list):
        return {k for item in value for k in _keys(item)}
    return set()


# --- Query budget -------------------------------------------------------------------------


def _queries(client: Client, url: str, **headers: Any) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, **headers).status_code == 200
    return len(queries)


def test_the_areas_keep_their_query_budget_on_small_and_larger_data(
    client: Client, oc: OutreachCast, cast: Cast, small_areas: AdminUnit
) -> None:
    key = make_key(oc.committee, "leader")
    login_verified(client, oc.leadership)
    small = (_queries(client, AREAS), _queries(client, f"{API}/outreach/areas", **key.headers))
    for number in range(4, 12):
        group = _group(oc.ward_b, number)
        _households(cast, number % 6, oc.ward_b, group, f"4{number}")
        _ambassadors(oc, group, number % 3)
    larger = (_queries(client, AREAS), _queries(client, f"{API}/outreach/areas", **key.headers))
    for page, answer in (small, larger):
        assert page <= PAGE_BUDGET and answer <= API_BUDGET
