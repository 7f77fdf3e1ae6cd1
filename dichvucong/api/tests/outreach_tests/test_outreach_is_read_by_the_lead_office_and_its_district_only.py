"""Campaigns and their reports are read by a key of the lead office (the
district's Phòng GD&ĐT) or of the district itself, whatever the key's
role; any other agency's key gets an empty list and a 404. Residential
areas: the district's wards, or the key's own ward. No key: 401."""

from __future__ import annotations

import pytest
from django.test import Client

from dichvucong.api.tests.helpers import API, Key, assert_error, make_key
from dichvucong.api.tests.outreach_tests.conftest import OutreachKeys
from dichvucong.catalogue.constants import AgencyKind
from dichvucong.catalogue.models import Agency
from dichvucong.outreach.tests.cast import OutreachCast


def campaign_ids(client: Client, key: Key) -> set[int]:
    body = client.get(f"{API}/outreach/campaigns", **key.headers).json()
    return {item["id"] for item in body["items"]}


def ward_ids(client: Client, key: Key) -> set[int]:
    body = client.get(f"{API}/outreach/areas", **key.headers).json()
    return {ward["id"] for ward in body["wards"]}


def report_status(client: Client, key: Key, campaign_id: int) -> int:
    url = f"{API}/outreach/campaigns/{campaign_id}/report"
    return client.get(url, **key.headers).status_code


@pytest.mark.parametrize("who", ["education", "district"])
def test_the_lead_office_and_the_district_read_the_campaign(
    client: Client, oc: OutreachCast, outreach_keys: OutreachKeys, who: str
) -> None:
    key = getattr(outreach_keys, who)
    assert campaign_ids(client, key) == {oc.campaign.pk}
    assert report_status(client, key, oc.campaign.pk) == 200


@pytest.mark.parametrize("who", ["ward", "elsewhere"])
def test_other_agencies_see_no_campaign(
    client: Client, oc: OutreachCast, outreach_keys: OutreachKeys, who: str
) -> None:
    key = getattr(outreach_keys, who)
    assert campaign_ids(client, key) == set()
    url = f"{API}/outreach/campaigns/{oc.campaign.pk}/report"
    assert_error(client.get(url, **key.headers), 404, "not_found")


def test_another_districts_education_office_sees_nothing(
    client: Client, oc: OutreachCast, outreach_keys: OutreachKeys
) -> None:
    """A Phòng GD&ĐT too, but of the other district: a department of
    another People's Committee."""
    elsewhere = outreach_keys.elsewhere.key.agency
    committee = Agency.objects.create(
        name="UBND quận khác",
        unit_code="Z.Q",
        kind=AgencyKind.PEOPLES_COMMITTEE,
        admin_unit=elsewhere.admin_unit.parent,
    )
    office = Agency.objects.create(
        name="Phòng GD&ĐT quận khác",
        unit_code="Z.GD",
        kind=AgencyKind.DEPARTMENT,
        admin_unit=committee.admin_unit,
        parent=committee,
    )
    for agency in (committee, office):
        key = make_key(agency, "read")
        assert campaign_ids(client, key) == set()
        assert report_status(client, key, oc.campaign.pk) == 404
        assert not ward_ids(client, key) & {oc.ward_a.pk, oc.ward_b.pk}


def test_unknown_and_malformed_ids(
    client: Client, oc: OutreachCast, outreach_keys: OutreachKeys
) -> None:
    key = outreach_keys.education
    assert_error(
        client.get(f"{API}/outreach/campaigns/999999/report", **key.headers), 404, "not_found"
    )
    response = client.get(f"{API}/outreach/campaigns/0/report", **key.headers)
    assert_error(response, 422, "invalid", "campaign_id")


def test_residential_areas_follow_the_keys_agency(
    client: Client, oc: OutreachCast, outreach_keys: OutreachKeys
) -> None:
    district = {oc.ward_a.pk, oc.ward_b.pk}
    assert ward_ids(client, outreach_keys.education) == district
    assert ward_ids(client, outreach_keys.district) == district
    assert ward_ids(client, outreach_keys.ward) == {oc.ward_a.pk}
    assert not ward_ids(client, outreach_keys.elsewhere) & district


def test_no_key_is_401(client: Client, oc: OutreachCast) -> None:
    for path in (
        "/outreach/campaigns",
        f"/outreach/campaigns/{oc.campaign.pk}/report",
        "/outreach/areas",
    ):
        assert_error(client.get(API + path), 401, "unauthorized")
        assert_error(client.get(API + path, HTTP_X_API_KEY="dvc_nothing_x"), 401, "unauthorized")
