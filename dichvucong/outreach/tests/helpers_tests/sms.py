"""A test SMS gateway that keeps what it is given: the applicant's phone."""

from __future__ import annotations

import re
from typing import ClassVar


class KeepingSmsProvider:
    sent: ClassVar[list[tuple[str, str]]] = []

    def send(self, phone: str, text: str) -> None:
        KeepingSmsProvider.sent.append((phone, text))


def last_code(sent: list[tuple[str, str]]) -> str:
    """The 6-digit code of the last SMS, as the applicant reads it out."""
    found = re.search(r"\b(\d{6})\b", sent[-1][1])
    assert found is not None, sent[-1][1]
    return found.group(1)
