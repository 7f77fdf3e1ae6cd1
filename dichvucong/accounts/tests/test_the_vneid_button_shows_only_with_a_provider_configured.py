"""With no national e-ID provider configured the log-in page has no
VNeID button and its addresses answer 404; configured, the button leads
to the provider. Issuer, client id and secret are set together or not at
all: half of them refuses to start."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from dichvucong.accounts.vneid.standin import StandIn

BUTTON = "Đăng nhập bằng định danh điện tử VNeID"


def test_without_a_provider_there_is_no_button(client: Client, db: None, settings: Any) -> None:
    settings.VNEID_ISSUER = settings.VNEID_CLIENT_ID = settings.VNEID_CLIENT_SECRET = ""

    assert BUTTON not in client.get(reverse("accounts:login")).content.decode()
    for name in ("accounts:vneid_start", "accounts:vneid_callback"):
        assert client.get(reverse(name)).status_code == 404


def test_with_a_provider_the_button_leads_to_it(
    client: Client,
    provider: StandIn,
    db: None,
) -> None:
    page = client.get(reverse("accounts:login")).content.decode()
    assert BUTTON in page

    response = client.get(reverse("accounts:vneid_start"))

    assert response["Location"].startswith(f"{provider.issuer}/authorize?")


@pytest.mark.parametrize(
    "variables",
    [
        {"VNEID_ISSUER": "https://sso.example.vn"},
        {"VNEID_ISSUER": "https://sso.example.vn", "VNEID_CLIENT_ID": "dvc"},
        {"VNEID_CLIENT_ID": "dvc", "VNEID_CLIENT_SECRET": "s"},
    ],
)
def test_half_of_the_settings_refuse_to_start(variables: dict[str, str]) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VNEID_")}
    env.update(variables, DEBUG="true")
    result = subprocess.run(
        [sys.executable, "-c", "import dichvucong.settings"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "National e-ID half-configured" in result.stderr


def test_all_of_the_settings_start() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VNEID_")}
    env.update(
        VNEID_ISSUER="https://sso.example.vn",
        VNEID_CLIENT_ID="dvc",
        VNEID_CLIENT_SECRET="s",
        DEBUG="true",
    )
    result = subprocess.run(
        [sys.executable, "-c", "import dichvucong.settings"], env=env, check=False
    )

    assert result.returncode == 0
