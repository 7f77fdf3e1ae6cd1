# ruff: noqa: S603  (runs only its own commands: manage.py, gunicorn, locust)
"""The load benchmark: `make bench` (bench/README.md).

Every command it runs is this repository's own (manage.py, gunicorn, locust).

    .venv/bin/python bench/load_bench.py [--dossiers 1000000] [--users 50]
        [--seconds 20] [--workers 5] [--paths Floor,Home,...] [--servers 2]
        [--warmup 3] [--write bench/RESULTS.md]

1. A PostgreSQL database of its own (BENCH_DATABASE_URL, by default
   postgres://postgres@127.0.0.1:5432/dichvucong_bench) is migrated, given
   the demo and then generated dossiers (manage.py generate_data) up to
   --dossiers; a second run reuses what is there.
2. gunicorn serves it with the production settings (DEBUG off, sessions,
   cache and limits in Redis db 12, Celery's broker in db 13), behind what
   a TLS proxy would say (X-Forwarded-Proto, X-Forwarded-For).
3. Each key path is driven alone by locust, headless, on loopback, with
   --users people who each send the next request as soon as the last one
   is answered; the floor is /healthz through the same server, settings
   and middleware. Requests/s, share of the floor, p50/p95/p99 and the
   failures of each are printed, and with --write put into RESULTS.md
   between the markers of its "Load" section, with the method and size.

Load generator and server share this machine's cores: what locust spends
is taken from the server, the same for every path, so the shares of the
floor are comparable; the absolute figures are lower than on a server of
its own.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import secrets
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/dichvucong_bench"
PUBLIC = [
    "Home",
    "Catalogue",
    "CatalogueSearch",
    "Procedure",
    "Lookup",
    "Statistics",
    "OpenData",
    "ApiCatalogue",
]
PERSONAL = [
    "MyDossiers",
    "MyDossier",
    "StaffHome",
    "Queue",
    "BackofficeDossier",
    "YearEndReport",
    "YearEndReportXlsx",
    "Submission",
]
PATHS = ["Floor", *PUBLIC, *PERSONAL]
TARGET = {**dict.fromkeys(PUBLIC, 0.50), **dict.fromkeys(PERSONAL, 0.25)}
MARK_START, MARK_END = "<!-- load:start -->", "<!-- load:end -->"
# Fixed for the bench database: the event chain generated once must still
# verify when the bench runs again (a secret only in production).
EVENT_LOG_KEY = "bench-only-event-log-key-never-used-in-production-000000"


def production_env(database_url: str, secret: str, data_dir: str) -> dict[str, str]:
    """The README's production variables, pointed at this machine."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dichvucong.settings",
        "DEBUG": "false",
        "SECRET_KEY": secret,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "https://dichvucong.bench.example",
        "CSRF_TRUSTED_ORIGINS": "https://127.0.0.1",
        "SECURE_COOKIES": "true",
        "SECURE_SSL_REDIRECT": "true",
        "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
        "TRUSTED_PROXY_COUNT": "1",
        "DATABASE_URL": database_url,
        "REDIS_URL": "redis://127.0.0.1:6379/12",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/13",
        # Mail is queued by the web servers and sent by Celery, which is not
        # started here: nothing is ever sent, and nothing needs to be.
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "ALLOW_CONSOLE_EMAIL": "true",
        "DEFAULT_FROM_EMAIL": "dichvucong@bench.example",
        "PAYMENT_GATEWAY": "vnpay",
        "VNPAY_TMN_CODE": "BENCH001",
        "VNPAY_HASH_SECRET": secrets.token_hex(16),
        "VNPAY_URL": "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
        "EVENT_LOG_KEY": EVENT_LOG_KEY,
        "ALLOW_LOG_SMS": "true",
        "ALLOW_DEMO_SIGNING": "true",
        "DATA_DIR": data_dir,
        # One machine plays a city: its submissions come from few accounts.
        "SUBMISSIONS_PER_ADDRESS": "100000000",
        "SUBMISSIONS_PER_ACCOUNT": "100000000",
    }


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        if not connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def count_dossiers(env: dict[str, str]) -> int:
    script = "from dichvucong.dossiers.models import Dossier; print(Dossier.objects.count())"
    return int(manage(env, "shell", "-c", script).strip().splitlines()[-1])


