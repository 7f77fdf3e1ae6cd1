"""Back-office work for integrations, with an agency's API key. Each action
calls exactly the lifecycle operation the back-office page calls, as the
key's service account: the same rules, role checks and events as the web.
A dossier of another agency is a 404, as on the web."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router

from dichvucong.api import access, present
from dichvucong.api.auth import key_of, staff_key_auth
from dichvucong.api.errors import field_error
from dichvucong.api.responses import answers
from dichvucong.api.schemas import (
    AcceptIn,
    ApologyIn,
    AssignIn,
    CounterPaymentOut,
    ForwardIn,
    ReasonIn,
    ReturnIn,
    SpecialistOut,
    StaffDossierOut,
    StaffDossierPageOut,
    StaffDossierQuery,
    SupplementIn,
)
from dichvucong.backoffice.forms import specialists_of
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Refusal
from dichvucong.dossiers.models import Dossier
from dichvucong.payments import services as payments
from dichvucong.payments.constants import PaymentStatus

router = Router(tags=["Một cửa (khóa API)"], auth=staff_key_auth)

# 429: too many requests for the key, or wrong keys from the address.
# 503: busy (a collision outlasted its retries; nothing changed, send again).
READ = (400, 401, 403, 404, 413, 422, 429)
ACT = (400, 401, 403, 404, 409, 413, 422, 429, 503)
ACTION = answers(StaffDossierOut, *ACT)


def _dossier(request: HttpRequest, public_id: uuid.UUID) -> Dossier:
    return access.load(access.key_dossiers(key_of(request)), public_id)


def _actor(request: HttpRequest) -> Any:
    return key_of(request).user


def _present(request: HttpRequest, public_id: uuid.UUID) -> dict[str, Any]:
    return present.staff_dossier(_dossier(request, public_id))


@router.get(
    "/dossiers",
    response=answers(StaffDossierPageOut, *READ),
    summary="Hồ sơ của cơ quan (không gồm bản nháp)",
)
def list_dossiers(request: HttpRequest, query: Query[StaffDossierQuery]) -> dict[str, Any]:
    dossiers = access.key_dossiers(key_of(request)).select_related("assignee", "holder")
    if query.status is not None:
        dossiers = dossiers.filter(status=query.status)
    if query.code:
        dossiers = dossiers.filter(code=query.code.strip().upper())
    if query.procedure:
        dossiers = dossiers.filter(procedure__code=query.procedure.strip())
    return present.page(dossiers.order_by("-submitted_at", "-pk"), query, present.staff_summary)


@router.get(
    "/dossiers/{public_id}",
    response=answers(StaffDossierOut, *READ),
    summary="Toàn bộ hồ sơ và nhật ký sự kiện",
)
def get_dossier(request: HttpRequest, public_id: uuid.UUID) -> dict[str, Any]:
    return _present(request, public_id)


@router.get(
    "/dossiers/{public_id}/specialists",
    response=answers(list[SpecialistOut], *READ),
    summary="Chuyên viên có thể được phân công hồ sơ",
)
def list_specialists(request: HttpRequest, public_id: uuid.UUID) -> list[dict[str, Any]]:
    people = specialists_of(_dossier(request, public_id))
    return [{"username": p.username, "full_name": p.get_full_name()} for p in people]


@router.post("/dossiers/{public_id}/accept", response=ACTION, summary="Tiếp nhận (1 → 2 hoặc 6)")
def accept(request: HttpRequest, public_id: uuid.UUID, payload: AcceptIn) -> dict[str, Any]:
    lifecycle.accept(
        _dossier(request, public_id),
        _actor(request),
        fee_amount=payload.fee_amount,
        exemption_confirmed=payload.exemption_confirmed,
    )
    return _present(request, public_id)


@router.post(
    "/dossiers/{public_id}/request-supplement",
    response=ACTION,
    summary="Yêu cầu bổ sung một lần, đầy đủ (→ 5)",
)
def request_supplement(
    request: HttpRequest, public_id: uuid.UUID, payload: SupplementIn
) -> dict[str, Any]:
    lifecycle.request_supplement(
        _dossier(request, public_id), _actor(request), payload.missing, payload.note.strip()
    )
    return _present(request, public_id)


@router.post(
    "/dossiers/{public_id}/refuse", response=ACTION, summary="Từ chối tiếp nhận, có lý do (1 → 3)"
)
def refuse(request: HttpRequest, public_id: uuid.UUID, payload: ReasonIn) -> dict[str, Any]:
    lifecycle.refuse(_dossier(request, public_id), _actor(request), payload.reason)
    return _present(request, public_id)


@router.post(
    "/dossiers/{public_id}/assign",
    response=ACTION,
    summary="Phân công chuyên viên (2 → 4, hoặc đổi người khi đang xử lý)",
)
def assign(request: HttpRequest, public_id: uuid.UUID, payload: AssignIn) -> dict[str, Any]:
    dossier = _dossier(request, public_id)
    specialist = specialists_of(dossier).filter(username=payload.specialist).first()
    if specialist is None:
        raise field_error("specialist", "not_found", _("Không có chuyên viên này trong cơ quan."))
    lifecycle.assign(dossier, _actor(request), specialist)
    return _present(request, public_id)


@router.post(
    "/dossiers/{public_id}/forward",
    response=ACTION,
    summary="Chuyên viên trình lãnh đạo, kèm ý kiến",
)
def forward(request: HttpRequest, public_id: uuid.UUID, payload: ForwardIn) -> dict[str, Any]:
    lifecycle.forward(_dossier(request, public_id), _actor(request), payload.opinion)
    return _present(request, public_id)


@router.post(
    "/dossiers/{public_id}/approve",
    response=ACTION,
    summary="Lãnh đạo phê duyệt hồ sơ đã trình (4 → 9)",
)
def approve(request: HttpRequest, public_id: uuid.UUID) -> dict[str, Any]:
    lifecycle.approve(_dossier(request, public_id), _actor(request))
    return _present(request, public_id)


@router.post(
    "/dossiers/{public_id}/stop", response=ACTION, summary="Lãnh đạo dừng xử lý, có lý do (4 → 8)"
)
def stop(request: HttpRequest, public_id: uuid.UUID, payload: ReasonIn) -> dict[str, Any]:
    lifecycle.stop(_dossier(request, public_id), _actor(request), payload.reason)
    return _present(request, public_id)


@router.post(
    "/dossiers/{public_id}/return",
    response=ACTION,
    summary="Trả kết quả (9 → 10); mã bưu gửi khi gửi qua bưu chính",
)
def return_result(request: HttpRequest, public_id: uuid.UUID, payload: ReturnIn) -> dict[str, Any]:
    lifecycle.return_result(_dossier(request, public_id), _actor(request), payload.tracking_number)
    return _present(request, public_id)


@router.post(
    "/dossiers/{public_id}/apologise",
    response=ACTION,
    summary="Phiếu xin lỗi và hẹn lại ngày trả (một lần)",
)
def apologise(request: HttpRequest, public_id: uuid.UUID, payload: ApologyIn) -> dict[str, Any]:
    lifecycle.apologise(
        _dossier(request, public_id), _actor(request), payload.new_date, payload.reason
    )
    return _present(request, public_id)


@router.post(
    "/dossiers/{public_id}/counter-payment",
    response=answers(CounterPaymentOut, *ACT),
    summary="Ghi nhận lệ phí nộp tại Bộ phận Một cửa (6 → 2), cấp biên lai",
)
def record_counter_payment(request: HttpRequest, public_id: uuid.UUID) -> dict[str, Any]:
    """The web's counter payment (payments.services), as the key's
    receptionist. Sent again after the fee is paid, it records nothing and
    answers the payment already made (`recorded: false`), so a retry never
    takes the fee twice."""
    dossier = _dossier(request, public_id)
    try:
        payment = payments.record_counter_payment(dossier, _actor(request))
        recorded = True
    except payments.PaymentError as error:
        payment = dossier.payments.filter(status=PaymentStatus.PAID).order_by("paid_at").first()
        if error.code != Refusal.FEE_ALREADY_PAID or payment is None:
            raise
        recorded = False
    return {
        "recorded": recorded,
        "payment": present.payment(payment),
        "dossier": _present(request, public_id),
    }
