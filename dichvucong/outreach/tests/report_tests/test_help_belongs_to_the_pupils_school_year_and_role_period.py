"""DESIGN.md §6: help belongs to the campaign of the pupil's school year
at the moment of help. A school that already has next year's campaign
keeps this year's pupils in this year's; a role ends with the school year
or when the pupil leaves; help confirmed outside that period is kept but
never counted, and the pupil is told why."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.outreach import practice, report
from dichvucong.outreach.models import Ambassador, Campaign
from dichvucong.outreach.practice import create_pupil_account
from dichvucong.outreach.tests.helpers_tests.cast import add_pupil
from dichvucong.outreach.tests.report_tests.helping import record_help

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


def _next_years_campaign(oc) -> Campaign:
    later = Campaign.objects.create(
        title="Đại sứ số năm học 2017-2018",
        lead_agency=oc.education_agency,
        start_date=date(2017, 9, 5),
        end_date=date(2017, 9, 20),
    )
    later.schools.set([oc.school_a, oc.school_b])
    return later


def _ambassador(oc, *, since=date(2017, 3, 17), until=None) -> Ambassador:
    pupil = add_pupil(oc.class_a, "Trần Thu Hà", oc.group_a)
    return Ambassador.objects.create(
        campaign=oc.campaign, pupil=pupil, residential_group=oc.group_a, since=since, until=until
    )


def _counted(campaign) -> int:
    return report.build_report(campaign).totals.dossiers


def test_next_years_campaign_created_in_may_does_not_take_this_years_pupil(oc):
    _next_years_campaign(oc)
    pupil = add_pupil(oc.class_a, "Lê Minh Long", oc.group_a)

    with time_machine.travel(datetime(2017, 5, 2, 9, 0, tzinfo=HANOI)):
        create_pupil_account(pupil, by=None)

    assert Ambassador.objects.get(pupil=pupil).campaign == oc.campaign
    assert Ambassador.objects.get(pupil=pupil).school_class == oc.class_a


def test_the_role_ends_with_the_school_year_and_the_pupil_is_told_why(oc, client):
    ambassador = _ambassador(oc)
    login = create_pupil_account(ambassador.pupil, by=None)
    user = ambassador.pupil.ambassadorships.get().user
    assert login.username == user.username

    with time_machine.travel(datetime(2017, 7, 31, 20, 0, tzinfo=HANOI)):
        assert practice.ambassadorship(user) == ambassador
    with time_machine.travel(datetime(2017, 8, 1, 8, 0, tzinfo=HANOI)):
        assert practice.ambassadorship(user) is None
        why = practice.help_refusal(user)
        client.force_login(user)
        page = client.get(reverse("helpers:home"))
    assert "2016-2017" in why and "31/07/2017" in why
    assert page.status_code == 403
    assert why in page.content.decode()


def test_a_pupil_who_left_stops_helping_the_day_after(oc):
    ambassador = _ambassador(oc, until=date(2017, 4, 30))
    create_pupil_account(ambassador.pupil, by=None)
    user = Ambassador.objects.get(pk=ambassador.pk).user

    with time_machine.travel(datetime(2017, 5, 2, 9, 0, tzinfo=HANOI)):
        assert practice.ambassadorship(user) is None
        assert "30/04/2017" in practice.help_refusal(user)


@pytest.mark.parametrize(
    ("since", "until", "counted"),
    [
        (date(2017, 3, 17), None, 1),  # within the role
        (date(2017, 5, 20), None, 0),  # confirmed before the role began
        (date(2017, 3, 17), date(2017, 5, 10), 0),  # after the pupil left
    ],
)
def test_help_counts_only_within_the_role_period(oc, cast, since, until, counted):
    dossier = make_dossier(cast, Status.RETURNED)  # submitted 15/05/2017, result in the year
    record_help(_ambassador(oc, since=since, until=until), dossier, dossier.submitted_at)

    assert _counted(oc.campaign) == counted


def test_help_confirmed_after_the_school_year_is_not_counted_for_it(oc, cast):
    dossier = make_dossier(cast, Status.RETURNED)
    late = datetime(2017, 8, 1, 0, 5, tzinfo=HANOI)
    record_help(_ambassador(oc), dossier, late)

    assert _counted(oc.campaign) == 0
