"""Amounts of money in Vietnamese words, as receipts print them under the
figures: 24000 -> "Hai mươi bốn nghìn đồng".

The reading follows the usual accounting style of the North:
- "mười" for ten, "mươi" for the other tens;
- "mốt" for a final one after a ten of twenty or more ("hai mươi mốt"),
  "lăm" for a final five after any ten ("mười lăm", "hai mươi lăm");
- "linh" when the tens digit is zero ("một trăm linh năm");
- a group of three digits that is not the first is read in full
  ("một nghìn không trăm linh năm"); a group that is all zeros is skipped
  ("một triệu năm trăm");
- "tỷ" repeats for larger amounts ("một nghìn tỷ").
"""

from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# Scales of the three-digit groups below a billion, from the units up.
SCALES = ("", "nghìn", "triệu")
BILLION = 1_000_000_000


def _tens_and_units(tens: int, units: int, *, after_hundreds: bool) -> list[str]:
    words: list[str] = []
    if tens == 0:
        if units and after_hundreds:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units == 0:
        return words
    if units == 1 and tens >= 2:
        words.append("mốt")
    elif units == 5 and tens >= 1:
        words.append("lăm")
    else:
        words.append(DIGITS[units])
    return words


def _group(number: int, *, full: bool) -> list[str]:
    """Three digits (0-999). `full` reads the hundreds even when they are
    zero, as for every group after the first."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    return words + _tens_and_units(tens, units, after_hundreds=bool(words))


def _below_billion(number: int, *, leading: bool) -> list[str]:
    groups = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    words: list[str] = []
    for index in reversed(range(len(groups))):
        if groups[index] == 0:
            continue
        full = bool(words) or not leading
        words += _group(groups[index], full=full)
        if SCALES[index]:
            words.append(SCALES[index])
    return words


def _words(number: int, *, leading: bool = True) -> list[str]:
    billions, rest = divmod(number, BILLION)
    words: list[str] = []
    if billions:
        words += [*_words(billions, leading=leading), "tỷ"]
    if rest:
        words += _below_billion(rest, leading=leading and not words)
    return words


def number_in_words(number: int) -> str:
    """The number in lower-case words: 105 -> "một trăm linh năm"."""
    if number == 0:
        return DIGITS[0]
    words = _words(abs(number))
    return " ".join(["âm", *words] if number < 0 else words)


def vnd_in_words(amount: int) -> str:
    """The amount as a receipt writes it: "Hai mươi bốn nghìn đồng"."""
    text = f"{number_in_words(amount)} đồng"
    return text[0].upper() + text[1:]
