"""A real gunicorn with several workers on the test database, for the tests
that need what a district runs: many processes, many clients, a server
that can die. PostgreSQL only: the in-memory SQLite test database cannot be
shared with another process."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import requests
from django.conf import settings
from django.db import connection

# An access-log line: "GET /path HTTP/1.1" 503 1234 ...
SERVER_ERROR = re.compile(r'" 5\d\d ')

# Enough workers to reproduce the deadlocks of the old locking (4 % of
# requests failed at 6 workers, 17-19 % at 12).
WORKERS = 12
# Production keeps sessions, the cache and the rate limits in Redis, shared
# by every worker; the tests do too when the machine has one (CI does).
REDIS_TEST_URL = os.environ.get("LOAD_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")
# One machine plays every client from one address: the per-address limits
# meant for strangers would only measure themselves here.
GENEROUS_LIMITS = {
    "SUBMISSIONS_PER_ADDRESS": "100000",
    "SUBMISSIONS_PER_ACCOUNT": "100000",
    "API_REQUESTS_PER_KEY_PER_MINUTE": "1000000",
    "LOGIN_ADDRESS_MAX_FAILURES": "100000",
}


def redis_url() -> str:
    """The test Redis if it answers, else "" (each worker its own memory)."""
    import redis

    try:
        redis.Redis.from_url(REDIS_TEST_URL, socket_timeout=1).ping()
    except redis.RedisError:
        return ""
    return REDIS_TEST_URL


STARTUP_SECONDS = 180


def test_database_url() -> str:
    """The test database (pytest-django's, not the one DATABASE_URL names)."""
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{user}{password}@{db['HOST'] or ''}{port}/{quote(db['NAME'], safe='')}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Gunicorn:
    """gunicorn serving dichvucong on 127.0.0.1:<port>, in its own process
    group so that a kill takes the master and every worker at once."""

    log_path: Path
    workers: int = WORKERS
    port: int = field(default_factory=free_port)
    extra_env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def environment(self) -> dict[str, str]:
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "dichvucong.settings_test",
            "DATABASE_URL": test_database_url(),
            "DICHVUCONG_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "DICHVUCONG_TEST_SIGNING_DIR": str(settings.SIGNING_DEMO_DIR),
            "SECRET_KEY": settings.SECRET_KEY,
            "REDIS_URL": redis_url(),
            # DEBUG is off in the workers: production refuses a missing address (E006).
            "SITE_URL": "https://dichvucong.test",
            **GENEROUS_LIMITS,
            **self.extra_env,
        }

    def start(self) -> None:
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "dichvucong.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--timeout",
            "120",
            "--graceful-timeout",
            "5",
            "--access-logfile",
            "-",
        ]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                command,
                env=self.environment(),
                cwd=settings.BASE_DIR,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.wait_until_up()

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited at start-up:\n{self.log_tail()}")
            try:
                if requests.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn silent for {STARTUP_SECONDS} s:\n{self.log_tail()}")

    def kill(self) -> None:
        """SIGKILL to the master and all workers: no clean-up of any kind."""
        if self.process is None:
            return
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self.process = None

    def stop(self) -> None:
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            self.kill()
        self.process = None

    def log_tail(self, lines: int = 60) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def errors_logged(self) -> list[str]:
        """Tracebacks, and access-log lines whose status is 5xx. The status
        is the number right after the quoted request line; the next number
        is the size, which may well be 500 bytes (seen in CI)."""
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return [
            line for line in text.splitlines() if "Traceback" in line or SERVER_ERROR.search(line)
        ]


@contextmanager
def gunicorn(log_path: Path, **options: object) -> Iterator[Gunicorn]:
    server = Gunicorn(log_path, **options)  # type: ignore[arg-type]
    server.start()
    try:
        yield server
    finally:
        server.stop()
