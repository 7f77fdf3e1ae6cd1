"""The helper fills in the neighbour's draft on the applicant's own pages,
but cannot submit it: the check page offers "Gửi mã xác nhận cho người
nộp" instead of "Nộp hồ sơ", and even sending the code submits nothing."""

from __future__ import annotations

from django.contrib.auth.hashers import is_password_usable

from dichvucong.accounts.models import User
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.outreach.models import AssistedSubmission
from dichvucong.outreach.tests.helpers_tests.steps import (
    NEIGHBOUR,
    dossier_url,
    fill_on_pages,
    send_code_on_page,
    start_on_page,
    text,
)


def test_an_assisted_draft_is_not_submitted_without_the_applicants_confirmation(
    hc, client, sent_sms
) -> None:
    client.force_login(hc.helper)
    response = start_on_page(client, hc, NEIGHBOUR)
    dossier = Dossier.objects.get()
    assert response.url == dossier_url("step", dossier, 1)
    neighbour = User.objects.get(username=NEIGHBOUR.id_number)
    assert not is_password_usable(neighbour.password)
    assert neighbour.citizen.phone == NEIGHBOUR.phone
    assert (dossier.applicant, dossier.helper, dossier.is_practice) == (neighbour, hc.helper, False)
    record = AssistedSubmission.objects.get(dossier=dossier)
    assert record.household_key == f"u:{neighbour.pk}"
    assert record.confirmed_at is None

    assert "Bạn đang khai giúp" in text(client.get(response.url))
    fill_on_pages(client, dossier)
    review = text(client.get(dossier_url("review", dossier)))
    assert "Gửi mã xác nhận cho người nộp" in review
    assert "Nộp hồ sơ</button>" not in review

    assert client.post(dossier_url("review", dossier)).status_code == 404
    send_code_on_page(client, dossier)
    assert len(sent_sms) == 1
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT and dossier.code is None
    assert dossier.events.count() == 0

    # The applicant's plain "Nộp hồ sơ" does not bypass the confirmation either.
    client.force_login(neighbour)
    client.post(dossier_url("review", dossier))
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT
