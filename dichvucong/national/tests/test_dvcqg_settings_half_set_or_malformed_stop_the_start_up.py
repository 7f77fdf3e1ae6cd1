"""The sync is on with all five settings and off with none; any other
mix, or a malformed list of agency codes, stops the start-up
(settings.py) instead of leaving events to pile up unsent."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

COMPLETE = {
    "DVCQG_URL": "https://dvcqg.example.vn/api/dongbo",
    "DVCQG_AUTH_URL": "https://dvcqg.example.vn/api/xacthuc",
    "DVCQG_USERNAME": "thanhxuan",
    "DVCQG_PASSWORD": "s3cr3t",
    "DVCQG_UNIT_CODE": "000.00.20.H26",
}


def _load_settings(**variables: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DVCQG_")}
    env.update(DEBUG="true", **variables)
    code = "import dichvucong.settings as s; print(bool(s.DVCQG_URL), s.DVCQG_AGENCY_UNIT_CODES)"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


def test_none_or_all_five_set_start():
    assert _load_settings().stdout.strip() == "False {}"
    codes = "T.KM=000.20.31.H26; T.KD = 000.21.31.H26"
    result = _load_settings(**COMPLETE, DVCQG_AGENCY_UNIT_CODES=codes)
    assert result.stdout.strip() == "True {'T.KM': '000.20.31.H26', 'T.KD': '000.21.31.H26'}"


@pytest.mark.parametrize("missing", sorted(COMPLETE))
def test_any_one_missing_stops_the_start_up(missing):
    variables = {k: v for k, v in COMPLETE.items() if k != missing}
    result = _load_settings(**variables)
    assert result.returncode != 0
    assert "DVCQG half-configured" in result.stderr


@pytest.mark.parametrize(
    "variables",
    [{"DVCQG_AGENCY_UNIT_CODES": "T.KM:000.20.31.H26"}, {"DVCQG_URL": "dvcqg.example.vn"}],
)
def test_malformed_values_stop_the_start_up(variables):
    result = _load_settings(**{**COMPLETE, **variables})
    assert result.returncode != 0
    assert next(iter(variables)) in result.stderr
