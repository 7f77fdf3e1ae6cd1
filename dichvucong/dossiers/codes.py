"""Issuing dossier codes, unique under concurrent submissions."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from dichvucong.catalogue.models import Agency
from dichvucong.dossiers.models import DailySequence
from dichvucong.lib.dossier_codes import EXAMPLE_UNIT, format_code, is_national_unit_code


def issue_code(agency: Agency, day: date) -> str:
    """Take the next number of `agency` on `day`. The increment is a single
    UPDATE, so the database's row lock orders concurrent callers; the number
    is read back inside the same transaction."""
    with transaction.atomic():
        row, _ = DailySequence.objects.get_or_create(agency=agency, day=day)
        DailySequence.objects.filter(pk=row.pk).update(last=F("last") + 1)
        last = DailySequence.objects.values_list("last", flat=True).get(pk=row.pk)
    return format_code(agency.unit_code, day, last)


def example_code() -> str:
    """A code as this office issues it, for help texts: the first agency's
    unit code with a national shape, today, number 1."""
    units = Agency.objects.order_by("pk").values_list("unit_code", flat=True)[:50]
    unit = next((code for code in units if is_national_unit_code(code)), EXAMPLE_UNIT)
    return format_code(unit, timezone.localdate(), 1)
