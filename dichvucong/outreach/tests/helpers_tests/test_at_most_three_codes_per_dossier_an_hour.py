"""Sending a new code kills the previous one, and a dossier gets at most
three codes an hour."""

from __future__ import annotations

from dichvucong.outreach.tests.helpers_tests.sms import last_code
from dichvucong.outreach.tests.helpers_tests.steps import (
    helper_url,
    ready_draft,
    send_code_on_page,
    text,
)


def test_at_most_three_codes_per_dossier_an_hour(hc, client, sent_sms) -> None:
    dossier = ready_draft(hc)
    client.force_login(hc.helper)
    for _ in range(3):
        send_code_on_page(client, dossier)
    assert len(sent_sms) == 3
    response = client.post(
        helper_url("assisted_send_code", dossier), {"channel": "sms"}, follow=True
    )
    assert "Đã gửi 3 mã cho hồ sơ này trong một giờ" in text(response)
    assert len(sent_sms) == 3


def test_a_new_code_kills_the_previous_one(hc, client, sent_sms) -> None:
    dossier = ready_draft(hc)
    client.force_login(hc.helper)
    send_code_on_page(client, dossier)
    first = last_code(sent_sms)
    send_code_on_page(client, dossier)
    if last_code(sent_sms) == first:  # one chance in a million
        return
    page = text(client.post(helper_url("assisted_code", dossier), {"code": first}))
    assert "Mã không đúng." in page
