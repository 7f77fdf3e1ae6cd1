from __future__ import annotations

import hashlib

import pytest

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import ResultDocument
from dichvucong.dossiers.testing import make_dossier
from dichvucong.results import service
from dichvucong.results.tests.helpers import forwarded, resolved, stored_bytes

pytestmark = pytest.mark.django_db


def test_approval_issues_one_result_signed_by_the_approver(cast):
    dossier = forwarded(cast)
    assert not ResultDocument.objects.exists()

    lifecycle.approve(dossier, cast.leader_a)

    result = ResultDocument.objects.get()
    assert result.dossier == dossier
    assert result.issued_by == cast.leader_a
    assert result.file.name.startswith("results/")
    assert result.file.name.endswith(".pdf")


def test_the_recorded_sha256_is_that_of_the_bytes_in_storage(cast):
    result = resolved(cast).result

    data = stored_bytes(result)

    assert data.startswith(b"%PDF-")
    assert hashlib.sha256(data).hexdigest() == result.sha256


def test_issuing_again_returns_the_same_result(cast):
    dossier = resolved(cast)
    first = dossier.result

    again = service.issue_result(dossier, cast.leader_a)

    assert again.pk == first.pk
    assert again.verification_code == first.verification_code
    assert ResultDocument.objects.count() == 1


def test_a_dossier_still_in_processing_gets_no_result(cast):
    dossier = make_dossier(cast, Status.PROCESSING)

    with pytest.raises(service.ResultError):
        service.issue_result(dossier, cast.leader_a)

    assert not ResultDocument.objects.exists()


def test_returning_the_result_at_the_counter_issues_nothing_more(cast):
    dossier = resolved(cast)

    lifecycle.return_result(dossier, cast.receptionist_a)

    assert ResultDocument.objects.count() == 1
