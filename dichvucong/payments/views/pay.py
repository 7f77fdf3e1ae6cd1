"""The applicant's payment page, the counter payment, and the receipt."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dichvucong.accounts.constants import Role
from dichvucong.dossiers import access
from dichvucong.dossiers.models import Dossier
from dichvucong.lib.money import format_vnd
from dichvucong.payments import bank_transfer, services
from dichvucong.payments.bank_transfer import Transfer
from dichvucong.payments.constants import GatewayName, PaymentStatus
from dichvucong.payments.gateways import online_gateway
from dichvucong.payments.receipts import receipt_pdf
from dichvucong.payments.services import PaymentError


def client_ip(request: HttpRequest) -> str:
    # REMOTE_ADDR only: a forwarded header can be forged by anyone, and the
    # gateway uses the address for its fraud checks, not for ours.
    return request.META.get("REMOTE_ADDR", "")


@login_required
@require_http_methods(["GET", "POST"])
def pay(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    dossier = get_object_or_404(access.applicant_dossiers(request.user), public_id=public_id)
    if not services.awaits_payment(dossier):
        messages.info(request, _("Hồ sơ không ở trạng thái chờ nộp phí, lệ phí."))
        return redirect("dossiers:detail", public_id=dossier.public_id)
    if request.method == "POST":
        return _go_to_gateway(request, dossier)
    online = services.pays_online(dossier)
    attempts = dossier.payments.exclude(gateway__in=(GatewayName.COUNTER, GatewayName.BANK))
    return render(
        request,
        "payments/pay.html",
        {
            "dossier": dossier,
            "online": online,
            "attempts": attempts[:10],
            "transfer": _bank_transfer(dossier, request.user) if online else None,
        },
    )


def _bank_transfer(dossier: Dossier, applicant: object) -> Transfer | None:
    """The transfer to show, when the agency has an account for it."""
    if bank_transfer.account_for(dossier.agency) is None:
        return None
    try:
        return services.start_bank_transfer(dossier, applicant)
    except PaymentError:
        return None


def _go_to_gateway(request: HttpRequest, dossier: Dossier) -> HttpResponse:
    gateway = online_gateway()
    try:
        payment = services.start_online_payment(dossier, request.user, gateway.name)
    except PaymentError as error:
        messages.error(request, str(error))
        return redirect("payments:pay", public_id=dossier.public_id)
    return_url = request.build_absolute_uri(reverse("payments:vnpay_return"))
    return redirect(gateway.payment_url(payment, client_ip(request), return_url))


@login_required
@require_http_methods(["GET", "POST"])
def counter(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The receptionist confirms the fee was taken in cash (GET shows what
    is owed, POST records it), then prints the receipt."""
    receptionist_dossiers = access.staff_dossiers(request.user, roles=(Role.RECEPTIONIST,))
    dossier = get_object_or_404(receptionist_dossiers, public_id=public_id)
    if request.method == "POST":
        try:
            payment = services.record_counter_payment(dossier, request.user)
        except PaymentError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Đã thu %(amount)s, biên lai số %(number)s.")
                % {"amount": format_vnd(payment.amount), "number": payment.receipt_number},
            )
        return redirect("payments:counter", public_id=dossier.public_id)
    paid = dossier.payments.filter(status=PaymentStatus.PAID).order_by("paid_at")
    return render(
        request,
        "payments/counter.html",
        {"dossier": dossier, "awaiting": services.awaits_payment(dossier), "paid": paid},
    )


@require_GET
def receipt(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Inline PDF for the dossier's applicant and its agency's staff; the
    same 404 as for an unknown id to anyone else."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    payment = services.visible_receipt(request.user, public_id)
    if payment is None:
        raise Http404
    response = HttpResponse(receipt_pdf(payment), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        False, f"bien-lai-{payment.receipt_number}.pdf"
    )
    # Names a citizen and an amount: no shared cache may keep it.
    response["Cache-Control"] = "private, no-store"
    return response
