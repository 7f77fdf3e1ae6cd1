"""The ID number, the phone and the code travel in POST bodies and the
session only: no URL visited carries them, nor does any log line. The SMS
carries the code and nothing about the account. The embedded log
provider, which writes SMS bodies to the log, gets the code masked, as
outreach's codes are."""

from __future__ import annotations

import logging
import re

from dichvucong.accounts.models import PasswordRecovery
from dichvucong.accounts.tests.recovery_steps import (
    CODE_PAGE,
    PARENT_ID,
    PARENT_PHONE,
    RESEND,
    ask_for_code,
    enter_code,
    register_parent,
)
from dichvucong.outreach.tests.helpers_tests.sms import last_code

SECRETS_OF_THE_ACCOUNT = [PARENT_ID, PARENT_PHONE, "987111222", "Đỗ Thị Mai", "Do Thi Mai"]


def visited(response) -> list[str]:  # type: ignore[no-untyped-def]
    """Every URL of a followed response: redirects and the final page."""
    urls = [url for url, _status in response.redirect_chain]
    request = response.request
    return [*urls, f"{request['PATH_INFO']}?{request.get('QUERY_STRING', '')}"]


def test_no_url_or_log_line_carries_the_code_or_the_id_number(
    client, units, sent_sms, caplog
) -> None:
    caplog.set_level(logging.DEBUG)
    register_parent(units)
    urls = visited(ask_for_code(client, PARENT_ID, PARENT_PHONE, follow=True))
    urls += visited(client.post(RESEND, follow=True))
    code = last_code(sent_sms)
    urls += visited(enter_code(client, "000000" if code != "000000" else "111111", follow=True))
    urls += visited(enter_code(client, code, follow=True))

    assert CODE_PAGE in "".join(urls)
    for url in urls:
        assert code not in url and not re.search(r"\d{6}", url), url
    assert [item for item in SECRETS_OF_THE_ACCOUNT if item in "".join(urls)] == []
    assert [item for item in SECRETS_OF_THE_ACCOUNT if item in caplog.text] == []
    assert code not in caplog.text
    assert "password recovery: code sent by SMS" in caplog.text


def test_the_sms_carries_the_code_and_nothing_about_the_account(client, units, sent_sms):
    register_parent(units)
    ask_for_code(client, PARENT_ID, PARENT_PHONE)
    [(phone, body)] = sent_sms
    assert phone == PARENT_PHONE
    assert body.isascii() and len(body) <= 160
    assert body.startswith("DVC: Ma dat lai mat khau cua ban: ") and "10 phut" in body
    assert [item for item in SECRETS_OF_THE_ACCOUNT if item in body] == []
    row = PasswordRecovery.objects.get()
    assert len(row.code_hash) == 64 and last_code(sent_sms) not in row.code_hash


def test_the_log_provider_gets_the_code_masked(client, units, settings, caplog) -> None:
    settings.SMS_PROVIDER = "log"
    caplog.set_level(logging.DEBUG)
    register_parent(units)
    ask_for_code(client, PARENT_ID, PARENT_PHONE)
    assert "SMS to 09xx***222: DVC: Ma dat lai mat khau cua ban: ******." in caplog.text
    assert re.search(r"\b\d{6}\b", caplog.text) is None
    assert [item for item in SECRETS_OF_THE_ACCOUNT if item in caplog.text] == []
