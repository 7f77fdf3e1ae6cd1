"""Counts only: no pupil's name (erased or not), guardian, or resident
appears anywhere in an outreach answer, even to the keys that may read
everything, even once the commendation list is frozen."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.test import Client

from dichvucong.accounts.models import CitizenProfile
from dichvucong.api.tests.helpers import API
from dichvucong.api.tests.outreach_tests.conftest import OutreachKeys
from dichvucong.dossiers.testing import Cast
from dichvucong.outreach import report
from dichvucong.outreach.constants import ERASED_NAME
from dichvucong.outreach.models import Guardian, Pupil
from dichvucong.outreach.tests.cast import OutreachCast, add_pupil
from dichvucong.outreach.tests.report_tests.areas_data import build_places
from dichvucong.outreach.tests.report_tests.generated import World


def texts(response: HttpResponse) -> tuple[str, str]:
    """The raw body, and the same with any \\u escapes undone."""
    assert response.status_code == 200, response.content
    raw = response.content.decode()
    return raw, json.dumps(json.loads(raw), ensure_ascii=False)


def answers(client: Client, world: World, keys: OutreachKeys) -> list[str]:
    found = []
    for key in (keys.education, keys.district):
        found += texts(client.get(f"{API}/outreach/campaigns", **key.headers))
        found += texts(client.get(f"{API}/outreach/areas", **key.headers))
        for campaign in (world.campaign, world.other_campaign):
            url = f"{API}/outreach/campaigns/{campaign.pk}/report"
            found += texts(client.get(url, **key.headers))
    return found


def test_no_pupil_or_guardian_name_in_any_answer(
    client: Client, world: World, outreach_keys: OutreachKeys
) -> None:
    add_pupil(world.oc.class_a, name="Phạm Minh Khôi")  # a name with every kind of accent
    report.submit(world.campaign, world.oc.education)
    report.approve(world.campaign, world.oc.leadership)
    names = {p.full_name for p in world.pupils} | set(
        Pupil.objects.values_list("full_name", flat=True)
    )
    names |= set(Guardian.objects.values_list("full_name", flat=True))
    names.discard(ERASED_NAME)
    assert "Phạm Minh Khôi" in names and len(names) > 20
    found = answers(client, world, outreach_keys)
    for text in found:
        for name in names:
            assert name not in text
    # The check can fail: names do reach the decoded text (the schools').
    assert any(world.oc.school_a.name in text for text in found)


def test_no_resident_is_named_by_the_areas(
    client: Client, oc: OutreachCast, cast: Cast, outreach_keys: OutreachKeys
) -> None:
    places = build_places(oc, cast)
    for key in (outreach_keys.education, outreach_keys.district, outreach_keys.ward):
        raw, decoded = texts(client.get(f"{API}/outreach/areas", **key.headers))
        assert oc.ward_a.name in decoded  # names do reach the decoded text: the wards'
        for text in (raw, decoded):
            for profile in CitizenProfile.objects.filter(user__in=places.citizens):
                assert profile.user.full_name not in text
                assert profile.id_number not in text and profile.phone not in text
