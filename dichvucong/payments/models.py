"""Payments of dossier fees, the receipt number sequence, and the log of
every notification a gateway sent us."""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dichvucong.payments.constants import (
    PAYMENT_WINDOW_MINUTES,
    RESPONSE_CODES,
    GatewayName,
    NoticeKind,
    PaymentStatus,
    Verdict,
)


def new_txn_ref() -> str:
    """The order reference sent to the gateway as vnp_TxnRef: the local
    date and 12 random hex digits, e.g. "260315A1B2C3D4E5F6". It names
    nothing about the dossier or the citizen, and cannot be guessed. Two
    of one day meet once in ~16 million payments (birthday bound of 48
    bits); PaymentManager.create_unique then simply draws again."""
    return f"{timezone.localdate():%y%m%d}{secrets.token_hex(6).upper()}"


# Draws of a fresh reference before giving up; one collision in millions,
# so a second draw practically never happens and a fifth never.
TXN_REF_DRAWS = 5


class PaymentManager(models.Manager["Payment"]):
    def create_unique(self, **fields: object) -> Payment:
        """Create a payment with a reference no other payment has: the
        unique index judges, and a taken reference is drawn again."""
        for draw in range(TXN_REF_DRAWS):
            reference = new_txn_ref()
            try:
                with transaction.atomic():
                    return self.create(txn_ref=reference, **fields)
            except IntegrityError:
                taken = self.filter(txn_ref=reference).exists()
                if not taken or draw + 1 == TXN_REF_DRAWS:
                    raise
        raise AssertionError("unreachable")


class Payment(models.Model):
    """One attempt to pay a dossier's fee. A failed or cancelled attempt
    stays as it was; paying again makes a new Payment with a new txn_ref,
    as the gateway requires."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        on_delete=models.PROTECT,
        related_name="payments",
        verbose_name=_("hồ sơ"),
    )
    amount = models.PositiveIntegerField(_("số tiền (đồng)"))
    txn_ref = models.CharField(
        _("mã giao dịch"), max_length=20, unique=True, default=new_txn_ref, editable=False
    )
    gateway = models.CharField(_("hình thức"), max_length=10, choices=GatewayName.choices)
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=PaymentStatus.choices,
        default=PaymentStatus.PENDING,
        db_index=True,
    )
    # What the gateway reported (vnp_ResponseCode, vnp_TransactionNo, ...).
    response_code = models.CharField(max_length=2, blank=True)
    transaction_no = models.CharField(_("mã giao dịch tại VNPay"), max_length=20, blank=True)
    bank_code = models.CharField(_("ngân hàng"), max_length=20, blank=True)
    pay_date = models.DateTimeField(_("thời điểm thanh toán"), null=True, blank=True)
    # A bank transfer: the bank's transaction id of the statement line that
    # paid it. Unique, so the same line imported again pays nothing.
    bank_transaction_id = models.CharField(
        _("mã giao dịch ngân hàng"), max_length=64, unique=True, null=True, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    receipt_number = models.CharField(
        _("số biên lai"), max_length=20, unique=True, null=True, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cán bộ thu"),
    )

    objects = PaymentManager()

    class Meta:
        verbose_name = _("khoản thanh toán")
        verbose_name_plural = _("khoản thanh toán")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["dossier", "status"])]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
            # A paid payment always has its receipt: they are written together.
            models.CheckConstraint(
                condition=~Q(status=PaymentStatus.PAID)
                | Q(receipt_number__isnull=False, paid_at__isnull=False),
                name="paid_payment_has_receipt",
            ),
        ]

    def __str__(self) -> str:
        return self.txn_ref

    @property
    def expires_at(self) -> datetime:
        return self.created_at + timedelta(minutes=PAYMENT_WINDOW_MINUTES)

    @property
    def is_paid(self) -> bool:
        return self.status == PaymentStatus.PAID

    @property
    def gateway_message(self) -> str:
        """What the gateway's response code means, for the citizen."""
        return str(RESPONSE_CODES.get(self.response_code, ""))


class ReceiptSequence(models.Model):
    """The last receipt number issued in one year."""

    year = models.PositiveSmallIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class GatewayNotice(models.Model):
    """Every IPN call and browser return received, kept as sent (trimmed to
    a sane size) with what we made of it, forged ones included. The query
    holds no secret and, by design of vnp_OrderInfo, no personal data; the
    caller's IP address is not kept."""

    kind = models.CharField(max_length=8, choices=NoticeKind.choices)
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    txn_ref = models.CharField(max_length=100, blank=True, db_index=True)
    payment = models.ForeignKey(
        Payment, on_delete=models.SET_NULL, null=True, blank=True, related_name="notices"
    )
    params = models.JSONField(default=dict)
    verdict = models.CharField(max_length=20, choices=Verdict.choices)
    rsp_code = models.CharField(max_length=2, blank=True)

    class Meta:
        verbose_name = _("thông báo từ cổng thanh toán")
        verbose_name_plural = _("thông báo từ cổng thanh toán")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.txn_ref} {self.verdict}"
