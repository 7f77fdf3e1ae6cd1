"""Numbers of issue run per agency and year (Decree 30/2020 art. 15: from
01 on 1 January to 31 December), in documents' register of the agency:
one series of results per agency and year, whatever the result's symbol,
and each number recorded against the draft it was given to."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from dichvucong.documents.models import IssuedNumber, NumberSeries
from dichvucong.documents.numbering import issue
from dichvucong.results.models import ResultDraft
from dichvucong.results.service import REGISTER_KIND, register_reference
from dichvucong.results.tests.helpers import resolved

pytestmark = pytest.mark.django_db
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def _next(agency, year: int, reference: str) -> int:
    return issue(agency.pk, REGISTER_KIND, year, reference).number


def test_each_agency_counts_from_one_each_year(cast):
    assert [_next(cast.agency_a, 2026, f"t:{i}") for i in range(3)] == [1, 2, 3]
    assert _next(cast.agency_b, 2026, "t:b") == 1
    assert _next(cast.agency_a, 2027, "t:next-year") == 1
    assert _next(cast.agency_a, 2026, "t:3") == 4
    assert _next(cast.agency_a, 2026, "t:0") == 1  # asked again: the same number


def test_issued_results_take_the_next_number_and_restart_on_new_year(cast):
    with time_machine.travel(datetime(2026, 12, 31, 10, 0, tzinfo=HANOI)):
        first, second = resolved(cast), resolved(cast)
    with time_machine.travel(datetime(2027, 1, 4, 10, 0, tzinfo=HANOI)):
        third = resolved(cast)

    numbers = [ResultDraft.objects.get(dossier=d) for d in (first, second, third)]
    assert [(n.year, n.number) for n in numbers] == [(2026, 1), (2026, 2), (2027, 1)]
    assert numbers[0].number_text == "1/KQ"


def test_the_number_is_recorded_in_the_agencys_register_for_the_draft(cast):
    drafts = [resolved(cast).result_draft for _ in range(2)]

    series = NumberSeries.objects.get(agency=cast.agency_a, kind=REGISTER_KIND)
    assert series.last_number == 2
    for draft in drafts:
        issued = IssuedNumber.objects.get(reference=register_reference(draft))
        assert (issued.series, issued.number) == (series, draft.number)
        assert (series.agency_id, series.year) == (draft.agency_id, draft.year)
    assert IssuedNumber.objects.count() == 2