def load_data(env: dict[str, str], dossiers: int) -> int:
    manage(env, "migrate", "--noinput")
    have = count_dossiers(env)
    if have == 0:
        print("loading the demo…", flush=True)
        manage(env, "load_demo")
        have = count_dossiers(env)
    if have < dossiers:
        print(f"generating {dossiers - have:,} dossiers…", flush=True)
        start = time.monotonic()
        manage(env, "generate_data", "--dossiers", str(dossiers - have))
        print(f"  done in {time.monotonic() - start:.0f} s", flush=True)
    settle(env)
    manage(env, "collectstatic", "--noinput")
    return count_dossiers(env)


def settle(env: dict[str, str]) -> None:
    """VACUUM (ANALYZE), as autovacuum would do some time later: without
    statistics on freshly copied rows PostgreSQL guesses its plans, and
    without the visibility map it cannot count along an index alone. A
    few seconds at a million dossiers once done; outside a transaction."""
    script = "from django.db import connection; connection.cursor().execute('VACUUM (ANALYZE)')"
    manage(env, "shell", "-c", script)


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)

    def server_errors(self) -> int:
        lines = self.log.read_text(errors="replace").splitlines()
        return sum(1 for line in lines if '" 5' in line and line.split('" ')[1][:1] == "5")


def start_server(env: dict[str, str], port: int, workers: int, log: Path) -> Server:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "dichvucong.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        str(log),
        "--timeout",
        "120",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            answer = requests.get(
                url + "/healthz", headers={"X-Forwarded-Proto": "https"}, timeout=2
            )
            if answer.status_code == 200:
                return Server(process, url, log)
        except requests.RequestException:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit(f"gunicorn did not answer on {url}")


def drain(urls: list[str], limit: float = 180.0) -> None:
    """Waits until every server answers the floor quickly again: requests
    that a slow path left queued (locust stops waiting, gunicorn does not)
    would otherwise be served during the next path and count against it."""
    deadline = time.monotonic() + limit
    for url in urls:
        quick = 0
        while quick < 3 and time.monotonic() < deadline:
            started = time.monotonic()
            try:
                requests.get(url + "/healthz", headers={"X-Forwarded-Proto": "https"}, timeout=30)
            except requests.RequestException:
                quick = 0
                continue
            quick = quick + 1 if time.monotonic() - started < 0.05 else 0
            time.sleep(0.2)


@dataclass
class Measure:
    path: str
    requests: int
    failures: int
    rps: float
    p50: float
    p95: float
    p99: float
    submitted_per_s: float | None = None


def run_locust(
    path: str, hosts: list[str], users: int, seconds: int, state: Path, folder: Path
) -> Measure:
    prefix = folder / path
    env = {**os.environ, "BENCH_STATE": str(state), "BENCH_HOSTS": ",".join(hosts)}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "--only-summary",
            "-u",
            str(users),
            "-r",
            str(users),
            "-t",
            f"{seconds}s",
            "--host",
            hosts[0],
            "--csv",
            str(prefix),
            "--loglevel",
            "ERROR",
            path,
        ],
        cwd=ROOT,
        env=env,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    total = rows["Aggregated"]
    measure = Measure(
        path,
        int(total["Request Count"]),
        int(total["Failure Count"]),
        float(total["Requests/s"]),
        *(_ms(total[p]) for p in ("50%", "95%", "99%")),
    )
    if "submission 4 submit" in rows:
        submit = rows["submission 4 submit"]
        ok = int(submit["Request Count"]) - int(submit["Failure Count"])
        measure.submitted_per_s = ok / seconds
    return measure


