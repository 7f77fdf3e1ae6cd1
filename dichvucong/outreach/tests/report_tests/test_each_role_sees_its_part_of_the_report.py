from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from dichvucong.accounts.testing import login_verified
from dichvucong.catalogue.constants import AgencyKind, UnitLevel
from dichvucong.catalogue.models import AdminUnit, Agency
from dichvucong.outreach.models import Campaign, School


def _page(client, world, suffix: str = ""):
    return client.get(f"/bao-cao-tuyen-truyen/chien-dich/{world.campaign.pk}/{suffix}")


def _sheets(client, world) -> list[str]:
    return load_workbook(io.BytesIO(_page(client, world, "bao-cao.xlsx").content)).sheetnames


@pytest.mark.parametrize(
    ("who", "own", "other", "names"),
    [
        ("coordinator_a", "8A", "8B", "THCS Khương Đình"),
        ("coordinator_b", "8B", "8A", "THCS Kim Giang"),
    ],
)
def test_a_coordinator_sees_the_own_school_only(world, client, who, own, other, names):
    login_verified(client, getattr(world.oc, who))
    page = _page(client, world)
    html = page.content.decode()
    shown = page.context["shown"]
    assert [s.name for s in shown.report.schools] == [names]
    assert not shown.whole and "Toàn quận" not in html
    assert f"Học sinh {own}" in html and f"Học sinh {other}" not in html
    assert _sheets(client, world) == ["Tổng hợp", "Theo phường", names]


def test_the_leadership_sees_every_school_and_no_pupil_name(world, client):
    login_verified(client, world.oc.leadership)
    page = _page(client, world)
    html = page.content.decode()
    assert page.context["shown"].whole
    assert "THCS Khương Đình" in html and "THCS Kim Giang" in html
    assert "Học sinh 8" not in html
    workbook = load_workbook(io.BytesIO(_page(client, world, "bao-cao.xlsx").content))
    values = [
        str(v) for ws in workbook.worksheets for r in ws.iter_rows(values_only=True) for v in r
    ]
    assert not [value for value in values if value.startswith("Học sinh 8")]


@pytest.mark.parametrize("who", ["citizen", "receptionist"])
def test_people_without_an_outreach_role_get_403(world, client, who):
    login_verified(client, getattr(world.oc, who))
    for suffix in ("", "bao-cao.xlsx", "bao-cao.pdf"):
        assert _page(client, world, suffix).status_code == 403
    assert client.get("/bao-cao-tuyen-truyen/").status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(world, client):
    response = _page(client, world)
    assert response.status_code == 302 and "/tai-khoan/" in response["Location"]


def test_a_campaign_of_another_district_is_404(world, client):
    city = AdminUnit.objects.create(name="Đà Nẵng", code="X-DN", level=UnitLevel.CITY)
    district = AdminUnit.objects.create(
        name="Hải Châu", code="X-HC", level=UnitLevel.DISTRICT, parent=city
    )
    agency = Agency.objects.create(
        name="Phòng GD&ĐT Hải Châu",
        unit_code="X.GD",
        kind=AgencyKind.DEPARTMENT,
        admin_unit=district,
    )
    campaign = Campaign.objects.create(
        title="Chiến dịch khác",
        lead_agency=agency,
        start_date=date(2017, 3, 1),
        end_date=date(2017, 3, 5),
    )
    campaign.schools.set([School.objects.create(name="THCS Hải Châu")])
    for user in (world.oc.education, world.oc.leadership, world.oc.coordinator_a):
        login_verified(client, user)
        assert client.get(f"/bao-cao-tuyen-truyen/chien-dich/{campaign.pk}/").status_code == 404
