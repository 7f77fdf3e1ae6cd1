"""The register: 01, 02, ... per agency, kind and year; a new year starts
again at 01; the same document asked twice keeps its one number."""

from __future__ import annotations

import pytest

from dichvucong.documents.models import IssuedNumber
from dichvucong.documents.numbering import issue, number_of
from dichvucong.documents.tests.agencies import two_agencies

pytestmark = pytest.mark.django_db


def test_numbers_follow_each_other_from_01() -> None:
    _, office = two_agencies()
    numbers = [issue(office.pk, "BC-PGDĐT", 2026, f"report:{n}").number for n in range(3)]
    assert numbers == [1, 2, 3]
    assert str(issue(office.pk, "BC-PGDĐT", 2026, "report:9")) == "04/BC-PGDĐT"


def test_each_agency_kind_and_year_has_its_own_series() -> None:
    committee, office = two_agencies()
    issue(office.pk, "BC-PGDĐT", 2026, "a")
    issue(office.pk, "BC-PGDĐT", 2026, "b")
    assert issue(committee.pk, "BC-PGDĐT", 2026, "c").number == 1
    assert issue(office.pk, "KH-PGDĐT", 2026, "d").number == 1
    assert issue(office.pk, "BC-PGDĐT", 2027, "e").number == 1
    assert issue(office.pk, "BC-PGDĐT", 2026, "f").number == 3


def test_asking_again_for_the_same_document_gives_its_number() -> None:
    _, office = two_agencies()
    first = issue(office.pk, "BC-PGDĐT", 2026, "report:1")
    issue(office.pk, "BC-PGDĐT", 2026, "report:2")
    assert issue(office.pk, "BC-PGDĐT", 2026, "report:1") == first
    assert number_of("report:1") == first
    assert IssuedNumber.objects.count() == 2


def test_a_document_not_numbered_has_no_number() -> None:
    assert number_of("report:404") is None
