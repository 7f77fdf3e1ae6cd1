"""Issue 12, point 5: on the back-office dossier page the receptionist
reads, side by side, that the dossier was submitted with help (the pupil's
name and school) and how sure the office is of the applicant's identity
(the account's level of assurance), and sees the level change once the
counter has checked the ID card."""

from __future__ import annotations

import re

from django.urls import reverse

from dichvucong.accounts import counter
from dichvucong.accounts.testing import login_verified
from dichvucong.outreach.tests.helpers_tests.test_the_event_log_names_a_pupil_helper_by_pseudonym_and_adults_by_name import (  # noqa: E501
    submitted_by_the_pupil,
)


def _facts(client, hc, dossier) -> str:  # type: ignore[no-untyped-def]
    login_verified(client, hc.cast.receptionist_a)
    html = client.get(reverse("backoffice:detail", args=[dossier.public_id])).content.decode()
    found = re.search(r'<dl class="bo-facts">(.*?)</dl>', html, re.S)
    assert found is not None
    return found.group(1)


def test_the_helper_and_the_applicants_level_are_read_together(hc, client, sent_sms):
    dossier = submitted_by_the_pupil(hc, client, sent_sms)
    facts = _facts(client, hc, dossier)
    level = facts.index("Mức xác thực tài khoản")
    helper = facts.index("Người hỗ trợ nộp")
    assert "<dd>Đã xác nhận số điện thoại</dd>" in facts
    assert "<dd>Trần Thu Hà – học sinh THCS Khương Mai</dd>" in facts
    # Next to each other: the level's line, then the helper's.
    assert 0 < helper - level < 200

    counter.verify_holder(hc.cast.receptionist_a, counter.find_citizen(dossier.applicant_id_number))
    assert "<dd>Đã xác minh tại Bộ phận Một cửa</dd>" in _facts(client, hc, dossier)
