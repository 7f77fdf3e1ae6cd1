"""Template filters for Vietnamese display; loaded as builtins in settings."""

from __future__ import annotations

from django import template

from dichvucong.lib.money import format_vnd, normalize_amounts

register = template.Library()


@register.filter
def vnd(amount):  # type: ignore[no-untyped-def]
    """1234567 -> "1.234.567 đ"."""
    return format_vnd(amount)


@register.filter
def vnd_text(text):  # type: ignore[no-untyped-def]
    """Free text with amounts in it (a catalogue's fee line), each amount
    written as the vnd filter writes it: "8000 đồng/bản" -> "8.000 đ/bản"."""
    return normalize_amounts(str(text)) if text else text
