"""Accepting confirms the fee: a dossier that owes one waits for payment
(status 6), and reception is sent to the counter-payment page; the amount
is asked only when the catalogue has none, the exemption only when one was
claimed."""

from __future__ import annotations

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import detail_url, messages_of, post_action, snapshot
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier
from dichvucong.dossiers.testing import make_dossier


def _with_fee(cast, rule, exemption: str = "") -> Dossier:  # type: ignore[no-untyped-def]
    cast.procedure.fee_rule = rule
    cast.procedure.save()
    dossier = make_dossier(cast, Status.SUBMITTED)
    if exemption:
        Dossier.objects.filter(pk=dossier.pk).update(fee_exemption=exemption)
        dossier.refresh_from_db()
    return dossier


FIXED = {"kind": "fixed", "amount": 10000, "exemptions": ["ho_ngheo"]}
COUNCIL = {"kind": "set_by_council", "amount": None, "exemptions": []}


def test_a_fee_owing_dossier_waits_for_payment_at_the_counter(client, cast) -> None:
    dossier = _with_fee(cast, FIXED)
    assert dossier.fee_amount == 10000
    login_verified(client, cast.receptionist_a)
    response = post_action(client, dossier, "accept")
    assert messages_of(response) == ["Đã tiếp nhận. Hồ sơ chờ nộp lệ phí 10.000 đ."]
    dossier.refresh_from_db()
    assert dossier.status == Status.AWAITING_PAYMENT
    page = client.get(detail_url(dossier)).content.decode()
    assert f'href="/thanh-toan/quay/{dossier.public_id}/"' in page
    assert "Thu lệ phí tại quầy" in page


def test_the_counter_link_is_for_reception_only(client, cast) -> None:
    dossier = _with_fee(cast, FIXED)
    login_verified(client, cast.receptionist_a)
    post_action(client, dossier, "accept")
    login_verified(client, cast.leader_a)
    assert "Thu lệ phí tại quầy" not in client.get(detail_url(dossier)).content.decode()


def test_reception_enters_a_fee_the_catalogue_does_not_have(client, cast) -> None:
    dossier = _with_fee(cast, COUNCIL)
    assert dossier.fee_amount is None
    login_verified(client, cast.receptionist_a)
    assert "Lệ phí phải nộp (đồng)" in client.get(detail_url(dossier)).content.decode()
    before = snapshot(dossier)
    assert post_action(client, dossier, "accept", {"fee_amount": ""}).status_code == 400
    assert post_action(client, dossier, "accept", {"fee_amount": "-5"}).status_code == 400
    assert snapshot(dossier) == before
    post_action(client, dossier, "accept", {"fee_amount": "25000"})
    dossier.refresh_from_db()
    assert (dossier.status, dossier.fee_amount) == (Status.AWAITING_PAYMENT, 25000)


@pytest.mark.parametrize(
    ("answer", "status", "fee"),
    [
        ("yes", Status.ACCEPTED, 0),
        ("no", Status.AWAITING_PAYMENT, 10000),
    ],
)
def test_reception_confirms_or_rejects_a_claimed_exemption(
    client, cast, answer, status, fee
) -> None:
    dossier = _with_fee(cast, FIXED, exemption="ho_ngheo")
    login_verified(client, cast.receptionist_a)
    page = client.get(detail_url(dossier)).content.decode()
    assert "Người nộp kê khai thuộc đối tượng miễn, giảm: hộ nghèo." in page
    before = snapshot(dossier)
    assert post_action(client, dossier, "accept").status_code == 400
    assert snapshot(dossier) == before
    post_action(client, dossier, "accept", {"exemption": answer})
    dossier.refresh_from_db()
    assert (dossier.status, dossier.fee_amount) == (status, fee)


def test_no_fee_means_a_single_button(client, cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    login_verified(client, cast.receptionist_a)
    response = client.get(detail_url(dossier))
    accept_form = {a.slug: f for a, f in response.context["actions"]}["accept"]
    assert list(accept_form.fields) == []


def test_no_apology_is_offered_before_the_clock_starts(client, cast) -> None:
    dossier = _with_fee(cast, FIXED)
    login_verified(client, cast.receptionist_a)
    post_action(client, dossier, "accept")
    slugs = [a.slug for a, _f in client.get(detail_url(dossier)).context["actions"]]
    assert "apologise" not in slugs


def test_an_apology_posted_while_waiting_for_payment_is_refused(client, cast) -> None:
    dossier = _with_fee(cast, FIXED)
    login_verified(client, cast.receptionist_a)
    post_action(client, dossier, "accept")
    before = snapshot(dossier)
    response = post_action(
        client, dossier, "apologise", {"new_date": "10/03/2030", "reason": "Chậm"}
    )
    assert response.status_code == 302
    assert messages_of(response)[-1] == (
        "Không thực hiện được: hồ sơ đang ở trạng thái “Yêu cầu thực hiện nghĩa vụ tài chính”."
    )
    assert snapshot(dossier) == before
