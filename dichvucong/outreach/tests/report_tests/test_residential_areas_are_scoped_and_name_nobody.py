from __future__ import annotations

import pytest

from dichvucong.accounts.constants import Role
from dichvucong.accounts.models import CitizenProfile, StaffRole
from dichvucong.accounts.testing import login_verified
from dichvucong.outreach.tests.report_tests.areas_data import build_places

URL = "/bao-cao-tuyen-truyen/khu-dan-cu-dien-tu/"


@pytest.mark.parametrize("who", ["education", "leadership"])
def test_the_education_office_and_leadership_see_every_ward_of_the_district(oc, cast, client, who):
    build_places(oc, cast)
    login_verified(client, getattr(oc, who))
    page = client.get(URL)
    assert page.status_code == 200
    assert {w.ward_id for w in page.context["areas"].wards} == {oc.ward_a.pk, oc.ward_b.pk}
    assert "<svg" in page.content.decode() and "<script" not in page.content.decode()


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.LEADER])
def test_ward_staff_see_their_ward_only(oc, cast, client, role):
    build_places(oc, cast)
    StaffRole.objects.filter(user=oc.receptionist).update(role=role)
    login_verified(client, oc.receptionist)
    for url in (URL, f"{URL}?phuong={oc.ward_b.pk}"):
        page = client.get(url)
        assert [w.ward_id for w in page.context["areas"].wards] == [oc.ward_a.pk]
        assert oc.ward_b.name not in page.content.decode()


def test_nobody_is_named_on_the_page(oc, cast, client):
    places = build_places(oc, cast)
    login_verified(client, oc.education)
    html = client.get(URL).content.decode()
    for profile in CitizenProfile.objects.filter(user__in=places.citizens):
        assert profile.user.full_name not in html
        assert profile.id_number not in html and profile.phone not in html


@pytest.mark.parametrize("who", ["citizen", "coordinator_a"])
def test_others_get_403(oc, cast, client, who):
    login_verified(client, getattr(oc, who))
    assert client.get(URL).status_code == 403


def test_a_ward_specialist_gets_403_and_a_visitor_logs_in(oc, cast, client):
    StaffRole.objects.filter(user=oc.receptionist).update(role=Role.SPECIALIST)
    login_verified(client, oc.receptionist)
    assert client.get(URL).status_code == 403
    client.logout()
    assert client.get(URL).status_code == 302
