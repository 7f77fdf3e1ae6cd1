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


# Characters nobody means to type: C0/C1 controls (NUL, escape...) and
# invisible format characters (zero-width spaces, right-to-left overrides
# that make "gnp.exe" read as "exe.png").
INVISIBLE_CATEGORIES = ("Cc", "Cf")


def clean_typed(text: str, *, multiline: bool = False) -> str:
    """What a person typed, as it is kept: NFC (phones and Macs may send
    Vietnamese decomposed), without invisible or control characters; tab
    and line breaks stay in multi-line text, and become spaces elsewhere."""
    text = unicodedata.normalize("NFC", text)
    kept = []
    for ch in text:
        if ch in "\t\n\r":
            kept.append(ch if multiline else " ")
        elif unicodedata.category(ch) not in INVISIBLE_CATEGORIES:
            kept.append(ch)
    return "".join(kept)
