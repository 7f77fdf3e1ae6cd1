"""End to end with a real Celery worker and a real broker: status changes
committed here are queued after commit, taken by a worker process, sent,
and marked sent in the test database.

Runs only when CELERY_TEST_BROKER_URL is set (e.g. redis://127.0.0.1:6379/3)
and the database is PostgreSQL, which a second process can share (the
in-memory SQLite test database cannot be).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from kombu import Exchange, Queue

from dichvucong import celery_app
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_cast, make_dossier
from dichvucong.notifications.constants import MessageStatus
from dichvucong.notifications.models import OutboxMessage

BROKER_URL = os.environ.get("CELERY_TEST_BROKER_URL", "")
WAIT_SECONDS = 60


def _test_database_url() -> str:
    """The test database (pytest-django's, not the one DATABASE_URL names)."""
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{user}{password}@{db['HOST'] or ''}{port}/{quote(db['NAME'], safe='')}"


@contextmanager
def _worker(queue: str, log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "DATABASE_URL": _test_database_url(),
        "CELERY_BROKER_URL": BROKER_URL,
        "DJANGO_SETTINGS_MODULE": "dichvucong.settings_test",
        # DEBUG is off in the worker: production refuses a missing address (E006).
        "SITE_URL": "https://dichvucong.test",
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "dichvucong",
        "worker",
        "--pool=solo",
        "--concurrency=1",
        "--loglevel=INFO",
        "--queues",
        queue,
        "--hostname",
        f"{queue}@%h",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, env=env, cwd=settings.BASE_DIR, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def _publishing_to(queue: str) -> Iterator[None]:
    """This process publishes to the broker (instead of running tasks in
    place), on a queue of its own so that parallel CI runs sharing the
    broker cannot take each other's tasks."""
    conf = celery_app.conf
    saved = {key: conf[key] for key in ("broker_url", "task_always_eager", "task_default_queue")}
    _forget_connections()
    conf.update(broker_url=BROKER_URL, task_always_eager=False, task_default_queue=queue)
    try:
        yield
    finally:
        _delete_queue(queue)
        conf.update(saved)
        _forget_connections()


def _delete_queue(queue: str) -> None:
    """Leave the broker as we found it: no queue, no binding."""
    with celery_app.connection_for_write() as broker:
        bound = Queue(queue, Exchange(queue), routing_key=queue)(broker.default_channel)
        bound.declare()  # a channel deletes only the bindings it knows
        bound.delete()
        bound.exchange.delete()


def _forget_connections() -> None:
    """Celery caches its connection pool and queue routes on first use, and
    even eager tasks use them: drop them when the broker or queue changes."""
    if celery_app._pool is not None:
        celery_app._pool.force_close_all()
        celery_app._pool = None
    celery_app.__dict__.pop("amqp", None)


def _wait_until_all_sent(process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while OutboxMessage.objects.exclude(status=MessageStatus.SENT).exists():
        if process.poll() is not None or time.monotonic() > deadline:
            counts = list(OutboxMessage.objects.values_list("status", flat=True))
            pytest.fail(
                f"outbox not drained ({counts}); worker log:\n"
                f"{log_path.read_text(errors='replace')[-4000:]}"
            )
        time.sleep(0.25)


@pytest.mark.celery
@pytest.mark.django_db(transaction=True)
def test_a_real_celery_worker_sends_every_message_of_committed_changes(tmp_path):
    if not BROKER_URL:
        pytest.skip("set CELERY_TEST_BROKER_URL (e.g. redis://127.0.0.1:6379/3) to run it")
    if connection.vendor != "postgresql":
        pytest.skip("a worker process cannot share the in-memory SQLite test database")
    cast = make_cast()
    queue = f"dcv-test-{uuid.uuid4().hex[:12]}"
    log_path = tmp_path / "worker.log"
    with _publishing_to(queue), _worker(queue, log_path) as process:
        # Submitted, accepted, processing, resolved: four committed changes.
        dossier = make_dossier(cast, Status.RESOLVED)
        _wait_until_all_sent(process, log_path)
    messages = OutboxMessage.objects.filter(dossier=dossier)
    assert messages.count() == 8
    assert {message.attempts for message in messages} == {0}
    worker_log = log_path.read_text(errors="replace")
    assert worker_log.count("SMS to 09xx***678") == 4
    assert "0912345678" not in worker_log
