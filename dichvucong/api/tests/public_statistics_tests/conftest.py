"""Generated dossiers on a frozen day, as the report tests have them
(reports/tests/conftest.py), so the API can be compared with the page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import time_machine

from dichvucong.api.tests.helpers import at
from dichvucong.dossiers.testing import Cast
from dichvucong.reports.testing import World, extend_world, generate

TODAY = date(2025, 6, 20)


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> None:
    """Result documents made by the generator stay out of var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def no_report_cache(settings: Any) -> None:
    """Each test compares figures with the database as it is now."""
    settings.REPORTS_CACHE_SECONDS = 0


@pytest.fixture
def frozen() -> Iterator[date]:
    """Today is 20/06/2025, 10:00 in Hà Nội, for the whole test."""
    with time_machine.travel(at(2025, 6, 20, 10), tick=False):
        yield TODAY


@pytest.fixture
def world(cast: Cast, frozen: date) -> World:
    """120 generated dossiers over the 240 days before today, practice
    dossiers and drafts among them, across three agencies."""
    world = extend_world(
        [cast.agency_a, cast.agency_b], cast.district, cast.applicant, cast.leader_a
    )
    generate(world, 120, today=frozen)
    return world
