"""The portal refuses a message (a procedure code it does not know): the
message is marked refused, never dropped, and holds back its dossier's
later events. The administrator sees it with the portal's answer in the
admin, corrects the procedure's code and sends it again ("Gửi lại"); then
the dossier's events go in order."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.testing import make_dossier
from dichvucong.national.models import NationalMessage
from dichvucong.national.sending import drain


def _administrator(client):  # type: ignore[no-untyped-def]
    admin = User.objects.create_superuser("quantri", password="matkhau-demo-1")
    login_verified(client, admin)
    return admin


def test_refused_then_resent_after_the_fix(
    cast, portal, client, django_capture_on_commit_callbacks
):
    portal.unknown_procedures.add("1.001193")
    dossier = make_dossier(cast)
    lifecycle.accept(dossier, cast.receptionist_a)
    assert drain() == 0
    assert drain() == 0, "a refused message is not retried by itself"
    head, second = NationalMessage.objects.filter(dossier=dossier).order_by("event_seq")
    assert (head.status, head.last_error) == ("refused", "error_code 3: MaTTHC không tồn tại")
    assert (second.status, second.attempts) == ("pending", 0)

    _administrator(client)
    url = reverse("admin:national_nationalmessage_changelist")
    page = client.get(url, {"can_xu_ly": "1"}).content.decode()
    assert "0 chờ gửi" not in page and "1 bị từ chối" in page
    assert head.message_id in page and "MaTTHC không tồn tại" in page
    assert second.message_id not in page, "waiting behind is not failing"
    assert second.message_id in client.get(url, {"can_xu_ly": "0"}).content.decode()

    # The catalogue is corrected (the portal knows the procedure by another code).
    cast.procedure.code = "2.000986"
    cast.procedure.save()
    portal.unknown_procedures.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"action": "resend", "_selected_action": [head.pk, second.pk]}, follow=True
        )
    assert "Đã xếp 2 thông điệp để gửi lại." in response.content.decode()
    taken = portal.taken(dossier.code)
    assert [(e["TrangThaiHoSo"], e["MaTTHC"]) for e in taken] == [
        ("1", "2.000986"),
        ("2", "2.000986"),
    ]
    assert set(NationalMessage.objects.values_list("status", flat=True)) == {"sent"}


def test_the_admin_neither_edits_nor_deletes_a_message(cast, portal, client):
    make_dossier(cast)
    _administrator(client)
    row = NationalMessage.objects.get()
    change = reverse("admin:national_nationalmessage_change", args=[row.pk])
    assert client.get(change).status_code == 200
    assert client.post(change, {"status": "sent"}).status_code == 403
    delete = reverse("admin:national_nationalmessage_delete", args=[row.pk])
    assert client.get(delete).status_code == 403
    assert NationalMessage.objects.get().status == "pending"
