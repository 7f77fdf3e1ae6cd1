from __future__ import annotations

import re

from django.urls import reverse

from dichvucong.accounts.models import CitizenProfile

PROFILE = reverse("accounts:profile")
CHOOSE = reverse("accounts:notification_channel")


def _checked(client) -> list[str]:
    page = client.get(PROFILE).content.decode()
    return re.findall(r'<input type="radio" name="channel" value="(\w+)"[^>]*checked', page)


def _chose_zalo(cast) -> bool:
    return CitizenProfile.objects.get(user=cast.applicant).notify_by_zalo


def test_a_citizen_switches_to_zalo_and_back(client, cast, zalo):
    client.force_login(cast.applicant)
    assert _checked(client) == ["sms"]
    assert client.post(CHOOSE, {"channel": "zalo"}).url == PROFILE
    assert _chose_zalo(cast)
    assert _checked(client) == ["zalo"]
    client.post(CHOOSE, {"channel": "sms"})
    assert not _chose_zalo(cast)


def test_nothing_is_offered_or_accepted_while_zalo_is_not_configured(client, cast):
    client.force_login(cast.applicant)
    assert CHOOSE not in client.get(PROFILE).content.decode()
    assert client.post(CHOOSE, {"channel": "zalo"}).status_code == 404
    assert not _chose_zalo(cast)


def test_staff_are_not_offered_the_choice(client, cast, zalo):
    client.force_login(cast.receptionist_a)
    assert client.post(CHOOSE, {"channel": "zalo"}).status_code in (302, 404)
    assert not CitizenProfile.objects.filter(user=cast.receptionist_a, notify_by_zalo=True).exists()
