"""Besides the five tries each code has, wrong confirmation codes are
limited per client address across dossiers (CODE_ADDRESS_MAX_FAILURES):
one address cannot guess through many drafts' codes."""

from __future__ import annotations

from dichvucong.dossiers.constants import Status
from dichvucong.outreach.tests.helpers_tests.sms import last_code
from dichvucong.outreach.tests.helpers_tests.steps import (
    helper_url,
    ready_draft,
    send_code_on_page,
    text,
)


def test_past_the_address_limit_even_the_right_code_waits(hc, client, sent_sms, settings):
    settings.CODE_ADDRESS_MAX_FAILURES = 3
    dossier = ready_draft(hc)
    client.force_login(hc.helper)
    send_code_on_page(client, dossier)
    code = last_code(sent_sms)
    url = helper_url("assisted_code", dossier)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(3):
        assert client.post(url, {"code": wrong}).status_code == 200
    refused = client.post(url, {"code": code})
    assert refused.status_code == 429
    assert "Vui lòng thử lại sau" in text(refused)
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT

    elsewhere = client.post(url, {"code": code}, REMOTE_ADDR="198.51.100.77")
    assert elsewhere.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED


def test_codes_sent_are_limited_per_address(hc, client, sent_sms, settings):
    settings.CODE_SENDS_PER_ADDRESS = 1
    dossier = ready_draft(hc)
    client.force_login(hc.helper)
    send_code_on_page(client, dossier)
    again = client.post(helper_url("assisted_send_code", dossier), {"channel": "sms"})
    assert again.status_code == 429
    assert len(sent_sms) == 1
