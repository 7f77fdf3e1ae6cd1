"""On the pupil's page the school chooses the residential group the pupil
serves as ambassador: a group of the school's ward (of the district when
the school has no ward), and only once both consents are in, the rule a
login follows too."""

from __future__ import annotations

from dichvucong.accounts.testing import login_verified
from dichvucong.catalogue.constants import UnitLevel
from dichvucong.catalogue.models import AdminUnit
from dichvucong.outreach import practice
from dichvucong.outreach.constants import ConsentGiver
from dichvucong.outreach.models import Ambassador, School
from dichvucong.outreach.tests.ambassador_setup import consent
from dichvucong.outreach.tests.cast import add_pupil
from dichvucong.outreach.tests.helpers import messages_of


def _group(name: str, code: str, ward: AdminUnit) -> AdminUnit:
    return AdminUnit.objects.create(name=name, code=code, level=UnitLevel.GROUP, parent=ward)


def test_a_coordinator_sets_the_group_of_a_consented_pupil(oc, client) -> None:
    pupil = add_pupil(oc.class_a)
    consent(pupil, oc.coordinator_a)
    group_2 = _group("Tổ dân phố 2", "O-KD-2", oc.ward_a)
    login_verified(client, oc.coordinator_a)
    page = client.get(f"/tuyen-truyen/hoc-sinh/{pupil.pk}/").content.decode()
    assert "Tổ dân phố 1, Khương Đình" in page and "Tổ dân phố 2, Khương Đình" in page

    response = client.post(
        f"/tuyen-truyen/hoc-sinh/{pupil.pk}/to-dan-pho/", {"group": oc.group_a.pk}
    )
    assert response.status_code == 302
    assert messages_of(response) == ["Đã lưu tổ dân phố học sinh hỗ trợ."]
    pupil.refresh_from_db()
    assert pupil.ambassador_group == oc.group_a

    # Once an ambassador, the pupil's help moves with the group.
    practice.create_pupil_account(pupil, by=oc.coordinator_a)
    client.post(f"/tuyen-truyen/hoc-sinh/{pupil.pk}/to-dan-pho/", {"group": group_2.pk})
    pupil.refresh_from_db()
    assert pupil.ambassador_group == group_2
    assert Ambassador.objects.get(pupil=pupil).residential_group == group_2


def test_a_pupil_without_both_consents_gets_no_group(oc, client) -> None:
    pupil = add_pupil(oc.class_a)
    consent(pupil, oc.coordinator_a, ConsentGiver.GUARDIAN)  # the pupil's own is missing
    login_verified(client, oc.coordinator_a)
    page = client.get(f"/tuyen-truyen/hoc-sinh/{pupil.pk}/").content.decode()
    assert 'name="group"' not in page
    assert "Cần đủ ý kiến đồng ý của phụ huynh và của học sinh trước khi chọn" in page

    response = client.post(
        f"/tuyen-truyen/hoc-sinh/{pupil.pk}/to-dan-pho/", {"group": oc.group_a.pk}
    )
    assert messages_of(response) == [
        "Chưa lưu: Chưa có đủ ý kiến đồng ý của phụ huynh và học sinh."
    ]
    pupil.refresh_from_db()
    assert pupil.ambassador_group is None


def test_a_group_of_another_ward_is_not_offered_nor_taken(oc, client) -> None:
    pupil = add_pupil(oc.class_a)
    consent(pupil, oc.coordinator_a)
    elsewhere = _group("Tổ dân phố 9", "O-KG-9", oc.ward_b)
    login_verified(client, oc.coordinator_a)
    assert "Tổ dân phố 9" not in client.get(f"/tuyen-truyen/hoc-sinh/{pupil.pk}/").content.decode()
    response = client.post(
        f"/tuyen-truyen/hoc-sinh/{pupil.pk}/to-dan-pho/", {"group": elsewhere.pk}
    )
    assert messages_of(response) == ["Chưa lưu: hãy chọn một tổ dân phố trong danh sách."]
    pupil.refresh_from_db()
    assert pupil.ambassador_group is None


def test_a_school_without_a_ward_offers_the_groups_of_its_district(oc) -> None:
    elsewhere = _group("Tổ dân phố 9", "O-KG-9", oc.ward_b)
    school = School.objects.create(name="THCS Không rõ phường")
    assert not practice.ambassador_groups(school).exists()  # in no campaign: no district
    oc.campaign.schools.add(school)
    assert set(practice.ambassador_groups(school)) == {oc.group_a, elsewhere}
    assert set(practice.ambassador_groups(oc.school_a)) == {oc.group_a}
