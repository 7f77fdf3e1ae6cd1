"""Helpers of the tests of pupil ambassadors set up on the school's pages."""

from __future__ import annotations

import re
from typing import Any

from django.db import connection

from dichvucong.outreach import services
from dichvucong.outreach.constants import ConsentGiver, ConsentMethod
from dichvucong.outreach.models import Pupil

SLIP = re.compile(
    r'class="slip-username secret">([a-z0-9.]+)</dd>\s*'
    r'<dt>Mật khẩu</dt><dd class="slip-password secret">([a-z0-9]+)</dd>'
)


def consent(pupil: Pupil, by: Any, *givers: str) -> None:
    """Both consents unless `givers` names which."""
    for giver in givers or (ConsentGiver.GUARDIAN, ConsentGiver.PUPIL):
        services.record_consent(pupil, giver=giver, given=True, method=ConsentMethod.PAPER, by=by)


def slips_on(html: str) -> dict[str, str]:
    """{user name: password} of the printed slips on a page."""
    return dict(SLIP.findall(html))


def tables_holding(text: str) -> list[str]:
    """Every table of the database with a value containing `text`."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                if any(text in _text(value) for value in row):
                    found.append(table)
                    break
    return found


def _text(value: object) -> str:
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="ignore")
    return "" if value is None else str(value)
