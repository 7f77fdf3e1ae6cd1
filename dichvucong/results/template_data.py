"""Loading the result templates kept in data/result_templates.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dichvucong.results.models import ResultTemplate

DATA_FILE = Path(__file__).resolve().parent / "data" / "result_templates.json"
KEYS = ("title", "symbol", "fields", "body", "signer_title")


def read_templates(path: Path = DATA_FILE) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return list(json.load(handle)["templates"])


def load_templates(path: Path = DATA_FILE, *, replace: bool = False) -> int:
    """Create the templates the file has and the database lacks; with
    `replace`, overwrite those it has too (an administrator's edits are
    kept otherwise). Returns how many rows were written."""
    written = 0
    for row in read_templates(path):
        values = {key: row.get(key, "") for key in KEYS}
        code = row.get("procedure_code", "")
        if replace:
            ResultTemplate.objects.update_or_create(procedure_code=code, defaults=values)
            written += 1
        else:
            _template, created = ResultTemplate.objects.get_or_create(
                procedure_code=code, defaults=values
            )
            written += created
    return written
