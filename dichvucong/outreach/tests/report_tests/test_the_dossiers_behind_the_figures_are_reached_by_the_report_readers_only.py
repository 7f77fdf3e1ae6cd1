"""The drill-down has the report page's access: the education office and
leadership every school of the campaign, a school coordinator their own
school only; everyone else nothing. Unknown or foreign ids are 404."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach.models import School


def _url(world, school_id=None, campaign_id=None) -> str:
    base = f"/bao-cao-tuyen-truyen/chien-dich/{campaign_id or world.campaign.pk}/ho-so/"
    return base if school_id is None else f"{base}truong/{school_id}/"


@pytest.mark.parametrize("who", ["education", "leadership"])
def test_the_district_reads_every_school_and_the_total(world, client, who):
    login_verified(client, getattr(world.oc, who))
    for school in (world.oc.school_a, world.oc.school_b):
        assert client.get(_url(world, school.pk)).status_code == 200
    shown = client.get(_url(world)).context["detail"]
    assert shown.school is None and shown.counted.lines


def test_a_coordinator_reads_their_school_only(world, client):
    login_verified(client, world.oc.coordinator_a)
    assert client.get(_url(world, world.oc.school_a.pk)).status_code == 200
    assert client.get(_url(world, world.oc.school_b.pk)).status_code == 404
    whole = client.get(_url(world)).context["detail"]
    shown = {line.code for line in whole.counted.lines}
    own = {
        line.code
        for line in client.get(_url(world, world.oc.school_a.pk)).context["detail"].counted.lines
    }
    assert shown == own


def test_schools_outside_the_campaign_and_unknown_ids_are_404(world, client):
    login_verified(client, world.oc.education)
    outside = School.objects.get(name="THCS Ngoài chiến dịch")
    assert client.get(_url(world, outside.pk)).status_code == 404
    assert client.get(_url(world, 999999)).status_code == 404
    assert client.get(_url(world, 2**63)).status_code == 404
    assert client.get(_url(world, campaign_id=999999)).status_code == 404
    assert (
        client.get(_url(world, world.oc.school_a.pk) + "?trang=abc&trang-cho=-1").status_code == 200
    )


def test_staff_without_an_outreach_role_and_citizens_get_nothing(world, client):
    for user in (world.oc.receptionist, world.oc.citizen):
        login_verified(client, user)
        page = client.get(_url(world, world.oc.school_a.pk))
        assert page.status_code == 403
        assert b"HS-" not in page.content
    client.logout()
    assert client.get(_url(world)).status_code == 302
