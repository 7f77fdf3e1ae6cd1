"""docs/processing-record.md and docs/impact-assessment.md are what
`manage.py privacy_records` generates from the registry and the settings;
the check fails when they drift, as the OpenAPI check does."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from dichvucong.privacy import records
from dichvucong.privacy.registry import PURPOSES


def test_the_committed_records_match_the_registry() -> None:
    assert records.stale() == [], "docs/ is stale: run `python manage.py privacy_records`"


def test_the_check_command_fails_when_a_record_drifts(monkeypatch, tmp_path) -> None:
    stale = tmp_path / "processing-record.md"
    stale.write_text("cũ\n", encoding="utf-8")
    monkeypatch.setattr(records, "RECORD", stale)
    monkeypatch.setattr(records, "ASSESSMENT", tmp_path / "missing.md")
    with pytest.raises(CommandError):
        call_command("privacy_records", "--check")


def test_the_record_names_every_purpose_basis_and_the_retention_settings(settings) -> None:
    settings.RETENTION_ACCESS_LOG_DAYS = 400
    text = records.processing_record()
    for purpose in PURPOSES:
        assert str(purpose.name) in text and str(purpose.basis_text) in text
    assert "Nhật ký an ninh (truy cập): 400 ngày" in text
    assert "`outreach.Pupil.full_name`" in text
    assert "Dữ liệu trẻ em.** Có" in records.impact_assessment()
