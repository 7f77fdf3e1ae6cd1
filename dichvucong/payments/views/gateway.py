"""What the gateway calls: the IPN (server to server) and the browser's
return. The return only shows what the database says; the IPN alone
changes anything."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from dichvucong.payments import ipn
from dichvucong.payments.constants import RESPONSE_CODES, NoticeKind, Verdict
from dichvucong.payments.gateways import online_gateway
from dichvucong.payments.models import Payment
from dichvucong.payments.notices import log_notice
from dichvucong.payments.services import awaits_payment


@never_cache
@require_GET
def vnpay_ipn(request: HttpRequest) -> JsonResponse:
    reply = ipn.process(request.GET.dict())
    return JsonResponse(reply.as_json())


@never_cache
@require_GET
def vnpay_return(request: HttpRequest) -> HttpResponse:
    params = request.GET.dict()
    gateway = online_gateway()
    if not gateway.verify(params):
        log_notice(NoticeKind.RETURN, params, Verdict.BAD_SIGNATURE)
        return render(request, "payments/return_invalid.html", status=400)
    payment = (
        Payment.objects.select_related("dossier__procedure")
        .filter(txn_ref=params.get("vnp_TxnRef", ""), gateway=gateway.name)
        .first()
    )
    log_notice(
        NoticeKind.RETURN, params, Verdict.SHOWN if payment else Verdict.UNKNOWN_ORDER, payment
    )
    if payment is None:
        return render(request, "payments/return_invalid.html", status=404)
    dossier = payment.dossier
    owner = request.user.is_authenticated and dossier.applicant_id == request.user.pk
    return render(
        request,
        "payments/return.html",
        {
            "payment": payment,
            "dossier": dossier,
            "owner": owner,
            "can_retry": owner and awaits_payment(dossier),
            "gateway_said": RESPONSE_CODES.get(params.get("vnp_ResponseCode", ""), ""),
        },
    )
