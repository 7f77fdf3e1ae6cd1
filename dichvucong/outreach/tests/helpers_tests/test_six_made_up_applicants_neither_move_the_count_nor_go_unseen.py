"""The attack of issue 12: one pupil invents six applicants (ID numbers
with no account) and "confirms" each with a phone the pupil controls,
has them accepted and then withdrawn. Until now the code went to the
typed phone: +6 dossiers, +6 households, first in the school's ranking.

Now none of the six can be confirmed by the helper: one phone serves one
new applicant only, and no code goes to a phone its holder has not
confirmed. The report does not move, and the school sees the pattern
before the report is sent. Even six such dossiers that did get through
(accounts whose phone the pupil confirmed, as the old default assumed)
count for nothing once withdrawn, and are flagged."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dichvucong.accounts.constants import AssuranceLevel, Role
from dichvucong.accounts.models import CitizenProfile
from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.models import Dossier
from dichvucong.outreach import assisted, flags, report
from dichvucong.outreach.tests.cast import _staff
from dichvucong.outreach.tests.helpers_tests.sms import last_code
from dichvucong.outreach.tests.helpers_tests.steps import ready_draft

PUPILS_PHONE = "0999000001"


def _made_up(number: int, phone: str = PUPILS_PHONE) -> assisted.ApplicantDetails:
    return assisted.ApplicantDetails(
        full_name=f"Người Bịa Số {number}", id_number=f"00108509900{number}", phone=phone
    )


def _figures(hc) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    totals = report.build_report(hc.campaign).totals
    return totals.succeeded, totals.dossiers, totals.households


def test_one_phone_serves_one_made_up_applicant_and_no_code_reaches_it(hc, sent_sms):
    before = _figures(hc)
    ready_draft(hc, _made_up(1))
    for number in range(2, 7):
        with pytest.raises(ValidationError, match="đã là số của một tài khoản khác"):
            ready_draft(hc, _made_up(number))
    # Six phones, then: six drafts, and not one code sent.
    drafts = [ready_draft(hc, _made_up(n, f"099900010{n}")) for n in range(2, 7)]
    drafts.insert(0, Dossier.objects.get(applicant__username=_made_up(1).id_number))
    for draft in drafts:
        with pytest.raises(assisted.AssistRefused, match="chưa có tài khoản đã xác nhận"):
            assisted.send_code(draft, hc.helper, "sms")
    assert sent_sms == []
    assert all(Dossier.objects.get(pk=d.pk).is_draft for d in drafts)
    assert _figures(hc) == before
    raised = flags.campaign_flags(hc.campaign, [hc.school.pk])
    assert [(f.kind, f.pupil_id, f.count) for f in raised] == [(flags.NEW_ACCOUNTS, hc.pupil.pk, 6)]
    assert "6 tài khoản người nộp mới" in raised[0].message


def test_six_that_got_through_and_were_withdrawn_count_nothing_and_are_flagged(hc, sent_sms):
    before = _figures(hc)
    for number in range(1, 7):
        details = _made_up(number, f"099900010{number}")
        draft = ready_draft(hc, details)
        # What every helper-made account was until now: "phone confirmed".
        CitizenProfile.objects.filter(id_number=details.id_number).update(
            assurance=AssuranceLevel.PHONE_CONFIRMED
        )
        assisted.send_code(draft, hc.helper, "sms")
        dossier = assisted.confirm_by_code(draft, hc.helper, last_code(sent_sms))
        dossier = lifecycle.accept(dossier, hc.cast.receptionist_a)
        lifecycle.withdraw(dossier, dossier.applicant, "Nộp nhầm")
    assert _figures(hc) == before
    kinds = {(f.kind, f.pupil_id, f.count) for f in flags.campaign_flags(hc.campaign)}
    assert kinds == {(flags.NEW_ACCOUNTS, hc.pupil.pk, 6), (flags.WITHDRAWN, hc.pupil.pk, 6)}


def test_the_school_sees_the_flags_on_the_class_and_pupil_pages(hc, client):
    for number in range(1, 4):
        ready_draft(hc, _made_up(number, f"099900010{number}"))
    coordinator = _staff("thcs.km", Role.SCHOOL_COORDINATOR, hc.cast.agency_a, hc.school)
    login_verified(client, coordinator)
    for url in (
        reverse("outreach:class_detail", args=[hc.school_class.pk]),
        reverse("outreach:pupil_detail", args=[hc.pupil.pk]),
    ):
        page = client.get(url).content.decode()
        assert "Cần xem lại trước khi gửi báo cáo" in page
        assert "3 tài khoản người nộp mới" in page
        assert PUPILS_PHONE not in page


def test_the_report_page_shows_the_flags_before_it_is_sent(hc, client):
    for number in range(1, 4):
        ready_draft(hc, _made_up(number, f"099900010{number}"))
    coordinator = _staff("thcs.km", Role.SCHOOL_COORDINATOR, hc.cast.agency_a, hc.school)
    login_verified(client, coordinator)

    page = client.get(reverse("campaign_report:detail", args=[hc.campaign.pk])).content.decode()

    assert "Cần xem lại trước khi gửi báo cáo" in page
    assert "3 tài khoản người nộp mới" in page
    assert hc.pupil.full_name not in page.split("Cần xem lại")[1].split("</section>")[0]
