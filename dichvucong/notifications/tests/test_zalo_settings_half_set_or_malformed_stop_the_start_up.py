"""The Zalo channel is on with all four settings and off with none; any
other mix, or templates that are not the documented JSON, stop the
start-up (settings.py) instead of leaving citizens' Zalo messages to fail."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

COMPLETE = {
    "ZALO_APP_ID": "4291763606",
    "ZALO_APP_SECRET": "s3cr3t",
    "ZALO_OA_REFRESH_TOKEN": "first-rt",
    "ZALO_TEMPLATES": '{"*": {"template_id": "231000", "data": {"ma_ho_so": "code"}}}',
}


def _load_settings(**variables: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZALO_")}
    env.update(DEBUG="true", **variables)
    code = "import dichvucong.settings as s; print(bool(s.ZALO_TEMPLATES))"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


def test_none_or_all_four_set_start():
    assert _load_settings().stdout.strip() == "False"
    assert _load_settings(**COMPLETE).stdout.strip() == "True"


@pytest.mark.parametrize("missing", sorted(COMPLETE))
def test_any_one_missing_stops_the_start_up(missing):
    variables = {k: v for k, v in COMPLETE.items() if k != missing}
    result = _load_settings(**variables)
    assert result.returncode != 0
    assert "Zalo half-configured" in result.stderr


@pytest.mark.parametrize("templates", ["accepted=231001", '{"accepted": {"data": {}}}', "[1]"])
def test_malformed_templates_stop_the_start_up(templates):
    result = _load_settings(**{**COMPLETE, "ZALO_TEMPLATES": templates})
    assert result.returncode != 0
    assert "ZALO_TEMPLATES" in result.stderr
