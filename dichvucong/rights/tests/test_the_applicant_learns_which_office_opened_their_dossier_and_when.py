from __future__ import annotations

from dichvucong.accounts.testing import login_verified
from dichvucong.rights.models import DossierRead
from dichvucong.rights.tests.helpers import accepted_dossier


def test_opening_a_dossier_in_the_back_office_is_noted_once_a_day_and_shown_by_role(client, cast):
    dossier = accepted_dossier(cast)
    login_verified(client, cast.leader_a)
    for _ in range(2):
        assert client.get(f"/mot-cua/ho-so/{dossier.public_id}/").status_code == 200
    assert DossierRead.objects.filter(dossier=dossier, actor=cast.leader_a).count() == 1
    client.force_login(cast.applicant)
    page = client.get("/tai-khoan/du-lieu-cua-toi/").content.decode()
    assert "Cán bộ đã mở xem hồ sơ của bạn" in page
    assert "Lãnh đạo" in page
    assert cast.leader_a.full_name not in page


def test_a_refused_look_at_another_wards_dossier_is_not_noted(client, cast):
    dossier = accepted_dossier(cast)
    login_verified(client, cast.receptionist_b)
    assert client.get(f"/mot-cua/ho-so/{dossier.public_id}/").status_code == 404
    assert not DossierRead.objects.exists()
