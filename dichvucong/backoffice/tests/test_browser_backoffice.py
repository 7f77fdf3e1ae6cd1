"""A dossier's whole journey through the back office in a real browser
with JavaScript off, on an old office PC's 1024x768 screen: reception asks
for a supplement, then accepts; the leader assigns; the specialist
forwards; the leader approves; reception returns the result."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import confirmed_device, pass_second_factor
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.events import verify
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import Cast, make_cast, make_dossier

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

OLD_PC = {"width": 1024, "height": 768}
SCREENSHOT = Path("/tmp/backoffice.png")
PASSWORD = "matkhau-demo-1"


@pytest.fixture
def journey(transactional_db, settings, tmp_path: Path) -> tuple[Cast, Dossier]:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    cast = make_cast()
    return cast, make_dossier(cast, Status.SUBMITTED)


def _log_in(browser: Browser, live_server, username: str, *, direct: bool = False) -> Page:  # type: ignore[no-untyped-def]
    """A fresh browser with JavaScript off, logged in either through the
    login page /mot-cua/ sends an anonymous visitor to, or on the login
    page itself, after which staff land in the back office too."""
    context = browser.new_context(java_script_enabled=False, viewport=OLD_PC, locale="vi-VN")
    page = context.new_page()
    if direct:
        page.goto(live_server.url + "/tai-khoan/dang-nhap/")
    else:
        page.goto(live_server.url + "/mot-cua/")
        page.wait_for_url("**/tai-khoan/dang-nhap/?next=/mot-cua/")
    page.get_by_label("Số định danh cá nhân, mã số thuế hoặc tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    pass_second_factor(page, User.objects.get(username=username))
    page.wait_for_url("**/mot-cua/")
    return page


def _open(page: Page, dossier: Dossier) -> None:
    page.get_by_role("link", name=dossier.code).click()
    page.wait_for_url(f"**/mot-cua/ho-so/{dossier.public_id}/")


def _act(page: Page, slug: str) -> None:
    page.locator(f"form[action$='/{slug}/'] button[type=submit]").click()
    page.wait_for_load_state()


def _says(page: Page, text: str) -> None:
    assert page.locator(".messages").inner_text().find(text) >= 0, page.locator(
        ".messages"
    ).inner_text()


def test_a_dossier_goes_through_the_back_office_without_javascript(
    browser: Browser, live_server, journey
) -> None:
    cast, dossier = journey
    reception = _log_in(browser, live_server, "tiepnhan.a")
    expect(reception.get_by_role("link", name="Mới 1")).to_be_visible()
    _open(reception, dossier)
    reception.screenshot(path=str(SCREENSHOT), full_page=True)

    reception.locator("summary", has_text="Yêu cầu bổ sung").click()
    reception.get_by_label("Giấy chứng sinh").check()
    reception.get_by_label("Giấy tờ khác hoặc nội dung cần sửa (mỗi dòng một mục)").fill(
        "Bản sao sổ hộ khẩu"
    )
    _act(reception, "supplement")
    _says(reception, "Đã gửi yêu cầu bổ sung")
    assert reception.locator(".bo-state .status").inner_text() == "Yêu cầu bổ sung"

    lifecycle.supply(dossier, cast.applicant, "Đã nộp đủ")
    reception.reload()
    _act(reception, "accept")
    _says(reception, "Đã tiếp nhận hồ sơ")

    confirmed_device(cast.leader_a)  # enrolled earlier: types the app's code
    leader = _log_in(browser, live_server, "lanhdao.a", direct=True)
    _open(leader, dossier)
    # The first step on offer is open already; the others open on a click.
    leader.get_by_label("Chuyên viên").select_option(label="Phạm Chuyên Viên")
    _act(leader, "assign")
    _says(leader, "Đã phân công cho Phạm Chuyên Viên")

    specialist = _log_in(browser, live_server, "chuyenvien.a")
    specialist.get_by_label("Chỉ hồ sơ của tôi").check()
    specialist.get_by_role("button", name="Tìm").click()
    _open(specialist, dossier)
    specialist.get_by_role("link", name="Soạn dự thảo kết quả").click()
    specialist.get_by_role("button", name="Lưu dự thảo").click()
    _says(specialist, "Đã lưu dự thảo kết quả")
    specialist.get_by_label("Ý kiến đề xuất của chuyên viên").fill("Đủ điều kiện cấp giấy")
    _act(specialist, "forward")
    _says(specialist, "Đã trình lãnh đạo")

    leader.reload()
    expect(leader.get_by_text("Đã trình, chờ lãnh đạo phê duyệt")).to_be_visible()
    _act(leader, "approve")
    _says(leader, "Đã phê duyệt")

    reception.reload()
    _act(reception, "return")
    _says(reception, "Đã trả kết quả")
    assert reception.locator(".bo-state .status").inner_text() == "Đã trả kết quả"

    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED
    assert verify(dossier) == []
    for page in (reception, leader, specialist):
        page.context.close()
