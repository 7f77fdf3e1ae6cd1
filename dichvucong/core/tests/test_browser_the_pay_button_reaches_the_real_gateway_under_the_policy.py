"""Paying online posts to us and is redirected to the gateway's page on
another host, and Chromium holds that redirect to the form-action
directive. So the policy names the gateway's origin (settings.py takes it
from VNPAY_URL): with it the citizen reaches the gateway, without it the
browser stops the payment with a policy violation."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from dichvucong.dossiers.testing import make_cast
from dichvucong.payments import conf
from dichvucong.payments.conf import PaymentConfig
from dichvucong.payments.tests.helpers import awaiting_payment

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

POLICY = {
    "default-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
}


@pytest.fixture
def paying(transactional_db, settings, tmp_path: Path, monkeypatch, live_server):  # type: ignore[no-untyped-def]
    """A dossier owing a fee, and "VNPay" on another origin: the same test
    server under its other name (localhost and 127.0.0.1 are two origins)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    ours = urlsplit(live_server.url)
    other = "localhost" if ours.hostname != "localhost" else "127.0.0.1"
    gateway = f"http://{other}:{ours.port}"
    monkeypatch.setattr(
        conf,
        "config",
        lambda: PaymentConfig("vnpay", "TXTEST01", "test-secret", f"{gateway}/thu-tuc/"),
    )
    cast = make_cast()
    return cast, awaiting_payment(cast), gateway


def _pay(browser: Browser, live_server, cast, dossier) -> tuple[str, list[str]]:  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    reported: list[str] = []
    page.on("console", lambda message: reported.append(message.text))
    page.goto(live_server.url + "/tai-khoan/dang-nhap/")
    page.get_by_label("Số định danh cá nhân, mã số thuế hoặc tên đăng nhập").fill(
        cast.applicant.username
    )
    page.get_by_label("Mật khẩu").fill("matkhau-demo-1")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "dang-nhap" not in url)
    page.goto(f"{live_server.url}/thanh-toan/ho-so/{dossier.public_id}/")
    page.get_by_role("button", name="Thanh toán trực tuyến").click()
    page.wait_for_timeout(1000)
    page.wait_for_load_state("load")
    url = page.url
    context.close()
    return url, [text for text in reported if "Content Security Policy" in text]


def test_with_the_gateway_in_form_action_the_citizen_reaches_it(
    browser: Browser, live_server, paying, settings
) -> None:
    cast, dossier, gateway = paying
    form_action = {"form-action": ["'self'", gateway]}
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {**POLICY, **form_action}}

    url, violations = _pay(browser, live_server, cast, dossier)

    assert url.startswith(f"{gateway}/thu-tuc/?vnp_")
    assert violations == []


def test_without_it_the_browser_stops_the_payment(
    browser: Browser, live_server, paying, settings
) -> None:
    cast, dossier, gateway = paying
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {**POLICY, "form-action": ["'self'"]}}

    url, violations = _pay(browser, live_server, cast, dossier)

    assert not url.startswith(gateway)
    assert any("form-action" in text for text in violations), violations
