"""Each wrong code is counted; after the fifth even the right code is
refused and nothing is submitted, until a new code is sent."""

from __future__ import annotations

from dichvucong.dossiers.constants import Status
from dichvucong.outreach.models import AssistedSubmission
from dichvucong.outreach.tests.helpers_tests.sms import last_code
from dichvucong.outreach.tests.helpers_tests.steps import (
    helper_url,
    ready_draft,
    send_code_on_page,
    text,
)


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_five_wrong_codes_kill_the_code(hc, client, sent_sms) -> None:
    dossier = ready_draft(hc)
    client.force_login(hc.helper)
    send_code_on_page(client, dossier)
    code = last_code(sent_sms)
    url = helper_url("assisted_code", dossier)
    for left in (4, 3, 2, 1):
        page = text(client.post(url, {"code": wrong(code)}))
        assert f"Mã không đúng. Bạn còn {left} lần thử." in page
    page = text(client.post(url, {"code": wrong(code)}))
    assert "Đã nhập sai 5 lần: vui lòng gửi mã mới." in page

    page = text(client.post(url, {"code": code}))
    assert "Đã nhập sai mã 5 lần. Vui lòng gửi mã mới." in page
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT and dossier.code is None

    send_code_on_page(client, dossier)
    client.post(url, {"code": last_code(sent_sms)})
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED


def test_a_code_that_is_not_six_digits_is_explained_and_not_counted(hc, client, sent_sms) -> None:
    dossier = ready_draft(hc)
    client.force_login(hc.helper)
    send_code_on_page(client, dossier)
    page = text(client.post(helper_url("assisted_code", dossier), {"code": "12ab"}))
    assert "Mã xác nhận gồm 6 chữ số." in page
    assert AssistedSubmission.objects.get(dossier=dossier).attempts == 0
