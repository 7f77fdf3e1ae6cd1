"""Issue 15 point 3, the overdue list (the staff dashboard and its
download): by today's units a dossier still at an ended agency (the
reorganisation not yet applied to it) is named, and found by the agency
filter, as the agency reports.unitmap gives it today; by the units of the
time, as before. The same dossiers either way."""

from __future__ import annotations

from datetime import date

import pytest

from dichvucong.dossiers.constants import OPEN_STATUSES
from dichvucong.dossiers.models import Dossier
from dichvucong.reports import access, report
from dichvucong.reports.forms import Filters
from dichvucong.reports.tests.reorganised_world import SPANNING, TODAY, build
from dichvucong.reports.unitmap import VIEW_OF_THE_TIME, VIEW_TODAY

pytestmark = pytest.mark.django_db
NAME, AGENCY = 0, 2  # columns of the overdue table


@pytest.fixture
def reorganised(cast):
    """Two open dossiers of group 1's applicant made overdue, one left at
    the old ward B (as before `reorganise` ran) and one at Phương Liệt."""
    world = build(cast)
    found = Dossier.objects.filter(
        status__in=OPEN_STATUSES, applicant=world.applicants["g1"], received_at__isnull=False
    ).order_by("pk")[:2]
    left, moved = list(found)
    Dossier.objects.filter(pk=left.pk).update(agency=cast.agency_b, due_date=date(2025, 8, 1))
    Dossier.objects.filter(pk=moved.pk).update(
        agency=world.phuong_liet, due_date=date(2025, 8, 4), extended_due_date=None
    )
    Dossier.objects.filter(pk=left.pk).update(extended_due_date=None)
    return world, Dossier.objects.get(pk=left.pk), Dossier.objects.get(pk=moved.pk)


def _rows(view: str, agency=None) -> dict[str, str]:  # type: ignore[no-untyped-def]
    filters = Filters(SPANNING, agency, None, [], view)
    table = report.export_table("ho-so-qua-han", access.public_scope(), filters, TODAY, staff=True)
    assert table is not None
    return {row[NAME]: row[AGENCY] for row in table.rows}


def test_today_an_old_wards_overdue_dossier_is_named_and_filtered_by_its_successor(reorganised):
    world, left, moved = reorganised
    today, of_the_time = _rows(VIEW_TODAY), _rows(VIEW_OF_THE_TIME)
    assert today.keys() == of_the_time.keys() >= {left.code, moved.code}
    assert of_the_time[left.code] == world.cast.agency_b.name
    assert today[left.code] == world.phuong_liet.name
    # Phương Liệt's list today holds it; by the units of the time it is ward B's.
    assert {left.code, moved.code} <= _rows(VIEW_TODAY, world.phuong_liet).keys()
    assert left.code not in _rows(VIEW_OF_THE_TIME, world.phuong_liet)
    assert left.code not in _rows(VIEW_TODAY, world.khuong_dinh)


def test_the_page_lists_them_longest_overdue_first_in_either_view(reorganised):
    _world, left, moved = reorganised
    for view in (VIEW_TODAY, VIEW_OF_THE_TIME):
        filters = Filters(SPANNING, None, None, [], view)
        page = report.page(access.public_scope(), filters, TODAY, staff=True)
        codes = [row[NAME] for row in page["overdue_table"].rows]
        assert codes.index(left.code) < codes.index(moved.code), view
