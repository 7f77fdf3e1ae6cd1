"""Hà logs in with the login from her paper slip and lands on /dai-su-so/,
where her work is: her account has no dossiers of its own, so "Hồ sơ của
tôi" would be an empty page. A ?next= address still wins, and once she
has a dossier of her own she lands on it like any applicant."""

from __future__ import annotations

from django.urls import reverse

from dichvucong.dossiers.models import Dossier
from dichvucong.outreach.tests.helpers_tests.cast import HelpersCast

LOGIN = reverse("accounts:login")


def log_in(client, hc: HelpersCast, query: str = ""):  # type: ignore[no-untyped-def]
    credentials = {"username": hc.helper.username, "password": hc.helper_password}
    return client.post(LOGIN + query, credentials, follow=True)


def test_the_pupil_lands_on_the_ambassador_pages(client, hc) -> None:
    response = log_in(client, hc)
    assert response.redirect_chain[-1][0] == reverse("helpers:home")
    assert response.status_code == 200


def test_a_next_address_still_wins(client, hc) -> None:
    response = log_in(client, hc, "?next=/thu-tuc/")
    assert response.redirect_chain[-1][0] == "/thu-tuc/"


def test_with_a_dossier_of_her_own_she_lands_on_her_dossiers(client, hc) -> None:
    Dossier.objects.create(
        procedure=hc.cast.procedure,
        agency=hc.cast.agency_a,
        applicant=hc.helper,
        applicant_name=hc.helper.full_name,
        form_data={},
    )
    response = log_in(client, hc)
    assert response.redirect_chain[-1][0] == reverse("dossiers:mine")
