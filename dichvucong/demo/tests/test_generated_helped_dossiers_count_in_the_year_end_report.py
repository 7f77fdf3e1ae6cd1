"""Generated outreach: each school year's campaign, its pupils, sessions and
ambassadors, and helped dossiers carrying the "nộp hộ" event that names the
ambassador, so the year-end report counts them as a direct count does."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from dichvucong.demo.bulk import Plan, generate
from dichvucong.dossiers.models import Dossier
from dichvucong.outreach import report
from dichvucong.outreach.models import AssistedSubmission, Campaign

pytestmark = pytest.mark.django_db
NOW = timezone.make_aware(datetime(2026, 3, 16, 10, 30))


def counted_directly(campaign: Campaign) -> set[int]:
    """Helped dossiers with a result inside the school year, confirmed
    inside the ambassador's period: the rule, in Python."""
    first, after = campaign.year_window()
    ids = set()
    for record in AssistedSubmission.objects.filter(ambassador__campaign=campaign).select_related(
        "dossier", "ambassador"
    ):
        dossier, confirmed = record.dossier, record.confirmed_at
        in_period = first <= confirmed < after and confirmed.date() >= record.ambassador.since
        resolved = dossier.resolved_at is not None and first <= dossier.resolved_at < after
        if in_period and resolved and dossier.status in (9, 10) and not dossier.is_practice:
            ids.add(dossier.pk)
    return ids


def test_the_year_end_report_counts_the_helped_dossiers_and_pupils():
    generate(Plan(dossiers=2000, years=2, seed=3, now=NOW))
    campaigns = Campaign.objects.all()
    assert campaigns.count() == 3  # 2023-2024, 2024-2025, 2025-2026
    counted = 0
    for campaign in campaigns:
        totals = report.build_report(campaign).totals
        direct = counted_directly(campaign)
        assert totals.dossiers == len(direct)
        helpers = AssistedSubmission.objects.filter(dossier__in=direct)
        assert totals.succeeded == helpers.values("ambassador__pupil").distinct().count()
        assert totals.pupils > totals.trained > totals.practised > 0
        counted += totals.dossiers
    assert counted > 10


def test_a_helped_dossier_without_its_event_is_not_counted():
    generate(Plan(dossiers=2000, years=1, seed=4, now=NOW))
    campaign = Campaign.objects.order_by("-start_date").first()
    before = report.build_report(campaign).totals.dossiers
    assert before > 0
    record = AssistedSubmission.objects.get(dossier_id=min(counted_directly(campaign)))
    # The row now names another ambassador; the event still names the first.
    other = campaign.ambassadors.exclude(pk=record.ambassador_id).first()
    AssistedSubmission.objects.filter(pk=record.pk).update(ambassador=other)
    assert report.build_report(campaign).totals.dossiers == before - 1


def test_it_adds_to_the_demo_data(demo):
    dossiers, campaigns = Dossier.objects.count(), Campaign.objects.count()
    generate(Plan(dossiers=300, years=1, seed=5, now=timezone.now()))
    assert Dossier.objects.count() == dossiers + 300
    assert Campaign.objects.count() <= campaigns + 2  # joins a school year's campaign if any
    out = io.StringIO()
    call_command("verify_events", stdout=out)
    assert "nguyên vẹn" in out.getvalue()
