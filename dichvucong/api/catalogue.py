"""The public procedure catalogue: no login, nothing personal."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from dichvucong.api import present
from dichvucong.api.errors import not_found
from dichvucong.api.responses import answers
from dichvucong.api.schemas import (
    AdminUnitPageOut,
    AdminUnitQuery,
    AgencyPageOut,
    AgencyQuery,
    PageQuery,
    ProcedureOut,
    ProcedurePageOut,
    ProcedureQuery,
    Text,
)
from dichvucong.catalogue import services

router = Router(tags=["Danh mục thủ tục"])
units_router = Router(tags=["Danh mục cơ quan và địa bàn"])


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


# --- Agencies and the administrative tree, to fill addresses and `ward` ---------------


@units_router.get(
    "/agencies",
    response=answers(AgencyPageOut, 400, 413, 422),
    summary="Cơ quan: UBND quận, phòng chuyên môn, UBND phường",
)
def list_agencies(request: HttpRequest, query: Query[AgencyQuery]) -> dict[str, Any]:
    agencies = services.list_agencies(
        query.q,
        kind=query.kind,
        unit_code=query.unit,
        procedure_code=query.procedure,
        day=query.on,
    ).order_by("unit_code")
    return present.page(agencies, query, present.agency_detail)


@units_router.get(
    "/units",
    response=answers(AdminUnitPageOut, 400, 413, 422),
    summary="Đơn vị hành chính: thành phố, quận, phường/xã, tổ dân phố",
)
def list_units(request: HttpRequest, query: Query[AdminUnitQuery]) -> dict[str, Any]:
    units = services.list_units(query.level, query.parent, receiving=query.receiving, day=query.on)
    return present.page(units.order_by("code"), query, present.unit)


@units_router.get(
    "/units/{code}/groups",
    response=answers(AdminUnitPageOut, 400, 404, 413, 422),
    summary="Tổ dân phố của một phường/xã hôm nay",
)
def list_residential_groups(
    request: HttpRequest, code: Text, query: Query[PageQuery]
) -> dict[str, Any]:
    groups = services.residential_groups(code)
    if groups is None:
        raise not_found()
    units = services.list_units().filter(pk__in=groups.values("pk"))
    return present.page(units.order_by("code"), query, present.unit)
