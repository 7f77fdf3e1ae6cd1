"""Text helpers for Vietnamese: folding diacritics for search."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case `text` and strip Vietnamese diacritics, so that
    "Đăng ký khai sinh" and "dang ky khai sinh" compare equal.

    đ/Đ are letters of their own in Unicode, not d plus a mark, so they are
    mapped by hand before the marks are removed.
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())
