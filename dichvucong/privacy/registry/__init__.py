"""The one registry of personal data: the purposes it is processed for
(purposes.py) and every model field, personal or not (fields.py). The
notices, the public page and the records in docs/ are all read from here."""

from __future__ import annotations

from django.utils.translation import gettext as _

from dichvucong.privacy.registry.fields import NOT_PERSONAL, PERSONAL, fields_of_purpose
from dichvucong.privacy.registry.purposes import BY_KEY, PURPOSES, Purpose
from dichvucong.retention import policy

__all__ = [
    "BY_KEY",
    "NOT_PERSONAL",
    "PERSONAL",
    "PURPOSES",
    "Purpose",
    "fields_of_purpose",
    "retention_lines",
]


def retention_lines(purpose: Purpose) -> list[str]:
    """How long, in days read from the RETENTION_* settings, then the rest."""
    lines = []
    for kind in purpose.retention:
        days = policy.period(kind).days
        if days:
            lines.append(_("%(what)s: %(days)d ngày") % {"what": kind.label, "days": days})
        else:
            lines.append(_("%(what)s: xóa trong lần dọn dữ liệu hằng ngày") % {"what": kind.label})
    lines.append(str(purpose.kept))
    return lines
