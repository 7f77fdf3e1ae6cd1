"""A school issues a pupil's login (username hs.<school>.<pupil>, password
on paper) only with consent and a residential group; issuing again sets a
new password; a coordinator of another school cannot; the command prints
the logins."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import StaffRole, User
from dichvucong.outreach.models import Ambassador, Pupil
from dichvucong.outreach.practice import create_pupil_account
from dichvucong.outreach.tests.helpers_tests.cast import add_pupil


def coordinator(hc, school) -> User:  # type: ignore[no-untyped-def]
    user = User.objects.create_user(username=f"gv.{school.pk}", kind=AccountKind.STAFF)
    StaffRole.objects.create(
        user=user, role=Role.SCHOOL_COORDINATOR, agency=hc.cast.agency_a, school=school
    )
    return user


def test_a_pupil_login_is_issued_with_consent_and_a_group(hc) -> None:
    teacher = coordinator(hc, hc.school)
    pupil = add_pupil(hc.school_class, "Ngô Bảo Châu", hc.cast.group_a)
    login = create_pupil_account(pupil, by=teacher)
    assert login.created
    assert login.username == f"hs.{hc.school.pk}.{pupil.pk}"
    ambassador = Ambassador.objects.get(pupil=pupil)
    assert ambassador.user.username == login.username
    assert ambassador.campaign == hc.campaign
    assert ambassador.residential_group == hc.cast.group_a
    assert Client().login(username=login.username, password=login.password)

    again = create_pupil_account(pupil, by=teacher)
    assert not again.created and again.username == login.username
    assert not Client().login(username=login.username, password=login.password)
    assert Client().login(username=login.username, password=again.password)


def test_no_login_without_consent_or_group_or_for_another_school(hc) -> None:
    unconsented = Pupil.objects.create(
        school_class=hc.school_class, full_name="Vũ An", ambassador_group=hc.cast.group_a
    )
    with pytest.raises(ValidationError, match="đồng ý"):
        create_pupil_account(unconsented, by=None)
    groupless = add_pupil(hc.school_class, "Đỗ Bình", hc.cast.group_a)
    Pupil.objects.filter(pk=groupless.pk).update(ambassador_group=None)
    with pytest.raises(ValidationError, match="tổ dân phố"):
        create_pupil_account(groupless, by=None)
    other_school = hc.school.__class__.objects.create(name="THCS Kim Giang")
    with pytest.raises(PermissionDenied):
        create_pupil_account(groupless, by=coordinator(hc, other_school))
    assert not User.objects.filter(
        username__in=[f"hs.{hc.school.pk}.{unconsented.pk}", f"hs.{hc.school.pk}.{groupless.pk}"]
    ).exists()


def test_the_command_prints_the_new_logins(hc) -> None:
    pupil = add_pupil(hc.school_class, "Hoàng Yến", hc.cast.group_a)
    out, err = StringIO(), StringIO()
    call_command("create_pupil_accounts", "--school", str(hc.school.pk), stdout=out, stderr=err)
    lines = [line for line in out.getvalue().splitlines() if "Hoàng Yến" in line]
    assert len(lines) == 1
    _class, _name, username, password = lines[0].split("\t")
    assert username == f"hs.{hc.school.pk}.{pupil.pk}"
    assert Client().login(username=username, password=password)
    assert "Trần Thu Hà: đã có tài khoản" in err.getvalue()
    assert "Đã cấp 1 tài khoản." in out.getvalue()
