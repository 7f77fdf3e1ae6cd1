"""E-mailed reset links: one address may ask CODE_SENDS_PER_ADDRESS times
an hour (then a 429 saying when); one mailbox gets at most three links an
hour, silently, so the page never tells whether an account exists."""

from __future__ import annotations

from django.urls import reverse

RESET = reverse("accounts:password_reset")
DONE = reverse("accounts:password_reset_done")


def test_a_mailbox_gets_three_links_an_hour_and_the_page_looks_the_same(
    client, citizen, mailoutbox
):
    for _ in range(4):
        response = client.post(RESET, {"email": "an@example.vn"}, REMOTE_ADDR="192.0.2.1")
        assert response["Location"] == DONE
    assert len(mailoutbox) == 3


def test_one_address_asking_too_often_gets_a_429(client, citizen, mailoutbox, settings):
    settings.CODE_SENDS_PER_ADDRESS = 2
    for _ in range(2):
        client.post(RESET, {"email": "nobody@example.vn"})
    refused = client.post(RESET, {"email": "an@example.vn"})
    assert refused.status_code == 429
    assert "Vui lòng thử lại sau" in refused.content.decode()
    assert mailoutbox == []
    other = client.post(RESET, {"email": "an@example.vn"}, REMOTE_ADDR="198.51.100.3")
    assert other["Location"] == DONE
    assert len(mailoutbox) == 1
