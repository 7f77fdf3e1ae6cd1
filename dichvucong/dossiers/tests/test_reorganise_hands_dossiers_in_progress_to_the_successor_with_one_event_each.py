from __future__ import annotations

from collections import Counter

import pytest

from dichvucong.dossiers import events, lifecycle, reorganise
from dichvucong.dossiers.constants import EventKind, Status
from dichvucong.dossiers.models import Attachment, Dossier, Event
from dichvucong.dossiers.testing import make_dossier, make_draft
from dichvucong.dossiers.tests.reorganisation_cast import (
    FIRST_DAY,
    add_groups_to_ward_b,
    reorganise_cast,
)
from dichvucong.dossiers.views.follow import timeline

pytestmark = pytest.mark.django_db

# A result made but not yet handed over is still owed to the applicant.
IN_PROGRESS = [
    Status.SUBMITTED,
    Status.ACCEPTED,
    Status.PROCESSING,
    Status.SUPPLEMENT,
    Status.RESOLVED,
]
ENDED = [Status.REFUSED, Status.WITHDRAWN, Status.STOPPED, Status.RETURNED]


def _snapshot() -> dict[str, object]:
    return {
        "dossiers": Dossier.objects.count(),
        "statuses": Counter(Dossier.objects.values_list("status", flat=True)),
        "attachments": Counter(Attachment.objects.values_list("dossier_id", "sha256")),
    }


@pytest.fixture
def world(cast, tmp_path, settings):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    add_groups_to_ward_b(cast)
    running = {status: make_dossier(cast, status) for status in IN_PROGRESS}
    ended = {status: make_dossier(cast, status) for status in ENDED}
    draft = make_draft(cast)
    phuong_liet, _khuong_dinh = reorganise_cast()
    return running, ended, draft, phuong_liet


def test_in_progress_dossiers_move_with_one_transfer_event_and_their_deadline(cast, world):
    running, _ended, _draft, phuong_liet = world
    before_events = Event.objects.count()
    outcome = reorganise.apply(reorganise.plan(FIRST_DAY))
    assert outcome.moved == len(running)
    assert Event.objects.count() == before_events + len(running)
    for status, old in running.items():
        dossier = Dossier.objects.get(pk=old.pk)
        assert dossier.agency == phuong_liet
        assert (dossier.status, dossier.code) == (status, old.code)
        assert (dossier.due_date, dossier.received_at) == (old.due_date, old.received_at)
        assert dossier.event_count == old.event_count + 1
        last = dossier.events.get(seq=dossier.event_count)
        assert last.kind == EventKind.TRANSFER
        assert last.data["from_agency"] == cast.agency_a.unit_code
        assert last.data["to_agency"] == phuong_liet.unit_code
        assert events.verify(dossier) == []


def test_ended_dossiers_and_drafts_stay_with_the_old_agency_untouched(cast, world):
    _running, ended, draft, _phuong_liet = world
    work = reorganise.plan(FIRST_DAY)
    assert work.drafts == {"UBND phường Khương Mai (T.KM)": 1}
    reorganise.apply(work)
    for old in [*ended.values(), draft]:
        dossier = Dossier.objects.get(pk=old.pk)
        assert dossier.agency == cast.agency_a
        assert dossier.event_count == old.event_count
        assert dossier.last_event_hash == old.last_event_hash


def test_no_dossier_status_or_file_is_lost_or_counted_twice(world):
    before = _snapshot()
    reorganise.apply(reorganise.plan(FIRST_DAY))
    assert _snapshot() == before


def test_the_specialist_of_a_merged_ward_keeps_the_dossier_they_hold(cast, world):
    running, _ended, _draft, phuong_liet = world
    reorganise.apply(reorganise.plan(FIRST_DAY))
    dossier = Dossier.objects.get(pk=running[Status.PROCESSING].pk)
    assert dossier.assignee == cast.specialist_a
    assert cast.specialist_a.has_role("specialist", phuong_liet.pk)


def test_the_applicants_timeline_says_where_the_dossier_went(world):
    running, _ended, _draft, phuong_liet = world
    reorganise.apply(reorganise.plan(FIRST_DAY))
    moments = timeline(Dossier.objects.get(pk=running[Status.SUBMITTED].pk))
    assert phuong_liet.name in moments[-1].text
    assert "thời hạn giải quyết giữ nguyên" in moments[-1].text


def test_a_result_made_before_the_change_is_handed_over_by_the_successors_desk(cast, world):
    running, _ended, _draft, phuong_liet = world
    reorganise.apply(reorganise.plan(FIRST_DAY))
    # The ward's receptionist now holds her role at Phương Liệt; the result
    # her old ward made waits there, not at a committee nobody staffs.
    assert cast.receptionist_a.has_role("receptionist", phuong_liet.pk)
    returned = lifecycle.return_result(running[Status.RESOLVED], cast.receptionist_a)
    assert returned.status == Status.RETURNED
    assert returned.agency == phuong_liet
    assert events.verify(returned) == []
