"""Slips are made on each request and signed with it: what the applicant
downloads carries the office's valid signature."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.documents import signing
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.slips.service import available_slips, render_slip
from dichvucong.dossiers.testing import make_dossier


def test_each_slip_of_a_received_dossier_verifies_as_genuine(cast) -> None:
    dossier = make_dossier(cast, Status.ACCEPTED)
    numbers = available_slips(dossier)

    verdicts = {number: signing.verify(render_slip(dossier, number) or b"") for number in numbers}

    assert set(numbers) >= {"01", "05"}
    assert {number: v.outcome for number, v in verdicts.items()} == dict.fromkeys(
        numbers, signing.Outcome.GENUINE
    )


def test_the_downloaded_slip_is_the_signed_one(client, cast) -> None:
    dossier = make_dossier(cast, Status.ACCEPTED)
    login_verified(client, cast.applicant)

    response = client.get(reverse("slips:dossier_slip", args=[dossier.public_id, "01"]))

    assert signing.verify(response.content).genuine
