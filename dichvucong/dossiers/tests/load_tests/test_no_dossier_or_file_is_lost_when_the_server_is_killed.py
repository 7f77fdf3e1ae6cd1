"""The application server dies (SIGKILL: no clean-up, mid-request) and is
started again, three times, while citizens in six processes create,
upload and submit. Afterwards:
- every code a citizen was given exists, once, with every file the citizen
  was told was stored, each readable and with its checksum;
- no dossier was submitted that no citizen was told about (only drafts may
  be left behind by a request that died);
- a file written by a transaction that died with the server is an orphan
  no row names; the daily sweep (purge_orphan_files) removes it, after
  which every stored file is named by a row and every row's file exists.
PostgreSQL only."""

from __future__ import annotations

import hashlib
import multiprocessing
import random
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Attachment, Dossier
from dichvucong.dossiers.testing import make_cast
from dichvucong.dossiers.tests.load_tests.crash_clients import citizen_process
from dichvucong.dossiers.tests.load_tests.server import Gunicorn
from dichvucong.dossiers.tests.load_tests.world import FORM_DATA, PASSWORD, World, make_world
from dichvucong.storage import orphans

PROCESSES = 6
DOSSIERS_EACH = 5
KILLS = 3


def _kill_and_restart(server: Gunicorn, results: object, kills: int) -> int:
    done = 0
    while done < kills and not results.ready():  # type: ignore[attr-defined]
        time.sleep(random.uniform(1.0, 2.5))
        server.kill()
        time.sleep(0.3)
        server.start()
        done += 1
    return done


def _run_clients(world: World, server: Gunicorn) -> tuple[list[dict], int]:
    procedure = world.cast.procedure.code
    args = [
        (
            server.url,
            user.username,
            PASSWORD,
            procedure,
            world.required_document[procedure],
            FORM_DATA,
            DOSSIERS_EACH,
        )
        for user in world.citizens
    ]
    with multiprocessing.get_context("spawn").Pool(PROCESSES) as pool:
        results = pool.starmap_async(citizen_process, args)
        kills = _kill_and_restart(server, results, KILLS)
        return results.get(timeout=600), kills


def _assert_told_codes_exist_with_their_files(outcomes: list[dict]) -> set[str]:
    told: set[str] = set()
    for outcome in outcomes:
        assert outcome["server_errors"] == [], outcome["server_errors"]
        for item in outcome["dossiers"]:
            assert item["code"], f"dossier {item['id']} never got its code"
            assert item["code"] not in told, "a code was given twice"
            told.add(item["code"])
            dossier = Dossier.objects.get(public_id=item["id"])
            assert dossier.code == item["code"] and dossier.status == Status.SUBMITTED
            stored = {a.sha256 for a in dossier.attachments.all()}
            assert set(item["files"]) <= stored
    return told


def _assert_every_file_is_named_and_every_name_stored() -> None:
    later = timezone.now() + orphans.GRACE + timedelta(minutes=1)
    orphans.purge_orphans(now=later)
    assert orphans.orphan_names(now=later) == []
    for attachment in Attachment.objects.all():
        with default_storage.open(attachment.file.name) as stored:
            assert attachment.sha256 == hashlib.sha256(stored.read()).hexdigest()


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_no_dossier_or_file_is_lost_when_the_server_is_killed(tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("several server processes share only a PostgreSQL test database")
    world = make_world(make_cast(), PROCESSES)
    server = Gunicorn(tmp_path / "gunicorn.log", workers=4)
    server.start()
    try:
        outcomes, kills = _run_clients(world, server)
    finally:
        server.stop()
    assert kills >= 1, "the clients finished before the server could be killed"
    told = _assert_told_codes_exist_with_their_files(outcomes)
    assert len(told) == PROCESSES * DOSSIERS_EACH
    submitted = set(Dossier.objects.exclude(status=Status.DRAFT).values_list("code", flat=True))
    assert submitted == told, "a dossier exists that no citizen was told about"
    _assert_every_file_is_named_and_every_name_stored()
    print(
        f"server killed {kills} times; {len(told)} dossiers, "
        f"{Attachment.objects.count()} files kept"
    )
