"""A retention period that is not a whole number of days, or is negative,
stops the start-up instead of deleting at the wrong time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _load_settings(**variables: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DEBUG": "true", **variables}
    return subprocess.run(
        [sys.executable, "-c", "import dichvucong.settings"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1", "RETENTION_DRAFT_DAYS must be 0 or more days"),
        ("sáu tháng", "RETENTION_DRAFT_DAYS must be a whole number"),
    ],
)
def test_a_bad_period_is_refused_with_its_name(value, message):
    result = _load_settings(RETENTION_DRAFT_DAYS=value)
    assert result.returncode != 0
    assert "ConfigError" in result.stderr and message in result.stderr


def test_a_good_period_loads():
    assert _load_settings(RETENTION_DRAFT_DAYS="0").returncode == 0
