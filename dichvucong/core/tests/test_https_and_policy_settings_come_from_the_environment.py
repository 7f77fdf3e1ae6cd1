"""The HTTPS settings are read from the environment at start-up: the
proxy's header by its name, HSTS's length and scope; the payment gateway's
page is the one outside address a form may lead to."""

from __future__ import annotations

import json

from dichvucong.core.tests.startup import run

SHOW = [
    "-c",
    "import json; from django.conf import settings as s; print(json.dumps({"
    "'proxy': s.SECURE_PROXY_SSL_HEADER, 'redirect': s.SECURE_SSL_REDIRECT,"
    "'hsts': [s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD],"
    "'silenced': getattr(s, 'SILENCED_SYSTEM_CHECKS', []),"
    "'form_action': s.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action']}))",
]


def shown(tmp_path, **variables: str) -> dict:
    started = run(tmp_path, SHOW, **variables)
    assert started.returncode == 0, started.stderr
    return json.loads(started.stdout)


def test_the_defaults_are_one_year_of_hsts_and_no_proxy(tmp_path) -> None:
    settings = shown(tmp_path)

    assert settings["proxy"] is None
    assert settings["redirect"] is False
    assert settings["hsts"] == [31536000, True, False]
    # Preloading is the domain owner's decision, so its warning is silenced
    # until SECURE_HSTS_PRELOAD is set.
    assert settings["silenced"] == ["security.W021"]
    assert settings["form_action"] == ["'self'"]


def test_each_variable_changes_its_setting(tmp_path) -> None:
    settings = shown(
        tmp_path,
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
        SECURE_SSL_REDIRECT="true",
        SECURE_HSTS_SECONDS="600",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="false",
        SECURE_HSTS_PRELOAD="true",
        VNPAY_URL="https://pay.vnpay.vn/vpcpay.html",
    )

    assert settings["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert settings["redirect"] is True
    assert settings["hsts"] == [600, False, True]
    assert settings["silenced"] == []
    assert settings["form_action"] == ["'self'", "https://pay.vnpay.vn"]


def test_a_bad_value_stops_start_up(tmp_path) -> None:
    started = run(tmp_path, SHOW, SECURE_HSTS_SECONDS="một năm")

    assert started.returncode != 0
    assert "SECURE_HSTS_SECONDS must be a whole number" in started.stderr
