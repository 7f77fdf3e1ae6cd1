"""Small helpers shared by the back-office tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.messages import get_messages
from django.http import HttpResponse

from dichvucong.dossiers.models import Dossier

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
QUEUES_URL = "/mot-cua/"


def at(year: int, month: int, day: int, hour: int = 9) -> datetime:
    """A moment in Hà Nội local time, for time_machine."""
    return datetime(year, month, day, hour, tzinfo=HANOI)


def detail_url(dossier: Dossier) -> str:
    return f"/mot-cua/ho-so/{dossier.public_id}/"


def action_url(dossier: Dossier, action: str) -> str:
    return f"/mot-cua/ho-so/{dossier.public_id}/{action}/"


def post_action(
    client: Any, dossier: Dossier, action: str, data: dict[str, Any] | None = None
) -> HttpResponse:
    return client.post(action_url(dossier, action), data or {})


def messages_of(response: HttpResponse) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def snapshot(dossier: Dossier) -> tuple[Any, ...]:
    """What an action could change, to show that a refused one did not."""
    dossier.refresh_from_db()
    return (
        dossier.status,
        dossier.event_count,
        dossier.due_date,
        dossier.extended_due_date,
        dossier.assignee_id,
        dossier.holder_id,
        dossier.supplement_requested_at,
        dossier.closed_at,
    )
