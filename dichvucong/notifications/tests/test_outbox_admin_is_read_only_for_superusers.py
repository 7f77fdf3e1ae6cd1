from __future__ import annotations

from django.contrib.auth.models import Permission
from django.urls import reverse

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications.models import OutboxMessage


def test_superusers_see_the_outbox_masked_and_cannot_change_it(cast, client):
    make_dossier(cast)
    message = OutboxMessage.objects.get(channel="sms")
    admin = User.objects.create_superuser("quantri", password="matkhau-demo-1")
    login_verified(client, admin)

    listing = client.get(reverse("admin:notifications_outboxmessage_changelist"))
    assert listing.status_code == 200
    assert "09xx***678" in listing.text
    assert "0912345678" not in listing.text
    assert cast.applicant.email not in listing.text
    detail = client.get(reverse("admin:notifications_outboxmessage_change", args=[message.pk]))
    assert detail.status_code == 200
    assert "0912345678" not in detail.text
    assert client.get(reverse("admin:notifications_outboxmessage_add")).status_code == 403
    delete = reverse("admin:notifications_outboxmessage_delete", args=[message.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert OutboxMessage.objects.filter(pk=message.pk).exists()


def test_staff_who_are_not_superusers_cannot_see_it_even_with_the_permission(cast, client):
    make_dossier(cast)
    staff = cast.receptionist_a
    staff.is_staff = True
    staff.save()
    staff.user_permissions.add(Permission.objects.get(codename="view_outboxmessage"))
    login_verified(client, staff)
    url = reverse("admin:notifications_outboxmessage_changelist")
    assert client.get(url).status_code == 403
