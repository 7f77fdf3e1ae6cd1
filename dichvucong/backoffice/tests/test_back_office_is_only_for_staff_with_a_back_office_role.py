"""Only officers with a reception, specialist or leader role get in."""

from __future__ import annotations

import pytest

from dichvucong.accounts.constants import AccountKind, Role
from dichvucong.accounts.models import StaffRole, User
from dichvucong.accounts.testing import login_verified
from dichvucong.backoffice.tests.helpers import QUEUES_URL, detail_url
from dichvucong.dossiers.testing import make_dossier


def test_an_anonymous_visitor_is_sent_to_the_login_page(client) -> None:
    response = client.get(QUEUES_URL)
    assert response.status_code == 302
    assert response["Location"] == "/tai-khoan/dang-nhap/?next=/mot-cua/"


def test_an_anonymous_visitor_cannot_open_a_dossier(client, cast) -> None:
    dossier = make_dossier(cast)
    response = client.get(detail_url(dossier))
    assert response.status_code == 302
    assert response["Location"].startswith("/tai-khoan/dang-nhap/")


@pytest.mark.parametrize("who", ["applicant", "other_applicant"])
def test_a_citizen_gets_a_vietnamese_403_page(client, cast, who: str) -> None:
    dossier = make_dossier(cast)
    login_verified(client, getattr(cast, who))
    for url in (QUEUES_URL, detail_url(dossier)):
        response = client.get(url)
        assert response.status_code == 403
        assert "Trang này dành cho cán bộ Bộ phận Một cửa" in response.content.decode()


def test_staff_without_a_back_office_role_are_refused(client, cast) -> None:
    teacher = User.objects.create_user(
        username="giaovien", password="x-pass-123", full_name="Giáo Viên", kind=AccountKind.STAFF
    )
    StaffRole.objects.create(user=teacher, role=Role.EDUCATION_OFFICE, agency=cast.agency_a)
    login_verified(client, teacher)
    assert client.get(QUEUES_URL).status_code == 403


def test_a_citizen_holding_a_role_row_by_mistake_is_still_refused(client, cast) -> None:
    StaffRole.objects.create(user=cast.applicant, role=Role.RECEPTIONIST, agency=cast.agency_a)
    client.force_login(cast.applicant)
    assert client.get(QUEUES_URL).status_code == 403


@pytest.mark.parametrize("who", ["receptionist_a", "specialist_a", "leader_a", "leader_b"])
def test_every_back_office_role_gets_the_queues(client, cast, who: str) -> None:
    login_verified(client, getattr(cast, who))
    response = client.get(QUEUES_URL)
    assert response.status_code == 200
    assert "Hồ sơ cần xử lý" in response.content.decode()
