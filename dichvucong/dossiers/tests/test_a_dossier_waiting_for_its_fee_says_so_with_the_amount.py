"""A dossier accepted with a fee waits in status 6: the applicant's list,
their dossier page, the lookup page and the back office all say
"Chờ nộp phí: 8.000 đ", not the bare status name nor blank dates."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier
from dichvucong.dossiers.tests.helpers import logged_in, page_text, tmp_media  # noqa: F401

pytestmark = pytest.mark.django_db
WAITING = "Chờ nộp phí: 8.000 đ"


@pytest.fixture
def waiting(cast):  # type: ignore[no-untyped-def]
    dossier = make_dossier(cast)
    lifecycle.accept(dossier, cast.receptionist_a, fee_amount=8000)
    dossier.refresh_from_db()
    assert dossier.status == Status.AWAITING_PAYMENT
    return dossier


def test_the_applicant_sees_the_amount_in_the_list_and_on_the_dossier(cast, client, waiting):
    logged_in(client, cast.applicant)
    assert WAITING in page_text(client.get(reverse("dossiers:mine")))
    detail = page_text(client.get(reverse("dossiers:detail", args=[waiting.public_id])))
    assert WAITING in detail


def test_the_back_office_sees_the_amount_beside_the_code(cast, client, waiting):
    login_verified(client, cast.receptionist_a)
    html = page_text(client.get(reverse("backoffice:detail", args=[waiting.public_id])))
    assert f'<span class="status s6">{WAITING}</span>' in html


def test_the_lookup_says_it_too(cast, client, waiting):
    response = client.post(reverse("lookup:form"), {"code": waiting.code, "factor": "0912345678"})
    assert WAITING in page_text(response)


def test_without_an_amount_the_status_keeps_its_national_name(cast, waiting):
    waiting.fee_amount = None
    assert waiting.status_text == "Yêu cầu thực hiện nghĩa vụ tài chính"
