"""Submitting records, with the dossier and in the same transaction, the
version of the notice its pages showed: the e-form notice for one's own
dossier, the assisted notice for a helped one; once, however often the
button is pressed. The version follows the retention settings."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_draft
from dichvucong.outreach.tests.helpers_tests.steps import ready_draft
from dichvucong.privacy.models import NoticeAcknowledgement
from dichvucong.privacy.notices import notice
from dichvucong.privacy.services import versions_recorded


def test_an_applicants_own_dossier_records_the_eform_notice_once(client, cast) -> None:
    dossier = make_draft(cast)
    client.force_login(cast.applicant)
    url = reverse("dossiers:review", args=[dossier.public_id])
    assert client.post(url).status_code == 302
    client.post(url)  # a second click
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED
    assert versions_recorded(dossier=dossier) == [("eform", notice("eform").version)]


def test_a_draft_records_nothing_until_it_is_submitted(client, cast) -> None:
    dossier = make_draft(cast)
    client.force_login(cast.applicant)
    client.get(reverse("dossiers:review", args=[dossier.public_id]))
    assert not NoticeAcknowledgement.objects.filter(dossier=dossier).exists()


def test_a_helped_dossier_confirmed_by_the_applicant_records_the_assisted_notice(
    client, hc
) -> None:
    dossier = ready_draft(hc)
    client.force_login(hc.neighbour)
    url = reverse("helpers:assisted_confirm", args=[dossier.public_id])
    assert client.post(url, {"action": "confirm"}).status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED
    shown = notice("assisted_applicant")
    assert versions_recorded(dossier=dossier) == [("assisted_applicant", shown.version)]


def test_a_changed_retention_period_is_a_new_version_of_the_notice(settings) -> None:
    before = notice("eform")
    settings.RETENTION_DRAFT_DAYS = 90
    after = notice("eform")
    assert after.version != before.version
    assert "Bản nháp chưa nộp và tệp của chúng: 90 ngày" in after.text
