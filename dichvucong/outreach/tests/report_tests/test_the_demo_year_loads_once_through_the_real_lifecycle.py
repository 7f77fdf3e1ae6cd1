from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from dichvucong.demo import activity, load_demo
from dichvucong.dossiers import events
from dichvucong.dossiers.models import Dossier, Event
from dichvucong.dossiers.signals import status_changed
from dichvucong.notifications.models import OutboxMessage
from dichvucong.outreach import report
from dichvucong.outreach.models import Campaign


def test_the_demo_year_is_made_of_real_historical_dossiers_and_loads_once(db, monkeypatch):
    # A smaller year than `make run` loads, so the test stays quick.
    monkeypatch.setattr(activity, "PLAIN_DOSSIERS", 25)
    monkeypatch.setattr(activity, "AMBASSADOR_RATE_TRAINED", 0.02)
    # load_demo() loads the year itself; here the loader is called on its
    # own so its report can be read.
    monkeypatch.setattr("dichvucong.demo.load_activity", lambda tally=None: None)
    load_demo()
    receivers = len(status_changed.receivers)
    # "Now" is injectable, so the office's dossiers end on a chosen day.
    now = timezone.make_aware(datetime(2026, 3, 2, 12, 0))
    loaded = activity.load_activity(now=now)
    assert loaded.submitted > 25 and loaded.ambassadors > 0 and loaded.practice_attempts > 0
    assert len(status_changed.receivers) == receivers
    assert not OutboxMessage.objects.exists()

    days = {timezone.localdate(at) for at in Event.objects.values_list("at", flat=True)}
    # The campaign's year, then the office's own work up to today.
    assert min(days) >= date(2016, 9, 5) and max(days) <= date(2026, 3, 2)
    assert any(day < date(2017, 7, 1) for day in days)
    assert max(days) >= date(2026, 2, 23)
    real = Dossier.objects.exclude(status=0)
    assert len(set(real.values_list("status", flat=True))) >= 6
    assert all(not events.verify(dossier) for dossier in real)

    campaign = Campaign.objects.get(start_date=activity.CAMPAIGN_START)
    assert report.build_report(campaign).totals.dossiers > 0
    again = activity.load_activity()
    assert again.skipped and Dossier.objects.count() == loaded.submitted + loaded.drafts
