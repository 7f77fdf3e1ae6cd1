"""DESIGN.md §6: who helped is read from the dossier's own hash-chained
events, not from a separately editable table. A helped row without the
"nộp hộ" event naming its ambassador (attached afterwards, or moved to
another pupil) does not count; editing or deleting that event is found
by verify_events; nothing in the admin attaches or detaches a helper."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib import admin
from django.core.management import CommandError, call_command

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier, Event
from dichvucong.dossiers.testing import make_dossier
from dichvucong.outreach import report
from dichvucong.outreach.assisted import record_on_behalf
from dichvucong.outreach.models import Ambassador, AssistedSubmission
from dichvucong.outreach.tests.cast import add_pupil

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def _ambassador(oc, name: str) -> Ambassador:  # type: ignore[no-untyped-def]
    return Ambassador.objects.create(
        campaign=oc.campaign,
        pupil=add_pupil(oc.class_a, name),
        residential_group=oc.group_a,
        since=date(2017, 3, 17),
    )


def _returned(cast) -> Dossier:  # type: ignore[no-untyped-def]
    with time_machine.travel(datetime(2017, 5, 2, 9, 0, tzinfo=HANOI)):
        return make_dossier(cast, Status.RETURNED)


def _row(dossier: Dossier, ambassador: Ambassador) -> AssistedSubmission:
    return AssistedSubmission.objects.create(
        dossier=dossier,
        ambassador=ambassador,
        household_key=f"u:{dossier.applicant_id}",
        channel="sms",
        confirmed_at=dossier.submitted_at,
    )


def _with_event(dossier: Dossier, ambassador: Ambassador) -> None:
    fresh = Dossier.objects.get(pk=dossier.pk)
    record_on_behalf(fresh, ambassador.pk, actor=fresh.applicant, channel="sms")


def _counted(oc) -> int:  # type: ignore[no-untyped-def]
    return report.build_report(oc.campaign).totals.dossiers


def test_a_row_with_its_event_counts_and_one_attached_afterwards_does_not(oc, cast):
    ha = _ambassador(oc, "Trần Thu Hà")
    helped, attached = _returned(cast), _returned(cast)
    _row(helped, ha)
    _with_event(helped, ha)
    _row(attached, ha)  # written straight into the table: no event
    assert _counted(oc) == 1
    assert list(report.helped_submissions(oc.campaign).values_list("dossier", flat=True)) == [
        helped.pk
    ]


def test_a_row_moved_to_another_pupil_counts_for_nobody(oc, cast):
    ha, long = _ambassador(oc, "Trần Thu Hà"), _ambassador(oc, "Lê Minh Long")
    dossier = _returned(cast)
    row = _row(dossier, ha)
    _with_event(dossier, ha)
    assert _counted(oc) == 1
    AssistedSubmission.objects.filter(pk=row.pk).update(ambassador=long)
    assert _counted(oc) == 0
    by_pupil = report.build_report(oc.campaign).totals.succeeded
    assert by_pupil == 0


def test_editing_the_helper_in_the_event_is_found_by_verify_events(oc, cast, capsys):
    ha, long = _ambassador(oc, "Trần Thu Hà"), _ambassador(oc, "Lê Minh Long")
    dossier = _returned(cast)
    _row(dossier, ha)
    _with_event(dossier, ha)
    call_command("verify_events")  # intact
    note = Event.objects.get(dossier=dossier, data__assisted=True)
    # Someone with database access rewrites who helped, row and event alike.
    AssistedSubmission.objects.filter(dossier=dossier).update(ambassador=long)
    Event.objects.filter(pk=note.pk).update(data={**note.data, "ambassador": long.pk})
    with pytest.raises(CommandError):
        call_command("verify_events")
    assert f"sự kiện {note.seq}: nội dung đã bị sửa" in capsys.readouterr().err


def test_deleting_the_event_is_found_by_verify_events(oc, cast, capsys):
    ha = _ambassador(oc, "Trần Thu Hà")
    dossier = _returned(cast)
    _row(dossier, ha)
    _with_event(dossier, ha)
    note = Event.objects.get(dossier=dossier, data__assisted=True)
    Event.objects.filter(pk=note.pk).delete()
    assert _counted(oc) == 0
    with pytest.raises(CommandError):
        call_command("verify_events")
    assert "chuỗi bị cắt" in capsys.readouterr().err


def test_the_admin_cannot_attach_or_detach_a_helper() -> None:
    """Neither the dossier (its helper) nor the helped rows nor the events
    are admin pages, nor inlines of one."""
    kept_out = {Dossier, Event, AssistedSubmission}
    assert not kept_out & set(admin.site._registry)
    inlines = {
        inline.model
        for model_admin in admin.site._registry.values()
        for inline in model_admin.inlines
    }
    assert not kept_out & inlines
