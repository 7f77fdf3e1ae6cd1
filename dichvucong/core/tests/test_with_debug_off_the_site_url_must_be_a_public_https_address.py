"""With DEBUG off the public address is required: unset, loopback or plain
http, `manage.py check` (and gunicorn and Celery, which share the check)
refuses to start, and no allowance lifts it. With DEBUG on, unset is the
development default (links follow the request's host)."""

from __future__ import annotations

import pytest

from dichvucong.core.tests.startup import SAFE, run

CHECK = ["manage.py", "check"]


@pytest.mark.parametrize(
    "site_url",
    [
        "",
        "http://127.0.0.1:8000",
        "https://127.0.0.1",
        "https://localhost:8443",
        "https://[::1]/",
        "https://0.0.0.0",
        "http://dichvucong.example.vn",
    ],
    ids=[
        "unset",
        "loopback-http",
        "loopback-https",
        "localhost",
        "ipv6-loopback",
        "unspecified",
        "plain-http",
    ],
)
def test_production_refuses_a_site_url_nobody_can_follow(tmp_path, site_url) -> None:
    started = run(tmp_path, CHECK, **{**SAFE, "SITE_URL": site_url})

    assert started.returncode != 0
    assert "dichvucong.E006" in started.stderr
    assert "SITE_URL" in started.stderr


def test_production_accepts_its_public_https_address(tmp_path) -> None:
    started = run(
        tmp_path, CHECK, **{**SAFE, "SITE_URL": "https://dichvucong.thanhxuan.hanoi.gov.vn"}
    )

    assert started.returncode == 0, started.stderr


def test_development_needs_no_site_url(tmp_path) -> None:
    started = run(tmp_path, CHECK, DEBUG="true")

    assert started.returncode == 0, started.stderr
    assert "E006" not in started.stderr
