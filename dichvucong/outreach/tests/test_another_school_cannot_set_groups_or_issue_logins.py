"""Choosing a pupil's residential group and issuing or resetting logins
are for the pupil's school and the education office: the coordinator of
another school and district leadership get 404 (the rows do not exist for
them), people without an outreach role 403, and nothing changes."""

from __future__ import annotations

import pytest

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import login_verified
from dichvucong.outreach import practice
from dichvucong.outreach.models import Pupil
from dichvucong.outreach.tests.ambassador_setup import consent
from dichvucong.outreach.tests.cast import add_pupil


@pytest.fixture
def pupil(oc) -> Pupil:
    pupil = add_pupil(oc.class_a)
    consent(pupil, oc.coordinator_a)
    return pupil


def _posts(oc, pupil) -> list[tuple[str, dict[str, object]]]:  # type: ignore[no-untyped-def]
    return [
        (f"/tuyen-truyen/hoc-sinh/{pupil.pk}/to-dan-pho/", {"group": oc.group_a.pk}),
        (f"/tuyen-truyen/hoc-sinh/{pupil.pk}/tai-khoan/", {}),
        (f"/tuyen-truyen/lop/{oc.class_a.pk}/cap-tai-khoan/", {}),
    ]


@pytest.mark.parametrize(("who", "status"), [("coordinator_b", 404), ("leadership", 404)])
def test_staff_who_do_not_keep_the_roster_get_404(oc, client, pupil, who, status) -> None:
    login_verified(client, getattr(oc, who))
    for url, data in _posts(oc, pupil):
        assert client.post(url, data).status_code == status, url
    pupil.refresh_from_db()
    assert pupil.ambassador_group is None
    assert not User.objects.filter(username__startswith="hs.").exists()


def test_an_existing_login_is_not_reset_by_another_school(oc, client, pupil) -> None:
    Pupil.objects.filter(pk=pupil.pk).update(ambassador_group=oc.group_a)
    login = practice.create_pupil_account(pupil, by=oc.coordinator_a)
    login_verified(client, oc.coordinator_b)
    for url, data in _posts(oc, pupil):
        assert client.post(url, data).status_code == 404, url
    assert client.login(username=login.username, password=login.password)


@pytest.mark.parametrize("who", ["citizen", "receptionist"])
def test_people_without_an_outreach_role_get_403(oc, client, pupil, who) -> None:
    login_verified(client, getattr(oc, who))
    for url, data in _posts(oc, pupil):
        assert client.post(url, data).status_code == 403, url
    pupil.refresh_from_db()
    assert pupil.ambassador_group is None
