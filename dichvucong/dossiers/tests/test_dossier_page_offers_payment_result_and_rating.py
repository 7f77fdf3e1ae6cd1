"""The applicant's dossier page leads to what comes next: paying, the
electronic result, rating the service."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier, make_draft


def test_a_dossier_waiting_for_payment_shows_the_amount_and_the_pay_button(client, cast):
    cast.procedure.fee_rule = {"kind": "per_copy", "amount": 8000, "exemptions": []}
    cast.procedure.save()
    draft = make_draft(cast)
    lifecycle.submit(draft, cast.applicant)
    dossier = lifecycle.accept(draft, cast.receptionist_a)
    client.force_login(cast.applicant)
    body = client.get(reverse("dossiers:detail", args=[dossier.public_id])).content.decode()
    assert "8.000 đ" in body
    assert reverse("payments:pay", args=[dossier.public_id]) in body


def test_a_resolved_dossier_offers_the_result_and_a_rating(client, cast):
    dossier = make_dossier(cast, Status.RESOLVED)
    client.force_login(cast.applicant)
    body = client.get(reverse("dossiers:detail", args=[dossier.public_id])).content.decode()
    assert reverse("results:download", args=[dossier.public_id]) in body
    assert dossier.result.verification_code in body
    assert reverse("feedback:rate", args=[dossier.public_id]) in body


def test_a_dossier_in_reception_offers_neither(client, cast):
    dossier = make_dossier(cast)
    client.force_login(cast.applicant)
    body = client.get(reverse("dossiers:detail", args=[dossier.public_id])).content.decode()
    assert "/ket-qua/" not in body and "/danh-gia/" not in body
