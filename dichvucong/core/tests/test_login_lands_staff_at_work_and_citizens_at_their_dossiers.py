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


def test_the_education_office_lands_on_its_campaigns(client, cast):
    from dichvucong.accounts.constants import Role
    from dichvucong.accounts.models import StaffRole

    StaffRole.objects.create(user=cast.specialist_b, role=Role.EDUCATION_OFFICE,
                             agency=cast.agency_b)
    StaffRole.objects.filter(user=cast.specialist_b, role=Role.SPECIALIST).delete()
    client.force_login(cast.specialist_b)
    response = client.get(reverse("core:after_login"))
    assert response["Location"] == reverse("outreach:campaign_list")
