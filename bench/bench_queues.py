"""Time the back office's queue page (/mot-cua/) on a generated district.

    .venv/bin/python bench/bench_queues.py [--dossiers 20000] [--repeat 5]
    .venv/bin/python bench/bench_queues.py --database-url postgres://…/dichvucong_bench

Like bench_statistics.py: a throw-away SQLite database with generated
dossiers, or, with --database-url, a database made before (the load
benchmark's), read without writing to it (only the staff sessions that
the test client opens are written). For the ward's receptionist (one
agency) and the district's one-stop office (the committee and every
department), it times the queue page through Django's test client: the
default tab, history (done) and its second page, overdue, and a search.
The page's cost should not grow with the years of history behind it:
compare a run at 20,000 dossiers with one at 1,000,000.
A figure to watch, not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_statistics import build, setup_django, show, timed  # noqa: E402

STAFF = ("kmai.motcua", "motcuaquan.motcua")
QUERIES = ("", "?queue=done", "?queue=done&page=2", "?queue=overdue", "?queue=done&q=khai")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dossiers", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database-url", help="time an existing database instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dichvucong-bench-") as data_dir:
        setup_django(data_dir, args.database_url)
        if not args.database_url:
            from django.core.management import call_command

            call_command("load_demo", verbosity=0)
            started = time.perf_counter()
            build(args.dossiers)
            print(f"generated {args.dossiers} dossiers in {time.perf_counter() - started:.1f} s")
        measure(args.repeat)


def measure(repeat: int) -> None:
    from django.test import Client

    from dichvucong.accounts.models import User
    from dichvucong.accounts.testing import login_verified
    from dichvucong.dossiers.models import Dossier

    print(f"{Dossier.objects.count()} dossiers in the database")
    for username in STAFF:
        client = Client()
        login_verified(client, User.objects.get(username=username))
        for query in QUERIES:
            url = "/mot-cua/" + query
            page = timed(lambda c=client, u=url: _ok(c.get(u)), repeat)
            show(f"{username} {url}", page)


def _ok(response):  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.status_code
    return response


if __name__ == "__main__":
    main()
