"""`make demo-cluster`: the system as several machines run it, on this one.

    .venv/bin/python bench/cluster.py [--ports 8001,8002] [--workers 2]

1. A PostgreSQL database of its own (CLUSTER_DATABASE_URL, by default
   postgres://postgres@127.0.0.1:5432/dichvucong_cluster) is made afresh,
   migrated and given the demo. Reports read it through the alias
   "replica" (CLUSTER_REPLICA_URL, by default the same database standing
   in for a streaming replica: dichvucong/dbrouting.py).
2. Object storage: moto's S3 server on 127.0.0.1 (the one the tests use)
   with a bucket of its own. It keeps objects in memory only, which is
   why the database starts afresh too: no row may name a lost file.
3. Redis: CLUSTER_REDIS_URL for the cache, sessions and rate limits (by
   default redis://127.0.0.1:6379/0), CLUSTER_BROKER_URL for Celery (/1).
4. One Celery worker and two gunicorn servers, http://127.0.0.1:8001 and
   :8002, share all of them: log in on one, carry on on the other.
   Ctrl-C stops everything; logs are in var/cluster/.

Every process runs the production settings with DEBUG off, as the README's
"Production" section has them, except what a demo on loopback cannot
have: plain HTTP (no proxy ends TLS, so no secure cookies or HTTPS
redirect), SITE_URL naming the address a proxy would serve (links on
slips lead there), and the allowances of the demo: payment sandbox,
e-mail on the console, SMS in the log, demo mode (/demo/ lists the
accounts and the staff's current codes). SECRET_KEY and EVENT_LOG_KEY
are made afresh at each start, like the database.
"""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/dichvucong_cluster"
S3_KEY, S3_SECRET, S3_REGION = "dichvucong-cluster", "dichvucong-cluster-secret", "us-east-1"
S3_PREFIX = "dichvucong"  # the app's files go under it in the bucket
# What a reverse proxy would serve the cluster as; production requires a
# public https address (check dichvucong.E006, which nothing relaxes).
SITE_URL = "https://dichvucong.cluster.test"
STARTUP_SECONDS = 120


@dataclass(frozen=True)
class Shared:
    """What every process of the cluster shares."""

    database_url: str
    redis_url: str
    broker_url: str
    s3_endpoint: str
    bucket: str
    data_dir: Path
    replica_url: str = ""
    settings_module: str = "dichvucong.settings"
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(50))
    event_log_key: str = field(default_factory=lambda: secrets.token_urlsafe(40))

    def env(self) -> dict[str, str]:
        """The README's production variables, pointed at this machine."""
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": self.settings_module,
            "DEBUG": "false",
            "DATA_DIR": str(self.data_dir),
            "SECRET_KEY": self.secret_key,
            "EVENT_LOG_KEY": self.event_log_key,
            "DATABASE_URL": self.database_url,
            "DATABASE_REPLICA_URL": self.replica_url,
            "REDIS_URL": self.redis_url,
            "CELERY_BROKER_URL": self.broker_url,
            "S3_BUCKET": self.bucket,
            "S3_ENDPOINT_URL": self.s3_endpoint,
            "S3_REGION": S3_REGION,
            "S3_ACCESS_KEY_ID": S3_KEY,
            "S3_SECRET_ACCESS_KEY": S3_SECRET,
            "S3_PREFIX": S3_PREFIX,
            "SITE_URL": SITE_URL,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "ALLOW_PAYMENT_SANDBOX": "true",
            "ALLOW_CONSOLE_EMAIL": "true",
            "ALLOW_LOG_SMS": "true",
            "DEMO_MODE": "true",
            "ALLOW_DEMO_MODE": "true",
            # One demo CA for the cluster, in the shared DATA_DIR.
            "ALLOW_DEMO_SIGNING": "true",
        }


