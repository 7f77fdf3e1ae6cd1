"""Changes made in the Django admin are recorded with the address: what
kind of object, its id and the names of the changed fields, never the
object's name (which may be a person's) nor the values typed. Deleting
several objects at once is recorded with their ids."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import login_verified
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry
from dichvucong.audit.tests.helpers import ADDRESS, FROM_ADDRESS, everything_kept
from dichvucong.catalogue.models import CalendarDay, Field

NEW_PASSWORD = "Mat-khau-moi-cua-ban-2026"


@pytest.fixture
def admin_user(db):  # type: ignore[no-untyped-def]
    return User.objects.create_superuser(username="quantri", password="x", kind="staff")


@pytest.fixture
def admin_client(client, admin_user):  # type: ignore[no-untyped-def]
    login_verified(client, admin_user)
    AuditEntry.objects.all()._raw_delete(AuditEntry.objects.db)  # the login
    return client


def admin_entries() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=Action.ADMIN).order_by("pk"))


def test_adding_changing_and_deleting_a_field(admin_client, admin_user):
    admin_client.post(reverse("admin:catalogue_field_add"), {"name": "Tư pháp"}, **FROM_ADDRESS)
    field = Field.objects.get(name="Tư pháp")
    change = reverse("admin:catalogue_field_change", args=[field.pk])
    admin_client.post(change, {"name": "Tư pháp – Hộ tịch"}, **FROM_ADDRESS)
    delete = reverse("admin:catalogue_field_delete", args=[field.pk])
    admin_client.post(delete, {"post": "yes"}, **FROM_ADDRESS)

    added, changed, deleted = admin_entries()
    assert [e.what for e in (added, changed, deleted)] == [
        "Thêm lĩnh vực", "Sửa lĩnh vực", "Xóa lĩnh vực",
    ]
    for entry in (added, changed, deleted):
        assert (entry.actor, entry.address) == (admin_user, ADDRESS)
        assert entry.target == f"catalogue.field #{field.pk}"
    assert changed.detail == {"fields": ["Tên lĩnh vực"]}
    assert "Hộ tịch" not in everything_kept()
    # One entry per change: no "form sent" entry beside the admin's own.
    assert AuditEntry.objects.filter(action=Action.STAFF_ACTION).count() == 0


def test_editing_a_citizen_keeps_neither_name_nor_id_number(admin_client, cast):
    citizen = cast.applicant
    url = reverse("admin:accounts_user_change", args=[citizen.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "email": "binh.moi@example.vn",
            "date_joined_0": citizen.date_joined.strftime("%d/%m/%Y"),
            "date_joined_1": citizen.date_joined.strftime("%H:%M:%S"),
            "citizen-TOTAL_FORMS": "0", "citizen-INITIAL_FORMS": "0",
            "organisation-TOTAL_FORMS": "0", "organisation-INITIAL_FORMS": "0",
            "staff_roles-TOTAL_FORMS": "0", "staff_roles-INITIAL_FORMS": "0",
        }
    )
    for name in ("groups", "user_permissions", "last_login", "date_joined", "password"):
        data.pop(name, None)
    response = admin_client.post(url, data, **FROM_ADDRESS)
    assert response.status_code == 302, response.context["adminform"].form.errors
    [entry] = admin_entries()
    assert entry.target == f"accounts.user #{citizen.pk}"
    kept = everything_kept()
    assert "Nguyễn Văn Bình" not in kept and "001090012345" not in kept
    assert "binh.moi@example.vn" not in kept


def test_deleting_several_days_at_once_names_their_ids(admin_client, admin_user):
    days = [CalendarDay.objects.create(date=date(2026, 9, d), kind="off") for d in (1, 2)]
    ids = [str(day.pk) for day in days]
    admin_client.post(
        reverse("admin:catalogue_calendarday_changelist"),
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
        **FROM_ADDRESS,
    )
    assert not CalendarDay.objects.exists()
    [entry] = AuditEntry.objects.filter(detail__admin_action="delete_selected")
    assert (entry.actor, entry.address) == (admin_user, ADDRESS)
    assert sorted(entry.detail["ids"]) == sorted(ids)


def test_a_password_set_in_the_admin(admin_client, admin_user, cast):
    # Django's UserAdmin names this URL auth_user_… whatever the user model.
    url = reverse("admin:auth_user_password_change", args=[cast.receptionist_a.pk])
    response = admin_client.post(
        url,
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
        **FROM_ADDRESS,
    )
    assert response.status_code == 302
    [entry] = AuditEntry.objects.filter(action=Action.PASSWORD)
    assert (entry.actor, entry.address, entry.target) == (admin_user, ADDRESS, "tiepnhan.a")
    assert NEW_PASSWORD not in everything_kept()
