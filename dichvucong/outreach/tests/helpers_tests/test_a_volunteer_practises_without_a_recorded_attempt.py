"""An adult volunteer practises too; attempts are recorded for pupils only
(PracticeAttempt needs a pupil), so theirs is finished once complete."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from dichvucong.dossiers import uploads
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import BIRTH_FORM_DATA, pdf_upload
from dichvucong.outreach.models import Ambassador, PracticeAttempt
from dichvucong.outreach.tests.helpers_tests.steps import text


def test_a_volunteer_practises_without_a_recorded_attempt(hc, client) -> None:
    volunteer = hc.cast.other_applicant
    Ambassador.objects.create(
        campaign=hc.campaign,
        user=volunteer,
        volunteer_name=volunteer.full_name,
        residential_group=hc.group_b,
        since=date(2017, 3, 1),
    )
    client.force_login(volunteer)
    client.post(reverse("helpers:practice_start", args=["1.001193"]))
    dossier = Dossier.objects.get(is_practice=True)
    assert dossier.agency == hc.cast.agency_b  # the ward of the volunteer's group
    finish = reverse("helpers:practice_finish", args=[dossier.public_id])
    assert client.get(finish).url == reverse("dossiers:review", args=[dossier.public_id])
    Dossier.objects.filter(pk=dossier.pk).update(form_data=dict(BIRTH_FORM_DATA))
    document = hc.cast.procedure.documents.get(required=True)
    uploads.add_attachment(dossier, volunteer, pdf_upload(), document=document)
    client.post(finish)
    assert "Chúc mừng" in text(client.get(finish))
    assert not PracticeAttempt.objects.exists()
    dossier.refresh_from_db()
    assert dossier.code is None
