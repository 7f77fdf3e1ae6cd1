"""The report endpoint gives the figures of the year-end report
(outreach.report.present_all) per school and class, the totals and the
share of the target; once submitted and approved, the frozen version,
whatever happens to the dossiers afterwards."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.test import Client

from dichvucong.api.tests.helpers import API
from dichvucong.api.tests.outreach_tests.conftest import OutreachKeys
from dichvucong.outreach import report
from dichvucong.outreach.models import Ambassador
from dichvucong.outreach.report import Presentation
from dichvucong.outreach.tests.report_tests.generated import HOUSEHOLDS, World, assist


def fetch(client: Client, keys: OutreachKeys, campaign_id: int) -> dict[str, Any]:
    url = f"{API}/outreach/campaigns/{campaign_id}/report"
    response = client.get(url, **keys.education.headers)
    assert response.status_code == 200, response.content
    return response.json()


def figures_of(shown: Presentation) -> list[Any]:
    return [
        (
            school.school_id,
            school.name,
            asdict(school.figures),
            [(c.class_id, c.name, asdict(c.figures)) for c in school.classes],
        )
        for school in shown.report.schools
    ]


def figures_in(body: dict[str, Any]) -> list[Any]:
    return [
        (
            school["id"],
            school["name"],
            school["figures"],
            [(c["id"], c["name"], c["figures"]) for c in school["classes"]],
        )
        for school in body["schools"]
    ]


def test_a_draft_report_equals_the_live_report(
    client: Client, world: World, outreach_keys: OutreachKeys
) -> None:
    body = fetch(client, outreach_keys, world.campaign.pk)
    shown = report.present_all(world.campaign, with_names=False)
    assert figures_in(body) == figures_of(shown)
    assert body["totals"] == asdict(shown.totals)
    assert body["totals"]["dossiers"] > body["totals"]["succeeded"] > 0
    assert body["target_pupils"] == 40
    assert body["target_share"] == shown.report.totals.trained / 40
    assert body["commended"] == len(shown.report.commendations) > 0
    assert (body["state"], body["frozen"], body["submitted_at"]) == ("draft", False, None)
    assert len(body["schools"]) == 2 and len(body["schools"][0]["classes"]) == 2


def test_an_approved_report_is_the_frozen_version(
    client: Client, world: World, outreach_keys: OutreachKeys
) -> None:
    report.submit(world.campaign, world.oc.education)
    report.approve(world.campaign, world.oc.leadership)
    frozen = fetch(client, outreach_keys, world.campaign.pk)
    ambassador = Ambassador.objects.filter(campaign=world.campaign, pupil__isnull=False).first()
    assert ambassador is not None
    assist(world, ambassador, "returned", HOUSEHOLDS[3])
    assert report.build_report(world.campaign).totals.dossiers == frozen["totals"]["dossiers"] + 1

    again = fetch(client, outreach_keys, world.campaign.pk)
    assert again == frozen
    assert (again["state"], again["frozen"]) == ("approved", True)
    assert again["approved_at"] is not None and again["submitted_at"] is not None
    assert again["state_label"] == "UBND quận đã phê duyệt"
    assert figures_in(again) == figures_of(report.present_all(world.campaign, with_names=False))


def test_the_campaign_list_says_where_each_report_stands(
    client: Client, world: World, outreach_keys: OutreachKeys
) -> None:
    report.submit(world.campaign, world.oc.education)
    response = client.get(f"{API}/outreach/campaigns", **outreach_keys.education.headers)
    body = response.json()
    assert body["count"] == 2
    by_id = {item["id"]: item for item in body["items"]}
    campaign = by_id[world.campaign.pk]
    assert campaign["title"] == world.campaign.title
    assert (campaign["start_date"], campaign["end_date"]) == ("2017-03-01", "2017-03-16")
    assert campaign["lead_agency"] == {"unit_code": "O.GD", "name": "Phòng Giáo dục và Đào tạo"}
    assert (campaign["schools"], campaign["target_grade"]) == (2, 8)
    assert campaign["report_state"] == "submitted"
    assert by_id[world.other_campaign.pk]["schools"] == 1
    assert by_id[world.other_campaign.pk]["report_state"] is None
