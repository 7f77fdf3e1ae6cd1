"""Demo officers pass the second factor as in production and hold a full
set of recovery codes, so nothing tells them they have none left."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_static.models import StaticToken

from dichvucong.accounts.models import User
from dichvucong.accounts.two_factor import RECOVERY_CODE_COUNT, recovery_codes_left
from dichvucong.demo.people import STAFF

pytestmark = pytest.mark.django_db


def test_every_demo_officer_has_a_full_set_of_recovery_codes(demo):
    for spec in STAFF:
        assert recovery_codes_left(User.objects.get(username=spec.username)) == RECOVERY_CODE_COUNT


def test_a_second_load_keeps_the_codes_an_officer_already_has(demo):
    before = set(StaticToken.objects.values_list("token", flat=True))
    call_command("load_demo", stdout=StringIO())

    assert set(StaticToken.objects.values_list("token", flat=True)) == before
