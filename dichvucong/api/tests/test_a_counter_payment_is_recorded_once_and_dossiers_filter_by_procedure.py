"""A receptionist's key records a fee paid at the counter through the
web's own service: a receipted payment, the dossier accepted, the same
event as the web. Sent again, it takes nothing twice. Other keys are
refused with a machine code. The staff list filters by procedure."""

from __future__ import annotations

import time_machine
from django.test import Client

from dichvucong.api.tests.helpers import Keys, assert_error, send
from dichvucong.catalogue.models import Procedure
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import Cast, make_dossier
from dichvucong.payments.constants import GatewayName, PaymentStatus
from dichvucong.payments.models import Payment
from dichvucong.payments.tests.helpers import MONDAY_MORNING, awaiting_payment


def _pay(client: Client, dossier, key) -> object:  # type: ignore[no-untyped-def]
    url = f"/staff/dossiers/{dossier.public_id}/counter-payment"
    return send(client, "POST", url, **key.headers)


def test_the_receptionist_key_records_the_fee_once(client: Client, keys: Keys, cast: Cast) -> None:
    with time_machine.travel(MONDAY_MORNING, tick=False):
        dossier = awaiting_payment(cast)
        first = _pay(client, dossier, keys.receptionist_a)
        assert first.status_code == 200, first.content
        body = first.json()
        assert body["recorded"] is True
        assert body["payment"]["amount"] == 24_000
        assert body["payment"]["gateway"] == GatewayName.COUNTER
        assert body["dossier"]["status"] == Status.ACCEPTED

        again = _pay(client, dossier, keys.receptionist_a)
        assert again.status_code == 200
        assert again.json()["recorded"] is False
        assert again.json()["payment"]["receipt_number"] == body["payment"]["receipt_number"]

    payment = Payment.objects.get(dossier=dossier)
    assert payment.status == PaymentStatus.PAID
    assert payment.recorded_by == keys.receptionist_a.user
    last = dossier.events.order_by("-seq").first()
    assert last.actor == keys.receptionist_a.user and payment.receipt_number in last.reason


def test_a_leader_key_is_refused_with_a_code(client: Client, keys: Keys, cast: Cast) -> None:
    dossier = awaiting_payment(cast)
    assert_error(_pay(client, dossier, keys.leader_a), 409, "not_permitted")
    assert_error(_pay(client, dossier, keys.receptionist_b), 404, "not_found")
    assert not Payment.objects.filter(dossier=dossier).exists()


def test_a_dossier_that_owes_nothing_is_refused(client: Client, keys: Keys, cast: Cast) -> None:
    dossier = make_dossier(cast, Status.SUBMITTED)
    assert_error(_pay(client, dossier, keys.receptionist_a), 409, "fee_not_due")


def test_the_staff_list_filters_by_procedure(client: Client, keys: Keys, cast: Cast) -> None:
    birth = make_dossier(cast)
    other = Procedure.objects.create(
        code="1.000894",
        name="Đăng ký kết hôn",
        field=cast.procedure.field,
        handling_level=cast.procedure.handling_level,
        online_level=cast.procedure.online_level,
        form_schema=cast.procedure.form_schema,
        fee_rule={"kind": "free"},
    )
    marriage = make_dossier(cast)
    marriage.procedure = other
    marriage.save(update_fields=["procedure"])

    def ids(code: str) -> list[str]:
        answer = send(
            client, "GET", f"/staff/dossiers?procedure={code}", **keys.receptionist_a.headers
        )
        assert answer.status_code == 200
        return [item["id"] for item in answer.json()["items"]]

    assert ids("1.001193") == [str(birth.public_id)]
    assert ids("1.000894") == [str(marriage.public_id)]
    assert ids("9.999999") == []
