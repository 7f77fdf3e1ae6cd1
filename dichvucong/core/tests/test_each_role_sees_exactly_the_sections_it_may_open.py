"""The main menu (core.navigation) offers each role of the demo exactly
its sections, and every one of them answers 200 for that user: no menu
link leads to a 403 page. On the section's own page its entry is marked
as the current one."""

from __future__ import annotations

import pytest

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import login_verified
from dichvucong.core.tests.everyone import ROLES, make_everyone
from dichvucong.core.tests.menus import labels, menu

PUBLIC = ["Thủ tục", "Tra cứu hồ sơ", "Thống kê"]
BACK_OFFICE = [*PUBLIC, "Một cửa", "Số liệu cơ quan"]
OUTREACH = [*PUBLIC, "Tuyên truyền", "Báo cáo tuyên truyền"]
# Data subjects' requests: accounts' for the administrator, pupils' for
# those who keep the rosters.
RIGHTS = "Yêu cầu về dữ liệu"

EXPECTED = {
    "citizen": [*PUBLIC, "Hồ sơ của tôi"],
    # A ward's receptionists and leaders read its residential areas.
    "receptionist": [*BACK_OFFICE, "Báo cáo tuyên truyền"],
    "specialist": BACK_OFFICE,
    "leader": [*BACK_OFFICE, "Báo cáo tuyên truyền"],
    "administrator": [*PUBLIC, RIGHTS, "Quản trị", "Sự cố dữ liệu"],
    "education office": [*OUTREACH, RIGHTS],
    "school coordinator": [*OUTREACH, RIGHTS],
    "district leadership": [*PUBLIC, "Số liệu cơ quan", "Tuyên truyền", "Báo cáo tuyên truyền"],
    "pupil ambassador": [*PUBLIC, "Hồ sơ của tôi", "Đại sứ số"],
}


@pytest.fixture
def everyone(db) -> dict[str, User]:  # type: ignore[no-untyped-def]
    return make_everyone()


@pytest.mark.parametrize("role", ROLES)
def test_the_menu_offers_exactly_the_sections_that_open(client, everyone, role) -> None:
    login_verified(client, everyone[role])
    home = client.get("/")
    assert labels(home) == EXPECTED[role]
    for link in menu(home):
        response = client.get(link.url)
        assert response.status_code == 200, (role, link)
        if link.url.startswith("/quan-tri/"):
            continue  # Django admin's pages have their own header
        current = [shown.label for shown in menu(response) if shown.current]
        assert current == [link.label], (role, link)


def test_visitors_are_offered_the_public_sections_and_the_login(client, db) -> None:
    home = client.get("/")
    assert labels(home) == [*PUBLIC, "Đăng nhập", "Đăng ký"]
    assert all(client.get(link.url).status_code == 200 for link in menu(home))
    assert not any(link.current for link in menu(home))
