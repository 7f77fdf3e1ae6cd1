from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import EventKind, Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.results import service
from dichvucong.results.models import ResultDraft

pytestmark = pytest.mark.django_db


def _values(dossier):
    return [row["value"] for row in service.draft_to_edit(dossier).fields]


def _forwarded_with_draft(cast):
    dossier = make_dossier(cast, Status.PROCESSING)
    service.save_draft(dossier, cast.specialist_a, _values(dossier), "Nội dung")
    return service.forward(dossier, cast.specialist_a, "Đủ điều kiện")


def test_sent_back_the_specialist_holds_it_again_and_can_redraft(client, cast):
    dossier = _forwarded_with_draft(cast)
    login_verified(client, cast.leader_a)

    url = reverse("backoffice:action", args=[dossier.public_id, "send_back"])
    client.post(url, {"reason": "Sai tên người mẹ"})

    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING
    assert dossier.holder_id == cast.specialist_a.pk
    event = dossier.events.order_by("-seq").first()
    assert event.kind == EventKind.SEND_BACK and event.reason == "Sai tên người mẹ"
    assert not hasattr(dossier, "result")
    login_verified(client, cast.specialist_a)
    page = client.get(reverse("backoffice:result_draft", args=[dossier.public_id]))
    assert "Sai tên người mẹ" in page.content.decode()
    service.save_draft(dossier, cast.specialist_a, _values(dossier), "Đã sửa")
    service.forward(dossier, cast.specialist_a, "Đã sửa theo ý kiến")
    lifecycle.approve(dossier, cast.leader_a)
    assert ResultDraft.objects.get(dossier=dossier).body == "Đã sửa"


def test_a_send_back_needs_a_reason_and_a_forwarded_dossier(cast):
    dossier = _forwarded_with_draft(cast)
    with pytest.raises(lifecycle.TransitionError):
        lifecycle.send_back(dossier, cast.leader_a, "  ")
    lifecycle.send_back(dossier, cast.leader_a, "Sai tên")
    with pytest.raises(lifecycle.TransitionError):
        lifecycle.send_back(dossier, cast.leader_a, "Lại lần nữa")


def test_the_specialist_cannot_send_back(cast):
    dossier = _forwarded_with_draft(cast)
    with pytest.raises(lifecycle.TransitionError):
        lifecycle.send_back(dossier, cast.specialist_a, "Tự trả lại")
