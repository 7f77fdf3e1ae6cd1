"""The dossier event log is never erased (append-only, hash-chained), so it
never names a pupil ambassador, a minor whose data is erased on request:
every event a pupil causes carries "Đại sứ số #<account>", and no event's
actor name, reason or data holds the pupil's name, with or without
diacritics. Staff, applicants and adult volunteers keep their names, and
the chain still verifies."""

from __future__ import annotations

import json
from datetime import date

from django.core.management import call_command

from dichvucong.accounts.models import User
from dichvucong.accounts.services import name_for_records
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import EventKind, Status
from dichvucong.dossiers.models import Dossier, Event
from dichvucong.lib.text import fold
from dichvucong.outreach.models import Ambassador
from dichvucong.outreach.tests.helpers_tests.sms import last_code
from dichvucong.outreach.tests.helpers_tests.steps import (
    NEIGHBOUR,
    fill_on_pages,
    helper_url,
    send_code_on_page,
    start_on_page,
)


def names_in(event: Event, name: str) -> bool:
    """Whether the event holds `name`, as typed or folded (no diacritics,
    any case)."""
    stored = " ".join([event.actor_name, event.reason, json.dumps(event.data, ensure_ascii=False)])
    return name in stored or fold(name) in fold(stored)


def submitted_by_the_pupil(hc, client, sent_sms) -> Dossier:  # type: ignore[no-untyped-def]
    """Started, filled in and confirmed with the neighbour's code on the
    helper's pages, then taken through reception and assignment."""
    client.force_login(hc.helper)
    start_on_page(client, hc, NEIGHBOUR)
    dossier = Dossier.objects.get(helper=hc.helper)
    fill_on_pages(client, dossier)
    send_code_on_page(client, dossier)
    client.post(helper_url("assisted_code", dossier), {"code": last_code(sent_sms)})
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED
    cast = hc.cast
    lifecycle.accept(dossier, cast.receptionist_a)
    lifecycle.assign(dossier, cast.leader_a, cast.specialist_a)
    return dossier


def test_no_event_of_an_assisted_dossier_names_the_pupil(hc, client, sent_sms, capsys) -> None:
    dossier = submitted_by_the_pupil(hc, client, sent_sms)
    pupil_name = hc.pupil.full_name
    assert pupil_name == hc.helper.full_name == "Trần Thu Hà"

    events = list(Event.objects.filter(dossier=dossier).order_by("seq"))
    assert [e.kind for e in events] == ["status", "note", "status", "status"]
    assert [e.seq for e in events if names_in(e, pupil_name)] == []

    note = next(e for e in events if e.kind == EventKind.NOTE)
    pseudonym = f"Đại sứ số #{hc.helper.pk}"
    assert (note.actor, note.actor_name) == (hc.helper, pseudonym)
    assert pseudonym in note.reason
    assert note.data["ambassador"] == Ambassador.objects.get(pupil=hc.pupil).pk

    call_command("verify_events")
    assert "nguyên vẹn" in capsys.readouterr().out


def test_staff_and_applicants_keep_their_names_in_the_log(hc, client, sent_sms) -> None:
    dossier = submitted_by_the_pupil(hc, client, sent_sms)
    by_status = {e.to_status: e for e in dossier.events.filter(kind=EventKind.STATUS)}
    assert by_status[Status.SUBMITTED].actor_name == NEIGHBOUR.full_name
    assert by_status[Status.ACCEPTED].actor_name == "Lê Tiếp Nhận"
    assigned = by_status[Status.PROCESSING]
    assert assigned.actor_name == "Hoàng Lãnh Đạo"
    assert assigned.data["assignee"] == "Phạm Chuyên Viên"


def test_an_adult_volunteer_helper_keeps_the_name(hc) -> None:
    volunteer = User.objects.create_user(username="tnv.tu", full_name="Bác Tư")
    Ambassador.objects.create(
        campaign=hc.campaign,
        user=volunteer,
        volunteer_name="Bác Tư",
        residential_group=hc.cast.group_a,
        since=date(2017, 3, 1),
    )
    assert name_for_records(volunteer) == "Bác Tư"
    assert name_for_records(hc.helper) == f"Đại sứ số #{hc.helper.pk}"
    assert name_for_records(None) == ""
