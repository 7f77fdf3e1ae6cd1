"""Small helpers for the API tests: keys for the cast, JSON calls, and the
one error shape."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.test import Client

from dichvucong.api import keys as api_keys
from dichvucong.api.models import ApiKey
from dichvucong.dossiers.testing import Cast

API = "/api/v1"
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year: int, month: int, day: int, hour: int = 9) -> datetime:
    """A moment in Hà Nội local time, for time_machine."""
    return datetime(year, month, day, hour, tzinfo=HANOI)


@dataclass
class Key:
    key: ApiKey
    secret: str

    @property
    def headers(self) -> dict[str, str]:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.secret}"}

    @property
    def user(self) -> Any:
        return self.key.user


@dataclass
class Keys:
    receptionist_a: Key
    specialist_a: Key
    leader_a: Key
    read_a: Key
    receptionist_b: Key


def make_key(agency: Any, role: str, name: str = "Hệ thống thử") -> Key:
    return Key(*api_keys.create_key(agency, role, name))


def make_keys(cast: Cast) -> Keys:
    return Keys(
        receptionist_a=make_key(cast.agency_a, "receptionist", "Một cửa A"),
        specialist_a=make_key(cast.agency_a, "specialist", "Chuyên viên A"),
        leader_a=make_key(cast.agency_a, "leader", "Lãnh đạo A"),
        read_a=make_key(cast.agency_a, "read", "Thống kê A"),
        receptionist_b=make_key(cast.agency_b, "receptionist", "Một cửa B"),
    )


def send(client: Client, method: str, url: str, data: Any = None, **extra: Any) -> HttpResponse:
    """A JSON request, as a script would send it."""
    body = "" if data is None else json.dumps(data)
    call = getattr(client, method.lower())
    return call(API + url, data=body, content_type="application/json", **extra)


def assert_error(
    response: HttpResponse, status: int, code: str, field: str | None = None
) -> dict[str, Any]:
    """The one error shape, with the wanted status, code and field."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"code", "message", "field", "errors"}
    assert body["code"] == code
    assert body["field"] == field
    assert isinstance(body["message"], str) and body["message"]
    assert isinstance(body["errors"], list)
    return body
