"""Django admin is for master data: the rows that hold minors' data or the
year-end counts' inputs are kept on the outreach pages, never in the admin,
and no admin page lists a pupil by name (a class with pupils cannot be
deleted there, so its confirmation page, which would list them, is 403)."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from dichvucong.accounts.constants import AccountKind
from dichvucong.accounts.models import User
from dichvucong.accounts.testing import login_verified
from dichvucong.outreach.models import (
    Ambassador,
    AssistedSubmission,
    Attendance,
    Consent,
    Guardian,
    PracticeAttempt,
    Pupil,
    RosterImport,
    SchoolClass,
)
from dichvucong.outreach.tests.cast import add_pupil

PUPIL_NAME = "Đoàn Khánh Vy"


@pytest.fixture
def administrator(db) -> User:  # type: ignore[no-untyped-def]
    return User.objects.create_user(
        username="quantri",
        password="matkhau-demo-1",
        kind=AccountKind.STAFF,
        is_staff=True,
        is_superuser=True,
    )


def test_minors_rows_are_not_registered() -> None:
    kept_out = {
        Pupil,
        Guardian,
        Consent,
        Attendance,
        Ambassador,
        PracticeAttempt,
        AssistedSubmission,
        RosterImport,
    }
    assert not kept_out & set(admin.site._registry)


def test_a_class_with_pupils_cannot_be_deleted_and_its_pupils_are_not_listed(
    oc, client, administrator
) -> None:
    add_pupil(oc.class_a, PUPIL_NAME)
    login_verified(client, administrator)
    response = client.get(reverse("admin:outreach_schoolclass_delete", args=[oc.class_a.pk]))
    assert response.status_code == 403
    assert PUPIL_NAME not in response.content.decode()
    changelist = client.get(reverse("admin:outreach_schoolclass_changelist"))
    assert "delete_selected" not in changelist.content.decode()


def test_an_empty_class_made_by_mistake_can_be_deleted(oc, client, administrator) -> None:
    login_verified(client, administrator)
    url = reverse("admin:outreach_schoolclass_delete", args=[oc.class_b.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"post": "yes"})
    assert not SchoolClass.objects.filter(pk=oc.class_b.pk).exists()
