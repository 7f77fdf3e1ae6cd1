"""01 after acceptance, 02 after a supplement request, 03 after refusal,
04 after an apology, 05 once received; the register always."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from dichvucong.backoffice.tests.helpers import at, detail_url
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier


def _slips(client, dossier) -> list[str]:  # type: ignore[no-untyped-def]
    response = client.get(detail_url(dossier))
    assert "/phieu/so-theo-doi.pdf" in response.content.decode()
    return [slip.number for slip, _url in response.context["slips"]]


@pytest.mark.parametrize(
    ("status", "numbers"),
    [
        (Status.SUBMITTED, []),
        (Status.SUPPLEMENT, ["02"]),
        (Status.REFUSED, ["03"]),
        (Status.ACCEPTED, ["01", "05"]),
        (Status.RETURNED, ["01", "05"]),
    ],
)
def test_slips_by_status(client, cast, status, numbers) -> None:
    dossier = make_dossier(cast, status)
    client.force_login(cast.receptionist_a)
    assert _slips(client, dossier) == numbers


def test_an_apology_adds_slip_04(client, cast) -> None:
    with time_machine.travel(at(2026, 3, 2), tick=False):  # Monday; due Thursday
        dossier = make_dossier(cast, Status.ACCEPTED)
        lifecycle.apologise(dossier, cast.leader_a, date(2026, 3, 10), "Chờ xác minh")
        client.force_login(cast.receptionist_a)
        assert _slips(client, dossier) == ["01", "04", "05"]
        page = client.get(detail_url(dossier)).content.decode()
    assert f'href="/phieu/{dossier.public_id}/04.pdf"' in page
