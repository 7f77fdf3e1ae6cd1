"""The acceptance that follows a payment says what was paid, how, and the
receipt number, in the event log and on the applicant's timeline."""

from __future__ import annotations

from dichvucong.dossiers.constants import EventKind, Status
from dichvucong.payments import services
from dichvucong.payments.tests.helpers import awaiting_payment, page, pay_through_sandbox


def _acceptance_reason(dossier) -> str:  # type: ignore[no-untyped-def]
    event = dossier.events.get(kind=EventKind.STATUS, to_status=Status.ACCEPTED)
    return event.reason


def test_an_online_payment_is_named_on_the_timeline(client, cast) -> None:
    dossier = awaiting_payment(cast)
    client.force_login(cast.applicant)
    pay_through_sandbox(client, dossier)
    dossier.refresh_from_db()
    payment = dossier.payments.get(status="paid")
    expected = f"Đã nộp phí, lệ phí 24.000 đ trực tuyến, biên lai số {payment.receipt_number}."
    assert dossier.status == Status.ACCEPTED
    assert _acceptance_reason(dossier) == expected
    assert expected in page(client.get(f"/ho-so/{dossier.public_id}/"))


def test_a_counter_payment_is_named_too(client, cast) -> None:
    dossier = awaiting_payment(cast)
    payment = services.record_counter_payment(dossier, cast.receptionist_a)
    reason = _acceptance_reason(dossier)
    assert reason == (
        f"Đã nộp phí, lệ phí 24.000 đ tại Bộ phận Một cửa, biên lai số {payment.receipt_number}."
    )
