"""One error shape for every 4xx of the API:

    {"code": "<stable machine code>", "message": "<Vietnamese>",
     "field": "<name or null>", "errors": [{"field", "code", "message"}]}

Clients branch on `code`, people read `message`. Every exception the
operations raise is mapped here, once, so views never build errors.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    RawPostDataException,
    UnreadablePostError,
)
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from dichvucong.api.constants import MAX_JSON_BODY_BYTES, MAX_MULTIPART_BODY_BYTES
from dichvucong.conflicts import Busy, is_conflict
from dichvucong.dossiers.lifecycle import TransitionError
from dichvucong.dossiers.submission import AssuranceTooLow, IncompleteDossier
from dichvucong.dossiers.uploads import UploadError
from dichvucong.payments.services import PaymentError
from dichvucong.throttle import Refused
from dichvucong.throttle.responses import announce

logger = logging.getLogger(__name__)

MSG_NOT_FOUND = "Không tìm thấy."
MSG_UNAUTHORIZED = "Chưa xác thực: cần đăng nhập, hoặc khóa API hợp lệ còn hiệu lực."
MSG_FORBIDDEN = "Bạn không có quyền thực hiện thao tác này."
MSG_CSRF = "Thiếu hoặc sai mã CSRF: gửi lại giá trị cookie csrftoken trong tiêu đề X-CSRFToken."
MSG_BAD_REQUEST = "Không đọc được nội dung yêu cầu (JSON hoặc multipart không hợp lệ)."
MSG_TOO_LARGE = "Nội dung gửi lên quá lớn."
MSG_INVALID = "Dữ liệu gửi lên không hợp lệ."
MSG_NOT_JSON = "Nội dung phải là JSON, với tiêu đề Content-Type: application/json."
MSG_METHOD = "Phương thức HTTP này không dùng được cho địa chỉ này."
MSG_SERVER = "Lỗi hệ thống, vui lòng thử lại sau."
MSG_BUSY = "Hệ thống đang bận vì nhiều người cùng thao tác; vui lòng gửi lại sau vài giây."
MSG_TOO_MANY = "Quá nhiều yêu cầu. Vui lòng thử lại sau %(seconds)d giây (xem tiêu đề Retry-After)."

# Machine codes and messages for the statuses ninja or Django answer themselves.
STATUS_ERRORS: dict[int, tuple[str, str]] = {
    400: ("bad_request", MSG_BAD_REQUEST),
    401: ("unauthorized", MSG_UNAUTHORIZED),
    403: ("forbidden", MSG_FORBIDDEN),
    404: ("not_found", MSG_NOT_FOUND),
    405: ("method_not_allowed", MSG_METHOD),
    413: ("too_large", MSG_TOO_LARGE),
    422: ("invalid", MSG_INVALID),
    429: ("too_many_requests", MSG_TOO_MANY % {"seconds": 60}),
}

# pydantic's error types, told in Vietnamese; "{x}" takes the error's ctx.
PYDANTIC_MESSAGES: dict[str, str] = {
    "missing": "Thiếu thông tin bắt buộc.",
    "int_parsing": "Giá trị phải là số nguyên.",
    "int_type": "Giá trị phải là số nguyên.",
    "int_from_float": "Giá trị phải là số nguyên.",
    "bool_parsing": "Giá trị phải là true hoặc false.",
    "bool_type": "Giá trị phải là true hoặc false.",
    "string_type": "Giá trị phải là chuỗi ký tự.",
    "string_too_long": "Quá dài: tối đa {max_length} ký tự.",
    "string_too_short": "Không được để trống.",
    "greater_than_equal": "Giá trị phải từ {ge} trở lên.",
    "less_than_equal": "Giá trị không được lớn hơn {le}.",
    "uuid_parsing": "Mã định danh không đúng dạng UUID.",
    "uuid_type": "Mã định danh không đúng dạng UUID.",
    "date_parsing": "Ngày không hợp lệ, viết theo dạng YYYY-MM-DD.",
    "date_from_datetime_parsing": "Ngày không hợp lệ, viết theo dạng YYYY-MM-DD.",
    "date_type": "Ngày không hợp lệ, viết theo dạng YYYY-MM-DD.",
    "literal_error": "Giá trị không nằm trong danh sách cho phép.",
    "enum": "Giá trị không nằm trong danh sách cho phép.",
    "list_type": "Giá trị phải là một danh sách.",
    "dict_type": "Giá trị phải là một đối tượng JSON.",
    "model_type": "Giá trị phải là một đối tượng JSON.",
    "model_attributes_type": "Giá trị phải là một đối tượng JSON.",
    "too_long": "Danh sách quá dài: tối đa {max_length} mục.",
    "too_short": "Danh sách cần ít nhất {min_length} mục.",
    "json_invalid": "Nội dung JSON không hợp lệ.",
    "extra_forbidden": "Trường này không được chấp nhận.",
    "unsafe_text": "Chuỗi có ký tự không được phép.",
    "string_pattern_mismatch": "Giá trị không đúng định dạng.",
}


class ApiError(Exception):
    """An answer other than success, raised by API code and rendered by
    the handler below."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        field: str | None = None,
        errors: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.field, self.errors = field, errors or []


