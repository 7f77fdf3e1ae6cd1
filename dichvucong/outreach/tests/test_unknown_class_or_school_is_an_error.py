from __future__ import annotations

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach.models import Pupil
from dichvucong.outreach.tests.helpers import GOOD_ROW, import_rows, problems


def test_a_class_that_was_not_added_first_is_an_error(oc):
    row = list(GOOD_ROW)
    row[1] = "8A9"
    job = import_rows(oc.coordinator_a, [row], school=oc.school_a)
    assert problems(job) == {(2, "Lớp")}
    assert "8A9" in job.errors[0]["message"]
    assert not Pupil.objects.exists()


def test_a_class_of_another_school_year_is_unknown(oc):
    job = import_rows(oc.coordinator_a, [GOOD_ROW], school=oc.school_a, school_year="2017-2018")
    assert problems(job) == {(2, "Lớp")}


def test_class_and_school_names_match_loosely(oc):
    row = list(GOOD_ROW)
    row[0], row[1] = "Trường THCS Khuong Dinh", "8 a1"
    assert import_rows(oc.coordinator_a, [row], school=oc.school_a).errors == []


def test_a_coordinator_cannot_import_into_another_school(oc):
    row = ["THCS Kim Giang", "8B1", "Lê Minh Anh", 2003, "Lê Văn Hùng", "0912345678"]
    job = import_rows(oc.coordinator_a, [row], school=oc.school_a)
    assert problems(job) == {(2, "Trường")}
    assert not Pupil.objects.exists()


def test_the_education_office_imports_for_the_campaigns_schools(oc):
    rows = [
        GOOD_ROW,
        ["THCS Kim Giang", "8B1", "Lê Minh Anh", 2003, "Lê Văn Hùng", "0912345678"],
        ["THCS Nhân Chính", "8A1", "Ngô Thu Hà", 2003, "Ngô Văn Tâm", "0912345679"],
    ]
    job = import_rows(oc.education, rows, campaign=oc.campaign)
    assert problems(job) == {(4, "Trường")}
    del rows[2]
    job = import_rows(oc.education, rows, campaign=oc.campaign)
    assert job.errors == []
    assert Pupil.objects.count() == 2


def test_a_coordinator_cannot_import_for_a_whole_campaign(oc, client):
    from dichvucong.outreach.models import RosterImport
    from dichvucong.outreach.tests.rosters import to_csv, upload

    login_verified(client, oc.coordinator_a)
    response = client.post(
        "/tuyen-truyen/nhap-danh-sach/",
        {"file": upload("ds.csv", to_csv([GOOD_ROW])), "school": "", "campaign": oc.campaign.pk},
    )
    assert response.status_code == 200
    assert not RosterImport.objects.exists()


def test_schools_the_uploader_may_no_longer_write_to_are_unknown(oc):
    from dichvucong.outreach.models import RosterImport
    from dichvucong.outreach.roster import allowed_schools

    job = RosterImport(uploaded_by=oc.coordinator_a, campaign=oc.campaign)
    assert allowed_schools(job) == [oc.school_a]
