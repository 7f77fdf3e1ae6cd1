"""A password set by recovery (SMS code) or by the e-mail reset link is
recorded with the account and the address; never the code, the link's
token or the password."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.core.cache import cache

from dichvucong.accounts.tests.recovery_steps import (
    NEW_PASSWORD,
    PARENT_ID,
    PARENT_PHONE,
    ask_for_code,
    enter_code,
    register_parent,
)
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry
from dichvucong.audit.tests.helpers import ADDRESS, FROM_ADDRESS, everything_kept
from dichvucong.outreach.tests.helpers_tests.sms import last_code


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    """Recovery codes asked for are counted in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


def _password_entry() -> AuditEntry:
    [entry] = AuditEntry.objects.filter(action=Action.PASSWORD)
    return entry


def test_recovery_by_sms_code(client, units, sent_sms):
    parent = register_parent(units)
    ask_for_code(client, PARENT_ID, PARENT_PHONE, **FROM_ADDRESS)
    code = last_code(sent_sms)
    enter_code(client, code, **FROM_ADDRESS)
    entry = _password_entry()
    assert (entry.actor, entry.address) == (parent, ADDRESS)
    assert entry.what == "Đặt lại mật khẩu (quên mật khẩu)"
    assert entry.target == "***890"  # the ID number, masked
    kept = everything_kept()
    assert code not in kept and NEW_PASSWORD not in kept and PARENT_ID not in kept


def test_the_email_reset_link(client, citizen, mailoutbox):
    client.post("/tai-khoan/quen-mat-khau/thu-dien-tu/", {"email": "an@example.vn"})
    link = re.search(r"https?://testserver(/tai-khoan/quen-mat-khau/\S+/)", mailoutbox[0].body)
    assert link
    token = link.group(1).rstrip("/").rsplit("/", 1)[1]
    form_page = client.get(link.group(1), follow=True)
    set_url = form_page.redirect_chain[-1][0]
    client.post(
        set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, **FROM_ADDRESS
    )
    entry = _password_entry()
    assert (entry.actor, entry.address) == (citizen, ADDRESS)
    assert "set-password" not in entry.path and entry.path.endswith("/***/")
    kept = everything_kept()
    assert token not in kept and NEW_PASSWORD not in kept
