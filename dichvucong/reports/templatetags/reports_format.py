"""Numbers on the report pages as Vietnamese readers write them."""

from __future__ import annotations

from django import template

from dichvucong.reports.formatting import format_count, format_decimal, format_share

register = template.Library()


@register.filter
def count(value: int | None) -> str:
    """12345 -> "12.345"."""
    return format_count(value)


@register.filter
def percent(value: float | None) -> str:
    """0.953 -> "95,3%"."""
    return format_share(value)


@register.filter
def points(value: float | None) -> str:
    """18.456 -> "18,46"."""
    return format_decimal(value, 2)
