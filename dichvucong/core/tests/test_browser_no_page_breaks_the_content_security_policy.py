"""The main pages, under the real Content-Security-Policy in Debian's
Chromium with JavaScript on: the public pages, login and registration, an
applicant's dossier and its PDF slip, the back office's queue and dossier,
the printable login slips and the Django admin (its own scripts included).
Not one violation of the policy is reported and not one request leaves for
another host: everything the site needs is its own."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import StaffRole, User
from dichvucong.accounts.testing import pass_second_factor
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.outreach.tests.helpers_tests.cast import add_pupil, make_helpers_cast

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

pytestmark = pytest.mark.browser

PASSWORD = "matkhau-demo-1"
# Chromium's PDF viewer loads its own parts from inside the browser.
BROWSERS_OWN = ("chrome://", "chrome-extension://")
# Records what the browser reports: policy violations seen by the page.
LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


class Watch:
    """One browser context whose CSP violations and outside requests are
    written down; an outside request is also refused, never sent."""

    def __init__(self, browser: Browser, origin: str) -> None:
        self.origin = origin
        self.problems: list[str] = []
        self.context: BrowserContext = browser.new_context(locale="vi-VN")
        self.context.add_init_script(LISTEN)
        self.context.route("**/*", self._only_our_host)
        self.page: Page = self.context.new_page()
        self.page.on("console", self._console)

    def _only_our_host(self, route: Any) -> None:
        url = route.request.url
        if url.startswith((self.origin + "/", *BROWSERS_OWN)):
            route.continue_()
        else:
            self.problems.append(f"request to another host: {url}")
            route.abort()

    def _console(self, message: Any) -> None:
        if "Content Security Policy" in message.text:
            self.problems.append(f"console: {message.text}")

    def visit(self, path: str) -> Page:
        response = self.page.goto(self.origin + path)
        assert response is not None and response.ok, (path, response and response.status)
        self.settle(path)
        return self.page

    def settle(self, where: str) -> None:
        self.page.wait_for_load_state("load")
        if self.page.url.endswith(".pdf"):
            return  # the built-in PDF viewer: no page script runs in it
        for violation in self.page.evaluate("window.__violations || []"):
            self.problems.append(f"{where}: {violation}")

    def log_in(self, username: str) -> None:
        self.visit("/tai-khoan/dang-nhap/")
        self.page.get_by_label("Số định danh cá nhân, mã số thuế hoặc tên đăng nhập").fill(username)
        self.page.get_by_label("Mật khẩu").fill(PASSWORD)
        self.page.get_by_role("button", name="Đăng nhập").click()
        self.page.wait_for_url(lambda url: "dang-nhap" not in url)
        # Staff set up or type their second factor: those pages are watched too.
        pass_second_factor(self.page, User.objects.get(username=username))
        self.settle("after login")


@pytest.fixture
def site(transactional_db, settings, tmp_path: Path) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    hc = make_helpers_cast()
    cast = hc.cast
    coordinator = User.objects.create_user(
        username="thcs.a", password=PASSWORD, full_name="Cô Lan", kind=AccountKind.STAFF
    )
    StaffRole.objects.create(
        user=coordinator, role=Role.SCHOOL_COORDINATOR, agency=cast.agency_a, school=hc.school
    )
    add_pupil(hc.school_class, "Lê Minh Anh", cast.group_a)
    User.objects.create_user(
        username="quantri",
        password=PASSWORD,
        full_name="Quản trị hệ thống",
        kind=AccountKind.STAFF,
        is_staff=True,
        is_superuser=True,
    )
    return {
        "dossier": make_dossier(cast, Status.RETURNED),
        "procedure": cast.procedure,
        "school_class": hc.school_class,
    }


def test_the_main_pages_keep_to_the_policy(browser: Browser, live_server, site) -> None:
    dossier, procedure = site["dossier"], site["procedure"]
    watches = []

    anonymous = Watch(browser, live_server.url)
    watches.append(anonymous)
    for path in (
        "/",
        "/thu-tuc/",
        f"/thu-tuc/{procedure.code}/",
        "/thong-ke/",
        "/tai-khoan/dang-nhap/",
        "/tai-khoan/dang-ky/",
        "/tra-cuu/",
        "/phan-anh/",
    ):
        anonymous.visit(path)
    anonymous.visit("/thong-ke/")
    expect(anonymous.page.locator("svg.chart").first).to_be_visible()

    applicant = Watch(browser, live_server.url)
    watches.append(applicant)
    applicant.log_in(dossier.applicant.username)
    for path in (
        "/ho-so/",
        f"/ho-so/{dossier.public_id}/",
        "/tai-khoan/",
        f"/phieu/{dossier.public_id}/01.pdf",
    ):
        applicant.visit(path)

    reception = Watch(browser, live_server.url)
    watches.append(reception)
    reception.log_in("tiepnhan.a")
    reception.visit("/mot-cua/")
    reception.visit(f"/mot-cua/ho-so/{dossier.public_id}/")

    school = Watch(browser, live_server.url)
    watches.append(school)
    school.log_in("thcs.a")
    school.visit(f"/tuyen-truyen/lop/{site['school_class'].pk}/")
    school.page.get_by_role("button", name="Cấp tài khoản đại sứ số").click()
    school.settle("login slips")
    slip = school.page.locator(".slip").first
    expect(slip).to_be_visible()
    # Styled by its own sheet, which the policy let in.
    assert slip.evaluate("(el) => getComputedStyle(el).borderTopStyle") == "dashed"

    admin = Watch(browser, live_server.url)
    watches.append(admin)
    admin.log_in("quantri")
    for path in (
        "/quan-tri/",
        "/quan-tri/catalogue/procedure/",
        f"/quan-tri/catalogue/procedure/{procedure.pk}/change/",
        "/quan-tri/accounts/user/add/",
    ):
        admin.visit(path)

    problems = [problem for watch in watches for problem in watch.problems]
    for watch in watches:
        watch.context.close()
    assert problems == [], "\n".join(problems)


def test_the_watch_sees_inline_style_and_outside_requests(
    browser: Browser, live_server, site
) -> None:
    """The test above could not fail if the browser ignored the policy or
    the watch missed what it reports: here both are made to happen."""
    watch = Watch(browser, live_server.url)
    watch.visit("/")

    watch.page.evaluate(
        """() => {
          const style = document.createElement('style');
          style.textContent = 'body { background: red; }';
          document.head.appendChild(style);
        }"""
    )
    watch.page.wait_for_timeout(500)
    watch.settle("/")
    with contextlib.suppress(PlaywrightError):
        watch.page.goto("http://cdn.example.com/logo.png")
    watch.context.close()

    assert any("style-src" in problem for problem in watch.problems), watch.problems
    assert "request to another host: http://cdn.example.com/logo.png" in watch.problems
