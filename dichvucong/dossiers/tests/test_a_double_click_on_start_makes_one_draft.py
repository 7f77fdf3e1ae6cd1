"""The start page carries a fresh token: pressing "Bắt đầu khai hồ sơ"
twice, or sending the page again, makes one draft; a new visit to the
page starts a new one."""

from __future__ import annotations

import re

from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media  # noqa: F401

START = "/ho-so/nop/1.001193/"


def _token(html: str) -> str:
    match = re.search(r'name="creation_key" value="([^"]+)"', html)
    assert match, "the start form carries no token"
    return match.group(1)


def test_the_same_page_sent_twice_makes_one_draft(cast, client) -> None:
    logged_in(client, cast.applicant)
    token = _token(page_text(client.get(START)))
    form = {"ward": cast.ward_a.pk, "delivery": "counter", "creation_key": token}
    first = client.post(START, form)
    second = client.post(START, form)
    assert Dossier.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_new_visit_starts_a_new_draft(cast, client) -> None:
    logged_in(client, cast.applicant)
    for _ in range(2):
        token = _token(page_text(client.get(START)))
        client.post(START, {"ward": cast.ward_a.pk, "delivery": "counter", "creation_key": token})
    assert Dossier.objects.count() == 2


def test_a_tampered_token_still_starts_the_draft(cast, client) -> None:
    logged_in(client, cast.applicant)
    client.post(START, {"ward": cast.ward_a.pk, "delivery": "counter", "creation_key": "có dấu"})
    assert Dossier.objects.count() == 1
