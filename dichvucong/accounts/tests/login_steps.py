"""Steps shared by the log-in limit tests: a log-in from a given address,
as the real login page receives it."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

LOGIN = reverse("accounts:login")
ATTACKER = "203.0.113.66"
CLERK_DESK = "198.51.100.10"


def attempt(client: Any, username: str, password: str, address: str, **extra: str) -> Any:
    data = {"username": username, "password": password, **extra}
    return client.post(LOGIN, data, REMOTE_ADDR=address)


def fail(client: Any, username: str, address: str, times: int) -> None:
    for _ in range(times):
        attempt(client, username, "sai-mat-khau", address)


def logged_in(client: Any) -> bool:
    return "_auth_user_id" in client.session
