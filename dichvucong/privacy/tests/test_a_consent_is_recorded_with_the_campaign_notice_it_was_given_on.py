"""A guardian's or pupil's consent is kept with the version of the
campaign notice the school gave the family."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach.models import Consent
from dichvucong.outreach.tests.cast import add_pupil
from dichvucong.privacy.models import NoticeAcknowledgement
from dichvucong.privacy.notices import notice


def test_a_consent_recorded_on_the_pupils_page_keeps_the_notice_version(client, oc) -> None:
    pupil = add_pupil(oc.class_a, year=2003)
    login_verified(client, oc.coordinator_a)
    url = reverse("outreach:consent_record", args=[pupil.pk])
    client.post(url, {"giver": "guardian", "given": "yes", "method": "paper"})
    consent = Consent.objects.get(pupil=pupil)
    recorded = NoticeAcknowledgement.objects.select_related("text").get(consent=consent)
    assert (recorded.text.notice, recorded.text.version) == ("roster", notice("roster").version)
