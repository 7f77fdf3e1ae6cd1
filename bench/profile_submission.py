"""One submission, step by step, on the bench database: time and queries of
each step (draft, form, file, submit), then where the slowest step spends
its time (cProfile). What `make bench`'s Submission path does, without
HTTP or load, to see what a step costs on its own.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/dichvucong_bench \\
        .venv/bin/python bench/profile_submission.py [--rounds 20] [--profile]

It writes: each round adds a real dossier to the database it is given.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from load_bench import DEFAULT_DATABASE, production_env  # noqa: E402

# The locustfile's file (importing locust here would patch ssl under Django).
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

STEPS = ("draft", "form", "file", "submit")
slowest: dict[str, list[tuple[float, str]]] = {}


def setup() -> None:
    database = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    os.environ.update(production_env(database, secrets.token_urlsafe(50), tempfile.mkdtemp()))
    import django

    django.setup()


def one_round(client, plan, timings, queries, profiler=None) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    api = "/api/v1/applicant/dossiers"

    def step(name, call):  # type: ignore[no-untyped-def]
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            profiled = profiler is not None and name == "submit"
            answer = profiler.runcall(call) if profiled else call()
            timings[name].append((time.perf_counter() - start) * 1000)
        queries[name].append(len(captured))
        slowest[name] = sorted(
            [*slowest.get(name, []), *((float(q["time"]), q["sql"]) for q in captured)],
            reverse=True,
        )[:5]
        if answer.status_code >= 300:
            raise SystemExit(f"{name}: {answer.status_code} {answer.content[:300]!r}")
        return answer

    draft = step(
        "draft",
        lambda: client.post(
            api,
            {"procedure": plan["procedure"]},
            content_type="application/json",
            headers={"Idempotency-Key": str(uuid.uuid4())},
        ),
    )
    path = f"{api}/{draft.json()['id']}"
    step("form", lambda: client.put(path + "/form", {"data": plan["form"]}, "application/json"))
    for document in plan["documents"] or [None]:
        data = {"file": SimpleUploadedFile("giay-to.pdf", PDF, "application/pdf")}
        if document:
            data["document"] = str(document)
        step("file", lambda data=data: client.post(path + "/attachments", data))
    step("submit", lambda: client.post(path + "/submit"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sql", action="store_true", help="the slowest queries of each step")
    args = parser.parse_args()
    setup()
    from django.test import Client
    from load_prepare import submission_plan

    from dichvucong.accounts.models import User
    from dichvucong.demo.people import CITIZEN_ID

    citizen = User.objects.get(username=CITIZEN_ID)
    plan = submission_plan(citizen)
    client = Client(
        SERVER_NAME="127.0.0.1",
        headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.0.0.7"},
    )
    client.force_login(citizen)
    timings: dict[str, list[float]] = {name: [] for name in STEPS}
    queries: dict[str, list[int]] = {name: [] for name in STEPS}
    one_round(client, plan, {n: [] for n in STEPS}, {n: [] for n in STEPS})  # warm
    profiler = cProfile.Profile() if args.profile else None
    for _ in range(args.rounds):
        one_round(client, plan, timings, queries, profiler)
    print(f"{args.rounds} submissions of {plan['procedure']} ({len(plan['documents'])} files)")
    for name in STEPS:
        print(
            f"{name:7} median {statistics.median(timings[name]):7.1f} ms  "
            f"max {max(timings[name]):7.1f} ms  queries {max(queries[name])}"
        )
    if args.sql:
        for name in STEPS:
            print(f"-- slowest queries of {name}")
            for seconds, sql in slowest[name]:
                print(f"{seconds * 1000:6.1f} ms  {sql[:300]}")
    if profiler is not None:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(35)
        print(out.getvalue())


if __name__ == "__main__":
    main()
