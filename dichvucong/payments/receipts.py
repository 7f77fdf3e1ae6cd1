"""The biên lai (receipt) of a paid payment: its number and its PDF."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from dichvucong.documents import signing
from dichvucong.dossiers.slips.pdf import Signer, SlipPDF, format_moment
from dichvucong.lib.money import format_vnd
from dichvucong.lib.vnd_words import vnd_in_words
from dichvucong.payments.constants import GatewayName
from dichvucong.payments.models import Payment, ReceiptSequence

TITLE = "Biên lai thu phí, lệ phí"
ELECTRONIC = "Biên lai điện tử"


def issue_receipt_number(moment: datetime) -> str:
    """ "BL-<year>-<000001>", a sequence restarting each year. The increment
    is a single UPDATE, so the row lock orders concurrent payments; the
    number is read back inside the same transaction."""
    year = timezone.localdate(moment).year
    with transaction.atomic():
        row, _ = ReceiptSequence.objects.get_or_create(year=year)
        ReceiptSequence.objects.filter(pk=row.pk).update(last=F("last") + 1)
        last = ReceiptSequence.objects.values_list("last", flat=True).get(pk=row.pk)
    return f"BL-{year}-{last:06d}"


def payment_method(payment: Payment) -> str:
    if payment.gateway == GatewayName.COUNTER:
        return "Nộp tại Bộ phận tiếp nhận và trả kết quả"
    if payment.gateway == GatewayName.BANK:
        return f"Chuyển khoản ngân hàng (VietQR), mã giao dịch {payment.bank_transaction_id}"
    gateway = "VNPay" if payment.gateway == GatewayName.VNPAY else "cổng thanh toán thử nghiệm"
    details = [
        f"mã giao dịch {payment.transaction_no}" if payment.transaction_no else "",
        f"ngân hàng {payment.bank_code}" if payment.bank_code else "",
    ]
    extra = ", ".join(part for part in details if part)
    return f"Trực tuyến qua {gateway}" + (f" ({extra})" if extra else "")


def receipt_pdf(payment: Payment) -> bytes:
    if not payment.is_paid or payment.paid_at is None:
        raise LookupError("only a paid payment has a receipt")
    dossier = payment.dossier
    pdf = SlipPDF(title=TITLE, form_number=ELECTRONIC, code=dossier.code or "")
    pdf.set_author(dossier.agency.name)
    pdf.letterhead(dossier.agency, timezone.localdate(payment.paid_at))
    pdf.heading()
    if payment.gateway == GatewayName.SANDBOX:
        # A sandbox payment moved no money and must never pass for a receipt.
        pdf.paragraph(
            "CỔNG THANH TOÁN THỬ NGHIỆM – KHÔNG CÓ GIÁ TRỊ THANH TOÁN", bold=True, align="C"
        )
    pdf.field(f"{ELECTRONIC} số", payment.receipt_number or "", bold=True)
    pdf.field("Đơn vị thu", dossier.agency.name)
    pdf.field("Người nộp tiền", dossier.applicant_name)
    pdf.field("Nội dung thu", f"Phí, lệ phí thủ tục {dossier.procedure.name}")
    pdf.field("Số tiền", format_vnd(payment.amount), bold=True)
    pdf.field("Bằng chữ", vnd_in_words(payment.amount))
    pdf.field("Hình thức thanh toán", payment_method(payment))
    pdf.field("Thời điểm thu", format_moment(payment.paid_at))
    _sign_off(pdf, payment)
    # Made on each download and signed with it: the receipt is not stored.
    return signing.sign(pdf.to_bytes(), dossier.agency)


def _sign_off(pdf: SlipPDF, payment: Payment) -> None:
    if payment.recorded_by is not None:
        pdf.signatures(
            [
                Signer("NGƯỜI NỘP TIỀN"),
                Signer("NGƯỜI THU TIỀN", payment.recorded_by.get_full_name()),
            ]
        )
        return
    confirmed_by = (
        "khi đối chiếu sao kê của ngân hàng"
        if payment.gateway == GatewayName.BANK
        else "khi cổng thanh toán xác nhận giao dịch"
    )
    pdf.ln(2)
    pdf.paragraph(f"Biên lai điện tử được lập tự động {confirmed_by}, không cần chữ ký.", size=8)
