"""Decree 118/2025 replaced Decree 61/2018 on 01/07/2025; its forms came with
Circular 03/2025/TT-VPCP of 15/09/2025. A dossier is handled by the rules of
the day it was submitted, whatever day it is read on."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.rules import (
    DECREE_61_RULES,
    DECREE_118_RULES,
    DECREE_118_RULES_BEFORE_FORMS,
    rules_for,
    rules_of,
)
from dichvucong.dossiers.testing import make_dossier

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
# Monday 30/06/2025 and Tuesday 01/07/2025, 09:00 in Hà Nội.
LAST_DAY_OF_61 = datetime(2025, 6, 30, 9, 0, tzinfo=HANOI)
FIRST_DAY_OF_118 = datetime(2025, 7, 1, 9, 0, tzinfo=HANOI)
TODAY = datetime(2026, 12, 7, 9, 0, tzinfo=HANOI)


def _received_on(moment: datetime, cast, status: int = Status.ACCEPTED) -> Dossier:
    with time_machine.travel(moment, tick=False):
        return make_dossier(cast, status)


def test_the_regime_changes_on_the_first_of_july_2025_and_the_forms_on_15_september():
    assert rules_for(date(2025, 6, 30)) is DECREE_61_RULES
    assert rules_for(date(2025, 7, 1)) is DECREE_118_RULES_BEFORE_FORMS
    assert rules_for(date(2025, 9, 14)) is DECREE_118_RULES_BEFORE_FORMS
    assert rules_for(date(2025, 9, 15)) is DECREE_118_RULES
    assert rules_for(date(2018, 1, 1)) is DECREE_61_RULES


def test_a_dossier_received_on_30_june_2025_stays_under_decree_61_today(cast):
    dossier = _received_on(LAST_DAY_OF_61, cast)
    with time_machine.travel(TODAY, tick=False):
        rules = rules_of(Dossier.objects.get(pk=dossier.pk))
    assert rules.decree == "Nghị định số 61/2018/NĐ-CP"
    assert rules.circular == "Thông tư số 01/2018/TT-VPCP"


def test_a_dossier_received_on_1_july_2025_is_under_decree_118_today(cast):
    dossier = _received_on(FIRST_DAY_OF_118, cast)
    with time_machine.travel(TODAY, tick=False):
        rules = rules_of(Dossier.objects.get(pk=dossier.pk))
    assert rules.decree == "Nghị định số 118/2025/NĐ-CP"


def test_a_supplement_received_after_the_change_does_not_move_the_dossier_to_the_new_rules(cast):
    """The restart of the clock moves `received_at`, not the regime."""
    dossier = _received_on(LAST_DAY_OF_61, cast, Status.PROCESSING)
    with time_machine.travel(LAST_DAY_OF_61, tick=False):
        lifecycle.request_supplement(dossier, cast.specialist_a, ["Bản sao giấy khai sinh"])
    with time_machine.travel(FIRST_DAY_OF_118 + timedelta(days=1), tick=False):
        lifecycle.supply(dossier, cast.applicant)
    dossier.refresh_from_db()
    assert timezone_day(dossier.received_at) == date(2025, 7, 2)
    assert rules_of(dossier) is DECREE_61_RULES


def timezone_day(moment: datetime | None) -> date | None:
    return moment.astimezone(HANOI).date() if moment else None
