import pytest
import time_machine
from django.urls import reverse

from dichvucong.accounts.testing import login_verified
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.slips.tests.pdftext import MONDAY_MORNING, page_text
from dichvucong.dossiers.testing import make_dossier


def _url(dossier, number="01"):
    return reverse("slips:dossier_slip", args=[dossier.public_id, number])


@pytest.fixture
def accepted(cast):
    return make_dossier(cast, Status.ACCEPTED)


@pytest.mark.parametrize("who", ["receptionist_a", "specialist_a", "leader_a", "applicant"])
def test_the_agency_staff_and_the_applicant_get_the_pdf_inline(client, cast, accepted, who):
    login_verified(client, getattr(cast, who))
    response = client.get(_url(accepted))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="phieu-01-{accepted.code}.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert accepted.code in page_text(response.content)


@pytest.mark.parametrize("who", ["receptionist_b", "leader_b", "other_applicant"])
def test_other_wards_and_other_applicants_get_404(client, cast, accepted, who):
    login_verified(client, getattr(cast, who))
    for number in ("01", "05"):
        assert client.get(_url(accepted, number)).status_code == 404


def test_a_visitor_is_sent_to_log_in(client, accepted):
    response = client.get(_url(accepted))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_a_slip_the_dossier_does_not_have_is_404(client, cast, accepted):
    login_verified(client, cast.receptionist_a)
    for number in ("02", "03", "04"):
        assert client.get(_url(accepted, number)).status_code == 404
    assert client.get(f"/phieu/{accepted.public_id}/06.pdf").status_code == 404


def test_a_submitted_dossier_has_no_slip_yet(client, cast):
    dossier = make_dossier(cast, Status.SUBMITTED)
    login_verified(client, cast.receptionist_a)
    assert client.get(_url(dossier, "01")).status_code == 404
    assert client.get(_url(dossier, "05")).status_code == 404


@pytest.mark.parametrize(
    "status, numbers",
    [
        (Status.SUPPLEMENT, ("02",)),
        (Status.REFUSED, ("03", "05")),
        (Status.RETURNED, ("01", "05")),
    ],
)
def test_each_slip_is_there_once_its_fact_is(client, cast, status, numbers):
    dossier = make_dossier(cast, status)
    client.force_login(cast.applicant)
    for number in numbers:
        response = client.get(_url(dossier, number))
        assert response.status_code == 200, number
        assert dossier.code in page_text(response.content)


def test_the_register_lists_the_staffs_dossiers_received_this_month(client, cast):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        first = make_dossier(cast, Status.ACCEPTED)
        second = make_dossier(cast, Status.PROCESSING)
        login_verified(client, cast.receptionist_a)
        response = client.get(reverse("slips:register"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    text = page_text(response.content)
    assert first.code in text and second.code in text
    assert "Từ ngày 01/03/2026 đến ngày 31/03/2026" in text


def test_the_register_keeps_to_the_period_and_the_staffs_agency(client, cast):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        dossier = make_dossier(cast, Status.ACCEPTED)
    login_verified(client, cast.receptionist_b)
    text = page_text(
        client.get(reverse("slips:register"), {"tu": "01/03/2026", "den": "31/03/2026"}).content
    )
    assert dossier.code not in text
    login_verified(client, cast.receptionist_a)
    text = page_text(
        client.get(reverse("slips:register"), {"tu": "01/04/2026", "den": "30/04/2026"}).content
    )
    assert dossier.code not in text
    assert "Tổng số hồ sơ: 0" in text


@pytest.mark.parametrize(
    "query, message",
    [
        ({"tu": "32/01/2026"}, "Từ ngày “32/01/2026” không hợp lệ"),
        ({"den": "2026-03-31"}, "Đến ngày “2026-03-31” không hợp lệ"),
        ({"tu": "31/03/2026", "den": "01/03/2026"}, "phải trước hoặc bằng"),
        ({"tu": "01/01/2024", "den": "31/12/2026"}, "tối đa 366 ngày"),
    ],
)
def test_a_bad_period_is_a_clear_400(client, cast, query, message):
    login_verified(client, cast.receptionist_a)
    response = client.get(reverse("slips:register"), query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_applicants_have_no_register(client, cast):
    client.force_login(cast.applicant)
    assert client.get(reverse("slips:register")).status_code == 404
