"""The demo's own dossiers run up to today: the newest is a few days old,
this year's statistics are not empty, dossiers are open in several
statuses, and only a plausible few are overdue (not every dossier of
2017). (A chosen "now": outreach/tests/report_tests/test_the_demo_year_...)"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db.models import Max
from django.utils import timezone

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.reports.statistics import overdue_dossiers

pytestmark = pytest.mark.django_db
CLOSED = (Status.RETURNED, Status.REFUSED, Status.WITHDRAWN, Status.STOPPED)


def submitted():
    return Dossier.objects.exclude(submitted_at=None)


def test_the_newest_dossier_is_a_few_days_old(demo):
    newest = submitted().aggregate(Max("submitted_at"))["submitted_at__max"]

    assert timezone.now() - newest < timedelta(days=4)


def test_this_years_statistics_are_not_empty_and_recent_weeks_are_busy(demo):
    this_year = submitted().filter(submitted_at__year=timezone.localdate().year)
    recent = submitted().filter(submitted_at__gte=timezone.now() - timedelta(days=42))

    assert this_year.count() >= 60
    assert recent.count() >= 50
    months = {
        timezone.localtime(at).month for at in this_year.values_list("submitted_at", flat=True)
    }
    assert len(months) >= min(6, timezone.localdate().month)


def test_open_dossiers_are_in_several_statuses_and_few_are_overdue(demo):
    open_now = submitted().exclude(status__in=CLOSED)
    overdue = overdue_dossiers(Dossier.objects.all(), timezone.localdate())

    assert len(set(open_now.values_list("status", flat=True))) >= 4
    assert open_now.count() >= 15
    assert overdue.count() <= max(3, open_now.count() // 4)
    assert not overdue.filter(submitted_at__year__lt=2025).exists()


def test_no_event_lies_in_the_future(demo):
    from dichvucong.dossiers.models import Event

    assert not Event.objects.filter(at__gt=timezone.now()).exists()
