"""The staff dashboard counts only what the user may see: a ward's staff
their ward, district leadership the whole district; citizens get 403."""

from __future__ import annotations

from datetime import date

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import StaffRole, User
from dichvucong.accounts.testing import login_verified
from dichvucong.catalogue.constants import AgencyKind
from dichvucong.catalogue.models import Agency
from dichvucong.reports.tests.expected import count

YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def test_a_ward_b_receptionist_sees_ward_b_numbers_only(client, cast, world, frozen):
    login_verified(client, cast.receptionist_b)
    response = client.get("/thong-ke/noi-bo/")
    assert response.status_code == 200
    own = count("total", *YEAR, frozen, keep=lambda d: d.agency_id == cast.agency_b.pk)[()]
    everything = count("total", *YEAR, frozen)[()]
    totals = response.context["totals"]
    assert (totals.received, totals.resolved, totals.overdue) == (
        own["received"],
        own["resolved"],
        own["overdue"],
    )
    assert totals.received < everything["received"]
    agencies = {
        row[0]
        for table in response.context["tables"]
        if table.slug == "co-quan"
        for row in table.rows
    }
    assert agencies == {"UBND phường Khương Đình"}
    html = response.content.decode()
    assert "Khương Mai" not in html  # not even in the filter's choices
    overdue_agencies = {row[2] for row in response.context["overdue_table"].rows}
    assert overdue_agencies <= {"UBND phường Khương Đình"}


def test_asking_for_ward_a_from_ward_b_shows_nothing_of_ward_a(client, cast, world, frozen):
    login_verified(client, cast.receptionist_b)
    response = client.get(
        "/thong-ke/noi-bo/", {"co_quan": cast.agency_a.pk, "dia_ban": cast.ward_a.pk}
    )
    assert (
        response.context["totals"].received
        == count("total", *YEAR, frozen, keep=lambda d: d.agency_id == cast.agency_b.pk)[()][
            "received"
        ]
    )
    assert "Một số điều kiện lọc không hợp lệ" in response.content.decode()
    export = client.get(
        "/thong-ke/noi-bo/", {"co_quan": cast.agency_a.pk, "format": "csv", "bang": "co-quan"}
    )
    assert "Khương Mai" not in export.content.decode("utf-8-sig")


def test_district_leadership_sees_every_agency(client, cast, world, frozen):
    district_committee = Agency.objects.create(
        name="UBND quận Thanh Xuân",
        unit_code="T.TX",
        kind=AgencyKind.PEOPLES_COMMITTEE,
        admin_unit=cast.district,
    )
    leader = User.objects.create_user(
        username="lanhdao.quan",
        password="matkhau-demo-1",
        full_name="Lãnh Đạo Quận",
        kind=AccountKind.STAFF,
    )
    StaffRole.objects.create(user=leader, role=Role.DISTRICT_LEADERSHIP, agency=district_committee)
    login_verified(client, leader)
    response = client.get("/thong-ke/noi-bo/")
    assert response.status_code == 200
    everything = count("total", *YEAR, frozen)[()]
    totals = response.context["totals"]
    assert (totals.received, totals.overdue) == (everything["received"], everything["overdue"])
    assert len(response.context["overdue_table"].rows) == everything["overdue"]


def test_citizens_get_403(client, cast, world):
    client.force_login(cast.applicant)
    response = client.get("/thong-ke/noi-bo/")
    assert response.status_code == 403
    assert "Bảng điều hành dành cho cán bộ" in response.content.decode()
    download = client.get("/thong-ke/noi-bo/", {"format": "csv", "bang": "ho-so-qua-han"})
    assert download.status_code == 403


def test_staff_without_a_back_office_role_get_403(client, db):
    officer = User.objects.create_user(
        username="giaovien", password="matkhau-demo-1", kind=AccountKind.STAFF
    )
    login_verified(client, officer)
    assert client.get("/thong-ke/noi-bo/").status_code == 403


def test_anonymous_visitors_are_sent_to_the_login_page(client, db):
    response = client.get("/thong-ke/noi-bo/")
    assert response.status_code == 302
    assert response["Location"].startswith("/tai-khoan/")
