"""What hangs off a dossier: its uploaded files (rows only: the files are
not written), its result document, payments and its rating."""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta

from django.utils import timezone

from dichvucong.demo.bulk.ids import Ids
from dichvucong.demo.bulk.writers import Row
from dichvucong.dossiers.constants import AttachmentKind, Status
from dichvucong.dossiers.models import Attachment, ResultDocument
from dichvucong.feedback.models import Rating
from dichvucong.payments.models import Payment

ONLINE_GATEWAYS = ("vnpay", "vnpay", "sandbox")
DOCUMENT_NAMES = ("to-khai.pdf", "cccd.jpg", "giay-xac-nhan.pdf")


def attachments(row: Row, rng: random.Random, ids: Ids) -> list[Row]:
    if row["status"] == Status.DRAFT and rng.random() < 0.5:
        return []
    names = DOCUMENT_NAMES[: rng.randint(1, len(DOCUMENT_NAMES))]
    uploaded = row["created_at"] + timedelta(minutes=2)
    return [
        {
            "id": pk,
            "public_id": uuid.uuid4(),
            "dossier_id": row["id"],
            "kind": AttachmentKind.APPLICATION,
            "file": f"dossiers/{uploaded:%Y/%m}/{row['id']}-{name}",
            "original_name": name,
            "content_type": "image/jpeg" if name.endswith(".jpg") else "application/pdf",
            "size": rng.randint(40_000, 2_000_000),
            "sha256": f"{rng.getrandbits(256):064x}",
            "uploaded_by_id": row["applicant_id"],
            "uploaded_at": uploaded,
        }
        for pk, name in zip(ids.take(Attachment, len(names)), names, strict=True)
    ]


def result(row: Row, rng: random.Random, ids: Ids, officer_id: int | None) -> list[Row]:
    if row.get("resolved_at") is None or rng.random() < 0.15:
        return []
    return [
        {
            "id": ids.one(ResultDocument),
            "dossier_id": row["id"],
            "verification_code": f"KQ{row['id']:010d}",
            "file": f"results/{row['resolved_at']:%Y/%m}/kq-{row['id']}.pdf",
            "sha256": f"{rng.getrandbits(256):064x}",
            "issued_at": row["resolved_at"],
            "issued_by_id": officer_id,
        }
    ]


def payments(row: Row, rng: random.Random, ids: Ids) -> list[Row]:
    """Paid online or at the counter, some after a failed online try (which
    must not count as paid online). References are the payment's date and
    its id: unique at any size, unlike random digits."""
    paid = row.get("fee_paid_at")
    if paid is None:
        return []
    online = rng.random() < 0.6
    rows = []
    if not online and rng.random() < 0.3:
        rows.append(_payment(row, ids.one(Payment), "vnpay", "failed", paid - timedelta(hours=1)))
    gateway = rng.choice(ONLINE_GATEWAYS) if online else "counter"
    rows.append(_payment(row, ids.one(Payment), gateway, "paid", paid))
    return rows


def _payment(row: Row, pk: int, gateway: str, status: str, at: datetime) -> Row:
    payment: Row = {
        "id": pk,
        "public_id": uuid.uuid4(),
        "dossier_id": row["id"],
        "amount": row["fee_amount"],
        "txn_ref": f"{timezone.localdate(at):%y%m%d}{pk:012X}",
        "gateway": gateway,
        "status": status,
        "created_at": at - timedelta(minutes=3),
        "updated_at": at,
        "response_code": "00" if status == "paid" else "24",
    }
    if status == "paid":
        payment.update(paid_at=at, pay_date=at, receipt_number=f"BL{pk:010d}")
    return payment


def rating(row: Row, rng: random.Random, ids: Ids) -> list[Row]:
    if row.get("resolved_at") is None or rng.random() < 0.5:
        return []
    level = rng.choice((3, 3, 3, 2, 2, 1))
    return [
        {
            "id": ids.one(Rating),
            "dossier_id": row["id"],
            "level": level,
            "comment": "" if level > 1 else "Thời gian xử lý còn lâu.",
            "created_at": row["resolved_at"] + timedelta(hours=rng.randint(2, 72)),
        }
    ]
