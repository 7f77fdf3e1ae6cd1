"""The trail is read in the admin by superusers and by staff given the
permission to view it; anyone else at the admin gets 403 (itself
recorded). Nobody adds, edits or deletes an entry. It filters by kind, day
and actor, and is searched by target."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import login_verified
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry
from dichvucong.audit.tests.helpers import LOGIN, only
from dichvucong.backoffice.tests.helpers import action_url
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier

LIST = reverse("admin:audit_auditentry_changelist")


def _staff_user(username: str, *perms: str) -> User:
    user = User.objects.create_user(username=username, password="x", kind="staff", is_staff=True)
    for codename in perms:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


@pytest.fixture
def trail(client, cast) -> str:  # type: ignore[no-untyped-def]
    """A failed login, and an accepted dossier; returns the dossier's code."""
    client.post(LOGIN, {"username": "tiepnhan.a", "password": "sai"})
    dossier = make_dossier(cast, Status.SUBMITTED)
    login_verified(client, cast.receptionist_a)
    client.post(action_url(dossier, "accept"))
    client.logout()
    dossier.refresh_from_db()
    return dossier.code


def _listed(client, query: str = "") -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    response = client.get(LIST + query)
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def test_a_superuser_filters_and_searches_it(client, cast, trail):
    login_verified(client, User.objects.create_superuser("quantri", password="x", kind="staff"))
    failed = _listed(client, "?action=login_failed")
    assert [e.action for e in failed] == [Action.LOGIN_FAILED]
    [accepted] = _listed(client, f"?q={trail}")
    assert accepted.action == Action.STAFF_ACTION
    by_clerk = _listed(client, f"?actor={cast.receptionist_a.pk}")
    assert {e.action for e in by_clerk} >= {Action.LOGIN_FAILED, Action.STAFF_ACTION}
    assert all(e.actor_id == cast.receptionist_a.pk for e in by_clerk)
    today = timezone.localdate()
    day = f"?at__year={today.year}&at__month={today.month}&at__day={today.day}"
    assert len(_listed(client, day)) == AuditEntry.objects.count()
    assert _listed(client, "?at__year=2000") == []


def test_nobody_adds_edits_or_deletes_an_entry(client, cast, trail):
    login_verified(client, User.objects.create_superuser("quantri", password="x", kind="staff"))
    entry = AuditEntry.objects.filter(action=Action.STAFF_ACTION).first()
    change = reverse("admin:audit_auditentry_change", args=[entry.pk])
    assert client.get(change).status_code == 200  # to read
    assert client.post(change, {"what": "đã sửa"}).status_code == 403
    assert client.get(reverse("admin:audit_auditentry_add")).status_code == 403
    delete = reverse("admin:audit_auditentry_delete", args=[entry.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk, what=entry.what).exists()
    with pytest.raises(PermissionError):
        entry.save()


def test_staff_with_the_permission_read_it_and_other_staff_do_not(client, cast, trail):
    login_verified(client, _staff_user("kiemtra", "view_auditentry"))
    assert client.get(LIST).status_code == 200

    other = _staff_user("quantri.danhmuc", "view_field", "change_field")
    login_verified(client, other)
    assert client.get(LIST).status_code == 403
    refusal = AuditEntry.objects.filter(action=Action.ACCESS_DENIED).get()
    assert (refusal.actor, refusal.path) == (other, LIST)
    assert "audit" not in client.get(reverse("admin:index")).content.decode().lower()


def test_a_clerk_is_not_let_into_the_admin(client, cast):
    login_verified(client, cast.receptionist_a)
    assert client.get(LIST).status_code == 302  # the admin's login page
    assert only(Action.LOGIN).actor == cast.receptionist_a
