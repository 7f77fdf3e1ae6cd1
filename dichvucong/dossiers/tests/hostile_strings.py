"""A deterministic corpus of hostile strings for the e-form, and what a
clean stored value looks like. Used by the web and API fuzz tests."""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from dichvucong.catalogue.forms_schema import FIELD_TYPES
from dichvucong.dossiers import eforms

HOSTILE_STRINGS: list[str] = [
    "1" * 40,  # the 40-digit number of issue 10
    "-" + "9" * 40,
    "9223372036854775808",  # 2**63: past SQLite's and PostgreSQL's bigint
    "-9223372036854775809",
    "1" * 5000,  # past Python's 4300-digit int() limit
    "1e400",
    "-1e-400",
    "NaN",
    "nan",
    "inf",
    "-Infinity",
    "1,5",
    "1.5e10",
    "0x1F",
    "1_000",
    "١٢٣",  # Arabic-Indic digits
    "１２３",  # full-width digits
    "\x00",
    "a\x00b",
    "\x01\x02\x1b[31m\x7f",
    "\u202egnp.exe",
    "\u200b\ufeff",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀",
    "Nguye\u0302\u0303n",  # Vietnamese in NFD
    "a" * 100_000,
    "31/02/2024",
    "29/02/2023",
    "00/00/0000",
    "01/01/0001",
    "31/12/9999",
    "9999",
    "99999999",
    "2024-02-31",
    "",
    "   ",
    "\t\n\r",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%s%n%x{0}",
]

# Every field type the schema allows, each at the top level and (but for
# address and group) inside a repeating group.
SIMPLE = [
    {"name": "text_f", "label": "Văn bản", "type": "text", "max_length": 50},
    {"name": "textarea_f", "label": "Đoạn văn", "type": "textarea"},
    {"name": "number_f", "label": "Số", "type": "number"},
    {"name": "bounded_f", "label": "Số có giới hạn", "type": "number", "min": 0, "max": 10},
    {"name": "decimal_f", "label": "Số thập phân", "type": "number", "decimal_places": 2},
    {"name": "date_f", "label": "Ngày", "type": "date"},
    {"name": "past_f", "label": "Ngày đã qua", "type": "date", "max": "today"},
    {"name": "radio_f", "label": "Giới tính", "type": "choice", "choices": ["Nam", "Nữ"]},
    {
        "name": "select_f",
        "label": "Dân tộc",
        "type": "choice",
        "choices": ["Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa"],
    },
    {"name": "checkbox_f", "label": "Đồng ý", "type": "checkbox"},
    {"name": "id_f", "label": "Số định danh", "type": "id_number"},
    {"name": "phone_f", "label": "Điện thoại", "type": "phone"},
    {"name": "email_f", "label": "Thư điện tử", "type": "email"},
    {"name": "tax_f", "label": "Mã số thuế", "type": "tax_code"},
]
SCHEMA: list[dict[str, Any]] = [
    {
        "title": "Mọi kiểu trường",
        "fields": [
            *SIMPLE,
            {"name": "address_f", "label": "Địa chỉ", "type": "address"},
            {
                "name": "group_f",
                "label": "Người làm chứng",
                "type": "group",
                "max": 2,
                "fields": [dict(spec, required=True) for spec in SIMPLE[:4]]
                + [{"name": "home", "label": "Nơi ở", "type": "address"}],
            },
        ],
    }
]
assert {f["type"] for f in SCHEMA[0]["fields"]} == FIELD_TYPES, "a field type is not fuzzed"


def web_keys() -> list[str]:
    """Every name the step form posts."""
    keys = [spec["name"] for spec in SIMPLE]
    keys += [f"address_f-{part}" for part in ("ward", "group", "street")]
    keys += [f"group_f-0-{spec['name']}" for spec in SIMPLE[:4]]
    keys += [f"group_f-0-home-{part}" for part in ("ward", "group", "street")]
    return keys


def is_clean(value: Any) -> bool:
    """A stored value as the e-form promises (eforms module docstring):
    text without control or invisible characters (but tab and line
    breaks), NFC;
    whole numbers within the e-form's limit; no NaN or infinity."""
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, int):
        return abs(value) <= eforms.NUMBER_LIMIT
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, str):
        controls = [
            ch for ch in value if unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\t\n\r"
        ]
        fits = len(value) <= eforms.TEXTAREA_MAX
        return fits and not controls and unicodedata.is_normalized("NFC", value)
    if isinstance(value, list):
        return all(is_clean(item) for item in value)
    if isinstance(value, dict):
        return all(is_clean(item) for item in value.values())
    return False
