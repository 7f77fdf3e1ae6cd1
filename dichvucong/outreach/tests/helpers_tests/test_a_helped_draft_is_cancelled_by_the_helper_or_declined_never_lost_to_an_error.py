"""A draft waiting for the applicant's confirmation goes only through the
helper's "Hủy bản nháp" or the applicant's "Không nộp": the plain
"Xóa bản nháp" explains that instead of failing."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.dossiers.models import Attachment, Dossier
from dichvucong.outreach.models import AssistedSubmission
from dichvucong.outreach.tests.helpers_tests.steps import dossier_url, helper_url, ready_draft, text


def test_the_helper_cancels_the_draft_and_its_files(hc, client) -> None:
    dossier = ready_draft(hc)
    client.force_login(hc.helper)
    assert "Hủy bản nháp?" in text(client.get(helper_url("assisted_cancel", dossier)))
    response = client.post(helper_url("assisted_cancel", dossier))
    assert response.url == reverse("helpers:assisted_list")
    assert not Dossier.objects.exists()
    assert not AssistedSubmission.objects.exists() and not Attachment.objects.exists()


def test_the_plain_discard_explains_instead_of_failing(hc, client) -> None:
    dossier = ready_draft(hc)
    client.force_login(dossier.applicant)
    response = client.post(dossier_url("discard", dossier), follow=True)
    assert response.status_code == 200
    assert "chọn “Không nộp”" in text(response)
    assert Dossier.objects.filter(pk=dossier.pk).exists()
    assert dossier.attachments.count() == 1
