"""The back-office dossier page and the staff API both say how sure the
office is of the applicant's identity."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from dichvucong.accounts.constants import AssuranceLevel, Role
from dichvucong.accounts.models import CitizenProfile
from dichvucong.accounts.testing import login_verified
from dichvucong.api.tests.helpers import make_key
from dichvucong.dossiers.testing import make_dossier

API = "/api/v1"


def test_the_dossier_page_shows_the_level(client, cast):
    dossier = make_dossier(cast)
    login_verified(client, cast.receptionist_a)
    url = reverse("backoffice:detail", args=[dossier.public_id])
    page = client.get(url).content.decode()
    assert "Mức xác thực tài khoản" in page
    assert "Đã xác nhận số điện thoại" in page
    CitizenProfile.objects.filter(user=cast.applicant).update(
        assurance=AssuranceLevel.COUNTER_VERIFIED
    )
    assert "Đã xác minh tại Bộ phận Một cửa" in client.get(url).content.decode()


def test_the_staff_api_gives_the_level(cast):
    dossier = make_dossier(cast)
    key = make_key(cast.agency_a, Role.RECEPTIONIST)
    response = Client().get(f"{API}/staff/dossiers/{dossier.public_id}", **key.headers)
    assert response.status_code == 200, response.content
    assert response.json()["applicant_assurance"] == AssuranceLevel.PHONE_CONFIRMED
