from django.urls import reverse

from dichvucong.accounts.testing import login_verified


def test_staff_land_in_the_one_stop_office(client, cast):
    login_verified(client, cast.receptionist_a)
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

    StaffRole.objects.create(
        user=cast.specialist_b, role=Role.EDUCATION_OFFICE, agency=cast.agency_b
    )
    StaffRole.objects.filter(user=cast.specialist_b, role=Role.SPECIALIST).delete()
    login_verified(client, cast.specialist_b)
    response = client.get(reverse("core:after_login"))
    assert response["Location"] == reverse("outreach:campaign_list")


def test_the_administrator_lands_in_the_admin_site(client, cast):
    from dichvucong.accounts.constants import AccountKind, Role
    from dichvucong.accounts.models import StaffRole, User

    administrator = User.objects.create_user(
        username="quantri", password="x", kind=AccountKind.STAFF, is_staff=True, is_superuser=True
    )
    StaffRole.objects.create(user=administrator, role=Role.ADMINISTRATOR, agency=cast.agency_a)
    login_verified(client, administrator)
    assert client.get(reverse("core:after_login"))["Location"] == reverse("admin:index")


def test_staff_with_no_role_yet_go_home(client, cast):
    from dichvucong.accounts.constants import AccountKind
    from dichvucong.accounts.models import User

    login_verified(client, User.objects.create_user(username="moi", kind=AccountKind.STAFF))
    assert client.get(reverse("core:after_login"))["Location"] == reverse("core:home")
