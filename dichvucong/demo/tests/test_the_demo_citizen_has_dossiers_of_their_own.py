"""The demo citizen (the first account a visitor tries) sees in "Hồ sơ
của tôi" what a resident would: a dossier returned with its e-result,
which they can download, one being processed and one waiting for a
supplement, each opening on its own page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from dichvucong.accounts.models import User
from dichvucong.demo.people import CITIZEN_ID
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.models import Dossier, ResultDocument

pytestmark = pytest.mark.django_db


def test_my_dossiers_lists_three_dossiers_in_three_states(demo, client):
    citizen = User.objects.get(username=CITIZEN_ID)
    mine = Dossier.objects.filter(applicant=citizen)
    client.force_login(citizen)

    page = client.get("/ho-so/").content.decode()

    assert set(mine.values_list("status", flat=True)) == {
        Status.RETURNED,
        Status.PROCESSING,
        Status.SUPPLEMENT,
    }
    links = set(re.findall(r'href="(/ho-so/[0-9a-f-]{36}/)"', page))
    assert len(links) == 3
    for link in links:
        assert client.get(link).status_code == 200


def test_the_returned_dossier_has_an_e_result_its_applicant_downloads(demo, client):
    citizen = User.objects.get(username=CITIZEN_ID)
    returned = Dossier.objects.get(applicant=citizen, status=Status.RETURNED)
    client.force_login(citizen)

    assert ResultDocument.objects.filter(dossier=returned).exists()
    answer = client.get(reverse("results:download", args=[returned.public_id]))

    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/pdf"
