"""Counts for an agency's integrations and dashboards: no personal data,
so any live key of the agency may read them, a read-only key included."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.http import HttpRequest
from ninja import Router

from dichvucong.api import access, present
from dichvucong.api.auth import any_key_auth, key_of
from dichvucong.api.responses import answers
from dichvucong.api.schemas import StatusCountsOut
from dichvucong.dossiers.constants import Status

router = Router(tags=["Thống kê (khóa API)"], auth=any_key_auth)


@router.get(
    "/status-counts",
    response=answers(StatusCountsOut, 400, 401, 413, 422, 429),
    summary="Số hồ sơ của cơ quan theo trạng thái",
)
def status_counts(request: HttpRequest) -> dict[str, Any]:
    key = key_of(request)
    rows = access.counted_dossiers(key).values("status").annotate(n=Count("pk"))
    counts = {row["status"]: row["n"] for row in rows}
    statuses = [s for s in Status if s != Status.DRAFT]
    return {
        "agency": present.agency(key.agency),
        "total": sum(counts.values()),
        "by_status": [
            {"status": s.value, "label": str(s.label), "count": counts.get(s, 0)} for s in statuses
        ],
    }
