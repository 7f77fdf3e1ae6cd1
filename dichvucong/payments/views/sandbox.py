"""The built-in test gateway's pages (PAYMENT_GATEWAY=sandbox only)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from dichvucong.payments import conf, sandbox
from dichvucong.payments.gateways import online_gateway
from dichvucong.payments.sandbox import Order, OrderRefused


def _refused(request: HttpRequest, reason: str) -> HttpResponse:
    return render(request, "payments/sandbox_error.html", {"reason": reason}, status=400)


def _bank_page(request: HttpRequest, order: Order, *, status: int = 200) -> HttpResponse:
    return render(
        request,
        "payments/sandbox_bank.html",
        {
            "order": order,
            "buttons": sandbox.BUTTONS,
            "other_codes": sandbox.OTHER_CODES,
            "merchant": order.params["vnp_TmnCode"],
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def bank(request: HttpRequest) -> HttpResponse:
    """GET: the signed order from the merchant, shown as a bank page.
    POST: the tester's answer; the order comes back in hidden fields and is
    checked again, so the sandbox keeps no state between the two."""
    # With the real gateway configured, this page would let anyone mark
    # their own payment paid: it does not exist then.
    if not conf.config().is_sandbox:
        raise Http404
    gateway = online_gateway()
    try:
        order = sandbox.read_order(
            gateway, request.GET if request.method == "GET" else request.POST
        )
    except OrderRefused as refusal:
        return _refused(request, str(refusal))
    if request.method == "GET":
        return _bank_page(request, order)
    code = sandbox.chosen_code(request.POST)
    if code is None:
        return _bank_page(request, order, status=400)
    return_url = order.params["vnp_ReturnUrl"]
    if not url_has_allowed_host_and_scheme(return_url, {request.get_host()}):
        return _refused(request, _("Địa chỉ trả về không hợp lệ"))
    return redirect(sandbox.complete(gateway, order, code))
