"""Time the public statistics on a generated district.

    .venv/bin/python bench/bench_statistics.py [--dossiers 20000] [--repeat 5]
    .venv/bin/python bench/bench_statistics.py --database-url postgres://…/dichvucong_bench

Builds a throw-away SQLite database in a temporary folder (never var/),
migrates it, generates the dossiers with demo.bulk, as `manage.py
generate_data` does (the demo's wards and procedures, every status, events,
results, payments, ratings, practice dossiers and drafts); or, with
--database-url, reads a database made before (the load benchmark's, with
its million dossiers) without writing to it. Then it times:

- the statistics behind /thong-ke/ (reports.report.page: six tables, the
  totals, the indicators, the charts), without HTTP;
- the whole page through Django's test client (rendering included);
- the open data JSON (per agency and month);
- the Decision 766 indicators and the six tables through the API;
- the page again with the public figures cache on (a visitor within the
  cache time after another);
- with --direct, the same figures counted directly from the dossiers
  (reports.statistics, what the pages did before reports/tally), for the
  before/after comparison.

The figures cache is off for the first three, so every run computes. It
prints, per measure, the median and best wall time, the median CPU time of
this process (SQLite runs in it, so this is the work done, whatever else
the machine is busy with) and the number of queries.
A figure to watch, not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import os
import statistics as stats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(data_dir: str, database_url: str | None = None) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATA_DIR"] = data_dir  # the embedded SQLite database goes here
    os.environ.pop("DATABASE_URL", None)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "dichvucong.settings_test"
    import django

    django.setup()
    from django.core.management import call_command

    if not database_url:
        call_command("migrate", verbosity=0)


def build(count: int) -> None:
    """The district of load_demo's master data (all wards, every procedure)
    with `count` dossiers over two years, from manage.py generate_data's
    generator: unique references at any size."""
    from django.utils import timezone

    from dichvucong.demo.bulk import Plan, generate

    generate(Plan(dossiers=count, years=2, seed=766, now=timezone.now()))


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float, float, int]:
    """(median seconds, best seconds, median CPU seconds, queries of one run)."""
    from django.db import connection

    executed: list[str] = []

    def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        executed.append(sql)
        return execute(sql, params, many, context)

    # Counted as they run: Django empties its query log when a request starts.
    with connection.execute_wrapper(count):
        action()  # warm-up, and the query count
    runs, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return stats.median(runs), min(runs), stats.median(cpu), len(executed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dossiers", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database-url", help="time an existing database instead")
    parser.add_argument("--direct", action="store_true", help="also count directly")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dichvucong-bench-") as data_dir:
        setup_django(data_dir, args.database_url)
        if not args.database_url:
            started = time.perf_counter()
            build(args.dossiers)
            print(f"generated {args.dossiers} dossiers in {time.perf_counter() - started:.1f} s")
        report(args.repeat)
        if args.direct:
            from dichvucong.reports import report as report_module

            report_module.tally.ready = lambda: False  # type: ignore[assignment]
            print("-- counted directly from the dossiers (before reports/tally):")
            report(args.repeat, cached=False)


def report(repeat: int, cached: bool = True) -> None:
    from django.conf import settings
    from django.http import QueryDict
    from django.test import Client
    from django.utils import timezone

    from dichvucong.dossiers.models import Dossier
    from dichvucong.reports import access, report
    from dichvucong.reports.forms import ReportFilterForm, read_filters

    today = timezone.localdate()
    scope = access.public_scope()
    client = Client()

    def statistics_only() -> object:
        form = ReportFilterForm(QueryDict(""), agencies=scope.agencies(), today=today)
        return report.page(scope, read_filters(form), today, staff=False)

    def get(url: str) -> Callable[[], object]:
        return lambda: client.get(url)

    print(f"{Dossier.objects.count()} dossiers in the database ({today:%d/%m/%Y})")
    settings.REPORTS_CACHE_SECONDS = 0
    measures = [
        ("statistics of /thong-ke/ (this year)", statistics_only),
        ("GET /thong-ke/ (this year)", get("/thong-ke/")),
        (
            "GET /thong-ke/?tu_ngay=… (two years)",
            get(f"/thong-ke/?tu_ngay={today.replace(year=today.year - 2):%d/%m/%Y}"),
        ),
        ("GET /du-lieu-mo/thong-ke.json", get("/du-lieu-mo/thong-ke.json")),
        ("GET /api/v1/statistics/public/indicators", get("/api/v1/statistics/public/indicators")),
        (
            "GET /api/v1/statistics/public/tables",
            get("/api/v1/statistics/public/tables?dimension=procedure"),
        ),
    ]
    for name, action in measures:
        show(name, timed(action, repeat))
    if not cached:
        return
    settings.REPORTS_CACHE_SECONDS = 300
    client.get("/thong-ke/")  # a first visitor fills the cache
    show("GET /thong-ke/ (figures cached)", timed(get("/thong-ke/"), repeat))


def show(name: str, result: tuple[float, float, float, int]) -> None:
    median, best, cpu, queries = result
    print(
        f"{name:40} median {median * 1000:6.0f} ms  best {best * 1000:6.0f} ms  "
        f"cpu {cpu * 1000:6.0f} ms  {queries:2} queries"
    )


if __name__ == "__main__":
    main()
