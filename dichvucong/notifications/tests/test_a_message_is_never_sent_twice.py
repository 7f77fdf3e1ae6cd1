"""Sending claims the row first (pending -> sending, conditionally), so a
repeated task, a second drain or a second worker finds nothing to send."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection, connections

from dichvucong.dossiers.testing import make_cast, make_dossier
from dichvucong.notifications import sending, tasks
from dichvucong.notifications.constants import Channel, MessageStatus
from dichvucong.notifications.models import OutboxMessage
from dichvucong.notifications.sending import drain_outbox, send_message


def test_sending_the_same_message_twice_sends_it_once(cast, mailoutbox):
    dossier = make_dossier(cast)
    email = OutboxMessage.objects.get(dossier=dossier, channel=Channel.EMAIL)
    assert send_message(email.pk) is True
    assert send_message(email.pk) is False
    assert len(mailoutbox) == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == (MessageStatus.SENT, 0)


def test_two_drains_send_each_message_once(cast, mailoutbox, caplog):
    caplog.set_level(logging.INFO)
    make_dossier(cast)
    make_dossier(cast)
    assert drain_outbox() == 4
    assert drain_outbox() == 0
    assert len(mailoutbox) == 2
    assert caplog.text.count("SMS to") == 2


def test_a_message_left_sending_by_a_dead_worker_goes_again_after_ten_minutes(
    cast, mailoutbox, monkeypatch
):
    def killed(message: OutboxMessage) -> None:
        raise SystemExit("worker killed mid-send")

    with time_machine.travel(datetime(2026, 3, 2, 2, 0, tzinfo=UTC), tick=False) as clock:
        dossier = make_dossier(cast)
        email = OutboxMessage.objects.get(dossier=dossier, channel=Channel.EMAIL)
        with monkeypatch.context() as patch:
            patch.setattr(sending, "_deliver", killed)
            with pytest.raises(SystemExit):
                send_message(email.pk)
        clock.shift(timedelta(minutes=10) - timedelta(seconds=1))
        drain_outbox()
        email.refresh_from_db()
        assert email.status == MessageStatus.SENDING
        assert mailoutbox == []
        clock.shift(timedelta(seconds=1))
        drain_outbox()
    email.refresh_from_db()
    assert (email.status, email.attempts) == (MessageStatus.SENT, 1)
    assert len(mailoutbox) == 1


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_workers_draining_at_once_send_each_message_once(mailoutbox, caplog, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is proven on PostgreSQL (SQLite serialises writers)")
    caplog.set_level(logging.INFO)
    cast = make_cast()
    # Every change commits here; with the tasks lost, only the drains send.
    with monkeypatch.context() as patch:
        patch.setattr(tasks.send_message_task, "delay", lambda message_id: None)
        for _ in range(10):
            make_dossier(cast)
    assert mailoutbox == []
    barrier = threading.Barrier(2)
    sent: list[int] = []

    def worker() -> None:
        try:
            barrier.wait(timeout=30)
            sent.append(drain_outbox())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sum(sent) == 20
    assert len(mailoutbox) == 10
    assert caplog.text.count("SMS to") == 10
    assert not OutboxMessage.objects.exclude(status=MessageStatus.SENT).exists()
