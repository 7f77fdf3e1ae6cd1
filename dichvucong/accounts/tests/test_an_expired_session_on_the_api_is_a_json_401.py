"""A script whose session ran out gets the API's 401 in JSON, never the
login page's redirect; the session is ended all the same."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from dichvucong.accounts.testing import login_verified

START = datetime(2025, 6, 2, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
ME = "/api/v1/applicant/me"


@pytest.fixture
def frozen(time_machine):  # type: ignore[no-untyped-def]
    time_machine.move_to(START, tick=False)
    return time_machine


def test_an_applicant_past_the_12_hour_cap_gets_a_json_401(client, citizen, frozen):
    client.force_login(citizen)
    assert client.get(ME).status_code == 200
    frozen.shift(timedelta(hours=12, minutes=1))
    response = client.get(ME)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"]
    assert "_auth_user_id" not in client.session


def test_an_idle_officer_on_the_api_is_logged_out_with_a_401(client, officer, frozen):
    login_verified(client, officer)
    frozen.shift(timedelta(minutes=31))
    assert client.get(ME).status_code == 401
    assert "_auth_user_id" not in client.session