def error_response(
    status: int,
    code: str,
    message: str,
    *,
    field: str | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> HttpResponse:
    body = {"code": code, "message": message, "field": field, "errors": errors or []}
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def status_error(status: int) -> HttpResponse:
    code, message = STATUS_ERRORS.get(status, ("error", MSG_INVALID))
    return error_response(status, code, message)


def not_found() -> ApiError:
    return ApiError(404, "not_found", MSG_NOT_FOUND)


# --- Validation errors ----------------------------------------------------


def _field_of(loc: Sequence[Any]) -> str | None:
    """("body", "payload", "missing", 0) -> "missing.0"; ("query", "page")
    -> "page"; the body as a whole -> None."""
    parts = list(loc[2:] if loc and loc[0] == "body" else loc[1:])
    return ".".join(str(part) for part in parts) or None


def _message_of(error: dict[str, Any]) -> str:
    template = PYDANTIC_MESSAGES.get(str(error.get("type")), "Giá trị không hợp lệ.")
    try:
        return template.format(**(error.get("ctx") or {}))
    except (KeyError, IndexError, ValueError):
        return template


def validation_items(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "field": _field_of(error.get("loc") or ()),
            "code": str(error.get("type", "invalid")),
            "message": _message_of(error),
        }
        for error in errors
    ]


def invalid(items: list[dict[str, Any]], code: str = "invalid") -> ApiError:
    """422 whose message and field are the first problem's, all listed."""
    first = items[0] if items else {"field": None, "message": MSG_INVALID}
    return ApiError(422, code, str(first["message"]), field=first["field"], errors=items)


def field_error(field: str, code: str, message: str) -> ApiError:
    """422 for one named field, e.g. an id that names nothing."""
    return invalid([{"field": field, "code": code, "message": message}])


def _django_items(error: DjangoValidationError) -> list[dict[str, Any]]:
    if hasattr(error, "error_dict"):
        return [
            {"field": None if name == "__all__" else name, "code": "invalid", "message": message}
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return [{"field": None, "code": "invalid", "message": message} for message in error.messages]


# --- Handlers -----------------------------------------------------------------


def _render(request: HttpRequest, error: ApiError) -> HttpResponse:
    response = error_response(
        error.status, error.code, error.message, field=error.field, errors=error.errors
    )
    if error.status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc.__cause__, ApiError):  # ours, wrapped by ninja's body parsing
        return _render(request, exc.__cause__)
    code, message = STATUS_ERRORS.get(exc.status_code, ("error", MSG_INVALID))
    return _render(request, ApiError(exc.status_code, code, message))


def _too_many(request: HttpRequest, exc: Refused) -> HttpResponse:
    announce(request, exc)
    message = MSG_TOO_MANY % {"seconds": exc.retry_after}
    response = error_response(429, "too_many_requests", message)
    response["Retry-After"] = str(exc.retry_after)
    return response


def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    if is_conflict(exc):
        return _busy(request, Busy())
    # Still a 500, so the fuzzing and the logs see it; but in the API's shape.
    logger.exception("API error on %s %s", request.method, request.path)
    return error_response(500, "server_error", MSG_SERVER)


