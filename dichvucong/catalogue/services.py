"""What other apps and views ask of the catalogue."""

from __future__ import annotations

from django.db.models import QuerySet

from dichvucong.catalogue.models import Procedure


def active_procedures() -> QuerySet[Procedure]:
    return Procedure.objects.filter(is_active=True).select_related("field", "agency")


def featured_procedures(limit: int = 6) -> QuerySet[Procedure]:
    return active_procedures().order_by("-online_level", "name")[:limit]
