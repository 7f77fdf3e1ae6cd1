"""How a test finds a notice on a page: its kind and its current version."""

from __future__ import annotations

from typing import Any

from dichvucong.privacy.notices import notice


def shows_notice(response: Any, kind: str) -> bool:
    marker = f'data-notice="{kind}" data-version="{notice(kind).version}"'
    return response.status_code == 200 and marker in response.content.decode()
