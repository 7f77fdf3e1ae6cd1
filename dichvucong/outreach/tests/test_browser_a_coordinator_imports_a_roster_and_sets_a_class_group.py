"""A school coordinator, in a browser without JavaScript, uploads a class
list with ward and group columns, reads the bad line in the preview,
imports the good ones, and once the consent forms are back gives the
whole class its residential group from the class page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import pass_second_factor
from dichvucong.outreach.models import Pupil
from dichvucong.outreach.tests.ambassador_setup import consent
from dichvucong.outreach.tests.cast import PASSWORD, OutreachCast, make_outreach_cast
from dichvucong.outreach.tests.rosters import HEADER, to_csv

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

ROWS = [
    ["THCS Khương Đình", "8A1", "Trần Thu Hà", 2003, "Trần Văn Bình", "0912345678", "", "Tổ 1"],
    ["THCS Khương Đình", "8A1", "Lê Minh Anh", 2003, "Lê Văn Hùng", "0912000111", "", ""],
    ["THCS Khương Đình", "8A1", "Phạm Gia Huy", 2003, "Phạm Thị Mai", "0987000222", "", "Tổ 99"],
]


@pytest.fixture
def oc(transactional_db) -> OutreachCast:  # type: ignore[no-untyped-def]
    cache.clear()
    return make_outreach_cast()


def test_a_coordinator_imports_a_roster_and_gives_the_class_its_group(
    browser: Browser, live_server, oc: OutreachCast, tmp_path: Path
) -> None:
    path = tmp_path / "lop-8a1.csv"
    path.write_bytes(to_csv(ROWS, [*HEADER, "Phường", "Tổ dân phố"]))
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(live_server.url + "/tai-khoan/dang-nhap/")
    page.get_by_label("Số định danh cá nhân, mã số thuế hoặc tên đăng nhập").fill("thcs.a")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    pass_second_factor(page, User.objects.get(username="thcs.a"))

    page.goto(live_server.url + "/tuyen-truyen/nhap-danh-sach/")
    form = page.locator("form", has=page.get_by_role("button", name="Tải lên và kiểm tra"))
    form.get_by_label("Tệp danh sách (.xlsx hoặc .csv)").set_input_files(str(path))
    form.get_by_label(re.compile(r"^Chiến dịch")).select_option(label=oc.campaign.title)
    form.get_by_role("button", name="Tải lên và kiểm tra").click()
    page.wait_for_url(re.compile(r".*/tuyen-truyen/nhap-danh-sach/\d+/$"))
    for _attempt in range(10):  # no JavaScript: reloaded as a person would
        if page.get_by_role("button", name="Nhập 2 học sinh").count():
            break
        page.wait_for_timeout(500)
        page.reload()
    error = page.locator("tbody tr", has_text="Tổ 99")
    expect(error.locator("td[data-label='Dòng']")).to_have_text("4")
    assert not Pupil.objects.exists()
    page.get_by_role("button", name="Nhập 2 học sinh").click()
    for _attempt in range(10):
        if page.get_by_role("link", name="Xem các lớp").count():
            break
        page.wait_for_timeout(500)
        page.reload()
    expect(page.locator(".messages")).to_contain_text("thêm mới 2")

    for pupil in Pupil.objects.all():  # the paper consent forms came back
        consent(pupil, oc.coordinator_a)
    page.goto(live_server.url + f"/tuyen-truyen/lop/{oc.class_a.pk}/")
    page.get_by_label("Cả lớp 8A1").check()
    page.get_by_label("Tổ dân phố học sinh hỗ trợ").select_option(label="Tổ dân phố 1, Khương Đình")
    page.get_by_role("button", name="Gán tổ dân phố").click()
    expect(page.locator(".messages")).to_contain_text("Đã gán Tổ dân phố 1 cho 2 học sinh.")
    for name in ("Trần Thu Hà", "Lê Minh Anh"):
        row = page.locator("tbody tr", has_text=name)
        expect(row.locator("td[data-label='Đại sứ số']")).to_contain_text("Tổ dân phố 1")
    context.close()
