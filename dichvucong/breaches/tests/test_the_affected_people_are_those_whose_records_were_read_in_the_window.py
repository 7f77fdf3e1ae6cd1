"""The affected list comes from the audit trail: records named in the
incident's window, in the parts of the system it touched."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from dichvucong.accounts.testing import login_verified
from dichvucong.audit.constants import Action
from dichvucong.backoffice.tests.helpers import post_action
from dichvucong.breaches.affected import ACCOUNT, PUPIL, affected
from dichvucong.breaches.constants import DataKind, System
from dichvucong.breaches.tests.helpers import END, START, incident, pupil, trail
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier


def detail(dossier) -> str:  # type: ignore[no-untyped-def]
    return reverse("backoffice:detail", args=[dossier.public_id])


def test_a_dossier_read_in_the_window_lists_its_applicant_and_one_read_outside_does_not(
    cast, admin_user
) -> None:
    inside = make_dossier(cast, Status.PROCESSING)
    outside = make_dossier(cast, Status.PROCESSING)
    outside.applicant = cast.other_applicant
    outside.save(update_fields=["applicant"])
    trail(detail(inside), START + timedelta(hours=3), cast.receptionist_a)
    trail(detail(outside), END + timedelta(minutes=1), cast.receptionist_a)
    trail(detail(outside), START - timedelta(minutes=1), cast.receptionist_a)

    found = affected(incident(admin_user))

    assert set(found.subjects) == {(ACCOUNT, cast.applicant.pk)}
    assert found.subjects[(ACCOUNT, cast.applicant.pk)].kinds >= {
        DataKind.IDENTITY,
        DataKind.DOCUMENTS,
    }
    assert found.records == 1


def test_a_refused_request_showed_nothing_and_lists_nobody(cast, admin_user) -> None:
    dossier = make_dossier(cast, Status.PROCESSING)
    trail(
        detail(dossier),
        START + timedelta(hours=1),
        cast.receptionist_b,
        action=Action.ACCESS_DENIED,
    )
    assert affected(incident(admin_user)).subjects == {}


def test_only_the_parts_of_the_system_the_incident_touched_count(cast, admin_user) -> None:
    dossier = make_dossier(cast, Status.PROCESSING)
    child = pupil()
    trail(detail(dossier), START + timedelta(hours=1), cast.receptionist_a)
    trail(
        reverse("outreach:pupil_detail", args=[child.pk]), START + timedelta(hours=2), cast.leader_a
    )

    only_pupils = affected(incident(admin_user, systems=(System.OUTREACH,)))

    assert set(only_pupils.subjects) == {(PUPIL, child.pk)}
    assert DataKind.MINORS in only_pupils.subjects[(PUPIL, child.pk)].kinds


def test_a_staff_action_on_a_dossier_counts_through_the_real_trail(
    cast, admin_user, client
) -> None:
    """No hand-made entry: a receptionist accepts a dossier through the
    back office, the dossier's event writes the trail, and it is found."""
    dossier = make_dossier(cast, Status.SUBMITTED)
    login_verified(client, cast.receptionist_a)
    post_action(client, dossier, "accept")
    dossier.refresh_from_db()
    assert dossier.status != Status.SUBMITTED
    now = timezone.now()
    found = affected(
        incident(admin_user, found_at=now, started_at=now - timedelta(hours=1), ended_at=None)
    )
    assert (ACCOUNT, cast.applicant.pk) in found.subjects


def test_a_dossier_only_opened_in_the_back_office_in_the_window_lists_its_applicant(
    cast, admin_user
) -> None:
    """Opening a page writes no trail entry: the read kept for the data
    subject (rights.DossierRead) is what finds it; a read the day after
    the window does not count."""
    from dichvucong.rights.models import DossierRead

    read = make_dossier(cast, Status.PROCESSING)
    later = make_dossier(cast, Status.PROCESSING)
    later.applicant = cast.other_applicant
    later.save(update_fields=["applicant"])
    at = START + timedelta(hours=5)
    DossierRead.objects.create(
        dossier=read, actor=cast.receptionist_a, day=timezone.localdate(at), first_at=at
    )
    after = END + timedelta(days=1)
    DossierRead.objects.create(
        dossier=later, actor=cast.receptionist_a, day=timezone.localdate(after), first_at=after
    )

    found = affected(incident(admin_user))

    assert set(found.subjects) == {(ACCOUNT, cast.applicant.pk)}
    assert DataKind.DOCUMENTS in found.subjects[(ACCOUNT, cast.applicant.pk)].kinds


def test_opening_a_dossier_in_the_back_office_finds_its_applicant(cast, admin_user, client) -> None:
    """Through the real page: the read is noted, and an incident whose
    window holds now lists the applicant."""
    dossier = make_dossier(cast, Status.PROCESSING)
    login_verified(client, cast.receptionist_a)
    assert client.get(detail(dossier)).status_code == 200
    now = timezone.now()
    found = affected(
        incident(
            admin_user,
            found_at=now + timedelta(hours=1),
            started_at=now - timedelta(hours=1),
            ended_at=now + timedelta(minutes=5),
        )
    )
    assert (ACCOUNT, cast.applicant.pk) in found.subjects
