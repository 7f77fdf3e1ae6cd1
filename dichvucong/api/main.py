"""The REST API under /api/v1/, its OpenAPI document at
/api/v1/openapi.json. No docs page: it would load scripts from a CDN, and
the document itself is what integrators need."""

from __future__ import annotations

from typing import Any

from django.urls import re_path
from django.utils import translation
from ninja import NinjaAPI
from ninja.operation import Operation

from dichvucong.api import (
    applicant,
    catalogue,
    login,
    outreach,
    public_statistics,
    staff,
    statistics,
)
from dichvucong.api.errors import guarded, install_handlers, json_errors, unknown_path
from dichvucong.api.parsing import DepthLimitedParser
from dichvucong.dossiers.constants import Refusal

DESCRIPTION = (
    "API của hệ thống dịch vụ công trực tuyến. Mọi lỗi 4xx có dạng "
    '{"code", "message", "field", "errors"}. Người nộp hồ sơ dùng mã truy cập ngắn hạn '
    "(POST /api/v1/auth/token, rồi Authorization: Bearer <mã>), hoặc phiên đăng nhập (cookie) "
    "và gửi kèm tiêu đề X-CSRFToken khi ghi; hệ thống tích hợp của cơ quan dùng "
    "khóa API (Authorization: Bearer <khóa> hoặc X-API-Key), do quản trị viên cấp trong trang "
    "quản trị, có hạn dùng: khóa hết hạn trả 401 `key_expired`, khóa bị thu hồi 401 `key_revoked`."
)


def _refusals() -> str:
    """The 409 codes, listed from dossiers.constants.Refusal itself, so the
    document cannot miss one the rules raise."""
    with translation.override("vi"):
        lines = [f"- `{code}`: {label}" for code, label in Refusal.choices]
    return (
        "\n\nMọi thao tác bị quy tắc nghiệp vụ từ chối trả 409; `code` cho biết lý do:\n\n"
        + "\n".join(lines)
    )


class DichVuCongAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        # Function names are unique across the routers and read well in
        # generated clients; ninja's default prefixes the module path.
        return operation.view_func.__name__

    @property
    def urls(self) -> tuple[list[Any], str, str]:
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            pattern.callback = json_errors(pattern.callback)
        patterns.append(re_path(r"^.*$", unknown_path, name="unknown"))
        return patterns, app_name, namespace


api = DichVuCongAPI(
    title="Dịch vụ công trực tuyến",
    version="1.0.0",
    description=DESCRIPTION + _refusals(),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url=None,
    parser=DepthLimitedParser(),
)
install_handlers(api)
api.add_decorator(guarded, mode="view")
api.add_router("/auth", login.router)
api.add_router("/catalogue", catalogue.router)
api.add_router("/catalogue", catalogue.units_router)
api.add_router("/applicant", applicant.router)
api.add_router("/staff", staff.router)
api.add_router("/statistics", statistics.router)
api.add_router("/statistics/public", public_statistics.router)
api.add_router("/outreach", outreach.router)
