"""A result sent by post is returned with its postal tracking number."""

from __future__ import annotations

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import detail_url, post_action, snapshot
from dichvucong.dossiers.constants import Delivery, Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_dossier


def test_the_tracking_number_is_asked_and_recorded(client, cast) -> None:
    dossier = make_dossier(cast, Status.RESOLVED)
    Dossier.objects.filter(pk=dossier.pk).update(
        delivery=Delivery.POST, delivery_address="12 Khương Trung, Thanh Xuân"
    )
    login_verified(client, cast.receptionist_a)
    assert "Mã bưu gửi" in client.get(detail_url(dossier)).content.decode()
    before = snapshot(dossier)
    response = post_action(client, dossier, "return", {"tracking_number": "  "})
    assert response.status_code == 400
    assert snapshot(dossier) == before
    post_action(client, dossier, "return", {"tracking_number": "EB123456789VN"})
    dossier.refresh_from_db()
    assert (dossier.status, dossier.postal_tracking) == (Status.RETURNED, "EB123456789VN")
    assert "Mã bưu gửi: EB123456789VN" in client.get(detail_url(dossier)).content.decode()


def test_a_counter_result_needs_no_tracking_number(client, cast) -> None:
    dossier = make_dossier(cast, Status.RESOLVED)
    login_verified(client, cast.receptionist_a)
    response = client.get(detail_url(dossier))
    return_form = {a.slug: f for a, f in response.context["actions"]}["return"]
    assert list(return_form.fields) == []
