from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from dichvucong.dossiers.testing import make_cast
from dichvucong.reports.testing import World, extend_world, generate

TODAY = date(2025, 6, 20)
NOW = datetime(2025, 6, 20, 10, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture
def cast(db):
    return make_cast()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Result documents made by the tests stay out of var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def no_report_cache(settings):
    """Each test compares figures with the database as it is now."""
    settings.REPORTS_CACHE_SECONDS = 0


@pytest.fixture
def frozen():
    """Today is 20/06/2025, 10:00 in Hà Nội, for the whole test."""
    with time_machine.travel(NOW, tick=False):
        yield TODAY


@pytest.fixture
def world(cast, frozen) -> World:
    """120 generated dossiers over the 240 days before today, across three
    agencies (two wards, one district department) and three procedures."""
    world = extend_world(
        [cast.agency_a, cast.agency_b], cast.district, cast.applicant, cast.leader_a
    )
    generate(world, 120, today=frozen)
    return world