class Node:
    """One process of the cluster, in its own process group (a stop takes
    gunicorn's master and workers at once), its output in a log file."""

    def __init__(self, command: list[str], env: dict[str, str], log_path: Path) -> None:
        self.log_path = log_path
        with log_path.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 (our own commands)
                command,
                env=env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def log_tail(self, lines: int = 40) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def app_server(env: dict[str, str], port: int, workers: int, log_dir: Path) -> Node:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "dichvucong.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--timeout",
        "60",
        "--graceful-timeout",
        "5",
        "--access-logfile",
        "-",
    ]
    node = Node(command, env, log_dir / f"gunicorn-{port}.log")
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline and node.alive():
        with suppress(requests.RequestException):
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return node
        time.sleep(0.2)
    node.stop()
    raise RuntimeError(f"gunicorn on port {port} did not start:\n{node.log_tail()}")


def celery_worker(env: dict[str, str], log_dir: Path, queue: str = "") -> Node:
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "dichvucong",
        "worker",
        "--loglevel=INFO",
        "--concurrency=2",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        *(["--queues", queue] if queue else []),
    ]
    return Node(command, env, log_dir / "celery-worker.log")


@contextmanager
def running(
    shared: Shared, ports: list[int], workers: int, log_dir: Path, queue: str = ""
) -> Iterator[list[str]]:
    """A worker and one app server per port; yields the servers' addresses."""
    env = shared.env()
    nodes = [celery_worker(env, log_dir, queue)]
    try:
        for port in ports:
            nodes.append(app_server(env, port, workers, log_dir))
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for node in reversed(nodes):
            node.stop()


def start_s3() -> tuple[object, str]:
    """moto's S3 server on a free port of 127.0.0.1, in a thread of ours."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # a line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    return server, f"http://{host}:{port}"


def make_bucket(endpoint: str, name: str) -> None:
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=S3_REGION,
        aws_access_key_id=S3_KEY,
        aws_secret_access_key=S3_SECRET,
    )
    client.create_bucket(Bucket=name)


def recreate_database(url: str) -> None:
    """Drops and creates the database `url` names (the cluster's own)."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def manage(env: dict[str, str], log_dir: Path, *args: str) -> None:
    """A manage.py command; its log lines go to the log, its output to us."""
    with (log_dir / "manage.log").open("ab") as log:
        subprocess.run(  # noqa: S603 (our own commands)
            [sys.executable, "manage.py", *args], env=env, cwd=ROOT, stderr=log, check=True
        )


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ports", default="8001,8002", help="one app server per port")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    ports = [int(port) for port in args.ports.split(",")]
    log_dir = ROOT / "var" / "cluster"
    log_dir.mkdir(parents=True, exist_ok=True)
    database = os.environ.get("CLUSTER_DATABASE_URL", DEFAULT_DATABASE)
    s3, endpoint = start_s3()
    shared = Shared(
        database_url=database,
        replica_url=os.environ.get("CLUSTER_REPLICA_URL", database),
        redis_url=os.environ.get("CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/0"),
        broker_url=os.environ.get("CLUSTER_BROKER_URL", "redis://127.0.0.1:6379/1"),
        s3_endpoint=endpoint,
        bucket="dichvucong-cluster",
        data_dir=log_dir,
    )
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop as on Ctrl-C
    try:
        make_bucket(endpoint, shared.bucket)
        print(f"object storage {endpoint}; database {database} made afresh", flush=True)
        recreate_database(database)
        manage(shared.env(), log_dir, "migrate", "--noinput", "--verbosity", "0")
        manage(shared.env(), log_dir, "collectstatic", "--noinput", "--verbosity", "0")
        print("loading the demo (a minute or so)", flush=True)
        manage(shared.env(), log_dir, "load_demo")
        with running(shared, ports, args.workers, log_dir) as urls:
            print(
                "\nThe cluster is up (DEBUG off, logs in var/cluster/):",
                *urls,
                "The demo accounts and the staff's codes: <address>/demo/",
                "Ctrl-C stops everything.",
                sep="\n  ",
                flush=True,
            )
            while True:
                time.sleep(1)
    except KeyboardInterrupt:
        print("\nstopped", flush=True)
    finally:
        s3.stop()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
