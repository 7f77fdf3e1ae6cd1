"""{% privacy_notice "eform" %}: the notice of that kind, rendered where
the data is collected (registration, e-form pages, assisted submission,
roster and consent pages)."""

from __future__ import annotations

from typing import Any

from django import template

from dichvucong.privacy.notices import kind_for_dossier, notice
from dichvucong.privacy.registry import retention_lines

register = template.Library()


@register.inclusion_tag("privacy/_notice.html")
def privacy_notice(kind: str, open: bool = False) -> dict[str, Any]:
    shown = notice(kind)
    sections = [
        {"purpose": purpose, "retention": retention_lines(purpose)} for purpose in shown.purposes
    ]
    return {"notice": shown, "sections": sections, "open": open}


@register.inclusion_tag("privacy/_notice.html")
def dossier_notice(dossier: Any) -> dict[str, Any]:
    """The notice of a draft's pages (notices.kind_for_dossier)."""
    return privacy_notice(kind_for_dossier(dossier))
