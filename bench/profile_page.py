"""One key page, request after request, on a bench database with the
production settings: time, queries and their SQL time, the slowest
queries, optionally their plans (EXPLAIN ANALYZE, BUFFERS) and a cProfile
of the Python side. The pages and people are those the load benchmark
measures (bench/locustfile.py, bench/load_prepare.py).

    DEBUG=true .venv/bin/python bench/profile_page.py report \\
        --database-url postgres://postgres@127.0.0.1:5432/dichvucong_bench [--repeat 9]
        [--explain] [--profile]

Pages: report (the year-end report), xlsx (its XLSX), mine (the busiest
applicant's /ho-so/), dossier (one of their dossiers), lookup (public
lookup by code and phone). The first request is left out of the median:
it loads templates and fills caches. Nothing is written to the database
but the sessions (in Redis, db given by --redis).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("report", "xlsx", "mine", "dossier", "lookup")


def setup(database_url: str, redis_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from load_bench import production_env

    data = tempfile.mkdtemp(prefix="dichvucong-profile-")
    env = production_env(database_url, "profile-" + "x" * 50, data)
    os.environ.update({**env, "REDIS_URL": redis_url, "CELERY_BROKER_URL": redis_url})
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def request_for(page: str) -> tuple[Any, str, str, dict[str, str]]:
    """(client, method, url, data) for the page, as locust asks for it."""
    import load_prepare
    from django.test import Client

    from dichvucong.accounts.models import User
    from dichvucong.dossiers.constants import Status
    from dichvucong.dossiers.models import Dossier
    from dichvucong.outreach.models import Campaign

    client = Client(HTTP_HOST="127.0.0.1")
    if page in ("report", "xlsx"):
        user = User.objects.get(username=load_prepare.STAFF["education"])
        client.cookies["sessionid"] = load_prepare.session_for(user)
        campaign = Campaign.objects.order_by("-start_date").values_list("pk", flat=True)[0]
        url = f"/bao-cao-tuyen-truyen/chien-dich/{campaign}/"
        return client, "get", url + ("bao-cao.xlsx" if page == "xlsx" else ""), {}
    if page in ("mine", "dossier"):
        user, _count = load_prepare.busiest_applicant()
        client.cookies["sessionid"] = load_prepare.session_for(user)
        if page == "mine":
            return client, "get", "/ho-so/", {}
        own = Dossier.objects.filter(applicant=user).exclude(status=Status.DRAFT)
        return client, "get", f"/ho-so/{own.order_by('pk').first().public_id}/", {}
    pair = load_prepare.lookups()[0]
    return client, "post", "/tra-cuu/", {"code": pair["code"], "factor": pair["factor"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", choices=PAGES)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/7")
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    setup(args.database_url, args.redis)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client, method, url, data = request_for(args.page)

    def once(n: int) -> tuple[float, list[dict[str, str]], Any]:
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            answer = getattr(client, method)(
                url, data, secure=True, HTTP_X_FORWARDED_FOR=f"10.0.{n // 250}.{n % 250 + 1}"
            )
            elapsed = (time.perf_counter() - started) * 1000
        return elapsed, captured.captured_queries, answer

    runs = [once(n) for n in range(max(2, args.repeat))]
    for elapsed, queries, answer in runs:
        sql = sum(float(q["time"]) for q in queries) * 1000
        print(
            f"{answer.status_code} {len(answer.content):,} B {elapsed:.0f} ms, "
            f"{len(queries)} queries, {sql:.0f} ms in SQL"
        )
    warm = runs[1:]
    print(f"median {statistics.median(r[0] for r in warm):.0f} ms over {len(warm)} requests")
    queries = sorted(runs[-1][1], key=lambda q: -float(q["time"]))
    for query in queries[:8]:
        print(f"--- {float(query['time']) * 1000:.0f} ms: {query['sql'][:300]}")
    if args.explain:
        explain(connection, queries[:4])
    if args.profile:
        profile(lambda: once(0))


def explain(connection: Any, queries: list[dict[str, str]]) -> None:
    for query in queries:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
            print("=" * 78, query["sql"][:1000], sep="\n")
            print("\n".join(row[0] for row in cursor.fetchall()))


def profile(request: Any, times: int = 10) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _n in range(times):
        request()
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
