from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach import access
from dichvucong.outreach.models import RosterImport, TrainingSession
from dichvucong.outreach.tests.cast import add_pupil

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def _school_b_rows(oc):
    pupil = add_pupil(oc.class_b, "Ngô Thu Hà")
    session = TrainingSession.objects.create(
        campaign=oc.campaign,
        school=oc.school_b,
        place="Hội trường",
        starts_at=datetime(2017, 3, 3, 8, tzinfo=HANOI),
        ends_at=datetime(2017, 3, 3, 10, tzinfo=HANOI),
    )
    job = RosterImport.objects.create(
        uploaded_by=oc.coordinator_b,
        school=oc.school_b,
        school_year="2016-2017",
        original_name="b.xlsx",
    )
    return pupil, session, job


def test_school_b_pages_are_404_for_the_coordinator_of_school_a(oc, client):
    pupil, session, job = _school_b_rows(oc)
    login_verified(client, oc.coordinator_a)
    for url in (
        f"/tuyen-truyen/hoc-sinh/{pupil.pk}/",
        f"/tuyen-truyen/lop/{oc.class_b.pk}/",
        f"/tuyen-truyen/buoi/{session.pk}/",
        f"/tuyen-truyen/buoi/{session.pk}/sua/",
        f"/tuyen-truyen/buoi/{session.pk}/diem-danh/",
        f"/tuyen-truyen/nhap-danh-sach/{job.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        f"/tuyen-truyen/hoc-sinh/{pupil.pk}/xoa/",
        f"/tuyen-truyen/hoc-sinh/{pupil.pk}/dong-y/",
    ):
        assert client.post(url, {"confirm": "yes"}).status_code == 404, url
    pupil.refresh_from_db()
    assert not pupil.is_erased


def test_the_querysets_hold_only_school_a(oc):
    pupil_b, session_b, job_b = _school_b_rows(oc)
    pupil_a = add_pupil(oc.class_a, "Lê An")
    user = oc.coordinator_a
    assert list(access.pupils_for(user)) == [pupil_a]
    assert list(access.classes_for(user)) == [oc.class_a]
    assert not access.sessions_for(user).exists()
    assert not access.imports_for(user).exists()
    assert list(access.campaigns_for(user)) == [oc.campaign]


def test_lists_do_not_show_school_b(oc, client):
    add_pupil(oc.class_b, "Ngô Thu Hà")
    login_verified(client, oc.coordinator_a)
    html = client.get("/tuyen-truyen/lop/").content.decode()
    assert "THCS Khương Đình" in html and "THCS Kim Giang" not in html
    html = client.get(f"/tuyen-truyen/chien-dich/{oc.campaign.pk}/").content.decode()
    assert "THCS Kim Giang" not in html


def test_the_education_office_sees_both_schools_and_leadership_no_names(oc):
    add_pupil(oc.class_a, "Lê An")
    add_pupil(oc.class_b, "Ngô Thu Hà")
    assert access.pupils_for(oc.education).count() == 2
    assert access.classes_for(oc.leadership).count() == 2
    assert not access.pupils_for(oc.leadership).exists()
