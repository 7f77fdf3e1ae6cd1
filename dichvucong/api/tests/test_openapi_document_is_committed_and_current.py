"""The committed OpenAPI document is the one the code generates (the CI
drift check), and it is the one served at /api/v1/openapi.json."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from dichvucong.api import openapi


def test_the_committed_document_matches_the_code() -> None:
    assert openapi.committed() == openapi.generated(), (
        "dichvucong/api/openapi.json is stale: run `python manage.py export_openapi`"
    )


def test_the_served_document_is_the_committed_one(client: Client, db: None) -> None:
    served = client.get("/api/v1/openapi.json").json()
    assert served == json.loads(openapi.committed())
    assert served["openapi"].startswith("3.")


def test_the_check_command_fails_on_drift(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(openapi, "committed", lambda: "{}\n")
    with pytest.raises(CommandError):
        call_command("export_openapi", "--check")


def test_every_error_status_is_documented_in_the_error_shape() -> None:
    document = json.loads(openapi.committed())
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status.startswith("4"):
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/ErrorOut"}, (path, method)
