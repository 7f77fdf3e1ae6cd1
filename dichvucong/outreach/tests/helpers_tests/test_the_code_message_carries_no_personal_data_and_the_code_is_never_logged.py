"""The SMS and the e-mail carry the code, the procedure and the validity,
but nobody's name, ID number, phone or address; no log line carries the
code, the embedded log provider's included."""

from __future__ import annotations

import logging
import re

from django.core import mail

from dichvucong.outreach.models import AssistedSubmission
from dichvucong.outreach.tests.helpers_tests.sms import last_code
from dichvucong.outreach.tests.helpers_tests.steps import (
    NEIGHBOUR,
    ready_draft,
    send_code_on_page,
)

PERSONAL = [
    "Phạm Thị Lan",
    "Pham Thi Lan",
    "001185012345",
    "0977123456",
    "977123456",
    "Trần Thu Hà",
    "Tran Thu Ha",
    "Nguyễn Văn Bình",
    "Nguyen Van Binh",
    "001090012345",
]


def test_the_sms_carries_the_code_and_no_personal_data(hc, client, sent_sms, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    dossier = ready_draft(hc)
    client.force_login(hc.helper)
    send_code_on_page(client, dossier)
    (phone, body), code = sent_sms[0], last_code(sent_sms)
    assert phone == NEIGHBOUR.phone
    assert body.isascii() and len(body) <= 160
    assert "Dang ky khai sinh" in body and "10 phut" in body
    assert [item for item in PERSONAL if item in body] == []
    assert code not in caplog.text
    assert [item for item in PERSONAL if item in caplog.text] == []


def test_the_log_provider_masks_the_code(hc, client, settings, caplog) -> None:
    """The embedded default writes SMS to the log: the code is masked there,
    so whoever reads the log cannot confirm for the applicant."""
    settings.SMS_PROVIDER = "log"
    caplog.set_level(logging.DEBUG)
    dossier = ready_draft(hc)
    client.force_login(hc.helper)
    send_code_on_page(client, dossier)
    assert "SMS to 09xx***456: DVC: Ma xac nhan nop ho so" in caplog.text
    assert "******" in caplog.text
    assert re.search(r"\b\d{6}\b", caplog.text) is None
    assert [item for item in PERSONAL if item in caplog.text] == []
    assert len(AssistedSubmission.objects.get(dossier=dossier).code_hash) == 64


def test_the_email_carries_the_code_and_no_personal_data(hc, client, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    # The code goes to the e-mail of the applicant's own account.
    hc.neighbour.email = "lan.pham@example.vn"
    hc.neighbour.save(update_fields=["email"])
    details = NEIGHBOUR.__class__(
        full_name=NEIGHBOUR.full_name, id_number=NEIGHBOUR.id_number, email="lan.pham@example.vn"
    )
    dossier = ready_draft(hc, details)
    client.force_login(hc.helper)
    send_code_on_page(client, dossier, "email")
    (message,) = mail.outbox
    assert message.to == ["lan.pham@example.vn"]
    code = re.search(r"^(\d{6})$", message.body, re.MULTILINE).group(1)
    assert "Đăng ký khai sinh" in message.body and "10 phút" in message.body
    assert [item for item in PERSONAL if item in message.body + message.subject] == []
    assert code not in caplog.text and "lan.pham@example.vn" not in caplog.text
