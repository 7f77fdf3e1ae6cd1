"""`manage.py purge_orphan_files` on object storage, where a folder is only
a prefix of keys: it lists the app's folders in the bucket, reads each
object's age, deletes the objects of rolled-back work once an hour old, and
keeps every object a row names and every object outside the app's folders."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.models import Attachment, ResultDocument
from dichvucong.dossiers.testing import make_draft, pdf_upload
from dichvucong.dossiers.uploads import add_attachment
from dichvucong.results.tests.helpers import forwarded, resolved
from dichvucong.storage import orphans

pytestmark = [pytest.mark.s3, pytest.mark.django_db]


class Boom(Exception):
    pass


def _referenced() -> set[str]:
    attachments = Attachment.objects.values_list("file", flat=True)
    results = ResultDocument.objects.values_list("file", flat=True)
    return {*attachments, *results}


@pytest.fixture
def leftovers(cast, bucket) -> set[str]:
    """An attachment and a result whose transactions rolled back after
    their files were written, beside a draft and a result that committed."""
    draft = make_draft(cast)
    resolved(cast)
    with pytest.raises(Boom), transaction.atomic():
        add_attachment(draft, cast.applicant, pdf_upload("bi-huy.pdf"))
        raise Boom
    dossier = forwarded(cast)
    with pytest.raises(Boom), transaction.atomic():
        lifecycle.approve(dossier, cast.leader_a)
        raise Boom
    left = bucket.names() - _referenced()
    assert {name.split("/")[0] for name in left} == {"dossiers", "results"}
    return left


def test_the_sweep_lists_the_bucket_by_folder(leftovers, bucket):
    storage = Attachment._meta.get_field("file").storage

    listed = {*orphans.stored_names(storage, "dossiers"), *orphans.stored_names(storage, "results")}

    assert listed == bucket.names()
    assert list(orphans.stored_names(storage, "outreach/rosters")) == []


def test_young_orphans_are_kept_and_old_ones_found(leftovers):
    assert orphans.orphan_names() == []
    later = timezone.now() + timedelta(hours=2)
    assert set(orphans.orphan_names(now=later)) == leftovers


def test_the_command_deletes_the_orphans_and_keeps_the_rest(leftovers, bucket):
    bucket.put("khac/ghi-chu.txt", "không thuộc hồ sơ nào".encode())
    kept = _referenced() | {"khac/ghi-chu.txt"}

    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        listed = StringIO()
        call_command("purge_orphan_files", "--dry-run", stdout=listed)
        assert all(name in listed.getvalue() for name in leftovers)
        assert bucket.names() == kept | leftovers

        call_command("purge_orphan_files", stdout=StringIO())

    assert bucket.names() == kept
