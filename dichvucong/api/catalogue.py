"""The public procedure catalogue: no login, nothing personal."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from dichvucong.api import present
from dichvucong.api.errors import not_found
from dichvucong.api.responses import answers
from dichvucong.api.schemas import ProcedureOut, ProcedurePageOut, ProcedureQuery, Text
from dichvucong.catalogue import services

router = Router(tags=["Danh mục thủ tục"])


@router.get(
    "/procedures",
    response=answers(ProcedurePageOut, 400, 413, 422),
    summary="Tìm thủ tục hành chính",
)
def list_procedures(request: HttpRequest, query: Query[ProcedureQuery]) -> dict[str, Any]:
    procedures = services.search_procedures(
        query.q, field_id=query.field, online_level=query.online_level
    ).order_by("code")
    return present.page(procedures, query, present.procedure_summary)


@router.get(
    "/procedures/{code}",
    response=answers(ProcedureOut, 400, 404, 413, 422),
    summary="Thông tin thủ tục, thành phần hồ sơ và biểu mẫu điện tử",
)
def get_procedure(request: HttpRequest, code: Text) -> dict[str, Any]:
    procedure = services.procedure_by_code(code)
    if procedure is None:
        raise not_found()
    return present.procedure_detail(procedure)
