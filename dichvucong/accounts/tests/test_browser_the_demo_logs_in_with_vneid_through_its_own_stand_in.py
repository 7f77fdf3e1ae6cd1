"""`make run` (demo mode, no provider configured) shows the national e-ID
journey end to end: the button leads to the stand-in provider this same
site serves under /demo/vneid/, which signs its ID tokens like the real
one, and a made-up new person comes back logged in to a new account. With
demo mode off and no provider, that stand-in does not exist."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from django.test import Client
from playwright.sync_api import expect

from dichvucong.accounts.constants import AssuranceLevel
from dichvucong.accounts.models import CitizenProfile

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture
def demo(settings: Any) -> None:
    settings.DEMO_MODE = True
    settings.VNEID_ISSUER = settings.VNEID_CLIENT_ID = settings.VNEID_CLIENT_SECRET = ""


@pytest.mark.browser
def test_a_new_person_logs_in_through_the_demos_stand_in(
    browser: Browser, live_server: Any, demo: None, units: Any
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="vi-VN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(live_server.url + "/tai-khoan/dang-nhap/")
    page.get_by_role("link", name="Đăng nhập bằng định danh điện tử VNeID").click()
    assert page.url.startswith(live_server.url + "/demo/vneid/authorize?")
    page.get_by_label("Trần Thị Lan").check()
    page.get_by_role("button", name="Đồng ý và đăng nhập").click()

    expect(page.locator(".messages")).to_contain_text("Đã đăng nhập bằng VNeID")
    profile = CitizenProfile.objects.get(id_number="001194023456")
    assert profile.assurance == AssuranceLevel.NATIONAL_EID
    context.close()


def test_without_demo_mode_the_stand_in_does_not_exist(
    client: Client, db: None, settings: Any
) -> None:
    settings.DEMO_MODE = False
    settings.VNEID_ISSUER = ""

    assert client.get("/demo/vneid/.well-known/openid-configuration").status_code == 404
    assert client.post("/demo/vneid/token").status_code == 404


def test_with_a_real_provider_the_demo_does_not_serve_the_stand_in(
    client: Client, db: None, settings: Any
) -> None:
    settings.DEMO_MODE = True
    settings.VNEID_ISSUER = "https://sso.example.vn"
    settings.VNEID_CLIENT_ID = "dvc"
    settings.VNEID_CLIENT_SECRET = "secret"

    assert client.get("/demo/vneid/jwks").status_code == 404


def test_the_demo_page_says_whom_to_pick(client: Client, db: None, demo: None) -> None:
    page = client.get("/demo/").content.decode()

    assert "Đăng nhập bằng VNeID (giả lập)" in page
    assert "Trần Thị Lan" in page
