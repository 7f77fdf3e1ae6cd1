"""Where one request of a staff page spends its time: each query's SQL and
milliseconds, slowest first, for the load benchmark's staff paths.

    .venv/bin/python bench/profile_staff.py --database-url postgres://…/hq_bench
    .venv/bin/python bench/profile_staff.py --database-url … --explain "/mot-cua/?queue=overdue"

The Khương Mai receptionist (as in load_prepare.py) through Django's test
client: the staff home, the queue's filters that locust asks for, and a
few of the ward's dossiers in the back office. Reads the database; writes
only the session the test client opens and the officer's daily read note.
With --explain, prints PostgreSQL's plan (EXPLAIN ANALYZE, BUFFERS) of the
slowest queries of that one page. A tool for looking, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_statistics import setup_django  # noqa: E402

RECEPTIONIST = "kmai.motcua"
PAGES = (
    "/mot-cua/",
    "/mot-cua/?queue=new",
    "/mot-cua/?queue=done&q=khai",
    "/mot-cua/?queue=overdue",
    "/mot-cua/?queue=done&page=2",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--explain", help="one page's slowest queries, explained")
    parser.add_argument("--slowest", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dichvucong-profile-") as data_dir:
        setup_django(data_dir, args.database_url)
        client = receptionist_client()
        if args.explain:
            explain(client, args.explain, args.slowest)
            return
        for url in (*PAGES, *dossier_pages(3)):
            profile(client, url, args.repeat, args.slowest)


def receptionist_client():  # type: ignore[no-untyped-def]
    from django.test import Client

    from dichvucong.accounts.models import User
    from dichvucong.accounts.testing import login_verified

    client = Client()
    login_verified(client, User.objects.get(username=RECEPTIONIST))
    return client


def dossier_pages(count: int) -> list[str]:
    from dichvucong.dossiers.models import Dossier

    ward = Dossier.objects.filter(agency__admin_unit__name__endswith="Khương Mai")
    ward = ward.exclude(code=None)
    ids = ward.order_by("-pk").values_list("public_id", flat=True)[:count]
    return [f"/mot-cua/ho-so/{public_id}/" for public_id in ids]


def run(client, url: str) -> tuple[float, float, list[tuple[float, str, tuple]]]:  # type: ignore[no-untyped-def]
    from django.db import connection

    queries: list[tuple[float, str, tuple]] = []

    def timed(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append((time.perf_counter() - started, sql, params))

    started, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(timed):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return time.perf_counter() - started, time.process_time() - cpu, queries


def profile(client, url: str, repeat: int, slowest: int) -> None:  # type: ignore[no-untyped-def]
    run(client, url)  # warm-up
    runs = [run(client, url) for _n in range(repeat)]
    total = statistics.median(seconds for seconds, _c, _q in runs)
    cpu = statistics.median(cpu for _s, cpu, _q in runs)
    queries = runs[-1][2]
    in_sql = sum(seconds for seconds, _s, _p in queries)
    print(f"\n{url}: median {total * 1000:.1f} ms (Python CPU {cpu * 1000:.1f} ms), "
          f"{len(queries)} queries, {in_sql * 1000:.1f} ms in SQL (last run)")
    for seconds, sql, _params in sorted(queries, reverse=True)[:slowest]:
        print(f"  {seconds * 1000:7.1f} ms  {sql[:300]}")


def explain(client, url: str, slowest: int) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection

    run(client, url)
    queries = run(client, url)[2]
    for seconds, sql, params in sorted(queries, key=lambda q: q[0], reverse=True)[:slowest]:
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        print(f"\n{seconds * 1000:.1f} ms: {sql}\n")
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            print("\n".join(row[0] for row in cursor.fetchall()))


if __name__ == "__main__":
    main()
