from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.apps import apps
from django.db import models

from dichvucong.accounts.testing import login_verified
from dichvucong.catalogue.constants import HandlingLevel
from dichvucong.catalogue.models import Field, Procedure
from dichvucong.outreach import services, summaries
from dichvucong.outreach.constants import ConsentGiver, ConsentMethod
from dichvucong.outreach.models import (
    Ambassador,
    Attendance,
    Guardian,
    PracticeAttempt,
    Pupil,
    PupilErasure,
    TrainingSession,
)
from dichvucong.outreach.tests.cast import add_pupil

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
NAME = "Hoàng Bảo Khuê"
GUARDIAN = "Hoàng Văn Thạch"


def _session(oc) -> TrainingSession:
    session = TrainingSession.objects.create(
        campaign=oc.campaign,
        school=oc.school_a,
        place="Hội trường",
        starts_at=datetime(2017, 3, 2, 8, tzinfo=HANOI),
        ends_at=datetime(2017, 3, 2, 10, tzinfo=HANOI),
    )
    session.classes.set([oc.class_a])
    return session


def _procedure() -> Procedure:
    field = Field.objects.create(name="Hộ tịch")
    return Procedure.objects.create(
        code="1.001193", name="Đăng ký khai sinh", field=field, handling_level=HandlingLevel.WARD
    )


def _counts(oc) -> dict[str, int]:
    rows = summaries.school_rows(oc.campaign, [oc.school_a.pk])
    return {
        "trained": rows[0].trained,
        "attendance": Attendance.objects.count(),
        "practice": PracticeAttempt.objects.filter(completed_at__isnull=False).count(),
        "pupils_rows": Pupil.objects.count(),
        "ambassadors": Ambassador.objects.count(),
    }


def _outreach_text() -> str:
    """Every text and JSON value in every outreach table."""
    found = []
    for model in apps.get_app_config("outreach").get_models():
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        for values in model.objects.values_list(*fields):
            found.extend(str(value) for value in values)
    return "\n".join(found)


def test_erasing_a_pupil_keeps_every_count_and_leaves_no_trace_of_the_name(oc):
    pupil = add_pupil(
        oc.class_a,
        name=NAME,
        guardian=Guardian.objects.create(full_name=GUARDIAN, phone="0912000111"),
    )
    add_pupil(oc.class_a, name="Phạm Thu Trang")
    services.record_consent(
        pupil,
        giver=ConsentGiver.GUARDIAN,
        given=True,
        method=ConsentMethod.PAPER,
        by=oc.coordinator_a,
        note=f"Phiếu do ông {GUARDIAN} ký cho {NAME}",
    )
    services.save_attendance(_session(oc), [pupil.pk])
    Ambassador.objects.create(
        campaign=oc.campaign,
        pupil=pupil,
        residential_group=oc.group_a,
        since=datetime(2017, 3, 20).date(),
    )
    PracticeAttempt.objects.create(
        pupil=pupil, procedure=_procedure(), completed_at=datetime(2017, 3, 2, 9, tzinfo=HANOI)
    )
    before = _counts(oc)
    assert NAME in _outreach_text()

    assert services.erase_pupil(pupil, oc.coordinator_a)

    assert _counts(oc) == before
    assert before["practice"] == before["trained"] == 1
    text = _outreach_text()
    assert NAME not in text and GUARDIAN not in text and "0912000111" not in text
    pupil.refresh_from_db()
    assert pupil.full_name == "Đã xóa" and pupil.birth_year is None and pupil.guardian is None
    assert not Ambassador.objects.get().active
    erasure = PupilErasure.objects.get()
    assert (erasure.pupil_id, erasure.erased_by_id) == (pupil.pk, oc.coordinator_a.pk)


def test_a_guardian_shared_with_a_sibling_is_kept(oc):
    guardian = Guardian.objects.create(full_name=GUARDIAN, phone="0912000111")
    pupil = add_pupil(oc.class_a, name=NAME, guardian=guardian)
    sibling = add_pupil(oc.class_a, name="Hoàng Bảo Ngọc", guardian=guardian)
    services.erase_pupil(pupil, oc.coordinator_a)
    sibling.refresh_from_db()
    assert sibling.guardian == guardian


def test_erasing_twice_records_it_once(oc):
    pupil = add_pupil(oc.class_a, name=NAME)
    assert services.erase_pupil(pupil, oc.coordinator_a)
    assert not services.erase_pupil(pupil, oc.coordinator_a)
    assert PupilErasure.objects.count() == 1


def test_the_pupil_page_erases_only_when_confirmed(oc, client):
    pupil = add_pupil(oc.class_a, name=NAME)
    login_verified(client, oc.coordinator_a)
    client.post(f"/tuyen-truyen/hoc-sinh/{pupil.pk}/xoa/")
    pupil.refresh_from_db()
    assert not pupil.is_erased
    client.post(f"/tuyen-truyen/hoc-sinh/{pupil.pk}/xoa/", {"confirm": "yes"})
    pupil.refresh_from_db()
    assert pupil.is_erased
    assert NAME not in client.get(f"/tuyen-truyen/lop/{oc.class_a.pk}/").content.decode()


def test_the_admin_history_keeps_its_entries_but_not_the_name(oc):
    """Django admin's history stores str(pupil) when someone edits a pupil
    there; erasure leaves the entry (who changed what, when) and drops the
    name."""
    from django.contrib.admin.models import CHANGE, LogEntry

    pupil = add_pupil(oc.class_a, name=NAME)
    LogEntry.objects.log_actions(
        oc.education.pk, [pupil], CHANGE, change_message=f"Sửa tên thành {NAME}", single_object=True
    )
    assert NAME in LogEntry.objects.get().object_repr

    services.erase_pupil(pupil, oc.coordinator_a)

    entry = LogEntry.objects.get()
    assert NAME not in entry.object_repr + entry.change_message
    assert (entry.object_id, entry.user_id) == (str(pupil.pk), oc.education.pk)
