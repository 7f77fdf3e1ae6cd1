"""E-form data sent as JSON, checked by the web's own step forms.

The JSON uses the stored shapes (eforms module docstring): dates as
"YYYY-MM-DD", numbers as numbers, checkboxes as booleans, an address as
{"ward": id, "group": id, "street": "..."}, a group as a list of objects.
Each step's sent values are turned into what a browser would post
(eforms.flatten) and validated by that step's form with partial=True, as
"Lưu nháp" does: a draft may be unfinished, but what is in it must be valid.
Completeness is judged at submission, by the same rules as the web.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from dichvucong.api.errors import invalid
from dichvucong.dossiers import eforms, submission
from dichvucong.dossiers.models import Dossier

SCALARS = (str, int, float)
ADDRESS_PARTS = {"ward", "group", "street"}
MSG_UNKNOWN = "Biểu mẫu của thủ tục không có trường này."
MSG_SHAPE = "Giá trị không đúng kiểu của trường này."
MSG_UNSAFE = "Chuỗi có ký tự không được phép."


def _steps(schema: list[Any]) -> dict[str, tuple[int, dict[str, Any]]]:
    """Top-level field name -> (step number, field spec)."""
    return {
        spec["name"]: (number, spec)
        for number, step in enumerate(schema, start=1)
        if isinstance(step, dict)
        for spec in step.get("fields", [])
        if isinstance(spec, dict) and "name" in spec
    }


def _fits(spec: dict[str, Any], value: Any) -> bool:
    """Whether the JSON type can be this kind of field at all; the form
    then judges the value itself. (Without this, flatten would read a
    list as text, or quietly drop an address given as a string.)"""
    kind = spec.get("type")
    if value is None:
        return True
    if kind == "checkbox":
        return isinstance(value, bool)
    if kind == "address":
        return (
            isinstance(value, dict)
            and set(value) <= ADDRESS_PARTS
            and all(_plain(part) for part in value.values())
        )
    if kind == "group":
        return _rows_fit(spec, value)
    return _plain(value)


def _plain(value: Any) -> bool:
    """A string or a number, or nothing: what a text box can hold."""
    return value is None or (isinstance(value, SCALARS) and not isinstance(value, bool))


def _rows_fit(spec: dict[str, Any], rows: Any) -> bool:
    """A list of row objects, each naming only the group's own fields, no
    more rows than the form shows (it would drop the rest unsaid)."""
    children = {
        child["name"]: child
        for child in spec.get("fields") or []
        if isinstance(child, dict) and "name" in child
    }
    limit = spec.get("max") if isinstance(spec.get("max"), int) else eforms.ROWS_CAP
    if not isinstance(rows, list) or len(rows) > min(limit, eforms.ROWS_CAP):
        return False
    return all(
        isinstance(row, dict)
        and all(name in children and _fits(children[name], v) for name, v in row.items())
        for row in rows
    )


def _unsafe(value: Any) -> bool:
    """NUL or a lone surrogate anywhere inside (see schemas._safe)."""
    if isinstance(value, str):
        return "\x00" in value or _bad_utf8(value)
    if isinstance(value, dict):
        return any(_unsafe(k) or _unsafe(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_unsafe(v) for v in value)
    return False


def _bad_utf8(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _shape_error(fields: dict[str, tuple[int, dict[str, Any]]], name: str, value: Any) -> str:
    """The first thing wrong with one sent field, as an error code, or "".
    The type is checked before the text inside, so the walk through the
    value never goes deeper than the schema's own shapes."""
    if name not in fields:
        return "unsafe_text" if _unsafe(name) else "unknown_field"
    if not _fits(fields[name][1], value):
        return "wrong_type"
    return "unsafe_text" if _unsafe(value) else ""


MESSAGES = {"unknown_field": MSG_UNKNOWN, "wrong_type": MSG_SHAPE, "unsafe_text": MSG_UNSAFE}


def _shape_errors(
    fields: dict[str, tuple[int, dict[str, Any]]], data: dict[str, Any]
) -> list[dict[str, Any]]:
    errors = []
    for name, value in data.items():
        code = _shape_error(fields, name, value)
        if code:
            field = None if code == "unsafe_text" and name not in fields else name
            errors.append({"field": field, "code": code, "message": MESSAGES[code]})
    return errors


def _checked_steps(
    schema: list[Any], fields: dict[str, tuple[int, dict[str, Any]]], data: dict[str, Any]
) -> tuple[dict[int, dict[str, Any]], list[dict[str, Any]]]:
    """The valid values per step, and every error keyed by form field
    name ("birth_date", "home-ward", "witnesses-0-name")."""
    values: dict[int, dict[str, Any]] = {}
    errors: list[dict[str, Any]] = []
    for number in sorted({fields[name][0] for name in data}):
        sent = {name: value for name, value in data.items() if fields[name][0] == number}
        specs = [spec for _n, spec in fields.values() if _n == number]
        form = eforms.step_form(schema, number, eforms.flatten(specs, sent), partial=True)
        for name, messages in form.errors.items():
            field = None if name == "__all__" else name
            errors += [{"field": field, "code": "invalid", "message": str(m)} for m in messages]
        values[number] = {name: value for name, value in form.values().items() if name in sent}
    return values, errors


def save_form_data(dossier: Dossier, user: Any, data: dict[str, Any]) -> Dossier:
    """Check everything sent, then store it all or nothing (a script gets
    every problem at once and never a half-saved form)."""
    schema = (
        dossier.procedure.form_schema if isinstance(dossier.procedure.form_schema, list) else []
    )
    fields = _steps(schema)
    errors = _shape_errors(fields, data)
    if errors:
        raise invalid(errors)
    values, errors = _checked_steps(schema, fields, data)
    if errors:
        raise invalid(errors)
    with transaction.atomic():
        for number, step_values in values.items():
            submission.save_step(dossier, user, number, step_values)
    return dossier
