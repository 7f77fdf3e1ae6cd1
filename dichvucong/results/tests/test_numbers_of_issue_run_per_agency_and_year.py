from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from dichvucong.results.models import ResultDraft
from dichvucong.results.numbering import next_number
from dichvucong.results.tests.helpers import resolved

pytestmark = pytest.mark.django_db
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def test_each_agency_counts_from_one_each_year(cast):
    assert [next_number(cast.agency_a, 2026) for _ in range(3)] == [1, 2, 3]
    assert next_number(cast.agency_b, 2026) == 1
    assert next_number(cast.agency_a, 2027) == 1
    assert next_number(cast.agency_a, 2026) == 4


def test_issued_results_take_the_next_number_and_restart_on_new_year(cast):
    with time_machine.travel(datetime(2026, 12, 31, 10, 0, tzinfo=HANOI)):
        first, second = resolved(cast), resolved(cast)
    with time_machine.travel(datetime(2027, 1, 4, 10, 0, tzinfo=HANOI)):
        third = resolved(cast)

    numbers = [ResultDraft.objects.get(dossier=d) for d in (first, second, third)]
    assert [(n.year, n.number) for n in numbers] == [(2026, 1), (2026, 2), (2027, 1)]
    assert numbers[0].number_text == "1/KQ"
