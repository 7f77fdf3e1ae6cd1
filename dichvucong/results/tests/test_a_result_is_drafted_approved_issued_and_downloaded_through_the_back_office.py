"""The whole way of a result through the web: the specialist opens the
draft pre-filled from the birth registration template, corrects a fact and
saves it, forwards, the leader approves; the issued PDF carries the edited
fact and the number of issue, and the citizen downloads it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Delivery, EventKind, Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_dossier
from dichvucong.results.models import ResultDraft
from dichvucong.results.template_data import load_templates
from dichvucong.results.tests.helpers import pdf_text

pytestmark = pytest.mark.django_db


def _processing(cast) -> Dossier:
    load_templates()
    dossier = make_dossier(cast, Status.PROCESSING)
    Dossier.objects.filter(pk=dossier.pk).update(delivery=Delivery.ONLINE)
    dossier.refresh_from_db()
    return dossier


def _draft_url(dossier) -> str:
    return reverse("backoffice:result_draft", args=[dossier.public_id])


def _action(client, dossier, slug, **data):
    url = reverse("backoffice:action", args=[dossier.public_id, slug])
    return client.post(url, data)


def test_the_draft_page_is_filled_from_the_procedures_template(client, cast):
    dossier = _processing(cast)
    login_verified(client, cast.specialist_a)

    page = client.get(_draft_url(dossier)).content.decode()

    assert "Trích lục khai sinh" in page
    assert 'value="Nguyễn Minh An"' in page
    assert "Đã đăng ký khai sinh tại UBND phường Khương Mai" in page
    assert not ResultDraft.objects.exists()  # nothing saved by looking


def test_forwarding_without_a_saved_draft_is_refused(client, cast):
    dossier = _processing(cast)
    login_verified(client, cast.specialist_a)

    _action(client, dossier, "forward", opinion="Đủ điều kiện")

    dossier.refresh_from_db()
    assert dossier.holder_id == cast.specialist_a.pk
    assert not dossier.events.filter(kind=EventKind.FORWARD).exists()


def test_draft_approve_issue_download(client, cast):
    dossier = _processing(cast)
    login_verified(client, cast.specialist_a)
    form = client.get(_draft_url(dossier)).context["form"]
    data = {name: field.initial or "" for name, field in form.fields.items()}
    data["value_0"] = "Nguyễn Minh Anh"
    data["body"] = "Đã đăng ký khai sinh, bản chính."

    response = client.post(_draft_url(dossier), data)
    assert response.status_code == 302
    assert dossier.events.filter(kind=EventKind.RESULT_DRAFT).count() == 1
    _action(client, dossier, "forward", opinion="Đủ điều kiện")

    login_verified(client, cast.leader_a)
    detail = client.get(reverse("backoffice:detail", args=[dossier.public_id])).content.decode()
    assert "Nguyễn Minh Anh" in detail  # the leader reads the draft
    _action(client, dossier, "approve")

    dossier.refresh_from_db()
    assert dossier.status == Status.RESOLVED
    draft = ResultDraft.objects.get(dossier=dossier)
    assert draft.number == 1 and draft.number_text == "1/TLKS"

    login_verified(client, cast.applicant)
    response = client.get(reverse("results:download", args=[dossier.public_id]))
    text = pdf_text(b"".join(response.streaming_content))
    assert "TRÍCH LỤC KHAI SINH" in text
    assert "Số: 1/TLKS" in text
    assert "Họ, chữ đệm và tên: Nguyễn Minh Anh" in text
    assert "Đã đăng ký khai sinh, bản chính." in text
    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED


def test_an_issued_draft_cannot_be_edited_any_more(client, cast):
    dossier = _processing(cast)
    login_verified(client, cast.specialist_a)
    client.post(_draft_url(dossier), {"value_0": "Nguyễn Minh An", "body": "Nội dung"})
    lifecycle.forward(dossier, cast.specialist_a, "Đủ điều kiện")
    lifecycle.approve(dossier, cast.leader_a)

    response = client.post(_draft_url(dossier), {"value_0": "Khác", "body": "Khác"})

    assert response.status_code == 302
    assert ResultDraft.objects.get(dossier=dossier).body == "Nội dung"
