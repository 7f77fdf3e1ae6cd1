"""Staff see who submitted for an applicant by name, not as "Đại sứ số
#537": a pupil ambassador by name and school (the minimum, DESIGN.md §6),
in the dossier's summary and on the helper's lines of the timeline; the
permanent event log still keeps the pseudonym, and after erasure the page
shows the pseudonym again."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach import services
from dichvucong.outreach.constants import PUPIL_PSEUDONYM
from dichvucong.outreach.tests.helpers_tests.test_the_event_log_names_a_pupil_helper_by_pseudonym_and_adults_by_name import (  # noqa: E501
    submitted_by_the_pupil,
)

NAMED = "Trần Thu Hà – học sinh THCS Khương Mai"


def _office_page(client, hc, dossier) -> str:  # type: ignore[no-untyped-def]
    login_verified(client, hc.cast.receptionist_a)
    return client.get(reverse("backoffice:detail", args=[dossier.public_id])).content.decode()


def test_the_summary_and_the_timeline_name_the_pupil_and_the_school(hc, client, sent_sms):
    dossier = submitted_by_the_pupil(hc, client, sent_sms)
    html = _office_page(client, hc, dossier)
    assert f"<dd>{NAMED}</dd>" in html
    assert f"<strong>{NAMED}</strong>" in html
    # Who acted is named; the reason the record wrote keeps its pseudonym.
    pseudonym = PUPIL_PSEUDONYM.format(user_id=hc.helper.pk)
    assert f"<strong>{pseudonym}</strong>" not in html
    assert dossier.events.filter(actor_name__startswith="Đại sứ số #").exists()


def test_after_erasure_the_page_shows_the_pseudonym(hc, client, sent_sms):
    dossier = submitted_by_the_pupil(hc, client, sent_sms)
    services.erase_pupil(hc.pupil, hc.cast.leader_a)
    html = _office_page(client, hc, dossier)
    assert "Trần Thu Hà" not in html
    assert "THCS Khương Mai" not in html.split("Người hỗ trợ nộp")[1][:200]
