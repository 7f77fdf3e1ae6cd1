from __future__ import annotations

import os
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from dichvucong.documents.models import IssuedNumber, NumberSeries
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier, ResultDocument
from dichvucong.results.models import ResultDraft
from dichvucong.results.tests.helpers import forwarded, resolved
from dichvucong.storage import orphans

pytestmark = pytest.mark.django_db


class Boom(Exception):
    pass


def _approve_then_fail(dossier: Dossier, leader) -> None:
    with pytest.raises(Boom), transaction.atomic():
        lifecycle.approve(dossier, leader)
        assert ResultDocument.objects.filter(dossier=dossier).exists()
        raise Boom


def test_a_rolled_back_approval_leaves_neither_status_nor_result(cast):
    dossier = forwarded(cast)

    _approve_then_fail(dossier, cast.leader_a)

    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING
    assert not ResultDocument.objects.exists()
    assert not IssuedNumber.objects.exists()
    assert resolved(cast).result_draft.number == 1  # the next approval takes 1 again


def test_a_failing_result_rolls_the_approval_back(cast, monkeypatch):
    dossier = forwarded(cast)

    def broken(document, after=None):
        raise RuntimeError("font missing")

    monkeypatch.setattr("dichvucong.documents.pdf.render", broken)
    with pytest.raises(RuntimeError):
        lifecycle.approve(dossier, cast.leader_a)

    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING
    assert not ResultDocument.objects.exists()
    # The number taken before the failure went back with the approval.
    assert not ResultDraft.objects.exclude(number=None).exists()
    assert not IssuedNumber.objects.exists()
    assert NumberSeries.objects.filter(last_number__gt=0).count() == 0


def _age(root, name: str, hours: float) -> None:
    moment = time.time() - hours * 3600
    os.utime(root / name, (moment, moment))


def test_the_orphan_file_of_a_rolled_back_approval_is_purged(cast, media_root):
    kept = resolved(cast).result
    dossier = forwarded(cast)
    _approve_then_fail(dossier, cast.leader_a)
    stored = orphans.stored_names(kept.file.storage, "results")
    orphan = next(name for name in stored if name != kept.file.name)
    _age(media_root, orphan, hours=2)
    _age(media_root, kept.file.name, hours=2)

    purged = orphans.purge_orphans().deleted

    assert purged == [orphan]
    assert not (media_root / orphan).exists()
    assert (media_root / kept.file.name).exists()


def test_a_young_orphan_may_still_be_committing_and_is_kept(cast, media_root):
    dossier = forwarded(cast)
    _approve_then_fail(dossier, cast.leader_a)

    assert orphans.purge_orphans().deleted == []
    later = timezone.now() + timedelta(hours=2)
    assert len(orphans.purge_orphans(now=later).deleted) == 1


def test_the_command_lists_on_a_dry_run_and_deletes_otherwise(cast, media_root):
    dossier = forwarded(cast)
    _approve_then_fail(dossier, cast.leader_a)
    orphan = next(orphans.stored_names(ResultDocument._meta.get_field("file").storage, "results"))
    _age(media_root, orphan, hours=2)

    listed = StringIO()
    call_command("purge_orphan_files", "--dry-run", stdout=listed)
    assert orphan in listed.getvalue()
    assert (media_root / orphan).exists()

    call_command("purge_orphan_files", stdout=StringIO())
    assert not (media_root / orphan).exists()
