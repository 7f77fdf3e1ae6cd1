"""Issue 12, point 4: the demo's helped dossiers are made through the real
path, so each records its helper, carries the "nộp hộ" event and passes
its own completeness check; and the demo's year-end report equals a count
made directly from the dossiers' events."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from dichvucong.demo import activity, load_demo
from dichvucong.dossiers import events, submission
from dichvucong.dossiers.models import Dossier, Event
from dichvucong.outreach import report
from dichvucong.outreach.models import Ambassador, AssistedSubmission, Campaign

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_year(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """The smaller year loaded once for the module, rolled back at its end."""
    with pytest.MonkeyPatch.context() as patch, django_db_blocker.unblock():
        with transaction.atomic():
            # A smaller year than `make run` loads, as in the demo-year test.
            patch.setattr(activity, "PLAIN_DOSSIERS", 25)
            patch.setattr(activity, "AMBASSADOR_RATE_TRAINED", 0.1)
            patch.setattr("dichvucong.demo.load_activity", lambda tally=None: None)
            load_demo()
            activity.load_activity(now=timezone.make_aware(datetime(2026, 3, 2, 12, 0)))
            yield Campaign.objects.get(start_date=activity.CAMPAIGN_START)
            transaction.set_rollback(True)


def test_each_helped_demo_dossier_records_its_helper_and_is_complete(demo_year):
    records = AssistedSubmission.objects.select_related("dossier__procedure", "ambassador")
    assert records.filter(confirmed_at__isnull=False).count() > 10
    for record in records:
        dossier = record.dossier
        assert dossier.helper_id == record.ambassador.user_id is not None
        assert submission.submission_problems(dossier) == []
        if record.confirmed_at is None:
            continue
        assert not events.verify(dossier)
        note = dossier.events.get(data__assisted=True)
        assert note.data["ambassador"] == record.ambassador_id
        assert note.data["helper"] == dossier.helper_id


def _from_events(campaign: Campaign) -> tuple[int, int, int]:
    """(pupils, dossiers, households) straight from the events: each "nộp
    hộ" event names an ambassador; those of the campaign's pupils whose
    dossier meets the campaign's rule are counted."""
    ambassadors = dict(
        Ambassador.objects.filter(
            campaign=campaign, pupil__school_class__in=report.campaign_classes(campaign)
        ).values_list("pk", "pupil_id")
    )
    successful = dict(
        Dossier.objects.filter(campaign.success_q(), is_practice=False).values_list(
            "pk", "applicant_id"
        )
    )
    pairs = {
        (dossier_id, data["ambassador"])
        for dossier_id, data in Event.objects.filter(data__assisted=True).values_list(
            "dossier_id", "data"
        )
    }
    counted = [(d, a) for d, a in pairs if a in ambassadors and d in successful]
    pupils = {ambassadors[a] for _d, a in counted}
    households = {successful[d] for d, _a in counted}
    return len(pupils), len(counted), len(households)


def test_the_demo_report_equals_a_count_from_the_dossiers_events(demo_year):
    totals = report.build_report(demo_year).totals
    assert totals.dossiers > 0
    assert (totals.succeeded, totals.dossiers, totals.households) == _from_events(demo_year)
