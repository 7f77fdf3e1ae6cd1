"""In the embedded default (no broker) the event's messages go to the
portal right after the commit, in-process: the demo needs no worker."""

from __future__ import annotations

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.testing import make_draft
from dichvucong.national.models import NationalMessage


def test_submit_and_accept_reach_the_portal_after_each_commit(
    cast, portal, django_capture_on_commit_callbacks
):
    dossier = make_draft(cast)
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.submit(dossier, cast.applicant)
    assert [entry["TrangThaiHoSo"] for entry in portal.accepted] == ["1"]
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.accept(dossier, cast.receptionist_a)
    assert [entry["TrangThaiHoSo"] for entry in portal.accepted] == ["1", "2"]
    assert set(NationalMessage.objects.values_list("status", flat=True)) == {"sent"}
    assert portal.logins == 2  # one session per drain
