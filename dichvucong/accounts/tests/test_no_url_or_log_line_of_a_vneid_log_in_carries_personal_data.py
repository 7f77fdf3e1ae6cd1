"""A national e-ID log-in that links an existing account carries the ID
number, name, address and phone in the provider's answers and the
session only, and the link code in the SMS and a POST body: no URL our
site is asked for, nor any log line (at DEBUG, the libraries' too)."""

from __future__ import annotations

import logging
from typing import Any

from django.test import Client
from django.urls import reverse

from dichvucong.accounts.models import NationalEidLink, User
from dichvucong.accounts.tests.vneid_steps import (
    KNOWN,
    choose,
    return_path,
    to_provider,
)
from dichvucong.accounts.vneid.standin import StandIn
from dichvucong.outreach.tests.helpers_tests.sms import last_code


def test_the_journey_keeps_personal_data_out_of_urls_and_logs(
    client: Client,
    provider: StandIn,
    citizen: User,
    sent_sms: list[tuple[str, str]],
    caplog: Any,
) -> None:
    caplog.set_level(logging.DEBUG)
    back = return_path(choose(provider, to_provider(client), KNOWN))
    landed = client.get(back, follow=True)
    code = last_code(sent_sms)
    linked = client.post(reverse("accounts:vneid_link"), {"code": code}, follow=True)
    assert NationalEidLink.objects.filter(user=citizen).exists()

    urls = [back, *(url for url, _ in landed.redirect_chain + linked.redirect_chain)]
    personal = [
        KNOWN.claims["id_number"],
        "0912345678",
        "912345678",
        "0900000001",
        "900000001",
        KNOWN.claims["name"],
        "Số 3, ngõ 7",
        code,
    ]
    for secret in personal:
        assert not [url for url in urls if secret in url], secret
        assert secret not in caplog.text, secret
    assert "Nguyen Van An" not in sent_sms[-1][1]
