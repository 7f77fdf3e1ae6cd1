"""The applicant's side: start a draft, fill the e-form, upload files,
submit, follow, withdraw. Each endpoint loads through api.access and calls
one operation of dossiers.submission or dossiers.lifecycle, as the web
pages do."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from ninja import File, Form, Query, Router, Status
from ninja.decorators import decorate_view
from ninja.files import UploadedFile

from dichvucong.accounts.services import assurance_of
from dichvucong.api import access, present
from dichvucong.api.auth import applicant_auth, user_of
from dichvucong.api.errors import ApiError, field_error
from dichvucong.api.formdata import save_form_data
from dichvucong.api.responses import answers
from dichvucong.api.schemas import (
    ApplicantDossierOut,
    AttachmentOut,
    DossierPageOut,
    DraftIn,
    FormDataIn,
    Id,
    IdempotencyKey,
    MeOut,
    PageQuery,
    WithdrawIn,
)
from dichvucong.catalogue.models import AdminUnit, Procedure
from dichvucong.dossiers import lifecycle, submission
from dichvucong.dossiers.limits import count_submission

router = Router(tags=["Người nộp hồ sơ"], auth=applicant_auth)

# Errors a logged-in write can meet before its own: no session (401), no
# CSRF token (403), a body too big (413) or unreadable (400), and 503 when
# a collision with other requests outlasted its retries (nothing changed).
WRITE = (400, 401, 403, 404, 409, 413, 422, 503)


def _dossier(request: HttpRequest, public_id: uuid.UUID) -> Any:
    return access.load(access.own_dossiers(user_of(request)), public_id)


def _present(request: HttpRequest, public_id: uuid.UUID) -> dict[str, Any]:
    return present.applicant_dossier(_dossier(request, public_id))


@router.get(
    "/me",
    response=answers(MeOut, 401, 413, 422),
    summary="Tài khoản đang đăng nhập",
    description="Đặt cookie csrftoken; các lệnh ghi gửi lại giá trị này trong tiêu đề X-CSRFToken.",
)
@decorate_view(ensure_csrf_cookie)
def me(request: HttpRequest) -> dict[str, Any]:
    user = user_of(request)
    return {
        "username": user.username,
        "full_name": user.get_full_name(),
        "kind": user.kind,
        "assurance": assurance_of(user),
    }


@router.get(
    "/dossiers",
    response=answers(DossierPageOut, 400, 401, 413, 422),
    summary="Hồ sơ của tôi, kể cả bản nháp",
)
def list_my_dossiers(request: HttpRequest, query: Query[PageQuery]) -> dict[str, Any]:
    dossiers = access.own_dossiers(user_of(request)).order_by("-created_at", "-pk")
    return present.page(dossiers, query, present.dossier_summary)


def _ward(code: str | None) -> AdminUnit | None:
    if code is None:
        return None
    ward = submission.receiving_wards().filter(code=code).first()
    if ward is None:
        raise field_error("ward", "not_found", _("Không có phường/xã nhận hồ sơ với mã này."))
    return ward


def _procedure(code: str) -> Procedure:
    procedure = Procedure.objects.filter(code=code, is_active=True).select_related("agency").first()
    if procedure is None:
        raise field_error("procedure", "not_found", _("Không có thủ tục đang áp dụng với mã này."))
    return procedure


@router.post(
    "/dossiers",
    response=answers(ApplicantDossierOut, *WRITE, status=201),
    summary="Tạo bản nháp hồ sơ cho một thủ tục",
    description=(
        "Gửi kèm tiêu đề `Idempotency-Key` (ví dụ một UUID mới cho mỗi bản nháp): gọi lại "
        "với cùng khóa, kể cả khi hai lần gọi đến cùng lúc, trả về đúng bản nháp đã tạo, "
        "không tạo bản thứ hai."
    ),
)
def create_draft(
    request: HttpRequest, payload: DraftIn, idempotency_key: IdempotencyKey = None
) -> Status:
    dossier = submission.start_draft(
        user_of(request),
        _procedure(payload.procedure),
        ward=_ward(payload.ward),
        delivery=payload.delivery,
        delivery_address=payload.delivery_address,
        creation_key=idempotency_key,
    )
    return Status(201, present.applicant_dossier(dossier))


@router.delete(
    "/dossiers/{public_id}",
    response=answers(None, *WRITE, status=204),
    summary="Xóa bản nháp (hồ sơ đã nộp không xóa được)",
)
def discard_draft(request: HttpRequest, public_id: uuid.UUID) -> Status:
    submission.discard_draft(_dossier(request, public_id), user_of(request))
    return Status(204, None)


@router.get(
    "/dossiers/{public_id}",
    response=answers(ApplicantDossierOut, 400, 401, 404, 413, 422),
    summary="Trạng thái, nội dung và diễn biến của hồ sơ",
)
def get_my_dossier(request: HttpRequest, public_id: uuid.UUID) -> dict[str, Any]:
    return _present(request, public_id)


@router.put(
    "/dossiers/{public_id}/form",
    response=answers(ApplicantDossierOut, *WRITE),
    summary="Lưu dữ liệu biểu mẫu điện tử của bản nháp",
)
def put_form_data(
    request: HttpRequest, public_id: uuid.UUID, payload: FormDataIn
) -> dict[str, Any]:
    save_form_data(_dossier(request, public_id), user_of(request), payload.data)
    return _present(request, public_id)


@router.post(
    "/dossiers/{public_id}/attachments",
    response=answers(list[AttachmentOut], *WRITE, status=201),
    summary="Tải lên một tệp của bản nháp (PDF, JPG, PNG)",
    description=(
        "`document`: mã số thành phần hồ sơ (trong thông tin thủ tục) mà tệp này thuộc về; "
        "bỏ trống với giấy tờ khác. Mỗi tệp tối đa 10 MB."
    ),
)
def upload_attachment(
    request: HttpRequest,
    public_id: uuid.UUID,
    file: File[UploadedFile],
    document: Form[Id | None] = None,
) -> Status:
    dossier = _dossier(request, public_id)
    required = dossier.procedure.documents.filter(pk=document).first() if document else None
    if document and required is None:
        raise field_error("document", "not_found", _("Thủ tục không có thành phần hồ sơ này."))
    refused = submission.add_files(dossier, user_of(request), [(required, file)])
    if refused:
        message = next(iter(refused.values()))[0]
        raise ApiError(422, "upload_refused", message, field="file")
    return Status(201, [present.attachment(a) for a in dossier.attachments.all()])


@router.post(
    "/dossiers/{public_id}/submit",
    response=answers(ApplicantDossierOut, *WRITE, 429),
    summary="Nộp hồ sơ (gọi lại nhiều lần vẫn chỉ một hồ sơ, một mã)",
    description=(
        "Tài khoản phải đạt mức xác thực tối thiểu của thủ tục (`min_assurance`, không thấp hơn "
        "`phone_confirmed`). Nếu chưa đạt: 403 với `code` = `assurance_too_low`, `message` nói "
        "cách nâng mức (xác nhận số điện thoại bằng mã SMS trên trang Tài khoản, hoặc xác minh "
        "tại Bộ phận Một cửa); bản nháp giữ nguyên. Hồ sơ thiếu thành phần: 422 `incomplete`."
    ),
)
def submit(request: HttpRequest, public_id: uuid.UUID) -> dict[str, Any]:
    dossier = _dossier(request, public_id)
    count_submission(request, user_of(request), dossier)
    submission.submit_dossier(dossier, user_of(request))
    return _present(request, public_id)


@router.post(
    "/dossiers/{public_id}/withdraw",
    response=answers(ApplicantDossierOut, *WRITE),
    summary="Rút hồ sơ (khi đang chờ tiếp nhận hoặc đã tiếp nhận)",
)
def withdraw(request: HttpRequest, public_id: uuid.UUID, payload: WithdrawIn) -> dict[str, Any]:
    lifecycle.withdraw(_dossier(request, public_id), user_of(request), payload.reason.strip())
    return _present(request, public_id)
