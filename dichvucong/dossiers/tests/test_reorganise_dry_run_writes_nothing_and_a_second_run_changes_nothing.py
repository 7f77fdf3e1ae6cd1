from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from dichvucong.accounts.models import StaffRole
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier, Event
from dichvucong.dossiers.testing import make_dossier
from dichvucong.dossiers.tests.reorganisation_cast import (
    add_groups_to_ward_b,
    reorganise_cast,
    submit_at_ward_b,
)

pytestmark = pytest.mark.django_db


def _state() -> tuple[object, ...]:
    return (
        sorted(Dossier.objects.values_list("pk", "agency_id", "assignee_id", "event_count")),
        Event.objects.count(),
        sorted(StaffRole.objects.values_list("pk", "agency_id")),
    )


def _run(*args: str) -> str:
    out = StringIO()
    call_command("reorganise", "--date", "2025-07-01", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def world(cast, tmp_path, settings):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    group_1, _group_2 = add_groups_to_ward_b(cast)
    make_dossier(cast, Status.PROCESSING)
    make_dossier(cast, Status.SUBMITTED)
    submit_at_ward_b(cast, group_1)
    reorganise_cast()


def test_a_dry_run_reports_counts_per_agency_and_writes_nothing(cast, world):
    before = _state()
    report = _run("--dry-run")
    assert _state() == before
    assert "UBND phường Khương Mai (T.KM) → UBND phường Phương Liệt (T.PL): 2" in report
    assert "UBND phường Khương Đình (T.KD) → UBND phường Phương Liệt (T.PL): 1" in report
    assert cast.applicant.full_name not in report
    assert cast.other_applicant.full_name not in report


def test_a_second_run_finds_nothing_to_move_and_writes_nothing(world):
    _run()
    after_first = _state()
    report = _run()
    assert _state() == after_first
    assert "Không còn hồ sơ hay vai trò nào để chuyển" in report
    assert "Đã chuyển" not in report
