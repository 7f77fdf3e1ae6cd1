"""The OpenAPI document, generated from the code and committed at
dichvucong/api/openapi.json, so a change to the API shows in review and a
forgotten export fails CI (`manage.py export_openapi --check`)."""

from __future__ import annotations

import json
from pathlib import Path

from django.utils import translation

from dichvucong.api.constants import API_PREFIX

COMMITTED = Path(__file__).resolve().parent / "openapi.json"


def generated() -> str:
    """Pretty, keys sorted, in Vietnamese whatever the active language,
    ending with a newline: the same bytes on every machine."""
    from dichvucong.api.main import api

    with translation.override("vi"):
        schema = api.get_openapi_schema(path_prefix=API_PREFIX)
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def committed() -> str:
    return COMMITTED.read_text(encoding="utf-8") if COMMITTED.exists() else ""


def is_current() -> bool:
    return committed() == generated()


def write() -> Path:
    COMMITTED.write_text(generated(), encoding="utf-8")
    return COMMITTED
