"""Counts on the page, names and contacts only in the downloaded file,
and the same number of queries for 2 or 20 people."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse

from dichvucong.accounts.models import CitizenProfile, User
from dichvucong.accounts.testing import login_verified
from dichvucong.breaches.constants import System
from dichvucong.breaches.tests.helpers import START, incident, pupil, trail, url
from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.testing import make_dossier


def add_people(cast, n: int) -> None:  # type: ignore[no-untyped-def]
    for i in range(n):
        user = User.objects.create_user(username=f"0010900{i:05d}", full_name=f"Người {i}")
        CitizenProfile.objects.create(user=user, id_number=user.username, phone=f"09120{i:05d}")
        dossier = make_dossier(cast, Status.PROCESSING)
        dossier.applicant = user
        dossier.save(update_fields=["applicant"])
        trail(
            reverse("backoffice:detail", args=[dossier.public_id]),
            START + timedelta(minutes=i),
            cast.receptionist_a,
        )
        child = pupil(name=f"Học sinh {i}", phone=f"09130{i:05d}")
        trail(
            reverse("outreach:pupil_detail", args=[child.pk]),
            START + timedelta(minutes=i),
            cast.receptionist_a,
        )
        trail(
            f"/quan-tri/accounts/user/{user.pk}/change/",
            START + timedelta(minutes=i),
            cast.receptionist_a,
        )


def test_the_file_names_each_person_once_and_the_page_only_counts(client, cast, admin_user) -> None:
    add_people(cast, 2)
    item = incident(admin_user, systems=tuple(System.values))
    login_verified(client, admin_user)

    page = client.get(url("detail", item)).content.decode()
    assert "Người 0" not in page and "Học sinh 0" not in page
    response = client.get(url("affected_csv", item))
    text = response.content.decode("utf-8-sig")
    assert response["Content-Disposition"].startswith("attachment;")
    assert text.count("Người 0") == 1 and text.count("Học sinh 1") == 1
    assert "0912000000" in text and "0913000001" in text
    assert item.events.filter(kind="list").get().data == {"people": 4}


def _queries(client, cast, admin_user, n, django_assert_max_num_queries, budget):  # type: ignore[no-untyped-def]
    add_people(cast, n)
    item = incident(admin_user, systems=tuple(System.values))
    login_verified(client, admin_user)
    client.get(url("detail", item))
    with django_assert_max_num_queries(budget):
        assert client.get(url("detail", item)).status_code == 200
    with django_assert_max_num_queries(budget):
        assert client.get(url("affected_csv", item)).status_code == 200


def test_the_page_and_file_cost_the_same_for_2_people(
    client, cast, admin_user, django_assert_max_num_queries
) -> None:
    _queries(client, cast, admin_user, 2, django_assert_max_num_queries, 17)


def test_the_page_and_file_cost_the_same_for_20_people(
    client, cast, admin_user, django_assert_max_num_queries
) -> None:
    _queries(client, cast, admin_user, 20, django_assert_max_num_queries, 17)
