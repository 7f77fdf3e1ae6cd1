"""The class page's bulk actions: a residential group for the chosen
pupils or the whole class, first logins with their printed slips, the
consent rule kept, another school's coordinator kept out, and a page
whose number of queries does not grow with the class."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from dichvucong.accounts.testing import login_verified
from dichvucong.outreach.models import Ambassador, Pupil
from dichvucong.outreach.tests.ambassador_setup import consent, slips_on
from dichvucong.outreach.tests.cast import add_pupil

NAMES = ["Trần Thu Hà", "Lê Minh Anh", "Phạm Gia Huy", "Vũ Ngọc Mai"]


def class_of(oc, names=NAMES, consented=3):
    pupils = [add_pupil(oc.class_a, name) for name in names]
    for pupil in pupils[:consented]:
        consent(pupil, oc.coordinator_a)
    return pupils


def bulk(client, oc, **data):
    return client.post(f"/tuyen-truyen/lop/{oc.class_a.pk}/chon-nhieu/", data)


def test_chosen_pupils_get_the_group_and_those_without_consent_are_named(oc, client):
    pupils = class_of(oc)
    login_verified(client, oc.coordinator_a)
    chosen = [pupils[0].pk, pupils[3].pk]
    response = bulk(client, oc, pupil=chosen, group=oc.group_a.pk, action="group")
    assert response.status_code == 302
    groups = dict(Pupil.objects.values_list("full_name", "ambassador_group"))
    assert groups == {
        "Trần Thu Hà": oc.group_a.pk,
        "Lê Minh Anh": None,
        "Phạm Gia Huy": None,
        "Vũ Ngọc Mai": None,
    }
    page = client.get(response["Location"]).content.decode()
    assert "Đã gán Tổ dân phố 1 cho 1 học sinh." in page
    assert "Vũ Ngọc Mai (Chưa có đủ ý kiến đồng ý" in page


def test_the_whole_class_gets_its_logins_and_one_page_of_slips(oc, client):
    class_of(oc)
    login_verified(client, oc.coordinator_a)
    bulk(client, oc, whole_class="yes", group=oc.group_a.pk, action="group")
    response = bulk(client, oc, whole_class="yes", action="logins")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    slips = slips_on(response.content.decode())
    assert len(slips) == 3
    assert Ambassador.objects.exclude(user=None).count() == 3
    again = bulk(client, oc, whole_class="yes", action="logins")
    assert again.status_code == 302  # nobody new: nothing issued twice
    assert Ambassador.objects.exclude(user=None).count() == 3


def test_nothing_chosen_is_said_plainly(oc, client):
    class_of(oc)
    login_verified(client, oc.coordinator_a)
    response = bulk(client, oc, group=oc.group_a.pk, action="group")
    assert "Chưa chọn học sinh nào" in client.get(response["Location"]).content.decode()
    assert not Pupil.objects.filter(ambassador_group__isnull=False).exists()


def test_a_coordinator_of_another_school_cannot_touch_the_class(oc, client):
    pupils = class_of(oc)
    login_verified(client, oc.coordinator_b)
    ids = [p.pk for p in pupils]
    assert bulk(client, oc, pupil=ids, group=oc.group_a.pk, action="group").status_code == 404
    assert bulk(client, oc, whole_class="yes", action="logins").status_code == 404
    # Pupils of school A slipped into school B's own class form are ignored.
    other = client.post(
        f"/tuyen-truyen/lop/{oc.class_b.pk}/chon-nhieu/",
        {"pupil": ids, "action": "logins"},
    )
    assert other.status_code == 302
    assert not Pupil.objects.filter(ambassador_group__isnull=False).exists()
    assert not Ambassador.objects.exists()


def test_the_class_page_needs_the_same_queries_for_4_or_40_pupils(oc, client):
    login_verified(client, oc.coordinator_a)
    class_of(oc)
    client.get(f"/tuyen-truyen/lop/{oc.class_a.pk}/")  # warm the session
    with CaptureQueriesContext(connection) as small:
        assert client.get(f"/tuyen-truyen/lop/{oc.class_a.pk}/").status_code == 200
    class_of(oc, [f"Nguyễn Văn {chr(65 + n)}{chr(97 + n)}" for n in range(36)], consented=20)
    with CaptureQueriesContext(connection) as large:
        page = client.get(f"/tuyen-truyen/lop/{oc.class_a.pk}/")
    assert page.content.decode().count('name="pupil"') == 40
    assert len(large) == len(small)
