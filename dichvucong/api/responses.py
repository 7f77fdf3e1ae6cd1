"""The documented answers of an operation: its success schema, then the
error statuses it can give, all in the one error shape."""

from __future__ import annotations

from typing import Any

from dichvucong.api.schemas import ErrorOut


def answers(success: Any, *errors: int, status: int = 200) -> dict[int, Any]:
    return {status: success, **dict.fromkeys(errors, ErrorOut)}