def _busy(request: HttpRequest, exc: Busy) -> HttpResponse:
    """503 with Retry-After: nothing was changed, the same request may be
    sent again (creates with the same Idempotency-Key)."""
    response = error_response(503, "busy", MSG_BUSY)
    response["Retry-After"] = str(exc.retry_after)
    return response


HANDLERS: dict[type[Exception], Callable[[HttpRequest, Any], HttpResponse]] = {
    ApiError: _render,
    Refused: _too_many,
    AuthenticationError: lambda r, e: _render(r, ApiError(401, "unauthorized", MSG_UNAUTHORIZED)),
    HttpError: _http_error,
    NinjaValidationError: lambda r, e: _render(r, invalid(validation_items(e.errors))),
    DjangoValidationError: lambda r, e: _render(r, invalid(_django_items(e))),
    Http404: lambda r, e: _render(r, not_found()),
    PermissionDenied: lambda r, e: _render(r, ApiError(403, "forbidden", MSG_FORBIDDEN)),
    # Each refusal carries its own code from where the rule lives
    # (dossiers.constants.Refusal); the message stays lifecycle's.
    TransitionError: lambda r, e: _render(r, ApiError(409, e.code, str(e))),
    PaymentError: lambda r, e: _render(r, ApiError(409, e.code, str(e))),
    AssuranceTooLow: lambda r, e: _render(r, ApiError(403, "assurance_too_low", str(e))),
    IncompleteDossier: lambda r, e: _render(
        r,
        invalid(
            [{"field": None, "code": "incomplete", "message": p} for p in e.problems], "incomplete"
        ),
    ),
    UploadError: lambda r, e: _render(r, ApiError(422, "upload_refused", str(e), field="file")),
    RequestDataTooBig: lambda r, e: _render(r, ApiError(413, "too_large", MSG_TOO_LARGE)),
    TooManyFieldsSent: lambda r, e: _render(r, ApiError(413, "too_large", MSG_TOO_LARGE)),
    TooManyFilesSent: lambda r, e: _render(r, ApiError(413, "too_large", MSG_TOO_LARGE)),
    SuspiciousOperation: lambda r, e: _render(r, ApiError(400, "bad_request", MSG_BAD_REQUEST)),
    MultiPartParserError: lambda r, e: _render(r, ApiError(400, "bad_request", MSG_BAD_REQUEST)),
    UnreadablePostError: lambda r, e: _render(r, ApiError(400, "bad_request", MSG_BAD_REQUEST)),
    # A form-encoded or multipart body sent where JSON is expected: the CSRF
    # check has already read it as a form, so it cannot be read as JSON.
    RawPostDataException: lambda r, e: _render(r, ApiError(400, "bad_request", MSG_NOT_JSON)),
    Busy: _busy,
    Exception: _server_error,
}


def install_handlers(api: NinjaAPI) -> None:
    for exc_class, handler in HANDLERS.items():
        api.add_exception_handler(exc_class, handler)


# --- Around every request -------------------------------------------------------


def body_limit(request: HttpRequest) -> int:
    if request.content_type == "multipart/form-data":
        return MAX_MULTIPART_BODY_BYTES
    return MAX_JSON_BODY_BYTES


def guarded(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wraps each operation before authentication and parsing: refuses an
    oversized body from its Content-Length before reading a byte of it,
    and answers in Vietnamese whatever the Accept-Language."""

    @functools.wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > body_limit(request):
            return status_error(413)
        with translation.override("vi"):
            return run(request, *args, **kwargs)

    return wrapper


def json_errors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """For the URL patterns themselves: ninja's own 405 and the API root's
    404 are plain Django responses; give them the API's shape too."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            return status_error(404)
        is_json = response.get("Content-Type", "").startswith("application/json")
        if 400 <= response.status_code < 500 and not is_json:
            replaced = status_error(response.status_code)
            if response.has_header("Allow"):
                replaced["Allow"] = response["Allow"]
            return replaced
        return response

    return wrapper


def unknown_path(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    return status_error(404)


unknown_path.csrf_exempt = True  # type: ignore[attr-defined]  # nothing to protect
