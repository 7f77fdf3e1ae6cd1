"""The ambassador pages are for active ambassadors: anonymous visitors log
in first, other users get 403, and a pupil whose guardian withdrew
consent loses access."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach import services
from dichvucong.outreach.constants import ConsentGiver, ConsentMethod

PAGES = ["helpers:home", "helpers:practice", "helpers:assisted_list", "helpers:assisted_pick"]


@pytest.mark.parametrize("name", PAGES)
def test_only_active_ambassadors_reach_the_ambassador_pages(hc, client, name) -> None:
    url = reverse(name)
    assert client.get(url).url.startswith("/tai-khoan/dang-nhap/")
    client.force_login(hc.cast.applicant)
    assert client.get(url).status_code == 403
    login_verified(client, hc.cast.receptionist_a)
    assert client.get(url).status_code == 403
    client.force_login(hc.helper)
    assert client.get(url).status_code == 200


def test_a_withdrawn_consent_closes_the_pages(hc, client) -> None:
    client.force_login(hc.helper)
    services.record_consent(
        hc.pupil, giver=ConsentGiver.GUARDIAN, given=False, method=ConsentMethod.PAPER, by=None
    )
    assert client.get(reverse("helpers:home")).status_code == 403
    start = reverse("helpers:practice_start", args=["1.001193"])
    assert client.post(start).status_code == 403
