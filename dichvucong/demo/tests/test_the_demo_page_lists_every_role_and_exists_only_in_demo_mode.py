"""In demo mode /demo/ (linked from the log-in page) lists a demo account
for every role with the password and, for staff, the second-factor code
of now, which really logs the officer in. Without demo mode the page and
the link do not exist."""

from __future__ import annotations

import re

import pytest

from dichvucong.demo.guide import ROLES

pytestmark = pytest.mark.django_db


def test_every_role_is_listed_with_its_login_and_password(client, demo, demo_mode):
    page = client.get("/demo/").content.decode()

    for role, username, _what in ROLES:
        assert str(role) in page
        if username:
            assert f'<code class="demo-username">{username}</code>' in page
    assert page.count('<code class="demo-password">demo12345</code>') == len(ROLES)
    # Every officer (six of them) has a code; citizens, the organisation
    # and the pupil need none.
    assert len(re.findall(r'<code class="demo-code">\d{6}</code>', page)) == 6


def test_the_log_in_page_links_to_it(client, demo_mode):
    assert 'href="/demo/"' in client.get("/tai-khoan/dang-nhap/").content.decode()


def test_the_code_shown_logs_the_receptionist_in(client, demo, demo_mode):
    page = client.get("/demo/").content.decode()
    row = page[page.index("kmai.motcua") :]
    code = re.search(r'<code class="demo-code">(\d{6})</code>', row).group(1)

    client.post("/tai-khoan/dang-nhap/", {"username": "kmai.motcua", "password": "demo12345"})
    verified = client.post("/tai-khoan/xac-thuc/", {"code": code}, follow=True)

    assert verified.redirect_chain
    assert client.get("/mot-cua/").status_code == 200


def test_without_demo_mode_there_is_no_page_and_no_link(client, demo, settings):
    settings.DEMO_MODE = False

    assert client.get("/demo/").status_code == 404
    assert 'href="/demo/"' not in client.get("/tai-khoan/dang-nhap/").content.decode()
