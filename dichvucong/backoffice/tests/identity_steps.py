"""Steps of the counter's identity page: a receptionist searching an ID
number and choosing what to do with the account found."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

URL = reverse("backoffice:identity")
OWNER_NAME = "Nguyễn Văn Bình"
OWNER_PHONE = "0977555666"


def search(client: Client, id_number: str) -> Any:
    return client.post(URL, {"step": "find", "id_number": id_number})


def verify(client: Client, id_number: str, card_seen: bool = True) -> Any:
    data = {"step": "verify", "id_number": id_number}
    if card_seen:
        data["card_seen"] = "on"
    return client.post(URL, data)


def hand_over(client: Client, id_number: str, **changes: Any) -> Any:
    data = {
        "step": "hand_over",
        "id_number": id_number,
        "card_seen": "on",
        "full_name": OWNER_NAME,
        "date_of_birth": "12/03/1990",
        "phone": OWNER_PHONE,
    }
    data.update(changes)
    return client.post(URL, {key: value for key, value in data.items() if value is not None})
