from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach import services
from dichvucong.outreach.models import Attendance, SchoolClass, TrainingSession
from dichvucong.outreach.tests.cast import add_pupil

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def session(oc) -> TrainingSession:
    session = TrainingSession.objects.create(
        campaign=oc.campaign,
        school=oc.school_a,
        place="Phòng tin học",
        starts_at=datetime(2017, 3, 2, 8, tzinfo=HANOI),
        ends_at=datetime(2017, 3, 2, 10, tzinfo=HANOI),
    )
    session.classes.set([oc.class_a])
    return session


def _url(session: TrainingSession) -> str:
    return f"/tuyen-truyen/buoi/{session.pk}/diem-danh/"


def test_the_page_lists_a_checkbox_for_every_pupil_of_the_sessions_classes(oc, session, client):
    an, binh = add_pupil(oc.class_a, "Lê An"), add_pupil(oc.class_a, "Lê Bình")
    other_class = SchoolClass.objects.create(
        school=oc.school_a, name="8A2", school_year="2016-2017"
    )
    outsider = add_pupil(other_class, "Lê Cường")
    login_verified(client, oc.coordinator_a)
    html = client.get(_url(session)).content.decode()
    for pupil in (an, binh):
        assert f'name="present" value="{pupil.pk}"' in html
    assert f'value="{outsider.pk}"' not in html


def test_select_all_ticks_every_box_without_saving(oc, session, client):
    pupils = [add_pupil(oc.class_a, "Lê An"), add_pupil(oc.class_a, "Lê Bình")]
    login_verified(client, oc.coordinator_a)
    html = client.post(_url(session), {"select_all": "1"}).content.decode()
    for pupil in pupils:
        assert f'value="{pupil.pk}" id="p{pupil.pk}" checked' in html
    assert not Attendance.objects.exists()


def test_saving_marks_ticked_pupils_present_and_the_others_absent(oc, session, client):
    an, binh = add_pupil(oc.class_a, "Lê An"), add_pupil(oc.class_a, "Lê Bình")
    stranger = add_pupil(oc.class_b, "Ngô Dũng")  # another school's pupil
    login_verified(client, oc.coordinator_a)
    response = client.post(_url(session), {"save": "1", "present": [an.pk, stranger.pk]})
    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("pupil_id", "present")) == {
        an.pk: True,
        binh.pk: False,
    }
    client.post(_url(session), {"save": "1", "present": [binh.pk]})
    assert dict(Attendance.objects.values_list("pupil_id", "present")) == {
        an.pk: False,
        binh.pk: True,
    }


def test_an_erased_pupils_attendance_stays_as_recorded(oc, session):
    an = add_pupil(oc.class_a, "Lê An")
    services.save_attendance(session, [an.pk])
    services.erase_pupil(an, oc.coordinator_a)
    assert services.save_attendance(session, []) == (0, 0)
    assert Attendance.objects.get().present


def test_district_leadership_cannot_take_attendance(oc, session, client):
    login_verified(client, oc.leadership)
    assert client.get(_url(session)).status_code == 404
    assert client.get(f"/tuyen-truyen/buoi/{session.pk}/").status_code == 200
