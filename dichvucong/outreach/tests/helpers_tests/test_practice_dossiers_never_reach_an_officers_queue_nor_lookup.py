"""A pupil rehearses the birth registration with the real e-form steps and
upload, under the THỰC HÀNH banner; the practice draft reaches no officer,
no lookup, no "Hồ sơ của tôi", and cannot be submitted."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers import access
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.views.lookup import find_dossier
from dichvucong.outreach.tests.helpers_tests.steps import dossier_url, fill_on_pages, text

BANNER = "THỰC HÀNH – hồ sơ không được gửi tới cơ quan nào"


def practise(client, hc) -> Dossier:  # type: ignore[no-untyped-def]
    client.force_login(hc.helper)
    response = client.post(reverse("helpers:practice_start", args=["1.001193"]))
    dossier = Dossier.objects.get(is_practice=True)
    assert response.url == dossier_url("step", dossier, 1)
    assert BANNER in text(client.get(response.url))
    fill_on_pages(client, dossier)
    return dossier


def test_the_practice_uses_the_real_steps_under_a_banner(hc, client) -> None:
    dossier = practise(client, hc)
    dossier.refresh_from_db()
    assert dossier.applicant == hc.helper
    assert dossier.agency == hc.cast.agency_a  # the ward committee of the pupil's group
    assert dossier.form_data["child_name"] == "Phạm Minh Khôi"
    assert dossier.attachments.count() == 1
    review = text(client.get(dossier_url("review", dossier)))
    assert BANNER in review
    assert "Hoàn thành thực hành" in review
    assert "Nộp hồ sơ</button>" not in review


def test_practice_dossiers_never_reach_an_officers_queue_nor_lookup(hc, client) -> None:
    dossier = practise(client, hc)
    client.post(reverse("helpers:practice_finish", args=[dossier.public_id]))
    # Even a hand-made POST of the normal "Nộp hồ sơ" is refused.
    client.post(dossier_url("review", dossier))
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT and dossier.code is None
    assert dossier.events.count() == 0

    cast = hc.cast
    for officer in (cast.receptionist_a, cast.specialist_a, cast.leader_a):
        assert not access.staff_dossiers(officer).filter(pk=dossier.pk).exists()
    login_verified(client, cast.receptionist_a)
    assert "Phạm Minh Khôi" not in text(client.get(reverse("backoffice:queues")))
    # Lookup leaves practice out even if one carried a code (data gone wrong).
    Dossier.objects.filter(pk=dossier.pk).update(code="T.KM-261120-0001", applicant_phone="0909")
    assert find_dossier("T.KM-261120-0001", "0909") is None

    client.force_login(hc.helper)
    assert "Đăng ký khai sinh" not in text(client.get(reverse("dossiers:mine")))
    assert "Đăng ký khai sinh" in text(client.get(reverse("helpers:practice")))