def _ms(value: str) -> float:
    """A percentile, or infinity when no request finished in the time."""
    try:
        return float(value)
    except ValueError:
        return float("inf")


def table(measures: list[Measure]) -> str:
    floor = next(m.rps for m in measures if m.path == "Floor")
    lines = [
        "| Path | req/s | share of floor | target | p50 ms | p95 ms | p99 ms | failures |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for m in measures:
        share = m.rps / floor if floor else 0
        target = f"≥ {TARGET[m.path]:.0%}" if m.path in TARGET else "—"
        extra = f" ({m.submitted_per_s:.1f} dossiers/s)" if m.submitted_per_s is not None else ""
        lines.append(
            f"| {m.path}{extra} | {m.rps:,.0f} | {share:.0%} | {target} | {m.p50:.0f} | "
            f"{m.p95:.0f} | {m.p99:.0f} | {m.failures} of {m.requests:,} |"
        )
    return "\n".join(lines)


def write_results(path: Path, text: str) -> None:
    current = path.read_text() if path.exists() else ""
    if MARK_START in current:
        head, rest = current.split(MARK_START, 1)
        tail = rest.split(MARK_END, 1)[1]
        current = head + MARK_START + "\n" + text + "\n" + MARK_END + tail
    else:
        current += f"\n## Load (make bench)\n\n{MARK_START}\n{text}\n{MARK_END}\n"
    path.write_text(current)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--servers", type=int, default=1)
    parser.add_argument("--paths", default=",".join(PATHS))
    parser.add_argument("--write", type=Path)
    parser.add_argument(
        "--warmup", type=int, default=3, help="seconds of each path, not counted, before it"
    )
    args = parser.parse_args()
    database = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    ensure_database(database)
    folder = Path(tempfile.mkdtemp(prefix="dichvucong-bench-"))
    env = production_env(database, secrets.token_urlsafe(50), str(folder / "data"))
    size = load_data(env, args.dossiers)
    # Nothing cached from an earlier run (or another bench database) is served.
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    state = folder / "state.json"
    subprocess.run(
        [sys.executable, "bench/load_prepare.py", str(state)], cwd=ROOT, env=env, check=True
    )
    servers = [
        start_server(env, 8400 + n, args.workers, folder / f"access-{n}.log")
        for n in range(args.servers)
    ]
    try:
        measures = []
        for path in ["Floor", *[p for p in args.paths.split(",") if p != "Floor"]]:
            if args.warmup:
                # A path's first requests meet cold workers (imports, templates,
                # the database's cache): measured first, a path got a third of
                # what it got measured third (RESULTS.md). Not counted.
                run_locust(path, [s.url for s in servers], 5, args.warmup, state, folder)
                drain([s.url for s in servers])
            measure = run_locust(
                path, [s.url for s in servers], args.users, args.seconds, state, folder
            )
            print(
                f"{path:20} {measure.rps:8.0f} req/s  p95 {measure.p95:6.0f} ms  "
                f"failures {measure.failures}",
                flush=True,
            )
            measures.append(measure)
            drain([s.url for s in servers])
        errors = sum(server.server_errors() for server in servers)
    finally:
        for server in servers:
            server.stop()
    report = describe(args, size, errors) + "\n\n" + table(measures)
    print(report)
    if args.write:
        write_results(args.write, report)


def describe(args: argparse.Namespace, size: int, errors: int) -> str:
    return (
        f"Measured {date.today():%d/%m/%Y} on {os.cpu_count()} cores "
        f"({platform.processor() or platform.machine()}), PostgreSQL and Redis on the same "
        f"machine, {size:,} dossiers; {args.servers} gunicorn server(s) × {args.workers} sync "
        f"workers, production settings; locust {args.users} users, each path alone for "
        f"{args.seconds} s, no think time. 5xx in the access logs: {errors}."
    )


if __name__ == "__main__":
    main()
