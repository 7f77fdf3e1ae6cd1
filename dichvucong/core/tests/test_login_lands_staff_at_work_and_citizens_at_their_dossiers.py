from django.urls import reverse


def test_staff_land_in_the_one_stop_office(client, cast):
    client.force_login(cast.receptionist_a)
    response = client.get(reverse("core:after_login"))
    assert response["Location"] == reverse("backoffice:queues")


def test_citizens_land_on_their_dossiers(client, cast):
    client.force_login(cast.applicant)
    assert client.get(reverse("core:after_login"))["Location"] == reverse("dossiers:mine")


def test_anonymous_visitors_go_home(client, db):
    assert client.get(reverse("core:after_login"))["Location"] == reverse("core:home")
