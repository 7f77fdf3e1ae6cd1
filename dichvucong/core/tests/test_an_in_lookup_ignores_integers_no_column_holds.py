"""`pk__in` with a value no integer column can hold finds the rows the
other values name, as `pk=` does since Django 5.0: no OverflowError on
SQLite, no table scan against a numeric on PostgreSQL."""

from __future__ import annotations

import pytest

from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit


@pytest.mark.django_db
def test_values_out_of_range_match_nothing_and_the_rest_still_match() -> None:
    unit = AdminUnit.objects.create(name="Khương Mai", code="T-KM", level=UnitLevel.WARD)
    for huge in (10**40, -(10**40), 2**63, -(2**63) - 1):
        assert list(AdminUnit.objects.filter(pk__in=[huge, unit.pk])) == [unit]
        assert list(AdminUnit.objects.filter(pk__in=[huge])) == []
        assert AdminUnit.objects.exclude(pk__in=[huge]).count() == 1
    assert list(AdminUnit.objects.filter(pk__in=[str(unit.pk), None])) == [unit]
