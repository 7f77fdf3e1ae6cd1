"""Fixtures of the ambassador tests (cast.py describes the cast)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache

from dichvucong.outreach.models import Ambassador
from dichvucong.outreach.tests.helpers_tests import sms
from dichvucong.outreach.tests.helpers_tests.cast import HelpersCast, make_helpers_cast


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    """Code limits are counted in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hc(db) -> HelpersCast:  # type: ignore[no-untyped-def]
    return make_helpers_cast()


@pytest.fixture
def sent_sms(settings) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """SMS go to a test gateway that keeps them (the phone's inbox)."""
    settings.SMS_PROVIDER = "dichvucong.outreach.tests.helpers_tests.sms.KeepingSmsProvider"
    sms.KeepingSmsProvider.sent.clear()
    return sms.KeepingSmsProvider.sent


@pytest.fixture
def ambassador(hc: HelpersCast) -> Ambassador:
    return Ambassador.objects.get(pupil=hc.pupil)
