""" "Cấp tài khoản đại sứ số" on the class page issues a login to each
consented pupil with a residential group who has none, through the service
the command uses, and answers with one printable page of user names and
passwords. The passwords are on that page only: the database keeps their
hashes, a reload issues nothing and shows none, and a lost slip is replaced
from the pupil's page."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.contrib.staticfiles import finders
from django.test import Client

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import login_verified
from dichvucong.outreach.models import Guardian, Pupil
from dichvucong.outreach.tests.ambassador_setup import consent, slips_on, tables_holding
from dichvucong.outreach.tests.cast import add_pupil
from dichvucong.outreach.tests.helpers import messages_of


@pytest.fixture
def ready(oc) -> tuple[list[Pupil], Pupil]:
    """Two pupils ready for a login, and one whose consents are missing."""
    pupils = [
        add_pupil(oc.class_a, "Trần Thu Hà"),
        add_pupil(
            oc.class_a,
            "Lê Minh Anh",
            guardian=Guardian.objects.create(full_name="Lê Văn Hùng", phone="0912000111"),
        ),
    ]
    for pupil in pupils:
        consent(pupil, oc.coordinator_a)
        Pupil.objects.filter(pk=pupil.pk).update(ambassador_group=oc.group_a)
    return pupils, add_pupil(oc.class_a, "Vũ Hoài Nam")


def _issue(client, oc):  # type: ignore[no-untyped-def]
    return client.post(f"/tuyen-truyen/lop/{oc.class_a.pk}/cap-tai-khoan/")


def test_the_class_gets_its_logins_once_on_one_printable_page(oc, client, ready) -> None:
    pupils, unconsented = ready
    login_verified(client, oc.coordinator_a)
    assert (
        "Cấp tài khoản đại sứ số"
        in client.get(f"/tuyen-truyen/lop/{oc.class_a.pk}/").content.decode()
    )

    page = _issue(client, oc)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    usernames = [f"hs.{oc.school_a.pk}.{pupil.pk}" for pupil in pupils]
    logins = slips_on(html)
    assert sorted(logins) == sorted(usernames)
    passwords = list(logins.values())
    for text in (*usernames, *passwords):
        assert html.count(text) == 1
    assert "Vũ Hoài Nam: Chưa có đủ ý kiến đồng ý của phụ huynh và học sinh." in html
    # Printed from its own style sheet (no inline style: CSP).
    assert "/static/outreach/login_slips.css" in html
    assert "@media print" in Path(finders.find("outreach/login_slips.css")).read_text()
    for username, password in logins.items():
        assert Client().login(username=username, password=password)
    assert set(
        User.objects.filter(username__startswith="hs.").values_list("username", flat=True)
    ) == set(usernames)
    assert not User.objects.filter(username=f"hs.{oc.school_a.pk}.{unconsented.pk}").exists()

    # The database keeps a hash of each password, nowhere the password.
    for user in User.objects.filter(username__in=usernames):
        identify_hasher(user.password)
    for password in passwords:
        assert tables_holding(password) == []

    # Reloading posts again: nobody gets a second login and no password shows.
    again = client.post(f"/tuyen-truyen/lop/{oc.class_a.pk}/cap-tai-khoan/", follow=True)
    html = again.content.decode()
    assert again.redirect_chain[-1][0] == f"/tuyen-truyen/lop/{oc.class_a.pk}/"
    assert messages_of(again) == [
        "Không cấp tài khoản mới nào: 2 học sinh đã có tài khoản, "
        "1 học sinh chưa đủ điều kiện (xem cột Đại sứ số)."
    ]
    assert not [password for password in passwords if password in html]
    assert all(f"Tài khoản: {username}" in html for username in usernames)
    assert User.objects.filter(username__startswith="hs.").count() == 2
    for username, password in logins.items():
        assert Client().login(username=username, password=password)  # unchanged
    assert client.get(f"/tuyen-truyen/lop/{oc.class_a.pk}/cap-tai-khoan/").status_code == 405


def test_a_lost_slip_is_replaced_from_the_pupils_page(oc, client, ready) -> None:
    pupils, _unconsented = ready
    login_verified(client, oc.education)
    username = f"hs.{oc.school_a.pk}.{pupils[0].pk}"
    old = slips_on(_issue(client, oc).content.decode())[username]
    pupil_page = client.get(f"/tuyen-truyen/hoc-sinh/{pupils[0].pk}/").content.decode()
    assert "Đặt lại mật khẩu" in pupil_page and username in pupil_page

    page = client.post(f"/tuyen-truyen/hoc-sinh/{pupils[0].pk}/tai-khoan/")
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    [(shown, new)] = slips_on(html).items()
    assert shown == username and new != old
    assert not Client().login(username=username, password=old)
    assert Client().login(username=username, password=new)
    assert tables_holding(new) == []
    assert User.objects.filter(username__startswith="hs.").count() == 2


def test_a_pupil_without_consent_gets_no_login_from_the_pupils_page(oc, client, ready) -> None:
    _pupils, unconsented = ready
    login_verified(client, oc.coordinator_a)
    response = client.post(f"/tuyen-truyen/hoc-sinh/{unconsented.pk}/tai-khoan/")
    assert response.status_code == 302
    assert messages_of(response) == [
        "Chưa cấp: Chưa có đủ ý kiến đồng ý của phụ huynh và học sinh."
    ]
    assert not User.objects.filter(username__startswith="hs.").exists()
