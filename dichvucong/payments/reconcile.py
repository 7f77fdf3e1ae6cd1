"""Reconciling the bank's statement with the bank-transfer payments.

A line pays a payment when its description holds the reference of a
pending bank payment of the importer's agencies and its amount is that
payment's. It is confirmed through the same path as a gateway's verified
notification (services.confirm_bank_transfer: locked, once, one receipt,
the dossier accepted). The bank's transaction id is kept on the payment
and is unique, so a line imported again (the same statement twice,
overlapping statements) pays nothing and is reported as already imported.

The whole file is one transaction: the dossiers the lines name are locked
first, in id order, then their payments, in id order, as every payment
operation locks (dossiers.locking).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError
from django.utils.translation import gettext as _

from dichvucong.accounts.constants import Role
from dichvucong.conflicts import operation
from dichvucong.dossiers import access
from dichvucong.dossiers.locking import lock_dossier
from dichvucong.lib.text import fold
from dichvucong.payments import services
from dichvucong.payments.constants import GatewayName, LineOutcome, PaymentStatus
from dichvucong.payments.models import Payment
from dichvucong.payments.statement import StatementError, StatementLine

# A reference (models.new_txn_ref): the date yymmdd and 12 hex digits.
# Looked for in the description squeezed to letters and digits, as banks
# may cut it with spaces or dots; overlapping, as digits may precede it.
_REFERENCE = re.compile(r"(?=(\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[0-9A-F]{12}))")
QUERY_CHUNK = 500


def can_reconcile(user: Any) -> bool:
    """Whoever takes fees at the counter: the receptionists of an agency."""
    return bool(access.agency_ids_for(user, (Role.RECEPTIONIST,)))


def references_in(description: str) -> list[str]:
    squeezed = re.sub(r"[^0-9A-Z]", "", fold(description).upper())
    return _REFERENCE.findall(squeezed)


@dataclass(frozen=True)
class LineResult:
    line: StatementLine
    outcome: str
    payment: Payment | None = None
    # Paid, but the dossier's fee had been paid already: refund one.
    refund_due: bool = False


@dataclass
class Reconciliation:
    results: list[LineResult] = field(default_factory=list)

    def _with(self, outcome: str) -> list[LineResult]:
        return [result for result in self.results if result.outcome == outcome]

    @property
    def paid(self) -> list[LineResult]:
        return self._with(LineOutcome.PAID)

    @property
    def duplicates(self) -> list[LineResult]:
        both = self._with(LineOutcome.ALREADY_IMPORTED) + self._with(LineOutcome.ALREADY_PAID)
        return sorted(both, key=lambda result: result.line.row)

    @property
    def amount_differs(self) -> list[LineResult]:
        return self._with(LineOutcome.AMOUNT_DIFFERS)

    @property
    def strangers(self) -> list[LineResult]:
        return self._with(LineOutcome.STRANGER)


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), QUERY_CHUNK):
        yield values[start : start + QUERY_CHUNK]


def _named_payments(lines: Sequence[StatementLine], actor: Any) -> list[tuple[int, int]]:
    """(payment id, dossier id) of the bank payments of the actor's
    agencies whose reference some line names."""
    references = sorted({ref for line in lines for ref in references_in(line.description)})
    dossiers = access.staff_dossiers(actor, roles=(Role.RECEPTIONIST,)).values("pk")
    found: list[tuple[int, int]] = []
    for chunk in _chunks(references):
        rows = Payment.objects.filter(
            gateway=GatewayName.BANK, txn_ref__in=chunk, dossier__in=dossiers
        ).values_list("pk", "dossier_id")
        found.extend(rows)
    return found


def _imported(lines: Sequence[StatementLine]) -> dict[str, Payment]:
    ids = sorted({line.bank_id for line in lines})
    known: dict[str, Payment] = {}
    for chunk in _chunks(ids):
        for payment in Payment.objects.filter(bank_transaction_id__in=chunk):
            known[payment.bank_transaction_id or ""] = payment
    return known


@operation
def import_statement(lines: Sequence[StatementLine], actor: Any) -> Reconciliation:
    if not can_reconcile(actor):
        raise StatementError(_("Bạn không có quyền đối soát chuyển khoản."))
    named = _named_payments(lines, actor)
    for dossier_id in sorted({dossier_id for _pk, dossier_id in named}):
        lock_dossier(dossier_id)
    locked = Payment.objects.select_for_update(of=("self",)).filter(
        pk__in=[pk for pk, _dossier in named]
    )
    by_reference = {payment.txn_ref: payment for payment in locked.order_by("pk")}
    imported = _imported(lines)
    report = Reconciliation()
    for line in lines:
        result = _settle(line, by_reference, imported, actor)
        if result.outcome == LineOutcome.PAID and result.payment is not None:
            imported[line.bank_id] = result.payment
        report.results.append(result)
    return report


def _settle(
    line: StatementLine, payments: dict[str, Payment], imported: dict[str, Payment], actor: Any
) -> LineResult:
    if line.bank_id in imported:
        return LineResult(line, LineOutcome.ALREADY_IMPORTED, imported[line.bank_id])
    named = (payments[ref] for ref in references_in(line.description) if ref in payments)
    payment = next(named, None)
    if payment is None:
        return LineResult(line, LineOutcome.STRANGER)
    if payment.status != PaymentStatus.PENDING:
        return LineResult(line, LineOutcome.ALREADY_PAID, payment)
    if line.amount != payment.amount:
        return LineResult(line, LineOutcome.AMOUNT_DIFFERS, payment)
    paid_before = payment.dossier.payments.filter(status=PaymentStatus.PAID).exists()
    try:
        services.confirm_bank_transfer(payment, line.bank_id, line.booked_at, actor)
    except IntegrityError as error:
        # Another import committed this line between our read and write.
        raise StatementError(
            _("Bảng kê đang được nhập ở nơi khác. Hãy thử lại sau ít phút.")
        ) from error
    return LineResult(line, LineOutcome.PAID, payment, refund_due=paid_before)
