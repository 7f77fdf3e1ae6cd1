"""A 403 page keeps the user's full menu and offers their own start page
(core.navigation), not only the home page: the coordinator who tried "Một
cửa" gets back to "Tuyên truyền" in one tap."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.views.defaults import permission_denied

from dichvucong.accounts.models import User
from dichvucong.accounts.testing import login_verified
from dichvucong.core.tests.everyone import make_everyone
from dichvucong.core.tests.menus import labels

CASES = [
    # (role, forbidden page, the start page offered, its name)
    ("school coordinator", "/mot-cua/", "/tuyen-truyen/", "Tuyên truyền"),
    ("district leadership", "/tuyen-truyen/nhap-danh-sach/", "/tuyen-truyen/", "Tuyên truyền"),
    ("education office", "/thong-ke/noi-bo/", "/tuyen-truyen/", "Tuyên truyền"),
    (
        "school coordinator",
        "/bao-cao-tuyen-truyen/khu-dan-cu-dien-tu/",
        "/tuyen-truyen/",
        "Tuyên truyền",
    ),
    ("pupil ambassador", "/tuyen-truyen/", "/dai-su-so/", "Đại sứ số"),
    ("citizen", "/mot-cua/", "/ho-so/", "Hồ sơ của tôi"),
    ("specialist", "/dai-su-so/", "/mot-cua/", "Một cửa"),
    ("administrator", "/mot-cua/", "/quan-tri/", "Quản trị"),
]


@pytest.fixture
def everyone(db) -> dict[str, User]:  # type: ignore[no-untyped-def]
    return make_everyone()


@pytest.mark.parametrize(("role", "url", "start", "name"), CASES)
def test_the_forbidden_page_offers_the_menu_and_the_start_page(
    client, everyone, role, url, start, name
) -> None:
    login_verified(client, everyone[role])
    response = client.get(url)
    assert response.status_code == 403
    assert labels(response) == labels(client.get("/"))
    button = f'<a class="btn secondary" href="{start}">Về trang {name}</a>'
    assert button in response.content.decode()
    assert client.get(start).status_code == 200


def test_a_permission_denied_anywhere_renders_the_same_way_back(everyone) -> None:
    request = RequestFactory().get("/dai-su-so/ho-tro/moi/")
    request.user = everyone["school coordinator"]
    response = permission_denied(request, PermissionDenied())
    page = response.content.decode()
    assert response.status_code == 403
    assert '<a class="btn secondary" href="/tuyen-truyen/">Về trang Tuyên truyền</a>' in page
    assert '<a href="/tuyen-truyen/">Tuyên truyền</a>' in page


def test_a_user_with_no_section_of_their_own_is_sent_home(client, everyone) -> None:
    outsider = User.objects.create_user(username="canbo.moi", password="x", kind="staff")
    login_verified(client, outsider)
    page = client.get("/mot-cua/").content.decode()
    assert '<a class="btn secondary" href="/">Về trang chủ</a>' in page
