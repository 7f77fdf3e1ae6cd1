"""01 after acceptance, 02 after a supplement request, 03 after refusal,
04 after an apology, 05 once received or refused; the register always.
The applicant's page links their own slips (01 to 04), not the office's 05."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import at, detail_url
from dichvucong.dossiers import lifecycle
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier


def _slips(client, dossier) -> list[str]:  # type: ignore[no-untyped-def]
    response = client.get(detail_url(dossier))
    assert "/phieu/so-theo-doi.pdf" in response.content.decode()
    return [slip.number for slip in response.context["slips"]]


@pytest.mark.parametrize(
    ("status", "numbers"),
    [
        (Status.SUBMITTED, []),
        (Status.SUPPLEMENT, ["02"]),
        (Status.REFUSED, ["03", "05"]),
        (Status.ACCEPTED, ["01", "05"]),
        (Status.RETURNED, ["01", "05"]),
    ],
)
def test_slips_by_status(client, cast, status, numbers) -> None:
    dossier = make_dossier(cast, status)
    login_verified(client, cast.receptionist_a)
    assert _slips(client, dossier) == numbers


def test_an_apology_adds_slip_04(client, cast) -> None:
    with time_machine.travel(at(2026, 3, 2), tick=False):  # Monday; due Thursday
        dossier = make_dossier(cast, Status.ACCEPTED)
        lifecycle.apologise(dossier, cast.leader_a, date(2026, 3, 10), "Chờ xác minh")
        login_verified(client, cast.receptionist_a)
        assert _slips(client, dossier) == ["01", "04", "05"]
        page = client.get(detail_url(dossier)).content.decode()
    assert f'href="/phieu/{dossier.public_id}/04.pdf"' in page


def test_the_applicant_gets_the_receipt_slip_on_the_dossier_page(client, cast) -> None:
    dossier = make_dossier(cast, Status.ACCEPTED)
    client.force_login(cast.applicant)
    response = client.get(f"/ho-so/{dossier.public_id}/")
    assert [slip.number for slip in response.context["slips"]] == ["01"]
    page = response.content.decode()
    assert "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" in page
    slip = client.get(f"/phieu/{dossier.public_id}/01.pdf")
    assert slip.status_code == 200 and slip["Content-Type"] == "application/pdf"
    assert f"/phieu/{dossier.public_id}/05.pdf" not in page
