"""A reorganisation hands a dossier in progress to the successor agency:
the portal is told, after the dossier's earlier messages, that the same
dossier (same code, same status) is now handled by the new agency."""

from __future__ import annotations

from dichvucong.dossiers import reorganise
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.dossiers.tests.reorganisation_cast import (
    FIRST_DAY,
    add_groups_to_ward_b,
    reorganise_cast,
)
from dichvucong.national.models import NationalMessage


def test_the_transfer_is_a_message_naming_the_new_agency_with_the_status_unchanged(
    cast, portal, django_capture_on_commit_callbacks
):
    add_groups_to_ward_b(cast)
    dossier = make_dossier(cast, Status.PROCESSING)
    successor, _other = reorganise_cast()
    with django_capture_on_commit_callbacks(execute=True):
        assert reorganise.apply(reorganise.plan(FIRST_DAY)).moved == 1
    last = NationalMessage.objects.filter(dossier=dossier).latest("event_seq")
    assert last.kind == "transfer"
    assert last.status_code == "4"  # still processing
    assert last.data["DonViXuLy"] == successor.name
    assert last.data["MaHoSo"] == dossier.code
    kinds = list(NationalMessage.objects.filter(dossier=dossier)
                 .order_by("event_seq").values_list("kind", flat=True))
    assert kinds == ["received", "accepted", "processing", "transfer"]
