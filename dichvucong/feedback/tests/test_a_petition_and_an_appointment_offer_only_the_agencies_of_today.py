"""After Hà Nội's 2025 reorganisation a petition names, and an
appointment is booked at, an agency that exists today; the ended ward
committees stay in the database but are no longer offered."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from dichvucong.appointments import services as appointments
from dichvucong.appointments.tests.conftest import make_slot
from dichvucong.catalogue.models import Agency
from dichvucong.dossiers.tests.reorganisation_cast import add_groups_to_ward_b, reorganise_cast
from dichvucong.feedback.forms import PetitionForm

pytestmark = pytest.mark.django_db

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
BEFORE = datetime(2025, 6, 20, 9, 0, tzinfo=HANOI)
AFTER = datetime(2025, 7, 10, 9, 0, tzinfo=HANOI)


@pytest.fixture
def new_committees(cast) -> tuple[Agency, Agency]:  # type: ignore[no-untyped-def]
    add_groups_to_ward_b(cast)
    new = reorganise_cast()
    for agency in (cast.agency_a, *new):
        make_slot(agency, weekday=1)
    return new


def offered(day: datetime) -> tuple[set[str], set[str]]:
    with time_machine.travel(day, tick=False):
        petition = {a.unit_code for a in PetitionForm().fields["agency"].queryset}
        booking = {a.unit_code for a in appointments.counter_agencies()}
    return petition, booking


def test_before_the_first_of_july_the_old_committees_are_offered(cast, new_committees):
    petition, booking = offered(BEFORE)
    assert "T.KM" in petition and "T.PL" not in petition
    assert booking == {"T.KM"}


def test_after_it_only_the_new_ones(cast, new_committees):
    petition, booking = offered(AFTER)
    assert "T.KM" not in petition and {"T.PL", "T.KDN"} <= petition
    assert booking == {"T.PL", "T.KDN"}
    assert Agency.objects.filter(unit_code="T.KM").exists()
