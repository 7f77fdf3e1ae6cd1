"""Counts for an agency's integrations and dashboards: no personal data,
so any live key of the agency may read them, a read-only key included.
Across a reorganisation they are counted, as the reports are, by today's
units or by those of the time (cach_xem, api.access.status_counts)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router

from dichvucong.api import access, present
from dichvucong.api.auth import any_key_auth, key_of
from dichvucong.api.responses import answers
from dichvucong.api.schemas import StatusCountsOut, StatusCountsQuery
from dichvucong.dossiers.constants import Status
from dichvucong.reports.unitmap import default_view

router = Router(tags=["Thống kê (khóa API)"], auth=any_key_auth)


@router.get(
    "/status-counts",
    response=answers(StatusCountsOut, 400, 401, 413, 422, 429),
    summary="Số hồ sơ của cơ quan theo trạng thái",
)
def status_counts(request: HttpRequest, query: Query[StatusCountsQuery]) -> dict[str, Any]:
    key = key_of(request)
    today = timezone.localdate()
    # Everything up to today: the page's default for a period ending today.
    view = query.cach_xem or default_view(today)
    counts = access.status_counts(key, view, today)
    statuses = [s for s in Status if s != Status.DRAFT]
    return {
        "agency": present.agency(key.agency),
        "view": view,
        "total": sum(counts.values()),
        "by_status": [
            {"status": s.value, "label": str(s.label), "count": counts.get(s, 0)} for s in statuses
        ],
    }
