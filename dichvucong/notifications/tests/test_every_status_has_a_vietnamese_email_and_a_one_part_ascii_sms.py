from __future__ import annotations

from datetime import date

import pytest

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.notifications.compose import ascii_fold, drafts_for

# A code in the one format in use (lib/dossier_codes.py), 25 characters.
CODE = "000.00.01.H26-260105-0001"
LINK = f"http://127.0.0.1:8000/tra-cuu/?ma={CODE}"


@pytest.mark.parametrize(
    "status", [s for s in Status if s != Status.DRAFT], ids=lambda s: s.name.lower()
)
def test_every_status_has_a_vietnamese_email_and_a_one_part_ascii_sms(cast, settings, status):
    settings.SITE_URL = "http://127.0.0.1:8000"
    applicant = cast.applicant
    dossier = Dossier(
        code=CODE,
        status=status,
        due_date=date(2026, 1, 5),
        procedure=cast.procedure,
        agency=cast.agency_a,
        applicant=applicant,
        applicant_name="Nguyễn Văn Bình",
        applicant_phone="0912345678",
        applicant_email=applicant.email,
        fee_amount=128000 if status == Status.AWAITING_PAYMENT else None,
    )
    label = "Chờ nộp phí: 128.000 đ" if status == Status.AWAITING_PAYMENT else str(status.label)
    email, sms = drafts_for(dossier)

    assert email.subject == f"[Dịch vụ công] Hồ sơ {CODE}: {label}"
    assert email.body.startswith("Kính gửi ông/bà Nguyễn Văn Bình,")
    assert f"trạng thái: {label}." in email.body
    assert LINK in email.body
    assert "\n\n\n" not in email.body
    assert sms.body.startswith(f"DVC: Ho so {CODE}: {ascii_fold(label)}.")
    assert sms.body.endswith(f"Tra cuu: {LINK}")
    assert sms.body.isascii()
    assert len(sms.body) <= 160, sms.body
    shows_due_date = status in (Status.ACCEPTED, Status.PROCESSING)
    assert ("05/01/2026" in email.body) == shows_due_date
    assert ("05/01/2026" in sms.body) == shows_due_date


def test_ascii_fold_keeps_case_and_turns_d_with_stroke_into_d():
    assert ascii_fold("Đã xử lý xong\n đúng hạn") == "Da xu ly xong dung han"
