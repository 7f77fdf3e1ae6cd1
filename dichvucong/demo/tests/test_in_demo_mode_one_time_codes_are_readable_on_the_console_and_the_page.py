"""With the log SMS provider nobody receives a code. In demo mode the SMS
is written to the console in full and listed on /demo/ (number masked);
outside demo mode the code stays masked and kept nowhere."""

from __future__ import annotations

import logging

import pytest
from django.core.cache import cache

from dichvucong.notifications import sms

pytestmark = pytest.mark.django_db
TEXT = "DVC: Ma xac nhan cua ban la 482913, co hieu luc 10 phut."


@pytest.fixture(autouse=True)
def empty_inbox():
    cache.clear()


def test_in_demo_mode_the_code_is_on_the_console_and_the_demo_page(client, demo_mode, caplog):
    caplog.set_level(logging.INFO)

    sms.send_code("0912345678", TEXT, "482913")

    assert "SMS to 09xx***678: " + TEXT in caplog.text
    page = client.get("/demo/").content.decode()
    assert "482913" in page
    assert "09xx***678" in page
    assert "0912345678" not in page


def test_outside_demo_mode_the_code_is_masked_and_kept_nowhere(client, settings, caplog):
    settings.DEMO_MODE = False
    caplog.set_level(logging.INFO)

    sms.send_code("0912345678", TEXT, "482913")

    assert "482913" not in caplog.text
    assert "******" in caplog.text
    settings.DEMO_MODE = True
    assert "482913" not in client.get("/demo/").content.decode()
