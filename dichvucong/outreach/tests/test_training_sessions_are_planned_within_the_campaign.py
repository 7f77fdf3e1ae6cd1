from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach.models import TrainingSession

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def _post(client, oc, **changes):
    data = {
        "school": oc.school_a.pk,
        "day": "02/03/2017",
        "start": "08:00",
        "end": "10:00",
        "place": "Hội trường",
        "presenters": "Thầy Nguyễn Thế Tuấn",
        "classes": [oc.class_a.pk],
    }
    data.update(changes)
    return client.post(f"/tuyen-truyen/chien-dich/{oc.campaign.pk}/buoi/them/", data)


def test_a_coordinator_adds_a_session_with_vietnamese_dates(oc, client):
    login_verified(client, oc.coordinator_a)
    assert _post(client, oc).status_code == 302
    session = TrainingSession.objects.get()
    assert session.starts_at == datetime(2017, 3, 2, 8, tzinfo=HANOI)
    assert session.ends_at == datetime(2017, 3, 2, 10, tzinfo=HANOI)
    assert list(session.classes.all()) == [oc.class_a]


def test_a_session_outside_the_campaign_or_ending_before_it_starts_is_refused(oc, client):
    login_verified(client, oc.coordinator_a)
    assert _post(client, oc, day="17/03/2017").status_code == 200
    assert _post(client, oc, start="10:00", end="09:00").status_code == 200
    assert not TrainingSession.objects.exists()


def test_classes_of_another_school_are_refused(oc, client):
    login_verified(client, oc.education)
    assert _post(client, oc, classes=[oc.class_b.pk]).status_code == 200
    login_verified(client, oc.coordinator_a)
    assert _post(client, oc, school=oc.school_b.pk).status_code == 200
    assert not TrainingSession.objects.exists()


def test_editing_keeps_the_session_and_changes_its_time(oc, client):
    login_verified(client, oc.coordinator_a)
    _post(client, oc)
    session = TrainingSession.objects.get()
    form = client.get(f"/tuyen-truyen/buoi/{session.pk}/sua/").content.decode()
    assert 'value="02/03/2017"' in form and 'value="08:00"' in form
    data = {
        "school": oc.school_a.pk,
        "day": "03/03/2017",
        "start": "14:00",
        "end": "16:00",
        "place": "Phòng tin học",
        "classes": [oc.class_a.pk],
    }
    assert client.post(f"/tuyen-truyen/buoi/{session.pk}/sua/", data).status_code == 302
    session.refresh_from_db()
    assert session.starts_at == datetime(2017, 3, 3, 14, tzinfo=HANOI)


def test_the_calendar_groups_sessions_by_day(oc, client):
    login_verified(client, oc.education)
    _post(client, oc, day="02/03/2017", start="14:00", end="16:00")
    _post(client, oc, day="02/03/2017", start="08:00", end="10:00")
    _post(client, oc, school=oc.school_b.pk, day="06/03/2017", classes=[oc.class_b.pk])
    html = client.get(f"/tuyen-truyen/chien-dich/{oc.campaign.pk}/lich/").content.decode()
    assert html.count('class="or-day"') == 2
    assert html.index("02/03/2017") < html.index("06/03/2017")
    day_one = html[html.index("02/03/2017") : html.index("06/03/2017")]
    assert day_one.index("08:00") < day_one.index("14:00")
