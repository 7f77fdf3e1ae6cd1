"""Issue 15, done when: on the demo data, the 2025 reorganisation of the
former quận Thanh Xuân is loaded, tried (dry run) and applied; no dossier,
event, file or figure is lost or counted twice, both report views agree on
the totals of 2025, the event chain still verifies, and a second run
changes nothing."""

from __future__ import annotations

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from dichvucong.dossiers.constants import EventKind
from dichvucong.dossiers.models import Attachment, Dossier, Event
from dichvucong.reports import access, report, statistics
from dichvucong.reports.forms import Filters
from dichvucong.reports.statistics import Figures, Period
from dichvucong.reports.unitmap import VIEW_OF_THE_TIME, VIEW_TODAY

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "catalogue/data/reorganisation_2025_thanh_xuan.json"
YEAR_2025 = Period(date(2025, 1, 1), date(2025, 12, 31))
DIMS = ("agency", "ward", "procedure", "field")


def _dossiers() -> list[tuple[object, ...]]:
    """Every dossier with what the move must not change."""
    return sorted(Dossier.objects.values_list("pk", "code", "status", "due_date", "applicant_id"))


def _files() -> list[tuple[object, ...]]:
    return sorted(Attachment.objects.values_list("pk", "dossier_id", "file"))


def _run(*args: str) -> str:
    out = StringIO()
    call_command("reorganise", "--date", "2025-07-01", *args, stdout=out)
    return out.getvalue()


def _direct(today: date) -> Figures:
    rows = statistics.table(None, YEAR_2025, (), today)
    return rows[0].figures if rows else Figures()


def _totals(view: str, today: date) -> dict[str, Figures]:
    filters = Filters(YEAR_2025, None, None, [], view)
    tables = report.figure_tables(access.public_scope(), filters, DIMS, today)
    return {dim: statistics.total(tables[dim]) for dim in DIMS}


def _agencies(view: str, today: date) -> set[str]:
    filters = Filters(YEAR_2025, None, None, [], view)
    rows = report.figure_tables(access.public_scope(), filters, ("agency",), today)["agency"]
    return {row.codes["agency"] for row in rows}


def test_the_reorganisation_moves_the_demos_dossiers_and_loses_nothing(demo) -> None:
    today = date.today()
    dossiers, files, events = _dossiers(), _files(), Event.objects.count()
    direct_before = _direct(today)
    call_command("load_reorganisation", str(DATA), stdout=StringIO())

    dry = _run("--dry-run")
    assert (_dossiers(), _files(), Event.objects.count()) == (dossiers, files, events)
    assert "→" in dry

    _run()
    moved = Event.objects.filter(kind=EventKind.TRANSFER).count()
    assert moved > 0
    assert _dossiers() == dossiers and _files() == files
    assert Event.objects.count() == events + moved
    call_command("verify_events", stdout=StringIO())

    direct = _direct(today)
    assert direct == direct_before and direct.received > 0
    for view in (VIEW_TODAY, VIEW_OF_THE_TIME):
        assert _totals(view, today) == dict.fromkeys(DIMS, direct), view
    # ... and the two views really are two maps: the old wards' committees
    # are rows of the time only, the new wards' of today's.
    assert _agencies(VIEW_OF_THE_TIME, today) != _agencies(VIEW_TODAY, today)

    state = (_dossiers(), sorted(Dossier.objects.values_list("pk", "agency_id")))
    _run()
    assert (_dossiers(), sorted(Dossier.objects.values_list("pk", "agency_id"))) == state
    assert Event.objects.count() == events + moved
