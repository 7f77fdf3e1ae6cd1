"""generate_data on a bare migrated database (it loads the demo's wards and
procedures itself), run twice: every status, unique codes and references,
intact event chains, and public statistics equal to a direct count."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from dichvucong.catalogue.models import Agency, Procedure
from dichvucong.demo.bulk import Plan, generate
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier, Event
from dichvucong.feedback.models import Rating
from dichvucong.payments.models import Payment
from dichvucong.reports import statistics

pytestmark = pytest.mark.django_db
NOW = timezone.make_aware(datetime(2026, 3, 16, 10, 30))


def run(count: int = 300, seed: int = 1) -> None:
    generate(Plan(dossiers=count, years=3, seed=seed, now=NOW))


def test_every_status_ward_procedure_and_year_appears():
    run()
    assert set(Dossier.objects.values_list("status", flat=True)) == set(Status.values)
    used = set(Dossier.objects.values_list("procedure_id", flat=True))
    assert used == set(Procedure.objects.filter(is_active=True).values_list("pk", flat=True))
    wards = Agency.objects.filter(admin_unit__level="ward")
    assert wards.exclude(dossiers__isnull=False).count() == 0
    years = {
        d.year
        for d in Dossier.objects.filter(submitted_at__isnull=False).dates("submitted_at", "year")
    }
    assert years == {2023, 2024, 2025, 2026}
    assert not Dossier.objects.filter(submitted_at__gt=NOW).exists()
    assert not Dossier.objects.filter(returned_at__gt=NOW).exists()


def test_a_second_run_adds_rows_with_new_codes_and_references():
    run(seed=1)
    run(seed=1)  # the same seed: the same draws, and still no collision
    assert Dossier.objects.count() == 600
    assert Dossier.objects.filter(status=Status.DRAFT, code__isnull=False).count() == 0
    codes = Dossier.objects.exclude(code=None).values("code").annotate(n=Count("pk"))
    assert not codes.filter(n__gt=1).exists()
    assert Payment.objects.values("txn_ref").distinct().count() == Payment.objects.count() > 0
    receipts = Payment.objects.exclude(receipt_number=None)
    assert receipts.values("receipt_number").distinct().count() == receipts.count()


def test_the_event_chains_verify():
    run()
    run(seed=2)
    out = io.StringIO()
    call_command("verify_events", stdout=out)
    assert "nguyên vẹn" in out.getvalue()
    submitted = Dossier.objects.exclude(status=Status.DRAFT)
    assert Event.objects.filter(dossier__in=submitted).values("dossier").distinct().count() == (
        submitted.count()
    )


def test_an_edited_generated_event_is_found():
    run(count=50)
    event = Event.objects.filter(kind="status").order_by("pk").first()
    Event.objects.filter(pk=event.pk).update(reason="sửa lén")
    with pytest.raises(Exception, match="lỗi"):
        call_command("verify_events", stdout=io.StringIO(), stderr=io.StringIO())


def test_public_statistics_equal_a_direct_count():
    run()
    today = timezone.localdate(NOW)
    period = statistics.Period(today - timedelta(days=365), today)
    figures = statistics.total(statistics.table(None, period, ("agency",), today))
    start, end = period.bounds()
    real = Dossier.objects.filter(is_practice=False).exclude(status=Status.DRAFT)
    assert figures.received == real.filter(submitted_at__gte=start, submitted_at__lt=end).count()
    assert figures.resolved == real.filter(resolved_at__gte=start, resolved_at__lt=end).count()
    ratings = Rating.objects.filter(dossier__in=real, created_at__gte=start, created_at__lt=end)
    assert figures.ratings == ratings.count()
    assert figures.received > 50 and figures.resolved > 30 and figures.paid > 0
