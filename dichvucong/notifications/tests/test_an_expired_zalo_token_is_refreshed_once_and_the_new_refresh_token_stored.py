from __future__ import annotations

from django.utils import timezone

from dichvucong.dossiers.testing import make_dossier
from dichvucong.notifications import zalo as zalo_client
from dichvucong.notifications.constants import Channel, MessageStatus
from dichvucong.notifications.models import OutboxMessage, ZaloToken
from dichvucong.notifications.sending import send_message


def _zalo_message(cast) -> OutboxMessage:
    dossier = make_dossier(cast)
    return OutboxMessage.objects.get(dossier=dossier, channel=Channel.ZALO)


def _due_again(message: OutboxMessage) -> None:
    """As if a new message were due (the sent one is simply reused)."""
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=MessageStatus.PENDING, next_attempt_at=timezone.now()
    )


def test_the_first_send_fetches_a_token_and_stores_the_new_refresh_token(zalo_citizen, zalo):
    message = _zalo_message(zalo_citizen)
    assert send_message(message.pk) is True
    assert zalo.refreshes == ["first-rt"]
    token = ZaloToken.objects.get()
    assert (token.access_token, token.refresh_token) == (zalo.access_token, zalo.refresh_token)
    assert token.refresh_token != "first-rt"


def test_an_expired_token_is_refreshed_once_and_the_message_sent(zalo_citizen, zalo):
    first = _zalo_message(zalo_citizen)
    assert send_message(first.pk) is True
    stored = ZaloToken.objects.get().refresh_token
    zalo.expire_access_token()
    _due_again(first)
    assert send_message(first.pk) is True
    # Exactly one more refresh, with the token the first one gave back.
    assert zalo.refreshes == ["first-rt", stored]
    assert ZaloToken.objects.get().refresh_token == zalo.refresh_token
    assert len(zalo.sent) == 2
    first.refresh_from_db()
    assert (first.delivered_by, first.attempts, first.zalo_error) == (Channel.ZALO, 0, "")


def test_a_spent_refresh_token_is_never_presented_again(zalo_citizen, zalo):
    message = _zalo_message(zalo_citizen)
    for _ in range(3):
        zalo.expire_access_token()
        _due_again(message)
        assert send_message(message.pk) is True
    assert len(zalo.refreshes) == 3
    assert len(set(zalo.refreshes)) == 3, "a refresh token was spent twice"


def test_a_worker_whose_token_was_already_replaced_uses_the_new_one(zalo_citizen, zalo):
    stale = zalo_client.current_access_token()
    zalo.expire_access_token()
    fresh = zalo_client.refresh(spent=stale)  # the first worker
    assert zalo_client.refresh(spent=stale) == fresh  # the second spends nothing
    assert len(zalo.refreshes) == 2


def test_a_refused_refresh_is_retried_later_and_keeps_the_stored_token(zalo_citizen, zalo):
    message = _zalo_message(zalo_citizen)
    zalo.refresh_token = "something-else"  # Zalo no longer knows ours
    assert send_message(message.pk) is False
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.PENDING, 1)
    assert message.last_error.startswith("ZaloUnavailable: token refresh refused")
    assert ZaloToken.objects.get().refresh_token == "first-rt"
