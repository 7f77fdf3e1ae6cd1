"""Fee rules: the catalogue's fee wording turned into data, and the fee it
gives for a dossier. Framework-free, so the import, the admin and payments
all read the wording the same way.

A rule is a JSON object stored in `Procedure.fee_rule`:

    {"kind": "free"}                                   0 (miễn lệ phí)
    {"kind": "fixed", "amount": 10000, "unit": "trường hợp"}
    {"kind": "per_copy", "amount": 8000, "unit": "bản sao"}
    {"kind": "per_page", "tiers": [{"from_page": 1, "amount": 2000},
                                   {"from_page": 3, "amount": 1000}],
     "cap_per_copy": 200000}
    {"kind": "set_by_council", "amount": None}         HĐND thành phố quy định

Every rule also has "exemptions" (a list of EXEMPTION_CATEGORIES, possibly
empty) and may have a "note" (what the wording said in brackets). Amounts
are whole đồng.

What the parser accepts is deliberately narrow: wording that names an amount
in a shape it does not know is an error rather than a guess, because a
guessed fee would be charged to citizens. Wording that names no amount but
says the council sets it is `set_by_council`; the administrator then fills
in `amount`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from dichvucong.lib.money import format_vnd
from dichvucong.lib.text import fold

FREE = "free"
FIXED = "fixed"
PER_COPY = "per_copy"
PER_PAGE = "per_page"
SET_BY_COUNCIL = "set_by_council"
KINDS = (FREE, FIXED, PER_COPY, PER_PAGE, SET_BY_COUNCIL)

# Folded wording -> category. Folded so that "Người có công" and a
# keyboard without diacritics ("nguoi co cong") read the same.
EXEMPTION_CATEGORIES = {
    "nguoi co cong": "nguoi_co_cong",
    "ho ngheo": "ho_ngheo",
    "nguoi khuyet tat": "nguoi_khuyet_tat",
}
EXEMPTION_LABELS = {
    "nguoi_co_cong": "người có công với cách mạng",
    "ho_ngheo": "hộ nghèo",
    "nguoi_khuyet_tat": "người khuyết tật",
}
COUNCIL_LABEL = "Theo quy định của HĐND thành phố"

# 8000, 8.000 or 8,000 (thousands separators as Vietnamese write them),
# followed by the currency word.
_AMOUNT = r"(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:đồng|đ|vnđ)"
_PER_UNIT = re.compile(rf"^{_AMOUNT}\s*/\s*(\S.*)$")
_FROM_PAGE = re.compile(rf"^từ trang thứ (\d+) trở (?:đi|lên),?\s*{_AMOUNT}\s*/\s*trang$")
_CAP = re.compile(rf"^tối đa(?: không quá)?\s*{_AMOUNT}\s*/\s*bản(?: sao)?$")
_ZERO = re.compile(r"^0(?:\s*(?:đồng|đ))?$")
_FREE_WORDS = {"mien phi", "mien le phi", "khong thu", "khong thu phi"}
_COPY_UNITS = {"bản", "bản sao"}


class FeeParseError(ValueError):
    """The wording is not a fee the system can compute; the message says why,
    in Vietnamese, for the operator who wrote it."""


class FeeNotSet(ValueError):
    """A council-set fee whose amount the administrator has not entered yet.
    Raised instead of returning 0 so nobody is charged nothing by accident."""


def parse_fee(text: str) -> dict[str, Any]:
    """The rule for `text`, or FeeParseError."""
    text = unicodedata.normalize("NFC", text or "").strip()
    if not text:
        raise FeeParseError("Chưa ghi phí, lệ phí (ghi 0 nếu không thu).")
    body, notes = _split_notes(text)
    parts: dict[str, Any] = {"kinds": [], "tiers": [], "exemptions": []}
    for clause in (c.strip() for c in body.split(";")):
        if clause:
            _read_clause(clause, parts)
    rule = _assemble(parts)
    if notes:
        rule["note"] = "; ".join(notes)
    return rule


def _split_notes(text: str) -> tuple[str, list[str]]:
    """Take bracketed remarks out: they qualify the fee ("miễn khi đăng ký
    đúng hạn", a circular's number) but are not part of its arithmetic."""
    if text.count("(") != text.count(")"):
        raise FeeParseError("Dấu ngoặc không cân đối.")
    notes = [n.strip() for n in re.findall(r"\(([^()]*)\)", text) if n.strip()]
    body = re.sub(r"\([^()]*\)", " ", text)
    if "(" in body:
        raise FeeParseError("Không hỗ trợ ngoặc lồng nhau.")
    return " ".join(body.split()), notes


def _read_clause(clause: str, parts: dict[str, Any]) -> None:
    lowered = clause.lower()
    folded = fold(clause)
    if _ZERO.match(lowered) or folded in _FREE_WORDS:
        parts["kinds"].append(FREE)
    elif "hdnd" in folded and "quy dinh" in folded:
        parts["kinds"].append(SET_BY_COUNCIL)
    elif folded.startswith("mien cho "):
        parts["exemptions"].extend(_exemptions(folded.removeprefix("mien cho "), clause))
    elif match := _FROM_PAGE.match(lowered):
        parts["tiers"].append({"from_page": int(match[1]), "amount": _amount(match[2])})
    elif match := _CAP.match(lowered):
        _set_once(parts, "cap_per_copy", _amount(match[1]), clause)
    elif match := _PER_UNIT.match(lowered):
        _read_per_unit(_amount(match[1]), " ".join(match[2].split()), clause, parts)
    else:
        raise FeeParseError(
            f"Không hiểu mức phí '{clause}' (ví dụ cách ghi: '0', '10000 đồng/trường hợp', "
            "'2000 đồng/trang', 'HĐND thành phố quy định')."
        )


def _read_per_unit(amount: int, unit: str, clause: str, parts: dict[str, Any]) -> None:
    if unit == "trang":
        parts["tiers"].append({"from_page": 1, "amount": amount})
    elif unit in _COPY_UNITS:
        parts["kinds"].append(PER_COPY)
        _set_once(parts, "amount", amount, clause)
        parts["unit"] = unit
    else:
        parts["kinds"].append(FIXED)
        _set_once(parts, "amount", amount, clause)
        parts["unit"] = unit


def _set_once(parts: dict[str, Any], key: str, value: int, clause: str) -> None:
    if key in parts:
        raise FeeParseError(f"Mức phí bị ghi hai lần ('{clause}').")
    parts[key] = value


def _amount(digits: str) -> int:
    return int(digits.replace(".", "").replace(",", ""))


def _exemptions(folded_list: str, clause: str) -> list[str]:
    found = []
    for name in (n.strip() for n in re.split(r"/|,| va ", folded_list)):
        if name not in EXEMPTION_CATEGORIES:
            raise FeeParseError(
                f"Không rõ đối tượng miễn trong '{clause}'; chỉ nhận: người có công, "
                "hộ nghèo, người khuyết tật."
            )
        found.append(EXEMPTION_CATEGORIES[name])
    return found


def _assemble(parts: dict[str, Any]) -> dict[str, Any]:
    kinds = set(parts["kinds"]) | ({PER_PAGE} if parts["tiers"] else set())
    if len(kinds) != 1:
        raise FeeParseError("Thiếu mức phí." if not kinds else "Các mức phí mâu thuẫn nhau.")
    kind = kinds.pop()
    rule: dict[str, Any] = {"kind": kind}
    if kind in (FIXED, PER_COPY):
        rule.update(amount=parts["amount"], unit=parts["unit"])
    elif kind == PER_PAGE:
        rule.update(_page_rule(parts))
    elif kind == SET_BY_COUNCIL:
        rule["amount"] = None
    if "cap_per_copy" in parts and kind != PER_PAGE:
        raise FeeParseError("Mức tối đa mỗi bản chỉ dùng cho phí tính theo trang.")
    rule["exemptions"] = sorted(set(parts["exemptions"]))
    return rule


def _page_rule(parts: dict[str, Any]) -> dict[str, Any]:
    tiers = sorted(parts["tiers"], key=lambda tier: tier["from_page"])
    rule = {"tiers": tiers, "cap_per_copy": parts.get("cap_per_copy")}
    errors = _page_errors(rule)
    if errors:
        raise FeeParseError(errors[0])
    return rule


def _page_errors(rule: dict[str, Any]) -> list[str]:
    tiers = rule.get("tiers")
    if not isinstance(tiers, list) or not tiers:
        return ["Phí theo trang cần ít nhất một mức."]
    starts = [tier.get("from_page") if isinstance(tier, dict) else None for tier in tiers]
    if starts[0] != 1:
        return ["Phí theo trang phải có mức cho trang đầu tiên."]
    if not all(_is_amount(s) for s in starts) or starts != sorted(set(starts)):
        return ["Các mức theo trang phải bắt đầu ở các trang tăng dần, không trùng."]
    if not all(_is_amount(tier.get("amount")) for tier in tiers):
        return ["Mỗi mức theo trang cần số tiền (đồng) không âm."]
    cap = rule.get("cap_per_copy")
    if cap is not None and not _is_amount(cap):
        return ["Mức tối đa mỗi bản phải là số tiền không âm."]
    return []


def _is_amount(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def rule_errors(rule: Any) -> list[str]:
    """Every problem of a rule edited by hand (e.g. in the admin); empty if
    compute_fee can use it."""
    if not isinstance(rule, dict):
        return ["Quy tắc tính phí phải là một đối tượng JSON."]
    kind = rule.get("kind")
    errors: list[str] = []
    if kind not in KINDS:
        errors.append(f"Loại phí '{kind}' không hợp lệ; dùng một trong: {', '.join(KINDS)}.")
    elif kind in (FIXED, PER_COPY) and not _is_amount(rule.get("amount")):
        errors.append("Cần số tiền (amount) là số nguyên đồng không âm.")
    elif kind == SET_BY_COUNCIL and rule.get("amount") is not None:
        if not _is_amount(rule["amount"]):
            errors.append("Số tiền HĐND quy định (amount) phải là số nguyên đồng không âm.")
    elif kind == PER_PAGE:
        errors.extend(_page_errors(rule))
    exemptions = rule.get("exemptions", [])
    known = set(EXEMPTION_LABELS)
    if not isinstance(exemptions, list) or not set(exemptions) <= known:
        errors.append(f"Đối tượng miễn phải thuộc: {', '.join(sorted(known))}.")
    return errors


def compute_fee(
    rule: dict[str, Any], pages: int = 1, copies: int = 1, *, category: str | None = None
) -> int:
    """The fee in đồng for a dossier of `copies` copies of `pages` pages each.

    `category` is the applicant's exemption category, if any. A fixed fee is
    per case (per signature, per will) and does not depend on copies.
    Raises FeeNotSet for a council-set fee without an amount, and ValueError
    for a rule rule_errors() would refuse.
    """
    if pages < 1 or copies < 1:
        raise ValueError("pages and copies must be at least 1")
    errors = rule_errors(rule)
    if errors:
        raise ValueError(errors[0])
    if category is not None and category in rule.get("exemptions", []):
        return 0
    kind = rule["kind"]
    if kind == FREE:
        return 0
    if kind == FIXED:
        return int(rule["amount"])
    if kind == PER_COPY:
        return int(rule["amount"]) * copies
    if kind == PER_PAGE:
        return _page_fee(rule, pages) * copies
    if rule.get("amount") is None:
        raise FeeNotSet("the council-set fee has no amount yet")
    return int(rule["amount"])


def _page_fee(rule: dict[str, Any], pages: int) -> int:
    """One copy: each tier's amount for the pages from its start to the next
    tier's start, then the cap."""
    tiers = rule["tiers"]
    total = 0
    for index, tier in enumerate(tiers):
        last = tiers[index + 1]["from_page"] - 1 if index + 1 < len(tiers) else pages
        counted = min(last, pages) - tier["from_page"] + 1
        total += max(counted, 0) * tier["amount"]
    cap = rule.get("cap_per_copy")
    return total if cap is None else min(total, cap)


def describe_fee(rule: dict[str, Any]) -> str:
    """A short Vietnamese line for citizens, e.g. "8.000 đ/bản sao"."""
    kind = rule.get("kind") if isinstance(rule, dict) else None
    if kind == FREE:
        text = "Miễn phí"
    elif kind in (FIXED, PER_COPY):
        text = f"{_vnd(rule['amount'])}/{rule.get('unit') or 'trường hợp'}"
    elif kind == PER_PAGE:
        text = _describe_pages(rule)
    elif kind == SET_BY_COUNCIL:
        amount = rule.get("amount")
        text = COUNCIL_LABEL if amount is None else f"{_vnd(amount)}/trường hợp"
    else:
        return ""
    exempt = [EXEMPTION_LABELS[c] for c in rule.get("exemptions", []) if c in EXEMPTION_LABELS]
    return f"{text}; miễn cho {', '.join(exempt)}" if exempt else text


def _describe_pages(rule: dict[str, Any]) -> str:
    pieces = []
    for tier in rule["tiers"]:
        price = f"{_vnd(tier['amount'])}/trang"
        pieces.append(price if tier["from_page"] == 1 else f"từ trang {tier['from_page']}: {price}")
    if rule.get("cap_per_copy") is not None:
        pieces.append(f"tối đa {_vnd(rule['cap_per_copy'])}/bản")
    return "; ".join(pieces)


def _vnd(amount: int) -> str:
    return format_vnd(amount)
