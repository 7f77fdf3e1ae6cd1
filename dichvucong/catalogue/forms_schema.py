"""The e-form definition a procedure carries, and its structural check.

A schema is a list of steps; each step has a title and fields:

    [{"title": "Người được khai sinh",
      "fields": [
        {"name": "child_name", "label": "Họ, chữ đệm và tên", "type": "text",
         "required": true, "max_length": 100},
        {"name": "birth_date", "label": "Ngày sinh", "type": "date",
         "required": true, "max": "today"},
        {"name": "sex", "label": "Giới tính", "type": "choice",
         "choices": ["Nam", "Nữ"], "required": true},
        {"name": "copies", "label": "Số bản sao", "type": "number", "min": 0, "max": 10},
        {"name": "witnesses", "label": "Người làm chứng", "type": "group",
         "min": 0, "max": 2, "fields": [ ...fields, no nested groups... ]}]}]

Field keys: name (a-z, 0-9, _), label, type, required (default false),
help, max_length (text types), min/max (number: numbers; date: "today" or
dd/mm/yyyy), choices (choice), prefill (one of PREFILL_SOURCES: what the
applicant's account already knows), and for groups min/max repeats.
"""

from __future__ import annotations

import re
from typing import Any

FIELD_TYPES = {
    "text", "textarea", "number", "date", "choice", "checkbox",
    "id_number", "phone", "email", "tax_code", "address", "group",
}
PREFILL_SOURCES = {"full_name", "id_number", "phone", "email", "address", "date_of_birth"}
NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,49}$")


def schema_errors(schema: Any) -> list[str]:
    """Every structural problem of `schema`, in Vietnamese; empty if sound."""
    if schema in (None, []):
        return []
    if not isinstance(schema, list):
        return ["Biểu mẫu phải là danh sách các bước."]
    errors: list[str] = []
    seen: set[str] = set()
    for index, step in enumerate(schema, start=1):
        if not isinstance(step, dict) or not isinstance(step.get("fields"), list):
            errors.append(f"Bước {index}: thiếu danh sách trường (fields).")
            continue
        if not step.get("title"):
            errors.append(f"Bước {index}: thiếu tiêu đề (title).")
        for field in step["fields"]:
            errors.extend(_field_errors(field, seen, f"Bước {index}", nested=False))
    return errors


def _field_errors(field: Any, seen: set[str], where: str, nested: bool) -> list[str]:
    if not isinstance(field, dict):
        return [f"{where}: mỗi trường phải là một đối tượng."]
    name = field.get("name", "")
    where = f"{where}, trường '{name}'"
    errors: list[str] = []
    if not isinstance(name, str) or not NAME_RE.match(name):
        errors.append(f"{where}: tên trường chỉ gồm chữ thường không dấu, số và '_'.")
    elif name in seen:
        errors.append(f"{where}: tên trường bị trùng.")
    seen.add(str(name))
    if not field.get("label"):
        errors.append(f"{where}: thiếu nhãn (label).")
    kind = field.get("type")
    if kind not in FIELD_TYPES:
        errors.append(f"{where}: kiểu '{kind}' không hợp lệ.")
    if kind == "choice" and not _is_str_list(field.get("choices")):
        errors.append(f"{where}: trường lựa chọn cần danh sách choices.")
    if kind == "group":
        if nested:
            errors.append(f"{where}: không được lồng nhóm trong nhóm.")
        sub = field.get("fields")
        if not isinstance(sub, list) or not sub:
            errors.append(f"{where}: nhóm cần danh sách trường con.")
        else:
            for child in sub:
                errors.extend(_field_errors(child, set(), where, nested=True))
    prefill = field.get("prefill")
    if prefill is not None and prefill not in PREFILL_SOURCES:
        errors.append(f"{where}: nguồn điền sẵn '{prefill}' không hợp lệ.")
    return errors


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


def iter_fields(schema: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
    """Yield every top-level field of every step, in order."""
    for step in schema or []:
        yield from step.get("fields", [])
