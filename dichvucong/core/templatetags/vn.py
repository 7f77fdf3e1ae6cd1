"""Template filters for Vietnamese display; loaded as builtins in settings."""

from __future__ import annotations

from django import template

from dichvucong.lib.money import format_vnd

register = template.Library()


@register.filter
def vnd(amount):  # type: ignore[no-untyped-def]
    """1234567 -> "1.234.567 đ"."""
    return format_vnd(amount)
