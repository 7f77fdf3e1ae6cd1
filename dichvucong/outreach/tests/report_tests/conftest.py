from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from dichvucong.accounts.models import User
from dichvucong.dossiers.signals import status_changed
from dichvucong.dossiers.testing import Cast, make_cast
from dichvucong.outreach.tests.cast import OutreachCast
from dichvucong.outreach.tests.report_tests.generated import World, build_world


@pytest.fixture
def cast(oc: OutreachCast) -> Cast:
    """The dossiers cast next to the outreach cast: both name their citizen
    001090012345, so the outreach one is renamed first."""
    User.objects.filter(pk=oc.citizen.pk).update(username="oc-001090012345")
    return make_cast()


@pytest.fixture
def world(oc: OutreachCast, cast: Cast) -> World:
    """A generated campaign year (generated.py) on the usual casts."""
    return build_world(oc, cast)


@pytest.fixture(autouse=True)
def no_result_documents() -> Iterator[None]:
    """The electronic result is rendered as a PDF on approval, about a
    second per dossier; the report never reads results, so these tests
    approve dossiers without issuing them."""
    from dichvucong.results import service

    status_changed.disconnect(dispatch_uid="results.issue")
    yield
    status_changed.connect(service.on_status_changed, dispatch_uid="results.issue")


# A day of the casts' school year (2016-2017), when the help is given and
# the dossiers reach their results: DESIGN.md §6 counts a result only
# within the campaign's school year.
IN_THE_SCHOOL_YEAR = datetime(2017, 5, 15, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture(autouse=True)
def in_the_school_year() -> Iterator[None]:
    with time_machine.travel(IN_THE_SCHOOL_YEAR, tick=True):
        yield
