"""gunicorn and Celery run no system checks, so the WSGI application and
the Celery worker and beat refuse the unsafe embedded defaults themselves
(with DEBUG off, unless allowed): a production server never serves, and a
worker never sends, with a forgeable key, the payment sandbox or mail that
goes nowhere."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from dichvucong.core.tests.startup import ALLOW_ALL, ROOT, SAFE, environment, run

LOAD_WSGI = ["-c", "from dichvucong.wsgi import application; print('served')"]
# Celery's in-memory transport: a real worker, no broker server needed.
MEMORY = {"CELERY_BROKER_URL": "memory://"}


def celery(*args: str) -> list[str]:
    return [sys.executable, "-m", "celery", "-A", "dichvucong", *args]


def test_the_wsgi_application_refuses_the_unsafe_defaults(tmp_path) -> None:
    started = run(tmp_path, LOAD_WSGI)

    assert started.returncode != 0
    assert "ImproperlyConfigured: Refusing to start with DEBUG off" in started.stderr
    for check_id in ("E001", "E002", "E003", "E004", "E005"):
        assert f"dichvucong.{check_id}" in started.stderr
    assert "served" not in started.stdout


def test_the_wsgi_application_refuses_even_one(tmp_path) -> None:
    started = run(tmp_path, LOAD_WSGI, **{**SAFE, "PAYMENT_GATEWAY": "sandbox"})

    assert started.returncode != 0
    assert "dichvucong.E002" in started.stderr
    assert "dichvucong.E001" not in started.stderr


def test_the_wsgi_application_starts_when_allowed_or_safe_or_in_debug(tmp_path) -> None:
    for variables in (ALLOW_ALL, SAFE, {"DEBUG": "true"}):
        started = run(tmp_path, LOAD_WSGI, **variables)
        assert started.returncode == 0, (variables, started.stderr)
        assert started.stdout.strip() == "served"


def test_a_celery_worker_and_beat_refuse_the_unsafe_defaults(tmp_path) -> None:
    for command in (
        celery("worker", "--pool=solo", "--loglevel=INFO"),
        celery("beat", "--schedule", str(tmp_path / "beat-schedule"), "--loglevel=INFO"),
    ):
        ended = subprocess.run(
            command, cwd=ROOT, env=environment(tmp_path, {**MEMORY, **SAFE, "SECRET_KEY": ""}),
            capture_output=True, text=True, timeout=120, check=False,
        )
        assert ended.returncode == 1, command
        assert "Refusing to start with DEBUG off" in ended.stderr
        assert "dichvucong.E001" in ended.stderr
        assert " ready." not in ended.stderr


def test_a_celery_worker_starts_when_the_defaults_are_allowed(tmp_path: Path) -> None:
    log = tmp_path / "worker.log"
    with log.open("w") as output:
        worker = subprocess.Popen(
            celery("worker", "--pool=solo", "--loglevel=INFO"),
            cwd=ROOT, env=environment(tmp_path, {**MEMORY, **ALLOW_ALL}),
            stdout=output, stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 90
            while " ready." not in log.read_text() and worker.poll() is None:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
    text = log.read_text()
    assert " ready." in text, text
    assert "Unsafe defaults allowed with DEBUG off: ALLOW_INSECURE_SECRET=true" in text
