"""The applicant may confirm without a code: logged in, they find the
draft in "Hồ sơ của tôi", check it and press "Xác nhận và nộp"; or they
decline and the draft is gone."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.outreach import assisted
from dichvucong.outreach.models import AssistedSubmission
from dichvucong.outreach.tests.helpers_tests.steps import dossier_url, helper_url, ready_draft, text

# The cast's applicant: an existing citizen account with a password.
BINH = assisted.ApplicantDetails(
    full_name="Nguyễn Văn Bình", id_number="001090012345", phone="0912345678"
)


def test_the_applicant_confirms_by_logging_in(hc, client) -> None:
    dossier = ready_draft(hc, BINH)
    assert dossier.applicant == hc.cast.applicant
    client.force_login(hc.cast.applicant)
    mine = text(client.get(reverse("dossiers:mine")))
    assert dossier_url("review", dossier) in mine
    assert dossier_url("discard", dossier) not in mine
    review = text(client.get(dossier_url("review", dossier)))
    assert "Trần Thu Hà (đại sứ số) khai giúp bạn" in review
    assert "Xác nhận và nộp" in review

    response = client.post(helper_url("assisted_confirm", dossier), {"action": "confirm"})
    assert response.url == dossier_url("detail", dossier)
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED and dossier.helper == hc.helper
    record = AssistedSubmission.objects.get(dossier=dossier)
    assert record.channel == "login" and record.confirmed_at is not None
    note = dossier.events.order_by("seq").last()
    assert note.actor == hc.cast.applicant and note.data["channel"] == "login"


def test_the_helper_cannot_use_the_applicants_confirmation(hc, client) -> None:
    dossier = ready_draft(hc, BINH)
    client.force_login(hc.helper)
    response = client.post(helper_url("assisted_confirm", dossier), {"action": "confirm"})
    assert response.status_code == 404
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT


def test_the_applicant_may_decline(hc, client) -> None:
    dossier = ready_draft(hc, BINH)
    client.force_login(hc.cast.applicant)
    response = client.post(helper_url("assisted_confirm", dossier), {"action": "decline"})
    assert response.url == reverse("dossiers:mine")
    assert not Dossier.objects.filter(pk=dossier.pk).exists()
    assert not AssistedSubmission.objects.exists()
